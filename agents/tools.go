package agents

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// ToolsClient calls the /v1/agents/{agent_id}/tools endpoints.
type ToolsClient struct {
	core core.Core
}

// List gets the tools of an agent.
func (c *ToolsClient) List(ctx context.Context, agentID string, opts ...option.RequestOption) ([]types.Tool, error) {
	return core.Call[[]types.Tool](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/tools", PathParams: []string{agentID}}, opts)
}

// Attach attaches a tool to an agent and returns the agent's new state.
func (c *ToolsClient) Attach(ctx context.Context, agentID string, toolID string, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/tools/attach/{toolID}", PathParams: []string{agentID, toolID}}, opts)
}

// Detach detaches a tool from an agent and returns the agent's new state.
// The server leaves tool rules that name the tool in place.
func (c *ToolsClient) Detach(ctx context.Context, agentID string, toolID string, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/tools/detach/{toolID}", PathParams: []string{agentID, toolID}}, opts)
}
