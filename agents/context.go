package agents

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// ContextClient calls the /v1/agents/{agent_id}/context endpoint.
type ContextClient struct {
	core core.Core
}

// Retrieve retrieves the context window of an agent: what fills it
// (system prompt, core memory, summary, function definitions, messages)
// with the token count of each part.
func (c *ContextClient) Retrieve(ctx context.Context, agentID string, opts ...option.RequestOption) (*types.ContextWindowOverview, error) {
	return core.Call[*types.ContextWindowOverview](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/context", PathParams: []string{agentID}}, opts)
}
