// Package agents manages agents: their memory, tools, sources, messages and
// templates. letta.NewClient wires an agents.Client into Client.Agents;
// its fields are the nested resources (Context, Tools, Sources, CoreMemory,
// ArchivalMemory, Messages, Templates, MemoryVariables).
//
// Search, Templates and MemoryVariables exist only on Letta Cloud: a
// self-hosted server has no such routes and answers with a
// *types.APIError (404, or 405 for Search).
package agents

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/agents endpoints.
type Client struct {
	core core.Core

	// Context reports what fills an agent's context window.
	Context *ContextClient
	// Tools lists, attaches and detaches an agent's tools.
	Tools *ToolsClient
	// Sources lists, attaches and detaches an agent's data sources.
	Sources *SourcesClient
	// CoreMemory reads and edits an agent's in-context memory blocks.
	CoreMemory *CoreMemoryClient
	// ArchivalMemory lists, inserts and deletes an agent's archival
	// memories.
	ArchivalMemory *ArchivalMemoryClient
	// Messages sends messages to an agent and reads or edits its history.
	Messages *MessagesClient
	// Templates versions agents as templates (Letta Cloud only).
	Templates *TemplatesClient
	// MemoryVariables lists the memory variables of an agent made from a
	// template (Letta Cloud only).
	MemoryVariables *MemoryVariablesClient
}

// NewClient returns an agents client with all its sub-clients;
// letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	c := core.NewCore(opts)
	return &Client{
		core:            c,
		Context:         &ContextClient{core: c},
		Tools:           &ToolsClient{core: c},
		Sources:         &SourcesClient{core: c},
		CoreMemory:      &CoreMemoryClient{core: c},
		ArchivalMemory:  &ArchivalMemoryClient{core: c},
		Messages:        &MessagesClient{core: c},
		Templates:       &TemplatesClient{core: c},
		MemoryVariables: &MemoryVariablesClient{core: c},
	}
}

// ListParams filter and page the agents list. All fields are optional.
type ListParams struct {
	// Name is the name of the agent.
	Name *string `json:"name,omitzero" url:"name,omitempty"`
	// Tags are the tags to filter agents by, sent as repeated query keys
	// (tags=a&tags=b). When decoding from JSON a single string is accepted
	// too, as the reference client accepts one.
	Tags []string `json:"tags,omitzero" url:"tags,omitempty"`
	// MatchAllTags, if true, returns only agents that have all of Tags;
	// otherwise agents that have any of them (server default false).
	MatchAllTags *bool `json:"match_all_tags,omitzero" url:"match_all_tags,omitempty"`
	// Before is a pagination cursor: the id of the agent to end before.
	Before *string `json:"before,omitzero" url:"before,omitempty"`
	// After is a pagination cursor: the id of the agent to start after.
	After *string `json:"after,omitzero" url:"after,omitempty"`
	// Limit is the page size.
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
	// QueryText searches agents by name.
	QueryText *string `json:"query_text,omitzero" url:"query_text,omitempty"`
}

// UnmarshalJSON decodes the params; "tags" may be a list of strings or a
// single string.
func (p *ListParams) UnmarshalJSON(data []byte) error {
	type plain ListParams
	aux := struct {
		*plain
		Tags json.RawMessage `json:"tags"`
	}{plain: (*plain)(p)}
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	p.Tags = nil
	switch raw := aux.Tags; {
	case len(raw) == 0 || string(raw) == "null":
	case raw[0] == '"':
		var tag string
		if err := json.Unmarshal(raw, &tag); err != nil {
			return err
		}
		p.Tags = []string{tag}
	default:
		return json.Unmarshal(raw, &p.Tags)
	}
	return nil
}

