// Package tools manages the tools agents can call: custom Python tools,
// Letta's base tools and Composio actions.
package tools

import (
	"context"
	"iter"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/tools endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a tools client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// Retrieve gets a tool by id.
func (c *Client) Retrieve(ctx context.Context, toolID string, opts ...option.RequestOption) (*types.Tool, error) {
	return core.Call[*types.Tool](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/tools/{toolID}", PathParams: []string{toolID}}, opts)
}

// Delete deletes a tool by id (the reference documentation says "by name";
// it takes the id). The server answers with JSON null, returned as nil.
// For an id that does not exist Letta 0.6.13 answers 400, not 404.
func (c *Client) Delete(ctx context.Context, toolID string, opts ...option.RequestOption) (any, error) {
	return core.Call[any](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/tools/{toolID}", PathParams: []string{toolID}}, opts)
}

// ModifyParams are the fields of a tool to change; unset fields are left
// as they are.
type ModifyParams struct {
	// Description is the description of the tool.
	Description *string `json:"description,omitzero"`
	// Name is the name of the function. Servers since 2025-01-24 ignore it.
	Name *string `json:"name,omitzero"`
	// Tags are metadata tags; a non-nil empty slice clears them.
	Tags []string `json:"tags,omitzero"`
	// SourceCode is the source code of the function.
	SourceCode *string `json:"source_code,omitzero"`
	// SourceType is the type of the source code, e.g. "python".
	SourceType *string `json:"source_type,omitzero"`
	// JSONSchema is the JSON schema of the function (generated from
	// SourceCode if not provided).
	JSONSchema map[string]any `json:"json_schema,omitzero"`
	// ReturnCharLimit is the maximum number of characters in the response.
	ReturnCharLimit *int `json:"return_char_limit,omitzero"`
}

// Modify updates an existing tool.
func (c *Client) Modify(ctx context.Context, toolID string, params ModifyParams, opts ...option.RequestOption) (*types.Tool, error) {
	return core.Call[*types.Tool](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/tools/{toolID}", PathParams: []string{toolID}, Body: params}, opts)
}

// ListParams select a page of tools.
type ListParams struct {
	// After is the id of the tool to start after.
	After *string `json:"after,omitzero" url:"after,omitempty"`
	// Limit is the page size (server default 50).
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
}

// List gets a page of the tools available to agents of the user's
// organization.
func (c *Client) List(ctx context.Context, params ListParams, opts ...option.RequestOption) ([]types.Tool, error) {
	return core.Call[[]types.Tool](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/tools/", Query: params}, opts)
}

// ListIter yields every tool, page after page, starting after
// params.After and fetching params.Limit tools per request.
func (c *Client) ListIter(ctx context.Context, params ListParams, opts ...option.RequestOption) iter.Seq2[types.Tool, error] {
	return core.Paginate(ctx, params.After, params.Limit, func(after *string) ([]types.Tool, error) {
		page := params
		page.After = after
		return c.List(ctx, page, opts...)
	}, func(t types.Tool) string { return t.ID })
}

// CreateParams define a new tool: its source code, and optionally its
// name, description, tags, source type, JSON schema and return limit.
type CreateParams = types.ToolCreate

// Create creates a new tool.
func (c *Client) Create(ctx context.Context, params CreateParams, opts ...option.RequestOption) (*types.Tool, error) {
	return core.Call[*types.Tool](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/tools/", Body: params}, opts)
}

// UpsertParams define a tool to create, or to update if one with the same
// name exists.
type UpsertParams = CreateParams

// Upsert creates a tool, or updates the one with the same name.
func (c *Client) Upsert(ctx context.Context, params UpsertParams, opts ...option.RequestOption) (*types.Tool, error) {
	return core.Call[*types.Tool](ctx, c.core, core.Request{Method: http.MethodPut, Path: "v1/tools/", Body: params}, opts)
}

// AddBaseTool creates or updates Letta's base tools and returns them.
func (c *Client) AddBaseTool(ctx context.Context, opts ...option.RequestOption) ([]types.Tool, error) {
	return core.Call[[]types.Tool](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/tools/add-base-tools"}, opts)
}

// RunToolFromSourceParams are a tool's source and the arguments to run it
// with.
type RunToolFromSourceParams struct {
	// SourceCode is the source code of the function.
	SourceCode string `json:"source_code"`
	// Args are the arguments to pass to the tool.
	Args map[string]any `json:"args"`
	// EnvVars are the environment variables to pass to the tool.
	EnvVars map[string]string `json:"env_vars,omitzero"`
	// Name is the name of the tool to run.
	Name *string `json:"name,omitzero"`
	// SourceType is the type of the source code.
	SourceType *string `json:"source_type,omitzero"`
}

// RunToolFromSource builds a tool from source and runs it on the given
// arguments, without saving it.
func (c *Client) RunToolFromSource(ctx context.Context, params RunToolFromSourceParams, opts ...option.RequestOption) (*types.ToolReturnMessage, error) {
	return core.Call[*types.ToolReturnMessage](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/tools/run", Body: params}, opts)
}

// ListComposioApps lists the Composio apps.
func (c *Client) ListComposioApps(ctx context.Context, opts ...option.RequestOption) ([]types.AppModel, error) {
	return core.Call[[]types.AppModel](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/tools/composio/apps"}, opts)
}

// ListComposioActionsByApp lists the Composio actions of one app.
func (c *Client) ListComposioActionsByApp(ctx context.Context, composioAppName string, opts ...option.RequestOption) ([]types.ActionModel, error) {
	return core.Call[[]types.ActionModel](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/tools/composio/apps/{composioAppName}/actions", PathParams: []string{composioAppName}}, opts)
}

// AddComposioTool adds a Composio action (Composio calls each tool an
// action) as a tool.
func (c *Client) AddComposioTool(ctx context.Context, composioActionName string, opts ...option.RequestOption) (*types.Tool, error) {
	return core.Call[*types.Tool](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/tools/composio/{composioActionName}", PathParams: []string{composioActionName}}, opts)
}
