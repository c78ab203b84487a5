package poll_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/poll"
	"github.com/letta-go/letta/types"
)

// job is what the fake get returns: a status (nil for none) and metadata.
type job struct {
	status   *types.JobStatus
	metadata map[string]any
}

type failure struct {
	job     *job
	status  types.JobStatus
	message string
}

func (f *failure) Error() string { return string(f.status) + ": " + f.message }

// script answers the i-th poll with jobs[i] (the last one from then on),
// or err from poll failAt on, and records when each poll came.
type script struct {
	jobs   []*job
	failAt int
	err    error
	polls  []time.Time
}

func (s *script) get(context.Context) (*job, *types.JobStatus, map[string]any, error) {
	n := len(s.polls)
	s.polls = append(s.polls, time.Now())
	if s.err != nil && n >= s.failAt {
		return nil, nil, nil, s.err
	}
	j := s.jobs[min(n, len(s.jobs)-1)]
	return j, j.status, j.metadata, nil
}

func (s *script) wait(ctx context.Context) (*job, error) {
	return poll.Wait(ctx, "job", "job-1", s.get, func(j *job, status types.JobStatus, msg string) error {
		return &failure{job: j, status: status, message: msg}
	})
}

func withStatus(s string, metadata map[string]any) *job {
	return &job{status: new(types.JobStatus(s)), metadata: metadata}
}

func TestTerminalStatuses(t *testing.T) {
	cases := []struct {
		status  string
		failed  bool
		message string
	}{
		{"completed", false, ""},
		{"failed", true, "Source not found"},
		{"cancelled", true, ""},
		{"expired", true, ""},
	}
	for _, tc := range cases {
		t.Run(tc.status, func(t *testing.T) {
			final := withStatus(tc.status, map[string]any{"error": tc.message})
			s := &script{jobs: []*job{final}}
			got, err := s.wait(context.Background())
			assert.Same(t, final, got)
			assert.Len(t, s.polls, 1, "a finished job is not polled again")
			if !tc.failed {
				assert.NoError(t, err)
				return
			}
			var f *failure
			require.ErrorAs(t, err, &f)
			assert.Same(t, final, f.job)
			assert.Equal(t, types.JobStatus(tc.status), f.status)
			assert.Equal(t, tc.message, f.message)
		})
	}
}

func TestMessageIsTheErrorStringOrEmpty(t *testing.T) {
	for _, metadata := range []map[string]any{nil, {}, {"error": 42}, {"error": nil}} {
		s := &script{jobs: []*job{withStatus("failed", metadata)}}
		_, err := s.wait(context.Background())
		var f *failure
		require.ErrorAs(t, err, &f)
		assert.Empty(t, f.message, "metadata %v", metadata)
	}
}

// The delays between polls follow the schedule exactly: the test runs in a
// synctest bubble, where time is virtual and only moves when every
// goroutine waits, so machine load cannot stretch a delay.
func TestPollsUntilTerminalWithGrowingDelays(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &script{jobs: []*job{
			{}, // no status yet: still going
			withStatus("created", nil),
			withStatus("running", nil),
			withStatus("pending", nil),
			withStatus("completed", map[string]any{"num_passages": 1}),
		}}
		got, err := s.wait(context.Background())
		require.NoError(t, err)
		assert.Same(t, s.jobs[4], got)
		require.Len(t, s.polls, 5)
		want := poll.FirstDelay
		for i := 1; i < len(s.polls); i++ {
			assert.Equal(t, want, s.polls[i].Sub(s.polls[i-1]), "delay before poll %d", i)
			want = min(time.Duration(float64(want)*poll.Growth), poll.MaxDelay)
		}
	})
}

func TestFailedPollReturnsTheLastJobSeen(t *testing.T) {
	boom := errors.New("boom")
	s := &script{jobs: []*job{withStatus("running", nil)}, failAt: 1, err: boom}
	got, err := s.wait(context.Background())
	assert.Same(t, boom, err)
	assert.Same(t, s.jobs[0], got)
	assert.Len(t, s.polls, 2)

	s = &script{err: boom}
	got, err = s.wait(context.Background())
	assert.Same(t, boom, err)
	assert.Nil(t, got, "no job was retrieved")
}

func TestContextEndsTheWait(t *testing.T) {
	cases := []struct {
		want error
		ctx  func() (context.Context, func())
	}{
		{context.Canceled, func() (context.Context, func()) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(50*time.Millisecond, cancel)
			return ctx, cancel
		}},
		{context.DeadlineExceeded, func() (context.Context, func()) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		}},
	}
	for _, tc := range cases {
		// In a synctest bubble the 50 ms always end inside the first
		// 250 ms delay, however loaded the machine is.
		t.Run(tc.want.Error(), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := &script{jobs: []*job{withStatus("running", nil)}}
				ctx, cancel := tc.ctx()
				defer cancel()
				got, err := s.wait(ctx)
				require.ErrorIs(t, err, tc.want)
				assert.EqualError(t, err, "letta: waiting for job job-1 (status running): "+tc.want.Error())
				assert.Same(t, s.jobs[0], got, "the job as last seen")
				assert.Len(t, s.polls, 1, "the context ended during the first delay")
			})
		})
	}
}

func TestDescribe(t *testing.T) {
	assert.Equal(t, "letta: run run-1 ended with status failed: Rate limit exceeded",
		poll.Describe("run", "run-1", types.JobStatusFailed, "Rate limit exceeded"))
	assert.Equal(t, "letta: job job-1 ended with status cancelled", poll.Describe("job", "job-1", "cancelled", ""))
}