// List lists all agents associated with the acting user, with their
// configurations: a page of them, filtered by name, tags or a name
// search.
func (c *Client) List(ctx context.Context, params ListParams, opts ...option.RequestOption) ([]types.AgentState, error) {
	return core.Call[[]types.AgentState](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/", Query: params}, opts)
}

// ListIter yields every agent that matches params, page after page,
// starting after params.After and fetching params.Limit agents per
// request. The cursor of the next page is the id of the last agent of the
// previous one. It stops after an empty page or one shorter than
// params.Limit, when the loop breaks, or at the first error (yielded with
// a zero agent), including the context's.
func (c *Client) ListIter(ctx context.Context, params ListParams, opts ...option.RequestOption) iter.Seq2[types.AgentState, error] {
	return func(yield func(types.AgentState, error) bool) {
		p := params // each range over the sequence pages on its own copy
		core.Paginate(ctx, params.After, params.Limit, func(after *string) ([]types.AgentState, error) {
			p.After = after
			return c.List(ctx, p, opts...)
		}, func(a types.AgentState) string { return a.ID })(yield)
	}
}

// CreateParams configure a new agent. All fields are optional; the server
// fills in the rest (a random name, agent type memgpt_agent, the Letta base
// tools, a default initial message sequence). Give a model and an
// embedding either as handles (Model, Embedding) or as full configurations
// (LLMConfig, EmbeddingConfig).
type CreateParams struct {
	// Name is the name of the agent (server default: a random name). The
	// server accepts 1-50 characters of letters, digits, spaces, "_" and
	// "-".
	Name *string `json:"name,omitzero"`
	// MemoryBlocks are the blocks to create in the agent's in-context
	// memory.
	MemoryBlocks []types.CreateBlock `json:"memory_blocks,omitzero"`
	// Tools are the names of the tools used by the agent.
	Tools []string `json:"tools,omitzero"`
	// ToolIDs are the ids of the tools used by the agent.
	ToolIDs []string `json:"tool_ids,omitzero"`
	// SourceIDs are the ids of the sources used by the agent.
	SourceIDs []string `json:"source_ids,omitzero"`
	// BlockIDs are the ids of existing blocks used by the agent.
	BlockIDs []string `json:"block_ids,omitzero"`
	// ToolRules are the tool rules governing the agent.
	ToolRules types.ToolRuleList `json:"tool_rules,omitzero"`
	// Tags are the tags associated with the agent.
	Tags []string `json:"tags,omitzero"`
	// System is the system prompt used by the agent.
	System *string `json:"system,omitzero"`
	// AgentType is the type of agent (server default memgpt_agent).
	AgentType *types.AgentType `json:"agent_type,omitzero"`
	// LLMConfig is the LLM configuration used by the agent.
	LLMConfig *types.LLMConfig `json:"llm_config,omitzero"`
	// EmbeddingConfig is the embedding configuration used by the agent.
	EmbeddingConfig *types.EmbeddingConfig `json:"embedding_config,omitzero"`
	// InitialMessageSequence is the initial set of messages to put in the
	// agent's in-context memory. Unset gives the server's default
	// sequence; a non-nil empty slice gives none.
	InitialMessageSequence []types.MessageCreate `json:"initial_message_sequence,omitzero"`
	// IncludeBaseTools, if true, attaches the Letta core tools (e.g. the
	// archival_memory and core_memory functions); server default true.
	IncludeBaseTools *bool `json:"include_base_tools,omitzero"`
	// IncludeMultiAgentTools, if true, attaches the Letta multi-agent tools
	// (e.g. sending a message to another agent); server default false.
	IncludeMultiAgentTools *bool `json:"include_multi_agent_tools,omitzero"`
	// Description is the description of the agent.
	Description *string `json:"description,omitzero"`
	// Metadata is free-form metadata of the agent.
	Metadata map[string]any `json:"metadata,omitzero"`
	// Model is the LLM configuration handle, "provider/model-name" (e.g.
	// "openai/gpt-4o-mini"), as an alternative to LLMConfig.
	Model *string `json:"model,omitzero"`
	// Embedding is the embedding configuration handle,
	// "provider/model-name" (e.g. "openai/text-embedding-3-small").
	Embedding *string `json:"embedding,omitzero"`
	// ContextWindowLimit is the context window limit used by the agent.
	ContextWindowLimit *int `json:"context_window_limit,omitzero"`
	// EmbeddingChunkSize is the embedding chunk size used by the agent
	// (server default 300).
	EmbeddingChunkSize *int `json:"embedding_chunk_size,omitzero"`
	// FromTemplate is the id of the template to configure the agent from
	// (Letta Cloud).
	FromTemplate *string `json:"from_template,omitzero"`
	// Template says whether the agent is a template (server default
	// false).
	Template *bool `json:"template,omitzero"`
	// Project is the slug of the project the agent is associated with
	// (Letta Cloud).
	Project *string `json:"project,omitzero"`
	// ToolExecEnvironmentVariables are environment variables for this
	// agent's tool executions; a nil value sends null.
	ToolExecEnvironmentVariables map[string]*string `json:"tool_exec_environment_variables,omitzero"`
	// MemoryVariables are the variables to set for an agent made from a
	// template (Letta Cloud); a nil value sends null.
	MemoryVariables map[string]*string `json:"memory_variables,omitzero"`
}

// Create creates a new agent with the specified configuration. It always
// sends a JSON object, {} when no field is set.
func (c *Client) Create(ctx context.Context, params CreateParams, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/agents/", Body: params}, opts)
}

// Retrieve gets the state of an agent. An unknown id is a
// *types.APIError matching types.ErrNotFound.
func (c *Client) Retrieve(ctx context.Context, agentID string, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}", PathParams: []string{agentID}}, opts)
}

