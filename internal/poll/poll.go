// Package poll waits for a server-side job (a run, or an upload's job) to
// reach a terminal status; runs.Client.Wait and jobs.Client.Wait share it.
package poll

import (
	"context"
	"fmt"
	"time"

	"github.com/letta-go/letta/types"
)

// Polling schedule of Wait: the first poll is immediate, the next after
// FirstDelay, each following delay Growth times longer, up to MaxDelay.
const (
	FirstDelay = 250 * time.Millisecond
	Growth     = 1.5
	MaxDelay   = 5 * time.Second
)

// Describe is the text of the error for the failed job kind id: its
// status and the server's message.
func Describe(kind, id string, status types.JobStatus, message string) string {
	s := fmt.Sprintf("letta: %s %s ended with status %s", kind, id, status)
	if message != "" {
		s += ": " + message
	}
	return s
}

// Wait calls get on the schedule above until the status it reports is
// terminal, and returns the last value get retrieved (the zero T if none
// was). kind and id name the job in errors.
//
//   - completed: a nil error;
//   - failed, cancelled or expired: fail(v, status, message), where message
//     is the "error" key of the metadata, or "";
//   - get fails: its error;
//   - ctx ends: an error wrapping ctx.Err().
//
// Any other status, or none (a nil status), means the job is still going.
func Wait[T any](ctx context.Context, kind, id string,
	get func(context.Context) (T, *types.JobStatus, map[string]any, error),
	fail func(v T, status types.JobStatus, message string) error,
) (T, error) {
	delay := FirstDelay
	var last T
	for {
		v, status, metadata, err := get(ctx)
		if err != nil {
			return last, err
		}
		last = v
		switch s := deref(status); s {
		case types.JobStatusCompleted:
			return v, nil
		case types.JobStatusFailed, "cancelled", "expired":
			msg, _ := metadata["error"].(string)
			return v, fail(v, s, msg)
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return last, fmt.Errorf("letta: waiting for %s %s (status %s): %w", kind, id, deref(status), ctx.Err())
		case <-t.C:
		}
		delay = min(time.Duration(float64(delay)*Growth), MaxDelay)
	}
}

func deref(s *types.JobStatus) types.JobStatus {
	if s == nil {
		return ""
	}
	return *s
}
