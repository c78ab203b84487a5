package types

// Deprecated names, kept so that code written against earlier versions
// still compiles.

// AgentsSearchRequestSearchItemZero is the old name of AgentsSearchVersion.
//
// Deprecated: use AgentsSearchVersion.
type AgentsSearchRequestSearchItemZero = AgentsSearchVersion

// AgentsSearchRequestSearchItemOne is the old name of AgentsSearchName.
//
// Deprecated: use AgentsSearchName.
type AgentsSearchRequestSearchItemOne = AgentsSearchName

// AgentsSearchRequestSearchItemTwo is the old name of AgentsSearchTags.
//
// Deprecated: use AgentsSearchTags.
type AgentsSearchRequestSearchItemTwo = AgentsSearchTags

// AgentsSearchRequestSearchItemDirection is the old name of AgentsSearchOrderBy.
//
// Deprecated: use AgentsSearchOrderBy.
type AgentsSearchRequestSearchItemDirection = AgentsSearchOrderBy

// AgentsSearchRequestSearchItemDirectionDirection is the old name of AgentsSearchOrderByDirection.
//
// Deprecated: use AgentsSearchOrderByDirection.
type AgentsSearchRequestSearchItemDirectionDirection = AgentsSearchOrderByDirection

// AgentsSearchRequestSearchItemDirectionValue is the old name of AgentsSearchOrderByField.
//
// Deprecated: use AgentsSearchOrderByField.
type AgentsSearchRequestSearchItemDirectionValue = AgentsSearchOrderByField

// AgentsSearchRequestSearchItemOneOperator is the old name of AgentsSearchNameOperator.
//
// Deprecated: use AgentsSearchNameOperator.
type AgentsSearchRequestSearchItemOneOperator = AgentsSearchNameOperator

// Old names of constants.
const (
	// Deprecated: use AgentsSearchOrderByDirectionAsc.
	AgentsSearchRequestSearchItemDirectionDirectionAsc = AgentsSearchOrderByDirectionAsc
	// Deprecated: use AgentsSearchOrderByDirectionDesc.
	AgentsSearchRequestSearchItemDirectionDirectionDesc = AgentsSearchOrderByDirectionDesc
	// Deprecated: use AgentsSearchOrderByFieldCreatedAt.
	AgentsSearchRequestSearchItemDirectionValueCreatedAt = AgentsSearchOrderByFieldCreatedAt
	// Deprecated: use AgentsSearchOrderByFieldUpdatedAt.
	AgentsSearchRequestSearchItemDirectionValueUpdatedAt = AgentsSearchOrderByFieldUpdatedAt
	// Deprecated: use AgentsSearchNameOperatorEq.
	AgentsSearchRequestSearchItemOneOperatorEq = AgentsSearchNameOperatorEq
	// Deprecated: use AgentsSearchNameOperatorNeq.
	AgentsSearchRequestSearchItemOneOperatorNeq = AgentsSearchNameOperatorNeq
	// Deprecated: use AgentsSearchNameOperatorContains.
	AgentsSearchRequestSearchItemOneOperatorContains = AgentsSearchNameOperatorContains
	// Deprecated: use AgentTypeMemGPTAgent.
	AgentTypeMemgptAgent = AgentTypeMemGPTAgent
	// Deprecated: use LLMConfigModelEndpointTypeOpenAI.
	LLMConfigModelEndpointTypeOpenai = LLMConfigModelEndpointTypeOpenAI
	// Deprecated: use LLMConfigModelEndpointTypeWebUILegacy.
	LLMConfigModelEndpointTypeWebuiLegacy = LLMConfigModelEndpointTypeWebUILegacy
	// Deprecated: use LLMConfigModelEndpointTypeWebUI.
	LLMConfigModelEndpointTypeWebui = LLMConfigModelEndpointTypeWebUI
	// Deprecated: use LLMConfigModelEndpointTypeLMStudioLegacy.
	LLMConfigModelEndpointTypeLmstudioLegacy = LLMConfigModelEndpointTypeLMStudioLegacy
	// Deprecated: use LLMConfigModelEndpointTypeLMStudio.
	LLMConfigModelEndpointTypeLmstudio = LLMConfigModelEndpointTypeLMStudio
	// Deprecated: use LLMConfigModelEndpointTypeLlamaCpp.
	LLMConfigModelEndpointTypeLlamacpp = LLMConfigModelEndpointTypeLlamaCpp
	// Deprecated: use LLMConfigModelEndpointTypeKoboldCpp.
	LLMConfigModelEndpointTypeKoboldcpp = LLMConfigModelEndpointTypeKoboldCpp
	// Deprecated: use LLMConfigModelEndpointTypeVLLM.
	LLMConfigModelEndpointTypeVllm = LLMConfigModelEndpointTypeVLLM
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeOpenAI.
	EmbeddingConfigEmbeddingEndpointTypeOpenai = EmbeddingConfigEmbeddingEndpointTypeOpenAI
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeWebUILegacy.
	EmbeddingConfigEmbeddingEndpointTypeWebuiLegacy = EmbeddingConfigEmbeddingEndpointTypeWebUILegacy
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeWebUI.
	EmbeddingConfigEmbeddingEndpointTypeWebui = EmbeddingConfigEmbeddingEndpointTypeWebUI
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeLMStudioLegacy.
	EmbeddingConfigEmbeddingEndpointTypeLmstudioLegacy = EmbeddingConfigEmbeddingEndpointTypeLMStudioLegacy
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeLMStudio.
	EmbeddingConfigEmbeddingEndpointTypeLmstudio = EmbeddingConfigEmbeddingEndpointTypeLMStudio
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeLlamaCpp.
	EmbeddingConfigEmbeddingEndpointTypeLlamacpp = EmbeddingConfigEmbeddingEndpointTypeLlamaCpp
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeKoboldCpp.
	EmbeddingConfigEmbeddingEndpointTypeKoboldcpp = EmbeddingConfigEmbeddingEndpointTypeKoboldCpp
	// Deprecated: use EmbeddingConfigEmbeddingEndpointTypeVLLM.
	EmbeddingConfigEmbeddingEndpointTypeVllm = EmbeddingConfigEmbeddingEndpointTypeVLLM
)
