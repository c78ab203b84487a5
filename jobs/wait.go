package jobs

import (
	"context"
	"errors"

	"github.com/letta-go/letta/internal/poll"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// ErrJobFailed is matched (errors.Is) by the *JobError that Wait returns
// for a job that ended without completing.
var ErrJobFailed = errors.New("letta: job did not complete")

// JobError reports a job that ended in a status other than completed:
// failed, or cancelled or expired on newer servers.
type JobError struct {
	// Job is the job as last retrieved.
	Job *types.Job
	// Status is the job's final status.
	Status types.JobStatus
	// Message is the server's explanation, from the "error" key of the
	// job's metadata; empty when there is none.
	Message string
}

// Error is "letta: job <id> ended with status <status>: <message>".
func (e *JobError) Error() string { return poll.Describe("job", e.Job.ID, e.Status, e.Message) }

// Unwrap returns ErrJobFailed.
func (e *JobError) Unwrap() error { return ErrJobFailed }

// Wait polls the job until its status is terminal, for example the job of
// an upload (sources.FilesClient.Upload), and returns it as last retrieved.
// It has the contract of runs.Client.Wait: a poll at once, then after
// 250 ms, backing off by 1.5× to one poll every 5 s, with opts on every
// poll. The result is
//
//   - for a completed job, the job and nil; an upload's job then has
//     Metadata["num_passages"] and Metadata["num_documents"];
//   - for a failed job (or cancelled or expired), the job and a *JobError
//     matching ErrJobFailed;
//   - when a poll fails, after the client's retries, the job as last seen
//     (nil before the first) and that error, types.ErrNotFound for a
//     missing job;
//   - when ctx ends first, the job as last seen and an error matching
//     ctx.Err().
//
// Created, running, pending or no status means the job is still going.
// Give ctx a deadline: a Letta 0.6.13 server never marks an upload's job
// failed; when it cannot load the file, the job stays running.
func (c *Client) Wait(ctx context.Context, jobID string, opts ...option.RequestOption) (*types.Job, error) {
	retrieve := func(ctx context.Context) (*types.Job, *types.JobStatus, map[string]any, error) {
		job, err := c.Retrieve(ctx, jobID, opts...)
		if err != nil {
			return nil, nil, nil, err
		}
		return job, job.Status, job.Metadata, nil
	}
	return poll.Wait(ctx, "job", jobID, retrieve, func(job *types.Job, status types.JobStatus, msg string) error {
		return &JobError{Job: job, Status: status, Message: msg}
	})
}
