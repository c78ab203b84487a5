package agents

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// MemoryVariablesClient calls the /v1/agents/{agent_id}/core-memory/variables
// endpoint (Letta Cloud only).
type MemoryVariablesClient struct {
	core core.Core
}

// List returns the memory variables of an agent created from a template.
// This endpoint is only available on Letta Cloud: a self-hosted server
// answers 404 (types.ErrNotFound).
func (c *MemoryVariablesClient) List(ctx context.Context, agentID string, opts ...option.RequestOption) (*types.MemoryVariablesListResponse, error) {
	return core.Call[*types.MemoryVariablesListResponse](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/core-memory/variables", PathParams: []string{agentID}}, opts)
}
