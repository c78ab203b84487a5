package runs_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/types"
)

// runServer serves GET /v1/runs/run-1, answering the i-th poll with
// bodies[i] (the last one from then on), and records when each poll came.
func runServer(t *testing.T, bodies ...string) (*runs.Client, func() []time.Time) {
	t.Helper()
	var mu sync.Mutex
	var polls []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "GET", r.Method)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path != "/v1/runs/run-1" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"detail":"Run not found"}`)
			return
		}
		mu.Lock()
		n := len(polls)
		polls = append(polls, time.Now())
		mu.Unlock()
		fmt.Fprint(w, bodies[min(n, len(bodies)-1)])
	}))
	t.Cleanup(srv.Close)
	return runs.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(0)), func() []time.Time {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Time(nil), polls...)
	}
}

func run(status string, metadata string) string {
	return fmt.Sprintf(`{"id":"run-1","status":%q,"created_at":"2025-01-24T23:31:21.135993Z","metadata":%s}`, status, metadata)
}

func TestWaitCompleted(t *testing.T) {
	c, polls := runServer(t,
		run("created", `{}`),
		run("running", `{}`),
		run("completed", `{"result":{"messages":[],"usage":{"step_count":1}}}`))
	got, err := c.Wait(context.Background(), "run-1")
	require.NoError(t, err)
	require.NotNil(t, got)
	assert.Equal(t, types.JobStatusCompleted, *got.Status)
	assert.Contains(t, got.Metadata, "result")
	p := polls()
	require.Len(t, p, 3, "one poll per state, none after the run ended")
	first, second := p[1].Sub(p[0]), p[2].Sub(p[1])
	assert.GreaterOrEqual(t, first, 240*time.Millisecond, "first wait ~250 ms")
	assert.GreaterOrEqual(t, second, 360*time.Millisecond, "then ×1.5")
}

func TestWaitRunWithoutStatusIsStillGoing(t *testing.T) {
	c, polls := runServer(t, `{"id":"run-1"}`, run("completed", `{}`))
	got, err := c.Wait(context.Background(), "run-1")
	require.NoError(t, err)
	assert.Equal(t, types.JobStatusCompleted, *got.Status)
	assert.Len(t, polls(), 2)
}

func TestWaitFailed(t *testing.T) {
	c, polls := runServer(t,
		run("running", `{}`),
		run("failed", `{"error":"Rate limit exceeded for model gpt-4o"}`))
	got, err := c.Wait(context.Background(), "run-1")
	require.Error(t, err)
	require.NotNil(t, got, "the failed run is returned with the error")
	assert.Equal(t, types.JobStatusFailed, *got.Status)
	assert.ErrorIs(t, err, runs.ErrRunFailed)
	var runErr *runs.RunError
	require.ErrorAs(t, err, &runErr)
	assert.Same(t, got, runErr.Run)
	assert.Equal(t, types.JobStatusFailed, runErr.Status)
	assert.Equal(t, "Rate limit exceeded for model gpt-4o", runErr.Message)
	assert.Equal(t, "letta: run run-1 ended with status failed: Rate limit exceeded for model gpt-4o", err.Error())
	assert.Len(t, polls(), 2)
}

func TestWaitTerminalStatuses(t *testing.T) {
	cases := []struct {
		status string
		failed bool
	}{
		{"completed", false},
		{"failed", true},
		{"cancelled", true},
		{"expired", true},
	}
	for _, tc := range cases {
		t.Run(tc.status, func(t *testing.T) {
			c, polls := runServer(t, run(tc.status, `{}`))
			got, err := c.Wait(context.Background(), "run-1")
			require.NotNil(t, got)
			assert.Equal(t, tc.failed, errors.Is(err, runs.ErrRunFailed), "%v", err)
			if !tc.failed {
				assert.NoError(t, err)
			}
			assert.Len(t, polls(), 1, "a terminal run is not polled again")
		})
	}
}

func TestWaitContextDeadline(t *testing.T) {
	c, polls := runServer(t, run("running", `{}`))
	ctx, cancel := context.WithTimeout(context.Background(), 800*time.Millisecond)
	defer cancel()
	start := time.Now()
	got, err := c.Wait(ctx, "run-1")
	elapsed := time.Since(start)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotErrorIs(t, err, runs.ErrRunFailed)
	require.NotNil(t, got, "the run as last seen")
	assert.Equal(t, types.JobStatusRunning, *got.Status)
	assert.Contains(t, err.Error(), "run-1")
	assert.GreaterOrEqual(t, elapsed, 800*time.Millisecond)
	// Polls at 0, 250 and 625 ms; the next would be at 1187 ms. (A slow
	// machine may push the third past the deadline.)
	n := len(polls())
	assert.GreaterOrEqual(t, n, 2)
	assert.LessOrEqual(t, n, 3)
}

func TestWaitCancelledContext(t *testing.T) {
	c, polls := runServer(t, run("running", `{}`))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	got, err := c.Wait(ctx, "run-1")
	require.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, got)
	assert.Len(t, polls(), 1)
}

func TestWaitMissingRun(t *testing.T) {
	c, polls := runServer(t, run("running", `{}`))
	got, err := c.Wait(context.Background(), "run-404")
	require.ErrorIs(t, err, types.ErrNotFound)
	assert.Nil(t, got)
	assert.Empty(t, polls())
}

func TestWaitEmptyID(t *testing.T) {
	c, polls := runServer(t, run("running", `{}`))
	got, err := c.Wait(context.Background(), "")
	require.Error(t, err)
	assert.Nil(t, got)
	assert.Empty(t, polls())
}
