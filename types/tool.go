package types

// Tool is a function an agent can call: its source code, JSON schema, tags and limits.
type Tool struct {
	// The human-friendly ID of the Tool
	ID string `json:"id,omitzero"`
	// The type of the tool.
	ToolType *ToolType `json:"tool_type,omitzero"`
	// The description of the tool.
	Description *string `json:"description,omitzero"`
	// The type of the source code.
	SourceType *string `json:"source_type,omitzero"`
	// The name of the function.
	Name *string `json:"name,omitzero"`
	// Metadata tags.
	Tags []string `json:"tags,omitzero"`
	// The source code of the function.
	SourceCode *string `json:"source_code,omitzero"`
	// The JSON schema of the function.
	JSONSchema map[string]any `json:"json_schema,omitzero"`
	// The maximum number of characters in the response.
	ReturnCharLimit *int `json:"return_char_limit,omitzero"`
	// The id of the user that made this Tool.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this Tool.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
}

// ToolCreate is the body for creating a tool (not used by any method: tools.create takes these
// fields as parameters).
type ToolCreate struct {
	// The name of the function (auto-generated from source_code if not provided).
	Name *string `json:"name,omitzero"`
	// The description of the tool.
	Description *string `json:"description,omitzero"`
	// Metadata tags.
	Tags []string `json:"tags,omitzero"`
	// The source code of the function.
	SourceCode string `json:"source_code"`
	// The source type of the function.
	SourceType *string `json:"source_type,omitzero"`
	// The JSON schema of the function (auto-generated from source_code if not provided)
	JSONSchema map[string]any `json:"json_schema,omitzero"`
	// The maximum number of characters in the response.
	ReturnCharLimit *int `json:"return_char_limit,omitzero"`
}

// FunctionDefinition is an OpenAI-style function definition: name, description and JSON-schema
// parameters.
type FunctionDefinition struct {
	Name        string         `json:"name"`
	Description *string        `json:"description,omitzero"`
	Parameters  map[string]any `json:"parameters,omitzero"`
	Strict      *bool          `json:"strict,omitzero"`
}

// FunctionTool is an OpenAI-style tool definition as sent to the LLM. It always encodes
// "type":"function".
type FunctionTool struct {
	Function FunctionDefinition `json:"function"`
}

// Function is the function part of a ChatCompletionMessageToolCall: the tool name and its JSON-
// encoded arguments.
type Function struct {
	Arguments string `json:"arguments"`
	Name      string `json:"name"`
}

// ChatCompletionMessageToolCall is an OpenAI-style tool call recorded on a Message. It always
// encodes "type":"function".
type ChatCompletionMessageToolCall struct {
	ID       string   `json:"id"`
	Function Function `json:"function"`
}

// ActionModel describes one Composio action (a callable operation of a Composio app), as listed by
// tools.list_composio_actions_by_app.
type ActionModel struct {
	Name        string                `json:"name"`
	DisplayName *string               `json:"display_name,omitzero"`
	Parameters  ActionParametersModel `json:"parameters"`
	Response    ActionResponseModel   `json:"response"`
	AppName     string                `json:"appName"`
	AppID       string                `json:"appId"`
	Tags        []string              `json:"tags,omitzero"`
	Enabled     *bool                 `json:"enabled,omitzero"`
	Logo        *string               `json:"logo,omitzero"`
	Description *string               `json:"description,omitzero"`
}

// ActionParametersModel is the JSON schema of a Composio action's input parameters.
type ActionParametersModel struct {
	Properties map[string]any `json:"properties,omitzero"`
	Title      string         `json:"title"`
	Type       string         `json:"type"`
	Required   []string       `json:"required,omitzero"`
}

// ActionResponseModel is the JSON schema of a Composio action's response.
type ActionResponseModel struct {
	Properties map[string]any `json:"properties,omitzero"`
	Title      string         `json:"title"`
	Type       string         `json:"type"`
	Required   []string       `json:"required,omitzero"`
}

// AppModel describes one Composio app, as listed by tools.list_composio_apps.
type AppModel struct {
	Name                  string           `json:"name"`
	Key                   string           `json:"key"`
	AppID                 string           `json:"appId"`
	Description           string           `json:"description"`
	Categories            []string         `json:"categories,omitzero"`
	Meta                  map[string]any   `json:"meta,omitzero"`
	Logo                  *string          `json:"logo,omitzero"`
	Docs                  *string          `json:"docs,omitzero"`
	Group                 *string          `json:"group,omitzero"`
	Status                *string          `json:"status,omitzero"`
	Enabled               *bool            `json:"enabled,omitzero"`
	NoAuth                *bool            `json:"no_auth,omitzero"`
	AuthSchemes           []AppAuthScheme  `json:"auth_schemes,omitzero"`
	TestConnectors        []map[string]any `json:"testConnectors,omitzero"`
	DocumentationDocText  *string          `json:"documentation_doc_text,omitzero"`
	ConfigurationDocsText *string          `json:"configuration_docs_text,omitzero"`
}

// AppAuthScheme describes how a Composio app authenticates (OAuth, API key, ...).
type AppAuthScheme struct {
	SchemeName            string                `json:"scheme_name"`
	AuthMode              AppAuthSchemeAuthMode `json:"auth_mode"`
	Fields                []AuthSchemeField     `json:"fields,omitzero"`
	Proxy                 map[string]any        `json:"proxy,omitzero"`
	AuthorizationURL      *string               `json:"authorization_url,omitzero"`
	TokenURL              *string               `json:"token_url,omitzero"`
	DefaultScopes         []any                 `json:"default_scopes,omitzero"`
	TokenResponseMetadata []any                 `json:"token_response_metadata,omitzero"`
	ClientID              *string               `json:"client_id,omitzero"`
	ClientSecret          *string               `json:"client_secret,omitzero"`
}

// AuthSchemeField is one input field of a Composio authentication scheme.
type AuthSchemeField struct {
	Name                   string  `json:"name"`
	DisplayName            *string `json:"display_name,omitzero"`
	Description            string  `json:"description"`
	Type                   string  `json:"type"`
	Default                *string `json:"default,omitzero"`
	Required               *bool   `json:"required,omitzero"`
	ExpectedFromCustomer   *bool   `json:"expected_from_customer,omitzero"`
	GetCurrentUserEndpoint *string `json:"get_current_user_endpoint,omitzero"`
}

// MarshalJSON encodes the tool with "type":"function".
func (t FunctionTool) MarshalJSON() ([]byte, error) {
	type plain FunctionTool
	return marshalTagged(`"type":"function"`, plain(t))
}

// MarshalJSON encodes the tool call with "type":"function".
func (c ChatCompletionMessageToolCall) MarshalJSON() ([]byte, error) {
	type plain ChatCompletionMessageToolCall
	return marshalTagged(`"type":"function"`, plain(c))
}
