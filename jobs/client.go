// Package jobs tracks background jobs, such as the embedding of a file
// uploaded with sources.FilesClient.Upload; Client.Wait waits for one to
// end and reports a job that failed as a *JobError.
package jobs

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/jobs endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a jobs client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// ListParams filter the jobs to list.
type ListParams struct {
	// SourceID selects only the jobs associated with this source.
	SourceID *string `json:"source_id,omitzero" url:"source_id,omitempty"`
}

// List lists the jobs of the user, oldest first, or those of one source.
// Letta 0.6.13 lists at most the oldest 50 jobs, and applies SourceID to
// those 50 only: on a server with more jobs, newer ones are missing.
func (c *Client) List(ctx context.Context, params ListParams, opts ...option.RequestOption) ([]types.Job, error) {
	return core.Call[[]types.Job](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/jobs/", Query: params}, opts)
}

// ListActive lists the active jobs: those whose status is created or
// running (at most the oldest 50 on Letta 0.6.13).
func (c *Client) ListActive(ctx context.Context, opts ...option.RequestOption) ([]types.Job, error) {
	return core.Call[[]types.Job](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/jobs/active"}, opts)
}

// Retrieve gets the status of a job. A missing job is a 404
// (types.ErrNotFound).
func (c *Client) Retrieve(ctx context.Context, jobID string, opts ...option.RequestOption) (*types.Job, error) {
	return core.Call[*types.Job](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/jobs/{jobID}", PathParams: []string{jobID}}, opts)
}

// Delete deletes a job by its id and returns it as it was.
func (c *Client) Delete(ctx context.Context, jobID string, opts ...option.RequestOption) (*types.Job, error) {
	return core.Call[*types.Job](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/jobs/{jobID}", PathParams: []string{jobID}}, opts)
}
