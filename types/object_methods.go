package types

// The JSON methods of the object types without union fields: each keeps the
// keys it does not declare in ExtraFields (see object.go).

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AgentState) UnmarshalJSON(data []byte) error {
	type plain AgentState
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AgentState) MarshalJSON() ([]byte, error) {
	type plain AgentState
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AgentEnvironmentVariable) UnmarshalJSON(data []byte) error {
	type plain AgentEnvironmentVariable
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AgentEnvironmentVariable) MarshalJSON() ([]byte, error) {
	type plain AgentEnvironmentVariable
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Memory) UnmarshalJSON(data []byte) error {
	type plain Memory
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Memory) MarshalJSON() ([]byte, error) {
	type plain Memory
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Block) UnmarshalJSON(data []byte) error {
	type plain Block
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Block) MarshalJSON() ([]byte, error) {
	type plain Block
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *CreateBlock) UnmarshalJSON(data []byte) error {
	type plain CreateBlock
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v CreateBlock) MarshalJSON() ([]byte, error) {
	type plain CreateBlock
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *BlockUpdate) UnmarshalJSON(data []byte) error {
	type plain BlockUpdate
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v BlockUpdate) MarshalJSON() ([]byte, error) {
	type plain BlockUpdate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *LLMConfig) UnmarshalJSON(data []byte) error {
	type plain LLMConfig
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v LLMConfig) MarshalJSON() ([]byte, error) {
	type plain LLMConfig
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *EmbeddingConfig) UnmarshalJSON(data []byte) error {
	type plain EmbeddingConfig
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v EmbeddingConfig) MarshalJSON() ([]byte, error) {
	type plain EmbeddingConfig
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ContextWindowOverview) UnmarshalJSON(data []byte) error {
	type plain ContextWindowOverview
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ContextWindowOverview) MarshalJSON() ([]byte, error) {
	type plain ContextWindowOverview
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Passage) UnmarshalJSON(data []byte) error {
	type plain Passage
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Passage) MarshalJSON() ([]byte, error) {
	type plain Passage
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *TemplatesMigrateResponse) UnmarshalJSON(data []byte) error {
	type plain TemplatesMigrateResponse
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v TemplatesMigrateResponse) MarshalJSON() ([]byte, error) {
	type plain TemplatesMigrateResponse
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *MemoryVariablesListResponse) UnmarshalJSON(data []byte) error {
	type plain MemoryVariablesListResponse
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v MemoryVariablesListResponse) MarshalJSON() ([]byte, error) {
	type plain MemoryVariablesListResponse
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *TextContent) UnmarshalJSON(data []byte) error {
	type plain TextContent
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v TextContent) MarshalJSON() ([]byte, error) {
	type plain TextContent
	return encodeObject(&v, (*plain)(&v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v SystemMessage) MarshalJSON() ([]byte, error) {
	type plain SystemMessage
	return encodeObject(&v, (*plain)(&v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v UserMessage) MarshalJSON() ([]byte, error) {
	type plain UserMessage
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ReasoningMessage) UnmarshalJSON(data []byte) error {
	type plain ReasoningMessage
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ReasoningMessage) MarshalJSON() ([]byte, error) {
	type plain ReasoningMessage
	return encodeObject(&v, (*plain)(&v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ToolCallMessage) MarshalJSON() ([]byte, error) {
	type plain ToolCallMessage
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ToolReturnMessage) UnmarshalJSON(data []byte) error {
	type plain ToolReturnMessage
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ToolReturnMessage) MarshalJSON() ([]byte, error) {
	type plain ToolReturnMessage
	return encodeObject(&v, (*plain)(&v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AssistantMessage) MarshalJSON() ([]byte, error) {
	type plain AssistantMessage
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ToolCall) UnmarshalJSON(data []byte) error {
	type plain ToolCall
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ToolCall) MarshalJSON() ([]byte, error) {
	type plain ToolCall
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ToolCallDelta) UnmarshalJSON(data []byte) error {
	type plain ToolCallDelta
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ToolCallDelta) MarshalJSON() ([]byte, error) {
	type plain ToolCallDelta
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *LettaUsageStatistics) UnmarshalJSON(data []byte) error {
	type plain LettaUsageStatistics
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v LettaUsageStatistics) MarshalJSON() ([]byte, error) {
	type plain LettaUsageStatistics
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *UsageStatistics) UnmarshalJSON(data []byte) error {
	type plain UsageStatistics
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v UsageStatistics) MarshalJSON() ([]byte, error) {
	type plain UsageStatistics
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *LettaResponse) UnmarshalJSON(data []byte) error {
	type plain LettaResponse
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v LettaResponse) MarshalJSON() ([]byte, error) {
	type plain LettaResponse
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Message) UnmarshalJSON(data []byte) error {
	type plain Message
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Message) MarshalJSON() ([]byte, error) {
	type plain Message
	return encodeObject(&v, (*plain)(&v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v MessageCreate) MarshalJSON() ([]byte, error) {
	type plain MessageCreate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *LettaRequest) UnmarshalJSON(data []byte) error {
	type plain LettaRequest
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v LettaRequest) MarshalJSON() ([]byte, error) {
	type plain LettaRequest
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *LettaRequestConfig) UnmarshalJSON(data []byte) error {
	type plain LettaRequestConfig
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v LettaRequestConfig) MarshalJSON() ([]byte, error) {
	type plain LettaRequestConfig
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Health) UnmarshalJSON(data []byte) error {
	type plain Health
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Health) MarshalJSON() ([]byte, error) {
	type plain Health
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Provider) UnmarshalJSON(data []byte) error {
	type plain Provider
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Provider) MarshalJSON() ([]byte, error) {
	type plain Provider
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Organization) UnmarshalJSON(data []byte) error {
	type plain Organization
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Organization) MarshalJSON() ([]byte, error) {
	type plain Organization
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *OrganizationCreate) UnmarshalJSON(data []byte) error {
	type plain OrganizationCreate
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v OrganizationCreate) MarshalJSON() ([]byte, error) {
	type plain OrganizationCreate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *User) UnmarshalJSON(data []byte) error {
	type plain User
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v User) MarshalJSON() ([]byte, error) {
	type plain User
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *UserCreate) UnmarshalJSON(data []byte) error {
	type plain UserCreate
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v UserCreate) MarshalJSON() ([]byte, error) {
	type plain UserCreate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *UserUpdate) UnmarshalJSON(data []byte) error {
	type plain UserUpdate
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v UserUpdate) MarshalJSON() ([]byte, error) {
	type plain UserUpdate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AuthRequest) UnmarshalJSON(data []byte) error {
	type plain AuthRequest
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AuthRequest) MarshalJSON() ([]byte, error) {
	type plain AuthRequest
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AuthResponse) UnmarshalJSON(data []byte) error {
	type plain AuthResponse
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AuthResponse) MarshalJSON() ([]byte, error) {
	type plain AuthResponse
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ConflictErrorBody) UnmarshalJSON(data []byte) error {
	type plain ConflictErrorBody
	return decodeObject(data, v, (*plain)(v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *NotFoundErrorBody) UnmarshalJSON(data []byte) error {
	type plain NotFoundErrorBody
	return decodeObject(data, v, (*plain)(v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *InternalServerErrorBody) UnmarshalJSON(data []byte) error {
	type plain InternalServerErrorBody
	return decodeObject(data, v, (*plain)(v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *SandboxConfig) UnmarshalJSON(data []byte) error {
	type plain SandboxConfig
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v SandboxConfig) MarshalJSON() ([]byte, error) {
	type plain SandboxConfig
	return encodeObject(&v, (*plain)(&v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v SandboxConfigCreate) MarshalJSON() ([]byte, error) {
	type plain SandboxConfigCreate
	return encodeObject(&v, (*plain)(&v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v SandboxConfigUpdate) MarshalJSON() ([]byte, error) {
	type plain SandboxConfigUpdate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *SandboxEnvironmentVariable) UnmarshalJSON(data []byte) error {
	type plain SandboxEnvironmentVariable
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v SandboxEnvironmentVariable) MarshalJSON() ([]byte, error) {
	type plain SandboxEnvironmentVariable
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *SandboxEnvironmentVariableCreate) UnmarshalJSON(data []byte) error {
	type plain SandboxEnvironmentVariableCreate
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v SandboxEnvironmentVariableCreate) MarshalJSON() ([]byte, error) {
	type plain SandboxEnvironmentVariableCreate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *SandboxEnvironmentVariableUpdate) UnmarshalJSON(data []byte) error {
	type plain SandboxEnvironmentVariableUpdate
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v SandboxEnvironmentVariableUpdate) MarshalJSON() ([]byte, error) {
	type plain SandboxEnvironmentVariableUpdate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *LocalSandboxConfig) UnmarshalJSON(data []byte) error {
	type plain LocalSandboxConfig
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v LocalSandboxConfig) MarshalJSON() ([]byte, error) {
	type plain LocalSandboxConfig
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *E2BSandboxConfig) UnmarshalJSON(data []byte) error {
	type plain E2BSandboxConfig
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v E2BSandboxConfig) MarshalJSON() ([]byte, error) {
	type plain E2BSandboxConfig
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AgentsSearchVersion) UnmarshalJSON(data []byte) error {
	type plain AgentsSearchVersion
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AgentsSearchVersion) MarshalJSON() ([]byte, error) {
	type plain AgentsSearchVersion
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AgentsSearchName) UnmarshalJSON(data []byte) error {
	type plain AgentsSearchName
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AgentsSearchName) MarshalJSON() ([]byte, error) {
	type plain AgentsSearchName
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AgentsSearchTags) UnmarshalJSON(data []byte) error {
	type plain AgentsSearchTags
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AgentsSearchTags) MarshalJSON() ([]byte, error) {
	type plain AgentsSearchTags
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AgentsSearchOrderBy) UnmarshalJSON(data []byte) error {
	type plain AgentsSearchOrderBy
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AgentsSearchOrderBy) MarshalJSON() ([]byte, error) {
	type plain AgentsSearchOrderBy
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Source) UnmarshalJSON(data []byte) error {
	type plain Source
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Source) MarshalJSON() ([]byte, error) {
	type plain Source
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *FileMetadata) UnmarshalJSON(data []byte) error {
	type plain FileMetadata
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v FileMetadata) MarshalJSON() ([]byte, error) {
	type plain FileMetadata
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Job) UnmarshalJSON(data []byte) error {
	type plain Job
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Job) MarshalJSON() ([]byte, error) {
	type plain Job
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Run) UnmarshalJSON(data []byte) error {
	type plain Run
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Run) MarshalJSON() ([]byte, error) {
	type plain Run
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Tool) UnmarshalJSON(data []byte) error {
	type plain Tool
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Tool) MarshalJSON() ([]byte, error) {
	type plain Tool
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ToolCreate) UnmarshalJSON(data []byte) error {
	type plain ToolCreate
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ToolCreate) MarshalJSON() ([]byte, error) {
	type plain ToolCreate
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *FunctionDefinition) UnmarshalJSON(data []byte) error {
	type plain FunctionDefinition
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v FunctionDefinition) MarshalJSON() ([]byte, error) {
	type plain FunctionDefinition
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *FunctionTool) UnmarshalJSON(data []byte) error {
	type plain FunctionTool
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v FunctionTool) MarshalJSON() ([]byte, error) {
	type plain FunctionTool
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *Function) UnmarshalJSON(data []byte) error {
	type plain Function
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v Function) MarshalJSON() ([]byte, error) {
	type plain Function
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ChatCompletionMessageToolCall) UnmarshalJSON(data []byte) error {
	type plain ChatCompletionMessageToolCall
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ChatCompletionMessageToolCall) MarshalJSON() ([]byte, error) {
	type plain ChatCompletionMessageToolCall
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ActionModel) UnmarshalJSON(data []byte) error {
	type plain ActionModel
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ActionModel) MarshalJSON() ([]byte, error) {
	type plain ActionModel
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ActionParametersModel) UnmarshalJSON(data []byte) error {
	type plain ActionParametersModel
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ActionParametersModel) MarshalJSON() ([]byte, error) {
	type plain ActionParametersModel
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ActionResponseModel) UnmarshalJSON(data []byte) error {
	type plain ActionResponseModel
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ActionResponseModel) MarshalJSON() ([]byte, error) {
	type plain ActionResponseModel
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AppModel) UnmarshalJSON(data []byte) error {
	type plain AppModel
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AppModel) MarshalJSON() ([]byte, error) {
	type plain AppModel
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AppAuthScheme) UnmarshalJSON(data []byte) error {
	type plain AppAuthScheme
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AppAuthScheme) MarshalJSON() ([]byte, error) {
	type plain AppAuthScheme
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *AuthSchemeField) UnmarshalJSON(data []byte) error {
	type plain AuthSchemeField
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v AuthSchemeField) MarshalJSON() ([]byte, error) {
	type plain AuthSchemeField
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ChildToolRule) UnmarshalJSON(data []byte) error {
	type plain ChildToolRule
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ChildToolRule) MarshalJSON() ([]byte, error) {
	type plain ChildToolRule
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *InitToolRule) UnmarshalJSON(data []byte) error {
	type plain InitToolRule
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v InitToolRule) MarshalJSON() ([]byte, error) {
	type plain InitToolRule
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *TerminalToolRule) UnmarshalJSON(data []byte) error {
	type plain TerminalToolRule
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v TerminalToolRule) MarshalJSON() ([]byte, error) {
	type plain TerminalToolRule
	return encodeObject(&v, (*plain)(&v))
}

// UnmarshalJSON decodes the object; members no field declares go to ExtraFields.
func (v *ConditionalToolRule) UnmarshalJSON(data []byte) error {
	type plain ConditionalToolRule
	return decodeObject(data, v, (*plain)(v))
}

// MarshalJSON encodes the object followed by its ExtraFields.
func (v ConditionalToolRule) MarshalJSON() ([]byte, error) {
	type plain ConditionalToolRule
	return encodeObject(&v, (*plain)(&v))
}
