package types

// AgentType is the implementation type of an agent.
type AgentType string

// Known AgentType values. Any other string is kept as is.
const (
	AgentTypeMemGPTAgent        AgentType = "memgpt_agent"
	AgentTypeSplitThreadAgent   AgentType = "split_thread_agent"
	AgentTypeOfflineMemoryAgent AgentType = "offline_memory_agent"
	AgentTypeChatOnlyAgent      AgentType = "chat_only_agent"
)

// AppAuthSchemeAuthMode is how a Composio app authenticates.
type AppAuthSchemeAuthMode string

// Known AppAuthSchemeAuthMode values. Any other string is kept as is.
const (
	AppAuthSchemeAuthModeOAuth2       AppAuthSchemeAuthMode = "OAUTH2"
	AppAuthSchemeAuthModeOAuth1       AppAuthSchemeAuthMode = "OAUTH1"
	AppAuthSchemeAuthModeAPIKey       AppAuthSchemeAuthMode = "API_KEY"
	AppAuthSchemeAuthModeBasic        AppAuthSchemeAuthMode = "BASIC"
	AppAuthSchemeAuthModeBearerToken  AppAuthSchemeAuthMode = "BEARER_TOKEN"
	AppAuthSchemeAuthModeBasicWithJWT AppAuthSchemeAuthMode = "BASIC_WITH_JWT"
)

// EmbeddingConfigEmbeddingEndpointType is the kind of provider endpoint serving an embedding
// model.
type EmbeddingConfigEmbeddingEndpointType string

// Known EmbeddingConfigEmbeddingEndpointType values. Any other string is kept as is.
const (
	EmbeddingConfigEmbeddingEndpointTypeOpenAI         EmbeddingConfigEmbeddingEndpointType = "openai"
	EmbeddingConfigEmbeddingEndpointTypeAnthropic      EmbeddingConfigEmbeddingEndpointType = "anthropic"
	EmbeddingConfigEmbeddingEndpointTypeBedrock        EmbeddingConfigEmbeddingEndpointType = "bedrock"
	EmbeddingConfigEmbeddingEndpointTypeCohere         EmbeddingConfigEmbeddingEndpointType = "cohere"
	EmbeddingConfigEmbeddingEndpointTypeGoogleAI       EmbeddingConfigEmbeddingEndpointType = "google_ai"
	EmbeddingConfigEmbeddingEndpointTypeAzure          EmbeddingConfigEmbeddingEndpointType = "azure"
	EmbeddingConfigEmbeddingEndpointTypeGroq           EmbeddingConfigEmbeddingEndpointType = "groq"
	EmbeddingConfigEmbeddingEndpointTypeOllama         EmbeddingConfigEmbeddingEndpointType = "ollama"
	EmbeddingConfigEmbeddingEndpointTypeWebUI          EmbeddingConfigEmbeddingEndpointType = "webui"
	EmbeddingConfigEmbeddingEndpointTypeWebUILegacy    EmbeddingConfigEmbeddingEndpointType = "webui-legacy"
	EmbeddingConfigEmbeddingEndpointTypeLMStudio       EmbeddingConfigEmbeddingEndpointType = "lmstudio"
	EmbeddingConfigEmbeddingEndpointTypeLMStudioLegacy EmbeddingConfigEmbeddingEndpointType = "lmstudio-legacy"
	EmbeddingConfigEmbeddingEndpointTypeLlamaCpp       EmbeddingConfigEmbeddingEndpointType = "llamacpp"
	EmbeddingConfigEmbeddingEndpointTypeKoboldCpp      EmbeddingConfigEmbeddingEndpointType = "koboldcpp"
	EmbeddingConfigEmbeddingEndpointTypeVLLM           EmbeddingConfigEmbeddingEndpointType = "vllm"
	EmbeddingConfigEmbeddingEndpointTypeHuggingFace    EmbeddingConfigEmbeddingEndpointType = "hugging-face"
	EmbeddingConfigEmbeddingEndpointTypeMistral        EmbeddingConfigEmbeddingEndpointType = "mistral"
	EmbeddingConfigEmbeddingEndpointTypeTogether       EmbeddingConfigEmbeddingEndpointType = "together"
)

