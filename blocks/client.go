// Package blocks manages memory blocks, the pieces of an agent's core
// memory (e.g. the "human" and "persona" blocks), and block templates.
package blocks

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/blocks endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a blocks client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// ListParams filter the blocks to list.
type ListParams struct {
	// Label selects blocks with this label (e.g. human, persona).
	Label *string `json:"label,omitzero" url:"label,omitempty"`
	// TemplatesOnly chooses between templates and the other blocks: the
	// server lists only templates when it is true (the server's default,
	// so also when it is unset) and only blocks that are not templates
	// when it is false. No value lists both.
	TemplatesOnly *bool `json:"templates_only,omitzero" url:"templates_only,omitempty"`
	// Name selects the block with this (template) name.
	Name *string `json:"name,omitzero" url:"name,omitempty"`
}

// List lists the user's blocks, oldest first: templates only, unless
// params.TemplatesOnly is false, which lists only the blocks that are not
// templates. Letta 0.6.13 returns at most the first 50 matching blocks and
// has no cursor to go further; narrow the list with Label or Name.
func (c *Client) List(ctx context.Context, params ListParams, opts ...option.RequestOption) ([]types.Block, error) {
	return core.Call[[]types.Block](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/blocks/", Query: params}, opts)
}

// CreateParams define a new block.
type CreateParams struct {
	// Value is the value of the block.
	Value string `json:"value"`
	// Limit is the character limit of the block (server default 5000).
	Limit *int `json:"limit,omitzero"`
	// Name is the name of the block if it is a template.
	Name *string `json:"name,omitzero"`
	// IsTemplate saves the block as a template (server default false).
	IsTemplate *bool `json:"is_template,omitzero"`
	// Label is the label of the block (e.g. human, persona).
	Label string `json:"label"`
	// Description is the description of the block.
	Description *string `json:"description,omitzero"`
	// Metadata is metadata of the block (server default {}).
	Metadata map[string]any `json:"metadata,omitzero"`
}

// Create creates a new block.
func (c *Client) Create(ctx context.Context, params CreateParams, opts ...option.RequestOption) (*types.Block, error) {
	return core.Call[*types.Block](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/blocks/", Body: params}, opts)
}

// Retrieve gets a block by id. A missing block is a 404
// (types.ErrNotFound).
func (c *Client) Retrieve(ctx context.Context, blockID string, opts ...option.RequestOption) (*types.Block, error) {
	return core.Call[*types.Block](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/blocks/{blockID}", PathParams: []string{blockID}}, opts)
}

// Delete deletes a block and returns it as it was.
func (c *Client) Delete(ctx context.Context, blockID string, opts ...option.RequestOption) (*types.Block, error) {
	return core.Call[*types.Block](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/blocks/{blockID}", PathParams: []string{blockID}}, opts)
}

// ModifyParams are the fields of a block to change; unset fields are left
// as they are. The server ignores explicit nulls (sent with
// option.WithBodyField): a field cannot be cleared this way.
type ModifyParams = types.BlockUpdate

// Modify updates a block; agents that have it in core memory see the
// change.
func (c *Client) Modify(ctx context.Context, blockID string, params ModifyParams, opts ...option.RequestOption) (*types.Block, error) {
	return core.Call[*types.Block](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/blocks/{blockID}", PathParams: []string{blockID}, Body: params}, opts)
}

// ListAgentsForBlock retrieves all agents associated with the specified
// block. A missing block is a 404 (types.ErrNotFound).
func (c *Client) ListAgentsForBlock(ctx context.Context, blockID string, opts ...option.RequestOption) ([]types.AgentState, error) {
	return core.Call[[]types.AgentState](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/blocks/{blockID}/agents", PathParams: []string{blockID}}, opts)
}
