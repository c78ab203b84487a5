// Package runs tracks agent runs: the background processing of messages
// sent with agents.MessagesClient.CreateAsync. Client.Wait polls a run
// until it ends.
package runs

import (
	"context"
	"iter"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/runs endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a runs client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// ListRuns lists the runs of the user, oldest first (at most the oldest 50
// on Letta 0.6.13, which has no cursor to go further).
func (c *Client) ListRuns(ctx context.Context, opts ...option.RequestOption) ([]types.Run, error) {
	return core.Call[[]types.Run](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/runs/"}, opts)
}

// ListActiveRuns lists the active runs: those whose status is created or
// running (at most the oldest 50 on Letta 0.6.13).
func (c *Client) ListActiveRuns(ctx context.Context, opts ...option.RequestOption) ([]types.Run, error) {
	return core.Call[[]types.Run](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/runs/active"}, opts)
}

// RetrieveRun gets the status of a run. A completed run's Metadata holds
// {"result": <LettaResponse>}, a failed run's {"error": "…"}. A missing run
// is a 404 (types.ErrNotFound).
func (c *Client) RetrieveRun(ctx context.Context, runID string, opts ...option.RequestOption) (*types.Run, error) {
	return core.Call[*types.Run](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/runs/{runID}", PathParams: []string{runID}}, opts)
}

// DeleteRun deletes a run by its id and returns it as it was.
func (c *Client) DeleteRun(ctx context.Context, runID string, opts ...option.RequestOption) (*types.Run, error) {
	return core.Call[*types.Run](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/runs/{runID}", PathParams: []string{runID}}, opts)
}

// ListRunMessagesParams filter and page the messages of a run.
type ListRunMessagesParams struct {
	// Before is a message id: only messages before it are listed.
	Before *string `json:"before,omitzero" url:"before,omitempty"`
	// After is a message id: only messages after it are listed.
	After *string `json:"after,omitzero" url:"after,omitempty"`
	// Limit is the maximum number of messages to return (server default
	// 100).
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
	// Order is the sort order by creation time: "asc" or "desc" (server
	// default "desc"; any other value is a 400).
	Order *string `json:"order,omitzero" url:"order,omitempty"`
	// Role selects the messages of one role (user, assistant, system,
	// tool).
	Role *types.MessageRole `json:"role,omitzero" url:"role,omitempty"`
}

// ListRunMessages gets the messages associated with a run, with filtering
// options, as LettaMessage values (a type switch tells the variants apart:
// types.AssistantMessage, types.ToolCallMessage, …). One stored message
// may give several LettaMessages that share its id (a reasoning message and
// a tool call).
func (c *Client) ListRunMessages(ctx context.Context, runID string, params ListRunMessagesParams, opts ...option.RequestOption) ([]types.LettaMessage, error) {
	return core.Call[types.LettaMessageList](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/runs/{runID}/messages", PathParams: []string{runID}, Query: params}, opts)
}

// ListRunMessagesIter yields every message of a run, page after page,
// starting after params.After; the id of the last message of a page is the
// cursor for the next. Because the server pages stored messages, and one
// stored message may give several LettaMessages (or none), a page's length
// says nothing about the next: the sequence ends at the first empty page.
// The first error ends the sequence.
func (c *Client) ListRunMessagesIter(ctx context.Context, runID string, params ListRunMessagesParams, opts ...option.RequestOption) iter.Seq2[types.LettaMessage, error] {
	return core.Paginate(ctx, params.After, nil, func(after *string) ([]types.LettaMessage, error) {
		page := params
		page.After = after
		return c.ListRunMessages(ctx, runID, page, opts...)
	}, types.LettaMessageID)
}

// RetrieveRunUsage gets the token usage of a run, OpenAI style.
func (c *Client) RetrieveRunUsage(ctx context.Context, runID string, opts ...option.RequestOption) (*types.UsageStatistics, error) {
	return core.Call[*types.UsageStatistics](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/runs/{runID}/usage", PathParams: []string{runID}}, opts)
}
