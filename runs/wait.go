package runs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Polling schedule of Wait: the first poll is immediate, the next after
// waitFirstDelay, each following delay waitGrowth times longer, up to
// waitMaxDelay.
const (
	waitFirstDelay = 250 * time.Millisecond
	waitGrowth     = 1.5
	waitMaxDelay   = 5 * time.Second
)

// ErrRunFailed is matched (errors.Is) by the error Wait returns for a run
// that ended without completing.
var ErrRunFailed = errors.New("letta: run did not complete")

// RunError is the error Wait returns, together with the run, when the run
// ended in a status other than completed (failed; cancelled or expired on
// newer servers). errors.Is(err, ErrRunFailed) is true for it.
type RunError struct {
	// Run is the run as last retrieved.
	Run *types.Run
	// Status is the run's final status.
	Status types.JobStatus
	// Message is the server's explanation, from the "error" key of the
	// run's metadata; empty when there is none.
	Message string
}

// Error names the run, its status and the server's message.
func (e *RunError) Error() string {
	s := fmt.Sprintf("letta: run %s ended with status %s", e.Run.ID, e.Status)
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// Unwrap returns ErrRunFailed.
func (e *RunError) Unwrap() error { return ErrRunFailed }

// Wait polls the run with RetrieveRun until its status is terminal and
// returns the final run. It polls at once, then after 250 ms, and backs off
// by 1.5× up to one poll every 5 s; opts apply to every poll.
//
//   - completed: the run and a nil error. Its Metadata["result"] holds the
//     agent's response.
//   - failed (or cancelled or expired, statuses of newer servers): the run
//     and a *RunError, which matches ErrRunFailed.
//   - a poll fails (after the client's own retries): the run as last seen
//     (nil if none was retrieved) and that error; a missing run is a 404
//     (types.ErrNotFound).
//   - the context ends: the run as last seen and an error matching
//     ctx.Err() (context.DeadlineExceeded or context.Canceled).
//
// Any other status (created, running, pending, or none) means the run is
// still going.
func (c *Client) Wait(ctx context.Context, runID string, opts ...option.RequestOption) (*types.Run, error) {
	delay := waitFirstDelay
	var last *types.Run
	for {
		run, err := c.RetrieveRun(ctx, runID, opts...)
		if err != nil {
			return last, err
		}
		last = run
		if done, err := finished(run); done {
			return run, err
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return last, fmt.Errorf("letta: waiting for run %s (status %s): %w", runID, status(last), ctx.Err())
		case <-t.C:
		}
		delay = min(time.Duration(float64(delay)*waitGrowth), waitMaxDelay)
	}
}

// finished reports whether the run's status is terminal, and the error for
// a run that did not complete.
func finished(run *types.Run) (bool, error) {
	switch s := status(run); s {
	case types.JobStatusCompleted:
		return true, nil
	case types.JobStatusFailed, "cancelled", "expired":
		msg, _ := run.Metadata["error"].(string)
		return true, &RunError{Run: run, Status: s, Message: msg}
	}
	return false, nil
}

func status(run *types.Run) types.JobStatus {
	if run == nil || run.Status == nil {
		return ""
	}
	return *run.Status
}
