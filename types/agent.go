package types

import "encoding/json"

// AgentState is the persisted state of an agent: everything needed to recreate it, including its
// system prompt, memory, tools, sources, tool rules and model configuration.
type AgentState struct {
	// The id of the user that made this object.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this object.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The timestamp when the object was created.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the object was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The id of the agent. Assigned by the database.
	ID string `json:"id"`
	// The name of the agent.
	Name string `json:"name"`
	// The list of tool rules.
	ToolRules ToolRuleList `json:"tool_rules,omitzero"`
	// The ids of the messages in the agent's in-context memory.
	MessageIDs []string `json:"message_ids,omitzero"`
	// The system prompt used by the agent.
	System string `json:"system"`
	// The type of agent.
	AgentType AgentType `json:"agent_type"`
	// The LLM configuration used by the agent.
	LLMConfig LLMConfig `json:"llm_config"`
	// The embedding configuration used by the agent.
	EmbeddingConfig EmbeddingConfig `json:"embedding_config"`
	// The description of the agent.
	Description *string `json:"description,omitzero"`
	// The metadata of the agent.
	Metadata map[string]any `json:"metadata,omitzero"`
	// The in-context memory of the agent.
	Memory Memory `json:"memory"`
	// The tools used by the agent.
	Tools []Tool `json:"tools"`
	// The sources used by the agent.
	Sources []Source `json:"sources"`
	// The tags associated with the agent.
	Tags []string `json:"tags"`
	// The environment variables for tool execution specific to this agent.
	ToolExecEnvironmentVariables []AgentEnvironmentVariable `json:"tool_exec_environment_variables,omitzero"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AgentEnvironmentVariable is an environment variable set for an agent's tool executions.
type AgentEnvironmentVariable struct {
	// The id of the user that made this object.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this object.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The timestamp when the object was created.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the object was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The human-friendly ID of the Agent-env
	ID string `json:"id,omitzero"`
	// The name of the environment variable.
	Key string `json:"key"`
	// The value of the environment variable.
	Value string `json:"value"`
	// An optional description of the environment variable.
	Description *string `json:"description,omitzero"`
	// The ID of the agent this environment variable belongs to.
	AgentID string `json:"agent_id"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Memory is an agent's in-context (core) memory: its blocks and the template that renders them
// into the prompt.
type Memory struct {
	// Memory blocks contained in the agent's in-context memory
	Blocks []Block `json:"blocks"`
	// Jinja2 template for compiling memory blocks into a prompt string
	PromptTemplate *string `json:"prompt_template,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Block is a reserved, editable section of the LLM's context window, such as the "human" or
// "persona" core-memory block. Template blocks are stored and reusable; non-template blocks belong
// to one agent.
type Block struct {
	// Value of the block.
	Value string `json:"value"`
	// Character limit of the block.
	Limit *int `json:"limit,omitzero"`
	// Name of the block if it is a template.
	Name *string `json:"name,omitzero"`
	// Whether the block is a template (e.g. saved human/persona options).
	IsTemplate *bool `json:"is_template,omitzero"`
	// Label of the block (e.g. 'human', 'persona') in the context window.
	Label *string `json:"label,omitzero"`
	// Description of the block.
	Description *string `json:"description,omitzero"`
	// Metadata of the block.
	Metadata map[string]any `json:"metadata,omitzero"`
	// The human-friendly ID of the Block
	ID string `json:"id,omitzero"`
	// The id of the user that made this Block.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that last updated this Block.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// CreateBlock describes a new memory block, e.g. in the memory_blocks of agents.create.
type CreateBlock struct {
	// Value of the block.
	Value string `json:"value"`
	// Character limit of the block.
	Limit *int `json:"limit,omitzero"`
	// Name of the block if it is a template.
	Name *string `json:"name,omitzero"`
	// IsTemplate marks the block as a template (a saved human/persona option) rather than a block of
	// one agent.
	IsTemplate *bool `json:"is_template,omitzero"`
	// Label of the block.
	Label string `json:"label"`
	// Description of the block.
	Description *string `json:"description,omitzero"`
	// Metadata of the block.
	Metadata map[string]any `json:"metadata,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// BlockUpdate holds the fields to change on a block; unset fields are left unchanged. It is the
// body of blocks.Client.Modify and agents.CoreMemoryClient.ModifyBlock (their ModifyParams and
// CoreMemoryModifyBlockParams).
type BlockUpdate struct {
	// Value of the block.
	Value *string `json:"value,omitzero"`
	// Character limit of the block.
	Limit *int `json:"limit,omitzero"`
	// Name of the block if it is a template.
	Name *string `json:"name,omitzero"`
	// Whether the block is a template (e.g. saved human/persona options).
	IsTemplate *bool `json:"is_template,omitzero"`
	// Label of the block (e.g. 'human', 'persona') in the context window.
	Label *string `json:"label,omitzero"`
	// Description of the block.
	Description *string `json:"description,omitzero"`
	// Metadata of the block.
	Metadata map[string]any `json:"metadata,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// LLMConfig says how to reach a language model (model, endpoint type, endpoint, wrapper, context
// window, temperature), without secret keys.
type LLMConfig struct {
	// LLM model name.
	Model string `json:"model"`
	// The endpoint type for the model.
	ModelEndpointType LLMConfigModelEndpointType `json:"model_endpoint_type"`
	// The endpoint for the model.
	ModelEndpoint *string `json:"model_endpoint,omitzero"`
	// The wrapper for the model.
	ModelWrapper *string `json:"model_wrapper,omitzero"`
	// The context window size for the model.
	ContextWindow int `json:"context_window"`
	// Puts 'inner_thoughts' as a kwarg in the function call if this is set to True. This helps with
	// function calling performance and also the generation of inner thoughts.
	PutInnerThoughtsInKwargs *bool `json:"put_inner_thoughts_in_kwargs,omitzero"`
	// The handle for this config, in the format provider/model-name.
	Handle *string `json:"handle,omitzero"`
	// The temperature to use when generating text with the model. A higher temperature will result in
	// more random text.
	Temperature *float64 `json:"temperature,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// EmbeddingConfig says how to reach an embedding model (endpoint type, endpoint, model, dimension,
// chunk size, Azure settings), without secret keys.
type EmbeddingConfig struct {
	// The endpoint type for the model.
	EmbeddingEndpointType EmbeddingConfigEmbeddingEndpointType `json:"embedding_endpoint_type"`
	// The endpoint for the model (`None` if local).
	EmbeddingEndpoint *string `json:"embedding_endpoint,omitzero"`
	// The model for the embedding.
	EmbeddingModel string `json:"embedding_model"`
	// The dimension of the embedding.
	EmbeddingDim int `json:"embedding_dim"`
	// The chunk size of the embedding.
	EmbeddingChunkSize *int `json:"embedding_chunk_size,omitzero"`
	// The handle for this config, in the format provider/model-name.
	Handle *string `json:"handle,omitzero"`
	// The Azure endpoint for the model.
	AzureEndpoint *string `json:"azure_endpoint,omitzero"`
	// The Azure version for the model.
	AzureVersion *string `json:"azure_version,omitzero"`
	// The Azure deployment for the model.
	AzureDeployment *string `json:"azure_deployment,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ContextWindowOverview breaks down what currently fills an agent's context window: system prompt,
// core memory, summary, function definitions and messages, with token counts for each.
type ContextWindowOverview struct {
	// The maximum amount of tokens the context window can hold.
	ContextWindowSizeMax int `json:"context_window_size_max"`
	// The current number of tokens in the context window.
	ContextWindowSizeCurrent int `json:"context_window_size_current"`
	// The number of messages in the context window.
	NumMessages int `json:"num_messages"`
	// The number of messages in the archival memory.
	NumArchivalMemory int `json:"num_archival_memory"`
	// The number of messages in the recall memory.
	NumRecallMemory int `json:"num_recall_memory"`
	// The number of tokens in the external memory summary (archival + recall metadata).
	NumTokensExternalMemorySummary int `json:"num_tokens_external_memory_summary"`
	// The metadata summary of the external memory sources (archival + recall metadata).
	ExternalMemorySummary string `json:"external_memory_summary"`
	// The number of tokens in the system prompt.
	NumTokensSystem int `json:"num_tokens_system"`
	// The content of the system prompt.
	SystemPrompt string `json:"system_prompt"`
	// The number of tokens in the core memory.
	NumTokensCoreMemory int `json:"num_tokens_core_memory"`
	// The content of the core memory.
	CoreMemory string `json:"core_memory"`
	// The number of tokens in the summary memory.
	NumTokensSummaryMemory int `json:"num_tokens_summary_memory"`
	// The content of the summary memory.
	SummaryMemory *string `json:"summary_memory,omitzero"`
	// The number of tokens in the functions definitions.
	NumTokensFunctionsDefinitions int `json:"num_tokens_functions_definitions"`
	// The content of the functions definitions.
	FunctionsDefinitions []FunctionTool `json:"functions_definitions,omitzero"`
	// The number of tokens in the messages list.
	NumTokensMessages int `json:"num_tokens_messages"`
	// The messages in the context window.
	Messages []Message `json:"messages"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Passage is one chunk of text stored in archival memory or in a source, with its embedding.
type Passage struct {
	// The id of the user that made this object.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this object.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The creation date of the passage.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the object was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// Whether this passage is deleted or not.
	IsDeleted *bool `json:"is_deleted,omitzero"`
	// The unique identifier of the agent associated with the passage.
	AgentID *string `json:"agent_id,omitzero"`
	// The data source of the passage.
	SourceID *string `json:"source_id,omitzero"`
	// The unique identifier of the file associated with the passage.
	FileID *string `json:"file_id,omitzero"`
	// The metadata of the passage.
	Metadata map[string]any `json:"metadata,omitzero"`
	// The human-friendly ID of the Passage
	ID string `json:"id,omitzero"`
	// The text of the passage.
	Text string `json:"text"`
	// The embedding of the passage.
	Embedding []float64 `json:"embedding,omitzero"`
	// The embedding configuration used by the passage.
	EmbeddingConfig *EmbeddingConfig `json:"embedding_config,omitzero"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// TemplatesMigrateResponse is the answer of agents.templates.migrate (Letta Cloud).
type TemplatesMigrateResponse struct {
	// Success reports whether the agent was migrated to the target template.
	Success bool `json:"success"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// MemoryVariablesListResponse holds the memory variables of an agent created from a template
// (Letta Cloud).
type MemoryVariablesListResponse struct {
	// Variables maps each memory variable name to its value (e.g. "customer_name": "Dana Whitfield").
	Variables map[string]string `json:"variables"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}
