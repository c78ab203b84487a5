package jobs_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/types"
)

// scripted serves job-1 as the real server reports an upload's job: the
// i-th GET /v1/jobs/job-1 gets states[i] (the last one from then on); any
// other job is a 404 with the server's body.
func scripted(t *testing.T, states ...string) (*jobs.Client, *testutil.Recorder) {
	var polls atomic.Int32
	rec := testutil.NewRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method != http.MethodGet || r.URL.Path != "/v1/jobs/job-1" {
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"detail":"Job not found"}`))
			return
		}
		i := min(int(polls.Add(1)), len(states)) - 1
		w.Write([]byte(`{"id":"job-1","job_type":"job","created_at":"2025-01-24T18:03:11","completed_at":null,` + states[i] + `}`))
	})
	return jobs.NewClient(option.WithBaseURL(rec.URL), option.WithMaxRetries(0)), rec
}

func TestWaitForAnUploadThatCompletes(t *testing.T) {
	c, rec := scripted(t,
		`"status":"created","metadata":{"type":"embedding","filename":"a.txt"}`,
		`"status":"running","metadata":{"type":"embedding","filename":"a.txt"}`,
		`"status":"completed","metadata":{"type":"embedding","filename":"a.txt","num_passages":3,"num_documents":1}`)
	job, err := c.Wait(context.Background(), "job-1")
	require.NoError(t, err)
	require.NotNil(t, job)
	assert.Equal(t, types.JobStatusCompleted, *job.Status)
	assert.Equal(t, json.Number("3"), job.Metadata["num_passages"])
	assert.Len(t, rec.Requests(), 3, "no poll after the job completed")
	for _, r := range rec.Requests() {
		testutil.AssertRequest(t, r, "GET", "/v1/jobs/job-1", "", "")
	}
}

func TestWaitForAJobThatFails(t *testing.T) {
	c, rec := scripted(t,
		`"status":"running","metadata":{"type":"embedding"}`,
		`"status":"failed","metadata":{"type":"embedding","error":"Unknown endpoint type azure"}`)
	job, err := c.Wait(context.Background(), "job-1")
	require.ErrorIs(t, err, jobs.ErrJobFailed)
	require.NotNil(t, job, "the failed job comes with the error")
	var jobErr *jobs.JobError
	require.ErrorAs(t, err, &jobErr)
	assert.Same(t, job, jobErr.Job)
	assert.Equal(t, types.JobStatusFailed, jobErr.Status)
	assert.Equal(t, "Unknown endpoint type azure", jobErr.Message)
	assert.EqualError(t, err, "letta: job job-1 ended with status failed: Unknown endpoint type azure")
	assert.Len(t, rec.Requests(), 2)
}

func TestWaitOtherEndings(t *testing.T) {
	cases := []struct {
		name    string
		state   string
		timeout time.Duration // 0: none
		check   func(t *testing.T, job *types.Job, err error)
	}{
		{"cancelled by a newer server", `"status":"cancelled"`, 0, func(t *testing.T, job *types.Job, err error) {
			require.ErrorIs(t, err, jobs.ErrJobFailed)
			assert.EqualError(t, err, "letta: job job-1 ended with status cancelled")
		}},
		{"context ends while running", `"status":"running","metadata":{}`, 500 * time.Millisecond, func(t *testing.T, job *types.Job, err error) {
			require.ErrorIs(t, err, context.DeadlineExceeded)
			assert.NotErrorIs(t, err, jobs.ErrJobFailed)
			require.NotNil(t, job, "the job as last seen")
			assert.Equal(t, types.JobStatusRunning, *job.Status)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := scripted(t, tc.state)
			ctx := context.Background()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}
			job, err := c.Wait(ctx, "job-1")
			tc.check(t, job, err)
		})
	}
}

func TestWaitMissingJob(t *testing.T) {
	c, rec := scripted(t, `"status":"completed"`)
	job, err := c.Wait(context.Background(), "job-404")
	require.ErrorIs(t, err, types.ErrNotFound)
	assert.ErrorContains(t, err, "Job not found")
	assert.Nil(t, job)
	assert.Len(t, rec.Requests(), 1, "a 404 is not retried or polled again")

	job, err = c.Wait(context.Background(), "")
	require.Error(t, err)
	assert.Nil(t, job)
	assert.Len(t, rec.Requests(), 1, "an empty id is refused before sending")
}

// On lettatest, an upload's job fails when its source is deleted before the
// job runs; the job runs a second after the upload here, so the delete comes
// first by a wide margin.
func TestWaitOnLettatest(t *testing.T) {
	srv := lettatest.NewServer(lettatest.WithJobDelay(time.Second))
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	embeddings, err := client.Models.ListEmbeddingModels(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, embeddings)
	upload := func(name string) (source string, job *types.Job) {
		src, err := client.Sources.Create(ctx, sources.CreateParams{Name: name, EmbeddingConfig: &embeddings[0]})
		require.NoError(t, err)
		job, err = client.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{
			File: strings.NewReader("Returns are accepted within 30 days."), Filename: "policy.txt",
		})
		require.NoError(t, err)
		return src.ID, job
	}

	kept, ok := upload("kept")
	gone, failing := upload("gone")
	_, err = client.Sources.Delete(ctx, gone)
	require.NoError(t, err)

	job, err := client.Jobs.Wait(ctx, ok.ID)
	require.NoError(t, err)
	assert.Equal(t, types.JobStatusCompleted, *job.Status)
	assert.Equal(t, json.Number("1"), job.Metadata["num_passages"])
	files, err := client.Sources.Files.List(ctx, kept, sources.FilesListParams{})
	require.NoError(t, err)
	assert.Len(t, files, 1)

	job, err = client.Jobs.Wait(ctx, failing.ID)
	var jobErr *jobs.JobError
	require.ErrorAs(t, err, &jobErr)
	assert.Equal(t, types.JobStatusFailed, jobErr.Status)
	assert.Equal(t, "Source with id="+gone+" not found.", jobErr.Message)
	assert.Same(t, job, jobErr.Job)
}