// Delete deletes an agent. The result is the server's JSON answer as
// decoded by encoding/json, e.g. map[string]any{"message": "Agent
// id=… successfully deleted"}.
func (c *Client) Delete(ctx context.Context, agentID string, opts ...option.RequestOption) (any, error) {
	return core.Call[any](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/agents/{agentID}", PathParams: []string{agentID}}, opts)
}

// ModifyParams are the fields of an agent to change; unset fields are left
// as they are, and a non-nil empty slice clears a list.
type ModifyParams struct {
	// Name is the name of the agent.
	Name *string `json:"name,omitzero"`
	// ToolIDs are the ids of the tools used by the agent.
	ToolIDs []string `json:"tool_ids,omitzero"`
	// SourceIDs are the ids of the sources used by the agent.
	SourceIDs []string `json:"source_ids,omitzero"`
	// BlockIDs are the ids of the blocks used by the agent.
	BlockIDs []string `json:"block_ids,omitzero"`
	// Tags are the tags associated with the agent.
	Tags []string `json:"tags,omitzero"`
	// System is the system prompt used by the agent.
	System *string `json:"system,omitzero"`
	// ToolRules are the tool rules governing the agent.
	ToolRules types.ToolRuleList `json:"tool_rules,omitzero"`
	// LLMConfig is the LLM configuration used by the agent.
	LLMConfig *types.LLMConfig `json:"llm_config,omitzero"`
	// EmbeddingConfig is the embedding configuration used by the agent.
	EmbeddingConfig *types.EmbeddingConfig `json:"embedding_config,omitzero"`
	// MessageIDs are the ids of the messages in the agent's in-context
	// memory.
	MessageIDs []string `json:"message_ids,omitzero"`
	// Description is the description of the agent.
	Description *string `json:"description,omitzero"`
	// Metadata is free-form metadata of the agent.
	Metadata map[string]any `json:"metadata,omitzero"`
	// ToolExecEnvironmentVariables are environment variables for this
	// agent's tool executions; a nil value sends null, which removes the
	// variable.
	ToolExecEnvironmentVariables map[string]*string `json:"tool_exec_environment_variables,omitzero"`
}

// Modify updates the fields of an existing agent that params sets and
// returns the agent's new state. With no field set it sends {}, and the
// server returns the agent unchanged but for a new updated_at (the reference
// client sends no body there, which the server answers with 422).
func (c *Client) Modify(ctx context.Context, agentID string, params ModifyParams, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}", PathParams: []string{agentID}, Body: params}, opts)
}

// ResetMessagesParams say how to reset an agent's messages.
type ResetMessagesParams struct {
	// AddDefaultInitialMessages, if true, adds the default initial
	// messages after resetting (server default false: only a fresh system
	// message remains).
	AddDefaultInitialMessages *bool `json:"add_default_initial_messages,omitzero" url:"add_default_initial_messages,omitempty"`
}

// ResetMessages resets the messages of an agent, removing its message
// history from the context window, and returns the agent's new state.
func (c *Client) ResetMessages(ctx context.Context, agentID string, params ResetMessagesParams, opts ...option.RequestOption) (*types.AgentState, error) {
	return core.Call[*types.AgentState](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/reset-messages", PathParams: []string{agentID}, Query: params}, opts)
}

// SearchParams are the conditions of an agent search (Letta Cloud).
type SearchParams struct {
	// Search are the conditions: by template version, name, tags, or a
	// sort order (types.AgentsSearchVersion, AgentsSearchName,
	// AgentsSearchTags, AgentsSearchOrderBy).
	Search types.AgentsSearchRequestSearchItemList `json:"search,omitzero"`
	// ProjectID restricts the search to one project.
	ProjectID *string `json:"project_id,omitzero"`
	// Combinator says how the conditions combine: AND or OR.
	Combinator *types.AgentsSearchRequestCombinator `json:"combinator,omitzero"`
	// Limit is the number of agents to return.
	Limit *float64 `json:"limit,omitzero"`
	// Offset is the number of agents to skip.
	Offset *float64 `json:"offset,omitzero"`
}

// Search searches deployed agents. This endpoint is only available on
// Letta Cloud: a self-hosted server answers 405. Like the reference
// client, it does not read the response body.
func (c *Client) Search(ctx context.Context, params SearchParams, opts ...option.RequestOption) error {
	return c.core.Do(ctx, core.Request{Method: http.MethodPost, Path: "v1/agents/search", Body: params}, opts)
}