// JobStatus is the status of a job or run.
type JobStatus string

// Known JobStatus values. Any other string is kept as is.
const (
	JobStatusCreated   JobStatus = "created"
	JobStatusRunning   JobStatus = "running"
	JobStatusCompleted JobStatus = "completed"
	JobStatusFailed    JobStatus = "failed"
	JobStatusPending   JobStatus = "pending"
)

// JobType is the kind of job record ("run" for message runs).
type JobType string

// Known JobType values. Any other string is kept as is.
const (
	JobTypeJob JobType = "job"
	JobTypeRun JobType = "run"
)

// LLMConfigModelEndpointType is the kind of provider endpoint serving a language model.
type LLMConfigModelEndpointType string

// Known LLMConfigModelEndpointType values. Any other string is kept as is.
const (
	LLMConfigModelEndpointTypeOpenAI         LLMConfigModelEndpointType = "openai"
	LLMConfigModelEndpointTypeAnthropic      LLMConfigModelEndpointType = "anthropic"
	LLMConfigModelEndpointTypeCohere         LLMConfigModelEndpointType = "cohere"
	LLMConfigModelEndpointTypeGoogleAI       LLMConfigModelEndpointType = "google_ai"
	LLMConfigModelEndpointTypeAzure          LLMConfigModelEndpointType = "azure"
	LLMConfigModelEndpointTypeGroq           LLMConfigModelEndpointType = "groq"
	LLMConfigModelEndpointTypeOllama         LLMConfigModelEndpointType = "ollama"
	LLMConfigModelEndpointTypeWebUI          LLMConfigModelEndpointType = "webui"
	LLMConfigModelEndpointTypeWebUILegacy    LLMConfigModelEndpointType = "webui-legacy"
	LLMConfigModelEndpointTypeLMStudio       LLMConfigModelEndpointType = "lmstudio"
	LLMConfigModelEndpointTypeLMStudioLegacy LLMConfigModelEndpointType = "lmstudio-legacy"
	LLMConfigModelEndpointTypeLlamaCpp       LLMConfigModelEndpointType = "llamacpp"
	LLMConfigModelEndpointTypeKoboldCpp      LLMConfigModelEndpointType = "koboldcpp"
	LLMConfigModelEndpointTypeVLLM           LLMConfigModelEndpointType = "vllm"
	LLMConfigModelEndpointTypeHuggingFace    LLMConfigModelEndpointType = "hugging-face"
	LLMConfigModelEndpointTypeMistral        LLMConfigModelEndpointType = "mistral"
	LLMConfigModelEndpointTypeTogether       LLMConfigModelEndpointType = "together"
	LLMConfigModelEndpointTypeBedrock        LLMConfigModelEndpointType = "bedrock"
)

// MessageCreateRole is the role of a new input message; the server accepts only user and system.
type MessageCreateRole string

// Known MessageCreateRole values. Any other string is kept as is.
const (
	MessageCreateRoleUser   MessageCreateRole = "user"
	MessageCreateRoleSystem MessageCreateRole = "system"
)

// MessageRole is the role of a stored Message.
type MessageRole string

// Known MessageRole values. Any other string is kept as is.
const (
	MessageRoleAssistant MessageRole = "assistant"
	MessageRoleUser      MessageRole = "user"
	MessageRoleTool      MessageRole = "tool"
	MessageRoleFunction  MessageRole = "function"
	MessageRoleSystem    MessageRole = "system"
)

// NotFoundErrorBodyMessage lists known Letta Cloud 404 messages (not used by any method).
type NotFoundErrorBodyMessage string

