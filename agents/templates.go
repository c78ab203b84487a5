package agents

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// TemplatesClient calls the agent template endpoints. They are only
// available on Letta Cloud: a self-hosted server answers 404
// (types.ErrNotFound).
type TemplatesClient struct {
	core core.Core
}

// TemplatesCreateVersionParams say how to version an agent's template.
type TemplatesCreateVersionParams struct {
	// ReturnAgentState is sent as the query parameter returnAgentState
	// (the API's only camelCase name).
	ReturnAgentState *bool `json:"returnAgentState,omitzero" url:"returnAgentState,omitempty"`
	// MigrateDeployedAgents, if true, also migrates the agents deployed
	// from the template to the new version.
	MigrateDeployedAgents *bool `json:"migrate_deployed_agents,omitzero" url:"-"`
}

// CreateVersion creates a new version of the template of an agent; if the
// agent is not a template, it also creates an agent template from it. This
// endpoint is only available on Letta Cloud: a self-hosted server answers
// 404. Like the reference client, it does not read the response body.
func (c *TemplatesClient) CreateVersion(ctx context.Context, agentID string, params TemplatesCreateVersionParams, opts ...option.RequestOption) error {
	return c.core.Do(ctx, core.Request{Method: http.MethodPost, Path: "v1/agents/{agentID}/version-template", PathParams: []string{agentID}, Query: params, Body: struct {
		MigrateDeployedAgents *bool `json:"migrate_deployed_agents,omitzero"`
	}{params.MigrateDeployedAgents}}, opts)
}

// TemplatesMigrateParams name the template version to migrate an agent to.
type TemplatesMigrateParams struct {
	// ToTemplate is the template version to migrate to, e.g.
	// "customer-support:v4".
	ToTemplate string `json:"to_template"`
	// Variables are the new values of the core-memory variables; give them
	// when PreserveCoreMemories is false.
	Variables map[string]string `json:"variables,omitzero"`
	// PreserveCoreMemories says whether the agent keeps its core memories.
	PreserveCoreMemories bool `json:"preserve_core_memories"`
}

// Migrate migrates an agent to a new versioned agent template. This
// endpoint is only available on Letta Cloud: a self-hosted server answers
// 404. Letta Cloud answers 404 for a template agent or an unknown template
// version, and 409 (types.ErrConflict) on a conflict.
func (c *TemplatesClient) Migrate(ctx context.Context, agentID string, params TemplatesMigrateParams, opts ...option.RequestOption) (*types.TemplatesMigrateResponse, error) {
	return core.Call[*types.TemplatesMigrateResponse](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/agents/{agentID}/migrate", PathParams: []string{agentID}, Body: params}, opts)
}

// TemplatesCreateParams say where to create a template from an agent.
type TemplatesCreateParams struct {
	// Project is the slug of the project to create the template in.
	Project *string `json:"project,omitzero"`
}

// Create creates a template from an agent. This endpoint is only available
// on Letta Cloud: a self-hosted server answers 404. Like the reference
// client, it does not read the response body.
func (c *TemplatesClient) Create(ctx context.Context, agentID string, params TemplatesCreateParams, opts ...option.RequestOption) error {
	return c.core.Do(ctx, core.Request{Method: http.MethodPost, Path: "v1/agents/{agentID}/template", PathParams: []string{agentID}, Body: params}, opts)
}
