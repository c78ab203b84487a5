package runs

import (
	"context"
	"errors"

	"github.com/letta-go/letta/internal/poll"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
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
	return poll.Describe("run", e.Run.ID, e.Status, e.Message)
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
	return poll.Wait(ctx, "run", runID, func(ctx context.Context) (*types.Run, *types.JobStatus, map[string]any, error) {
		r, err := c.RetrieveRun(ctx, runID, opts...)
		if err != nil {
			return nil, nil, nil, err
		}
		return r, r.Status, r.Metadata, nil
	}, func(r *types.Run, status types.JobStatus, msg string) error {
		return &RunError{Run: r, Status: status, Message: msg}
	})
}
