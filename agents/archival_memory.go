package agents

import (
	"context"
	"iter"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// ArchivalMemoryClient calls the /v1/agents/{agent_id}/archival-memory
// endpoints: an agent's long-term, searchable memory of text passages.
type ArchivalMemoryClient struct {
	core core.Core
}

// ArchivalMemoryListParams select a page of archival memories.
//
// After and Before are integers in the API (in the reference client and in
// the server), although the reference describes them as the "unique ID of
// the memory" and passage ids are strings ("passage-<uuid>"): no passage id
// can be given here. ListIter therefore treats After as an offset; see
// there.
type ArchivalMemoryListParams struct {
	// After is the integer cursor to start the query range at.
	After *int `json:"after,omitzero" url:"after,omitempty"`
	// Before is the integer cursor to end the query range at.
	Before *int `json:"before,omitzero" url:"before,omitempty"`
	// Limit is how many memories to include in the response.
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
}

// List retrieves the memories in an agent's archival memory store
// (paginated query).
func (c *ArchivalMemoryClient) List(ctx context.Context, agentID string, params ArchivalMemoryListParams, opts ...option.RequestOption) ([]types.Passage, error) {
	return core.Call[[]types.Passage](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/archival-memory", PathParams: []string{agentID}, Query: params}, opts)
}

// ListIter yields the memories of an agent's archival memory store, page
// after page, fetching params.Limit memories per request.
//
// The API's integer cursor cannot hold a passage id (see
// ArchivalMemoryListParams), so the iterator uses it as an offset: the
// first request sends params.After as given (nil: none), and each next one
// sends the previous cursor (0 when there was none) plus the number of
// memories received so far. A server that reads After as an offset thus
// pages through everything; one that cannot resolve the integer answers
// an empty page, which ends the sequence after the first page, so nothing
// is yielded twice. It stops after an empty page or one shorter than
// params.Limit, when the loop breaks, or at the first error (yielded with
// a zero passage), including the context's.
func (c *ArchivalMemoryClient) ListIter(ctx context.Context, agentID string, params ArchivalMemoryListParams, opts ...option.RequestOption) iter.Seq2[types.Passage, error] {
	return func(yield func(types.Passage, error) bool) {
		p, next := params, 0
		core.Paginate(ctx, params.After, params.Limit, func(after *int) ([]types.Passage, error) {
			p.After = after
			page, err := c.List(ctx, agentID, p, opts...)
			next = core.Deref(after) + len(page)
			return page, err
		}, func(types.Passage) int { return next })(yield)
	}
}

// ArchivalMemoryCreateParams hold the text of a new archival memory.
type ArchivalMemoryCreateParams struct {
	// Text is the text to write to archival memory.
	Text string `json:"text"`
}

// Create inserts a memory into an agent's archival memory store. The
// server splits long text into chunks and returns every passage it
// stored.
func (c *ArchivalMemoryClient) Create(ctx context.Context, agentID string, params ArchivalMemoryCreateParams, opts ...option.RequestOption) ([]types.Passage, error) {
	return core.Call[[]types.Passage](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/agents/{agentID}/archival-memory", PathParams: []string{agentID}, Body: params}, opts)
}

// Delete deletes a memory from an agent's archival memory store. The
// result is the server's JSON answer as decoded by encoding/json, e.g.
// map[string]any{"message": "Memory id=… successfully deleted"}.
func (c *ArchivalMemoryClient) Delete(ctx context.Context, agentID string, memoryID string, opts ...option.RequestOption) (any, error) {
	return core.Call[any](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/agents/{agentID}/archival-memory/{memoryID}", PathParams: []string{agentID, memoryID}}, opts)
}
