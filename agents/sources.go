package agents

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// SourcesClient calls the /v1/agents/{agent_id}/sources endpoints.
type SourcesClient struct {
	core core.Core
}

// Attach attaches a data source to an agent and returns the agent's new
// state.
func (c *SourcesClient) Attach(ctx context.Context, agentID string, sourceID string, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/sources/attach/{sourceID}", PathParams: []string{agentID, sourceID}}, opts)
}

// Detach detaches a data source from an agent and returns the agent's new
// state.
func (c *SourcesClient) Detach(ctx context.Context, agentID string, sourceID string, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/sources/detach/{sourceID}", PathParams: []string{agentID, sourceID}}, opts)
}

// List gets the data sources attached to an agent.
func (c *SourcesClient) List(ctx context.Context, agentID string, opts ...option.RequestOption) ([]types.Source, error) {
	return core.Call[[]types.Source](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/sources", PathParams: []string{agentID}}, opts)
}
