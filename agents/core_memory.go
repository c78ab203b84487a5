package agents

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// CoreMemoryClient calls the /v1/agents/{agent_id}/core-memory endpoints:
// an agent's in-context memory and its blocks. A block of an agent is
// addressed by its label (e.g. "human", "persona") for reading and
// editing, and by its id for attaching and detaching.
type CoreMemoryClient struct {
	core core.Core
}

// Retrieve retrieves the memory state of an agent: its in-context memory
// blocks and the prompt template that renders them.
func (c *CoreMemoryClient) Retrieve(ctx context.Context, agentID string, opts ...option.RequestOption) (*types.Memory, error) {
	return core.Call[*types.Memory](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/core-memory", PathParams: []string{agentID}}, opts)
}

// RetrieveBlock retrieves a memory block of an agent by its label.
func (c *CoreMemoryClient) RetrieveBlock(ctx context.Context, agentID string, blockLabel string, opts ...option.RequestOption) (*types.Block, error) {
	return core.Call[*types.Block](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/core-memory/blocks/{blockLabel}", PathParams: []string{agentID, blockLabel}}, opts)
}

// CoreMemoryModifyBlockParams are the fields of a memory block to change;
// unset fields are left as they are (the server also ignores fields sent
// as null).
type CoreMemoryModifyBlockParams = types.BlockUpdate

// ModifyBlock updates a memory block of an agent, addressed by its label,
// and returns the block.
func (c *CoreMemoryClient) ModifyBlock(ctx context.Context, agentID string, blockLabel string, params CoreMemoryModifyBlockParams, opts ...option.RequestOption) (*types.Block, error) {
	return core.Call[*types.Block](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/core-memory/blocks/{blockLabel}", PathParams: []string{agentID, blockLabel}, Body: params}, opts)
}

// ListBlocks retrieves the memory blocks of an agent.
func (c *CoreMemoryClient) ListBlocks(ctx context.Context, agentID string, opts ...option.RequestOption) ([]types.Block, error) {
	return core.Call[[]types.Block](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/core-memory/blocks", PathParams: []string{agentID}}, opts)
}

// AttachBlock attaches an existing block, by id, to an agent's core
// memory and returns the agent's new state.
func (c *CoreMemoryClient) AttachBlock(ctx context.Context, agentID string, blockID string, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/core-memory/blocks/attach/{blockID}", PathParams: []string{agentID, blockID}}, opts)
}

// DetachBlock detaches a block, by id, from an agent's core memory and
// returns the agent's new state.
func (c *CoreMemoryClient) DetachBlock(ctx context.Context, agentID string, blockID string, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/core-memory/blocks/detach/{blockID}", PathParams: []string{agentID, blockID}}, opts)
}
