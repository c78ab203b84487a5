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

// ArchivalMemoryListParams select archival memories.
//
// After and Before are integers in the API (in the reference client and at
// the server's route), but Letta 0.6.13 hands them on to a passage query
// that takes a passage id ("passage-<uuid>") and rejects anything else:
// an integer gets 400 ("Argument after does not match type
// typing.Optional[str]"), a passage id 422 from the route. No value pages
// on that server; they are kept for servers that fix this. Limit works.
type ArchivalMemoryListParams struct {
	// After is the cursor to start the query range at (see above).
	After *int `json:"after,omitzero" url:"after,omitempty"`
	// Before is the cursor to end the query range at (see above).
	Before *int `json:"before,omitzero" url:"before,omitempty"`
	// Limit is how many memories to include in the response; without it
	// the server returns all of them.
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
}

// List retrieves the memories in an agent's archival memory store, oldest
// first. Without a Limit the server returns every memory; with one, the
// oldest Limit (see ArchivalMemoryListParams for why there is no next
// page).
func (c *ArchivalMemoryClient) List(ctx context.Context, agentID string, params ArchivalMemoryListParams, opts ...option.RequestOption) ([]types.Passage, error) {
	return core.Call[[]types.Passage](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/archival-memory", PathParams: []string{agentID}, Query: params}, opts)
}

// ListIter yields every memory of an agent's archival memory store, oldest
// first, or an error (with a zero passage) — never a silent part of them.
//
// The server cannot page archival memory (see ArchivalMemoryListParams), so
// ListIter does not follow a cursor: it makes one request without a limit,
// which the server answers with all the memories, and yields them.
// params.Limit is therefore not sent; params.After and params.Before are,
// as given (a server that cannot use them answers an error, which is
// yielded). Each range makes its own request.
func (c *ArchivalMemoryClient) ListIter(ctx context.Context, agentID string, params ArchivalMemoryListParams, opts ...option.RequestOption) iter.Seq2[types.Passage, error] {
	return func(yield func(types.Passage, error) bool) {
		p := params
		p.Limit = nil
		all, err := c.List(ctx, agentID, p, opts...)
		if err != nil {
			yield(types.Passage{}, err)
			return
		}
		for _, passage := range all {
			if !yield(passage, nil) {
				return
			}
		}
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