// Known NotFoundErrorBodyMessage values. Any other string is kept as is.
const (
	NotFoundErrorBodyMessageTemplateOrNotFound      NotFoundErrorBodyMessage = "Agent provided is a template or not found, you can only migrate deployed agents"
	NotFoundErrorBodyMessageTemplateVersionNotFound NotFoundErrorBodyMessage = "Template version provided does not exist"
)

// SandboxType is the kind of tool-execution sandbox.
type SandboxType string

// Known SandboxType values. Any other string is kept as is.
const (
	SandboxTypeE2B   SandboxType = "e2b"
	SandboxTypeLocal SandboxType = "local"
)

// ToolReturnMessageStatus is the outcome of a tool call.
type ToolReturnMessageStatus string

// Known ToolReturnMessageStatus values. Any other string is kept as is.
const (
	ToolReturnMessageStatusSuccess ToolReturnMessageStatus = "success"
	ToolReturnMessageStatusError   ToolReturnMessageStatus = "error"
)

// ToolRuleType is the tag of a tool rule: "ToolRule" (ChildToolRule), "InitToolRule",
// "TerminalToolRule" and "conditional" (ConditionalToolRule). "continue_loop" and
// "require_parent_tools" have no rule type in this API.
type ToolRuleType string

// Known ToolRuleType values. Any other string is kept as is.
const (
	ToolRuleTypeInitToolRule       ToolRuleType = "InitToolRule"
	ToolRuleTypeTerminalToolRule   ToolRuleType = "TerminalToolRule"
	ToolRuleTypeContinueLoop       ToolRuleType = "continue_loop"
	ToolRuleTypeConditional        ToolRuleType = "conditional"
	ToolRuleTypeToolRule           ToolRuleType = "ToolRule"
	ToolRuleTypeRequireParentTools ToolRuleType = "require_parent_tools"
)

// ToolType is the origin of a tool.
type ToolType string

// Known ToolType values. Any other string is kept as is.
const (
	ToolTypeCustom              ToolType = "custom"
	ToolTypeLettaCore           ToolType = "letta_core"
	ToolTypeLettaMemoryCore     ToolType = "letta_memory_core"
	ToolTypeLettaMultiAgentCore ToolType = "letta_multi_agent_core"
	ToolTypeExternalComposio    ToolType = "external_composio"
)

// AgentsSearchRequestCombinator says how agents.search conditions combine.
type AgentsSearchRequestCombinator string

// Known AgentsSearchRequestCombinator values. Any other string is kept as is.
const (
	AgentsSearchRequestCombinatorAnd AgentsSearchRequestCombinator = "AND"
	AgentsSearchRequestCombinatorOr  AgentsSearchRequestCombinator = "OR"
)

// AgentsSearchOrderByDirection is a sort direction.
type AgentsSearchOrderByDirection string

// Known AgentsSearchOrderByDirection values. Any other string is kept as is.
const (
	AgentsSearchOrderByDirectionAsc  AgentsSearchOrderByDirection = "asc"
	AgentsSearchOrderByDirectionDesc AgentsSearchOrderByDirection = "desc"
)

// AgentsSearchOrderByField is the key agents.search sorts by.
type AgentsSearchOrderByField string

// Known AgentsSearchOrderByField values. Any other string is kept as is.
const (
	AgentsSearchOrderByFieldCreatedAt AgentsSearchOrderByField = "created_at"
	AgentsSearchOrderByFieldUpdatedAt AgentsSearchOrderByField = "updated_at"
)

// AgentsSearchNameOperator compares agent names in agents.search.
type AgentsSearchNameOperator string

// Known AgentsSearchNameOperator values. Any other string is kept as is.
const (
	AgentsSearchNameOperatorEq       AgentsSearchNameOperator = "eq"
	AgentsSearchNameOperatorNeq      AgentsSearchNameOperator = "neq"
	AgentsSearchNameOperatorContains AgentsSearchNameOperator = "contains"
)
