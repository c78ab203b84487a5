package types

import "encoding/json"

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
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ToolCreate is the body of tools.Client.Create and Upsert (their
// CreateParams and UpsertParams).
type ToolCreate struct {
	// The name of the function (generated from source_code if not provided).
	// Servers since 2025-01-24 reject it on create with a 422.
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
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// FunctionDefinition is an OpenAI-style function definition: name, description and JSON-schema
// parameters.
type FunctionDefinition struct {
	// Name is the name of the function (the tool name).
	Name string `json:"name"`
	// Description tells the LLM what the function does.
	Description *string `json:"description,omitzero"`
	// Parameters is the JSON schema of the function's arguments.
	Parameters map[string]any `json:"parameters,omitzero"`
	// Strict asks the LLM to follow the parameters schema exactly (OpenAI structured outputs); nil
	// when unset.
	Strict *bool `json:"strict,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// FunctionTool is an OpenAI-style tool definition as sent to the LLM. It always encodes
// "type":"function".
type FunctionTool struct {
	// Function is the definition of the function the LLM may call.
	Function FunctionDefinition `json:"function"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Function is the function part of a ChatCompletionMessageToolCall: the tool name and its JSON-
// encoded arguments.
type Function struct {
	// Arguments is the call's arguments as a JSON-encoded object.
	Arguments string `json:"arguments"`
	// Name is the name of the called tool.
	Name string `json:"name"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ChatCompletionMessageToolCall is an OpenAI-style tool call recorded on a Message. It always
// encodes "type":"function".
type ChatCompletionMessageToolCall struct {
	// ID is the id of the tool call, repeated as the tool_call_id of the tool's answer.
	ID string `json:"id"`
	// Function is the called tool and its arguments.
	Function Function `json:"function"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ActionModel describes one Composio action (a callable operation of a Composio app), as listed by
// tools.list_composio_actions_by_app.
type ActionModel struct {
	// Name is the action's identifier (e.g. "GITHUB_CREATE_AN_ISSUE"), as passed to
	// tools.add_composio_tool.
	Name string `json:"name"`
	// DisplayName is the human-readable title of the action (e.g. "Create an issue").
	DisplayName *string `json:"display_name,omitzero"`
	// Parameters is the JSON schema of the action's input.
	Parameters ActionParametersModel `json:"parameters"`
	// Response is the JSON schema of the action's result.
	Response ActionResponseModel `json:"response"`
	// AppName is the name of the app the action belongs to (e.g. "github").
	AppName string `json:"appName"`
	// AppID is the Composio id (a UUID) of the app the action belongs to.
	AppID string `json:"appId"`
	// Tags are Composio's labels for the action (e.g. "important").
	Tags []string `json:"tags"`
	// Enabled reports whether the action is enabled in Composio.
	Enabled *bool `json:"enabled,omitzero"`
	// Logo is the URL of the app's logo image.
	Logo *string `json:"logo,omitzero"`
	// Description explains what the action does.
	Description *string `json:"description,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ActionParametersModel is the JSON schema of a Composio action's input parameters.
type ActionParametersModel struct {
	// Properties maps each parameter name to its JSON schema (description, title, type, examples).
	Properties map[string]any `json:"properties"`
	// Title is the schema's name (e.g. "StarARepositoryForTheAuthenticatedUserRequest").
	Title string `json:"title"`
	// Type is the JSON schema type of the input, normally "object".
	Type string `json:"type"`
	// Required lists the names of the parameters that must be given.
	Required []string `json:"required,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ActionResponseModel is the JSON schema of a Composio action's response.
type ActionResponseModel struct {
	// Properties maps each response field name to its JSON schema.
	Properties map[string]any `json:"properties"`
	// Title is the schema's name (e.g. "StarARepositoryForTheAuthenticatedUserResponse").
	Title string `json:"title"`
	// Type is the JSON schema type of the response, normally "object".
	Type string `json:"type"`
	// Required lists the names of the response fields that are always present.
	Required []string `json:"required,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AppModel describes one Composio app, as listed by tools.list_composio_apps.
type AppModel struct {
	// Name is the app's name (e.g. "github").
	Name string `json:"name"`
	// Key is the app's unique key (e.g. "github").
	Key string `json:"key"`
	// AppID is the Composio id (a UUID) of the app.
	AppID string `json:"appId"`
	// Description explains what the app is.
	Description string `json:"description"`
	// Categories are Composio's categories for the app (e.g. "popular", "developer tools").
	Categories []string `json:"categories"`
	// Meta is free-form Composio metadata (e.g. actionsCount, triggersCount, is_custom_app).
	Meta map[string]any `json:"meta"`
	// Logo is the URL of the app's logo image.
	Logo *string `json:"logo,omitzero"`
	// Docs is the URL of the app's own API documentation.
	Docs *string `json:"docs,omitzero"`
	// Group is the app's group in Composio, if any.
	Group *string `json:"group,omitzero"`
	// Status is the app's status in Composio, if any.
	Status *string `json:"status,omitzero"`
	// Enabled reports whether the app is enabled in Composio.
	Enabled *bool `json:"enabled,omitzero"`
	// NoAuth reports whether the app can be used without authentication.
	NoAuth *bool `json:"no_auth,omitzero"`
	// AuthSchemes lists the ways the app can authenticate.
	AuthSchemes []AppAuthScheme `json:"auth_schemes,omitzero"`
	// TestConnectors are Composio's test connectors for the app (free-form objects, e.g. id and name).
	TestConnectors []map[string]any `json:"testConnectors,omitzero"`
	// DocumentationDocText is documentation text for the app, if any.
	DocumentationDocText *string `json:"documentation_doc_text,omitzero"`
	// ConfigurationDocsText is text explaining how to configure the app, if any.
	ConfigurationDocsText *string `json:"configuration_docs_text,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AppAuthScheme describes how a Composio app authenticates (OAuth, API key, ...).
type AppAuthScheme struct {
	// SchemeName is the name of the authentication scheme.
	SchemeName string `json:"scheme_name"`
	// AuthMode is the authentication method (e.g. OAUTH2, API_KEY, BASIC).
	AuthMode AppAuthSchemeAuthMode `json:"auth_mode"`
	// Fields lists the inputs the scheme needs (keys, usernames, ...).
	Fields []AuthSchemeField `json:"fields"`
	// Proxy is the scheme's proxy configuration (free-form JSON).
	Proxy map[string]any `json:"proxy,omitzero"`
	// AuthorizationURL is the OAuth authorization endpoint, for OAuth schemes.
	AuthorizationURL *string `json:"authorization_url,omitzero"`
	// TokenURL is the OAuth token endpoint, for OAuth schemes.
	TokenURL *string `json:"token_url,omitzero"`
	// DefaultScopes are the OAuth scopes requested by default (free-form JSON values).
	DefaultScopes []any `json:"default_scopes,omitzero"`
	// TokenResponseMetadata describes metadata kept from the OAuth token response (free-form JSON
	// values).
	TokenResponseMetadata []any `json:"token_response_metadata,omitzero"`
	// ClientID is the OAuth client id, if set.
	ClientID *string `json:"client_id,omitzero"`
	// ClientSecret is the OAuth client secret, if set.
	ClientSecret *string `json:"client_secret,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AuthSchemeField is one input field of a Composio authentication scheme.
type AuthSchemeField struct {
	// Name is the field's key.
	Name string `json:"name"`
	// DisplayName is the field's human-readable label.
	DisplayName *string `json:"display_name,omitzero"`
	// Description explains what value to give.
	Description string `json:"description"`
	// Type is the type of the value (e.g. "string").
	Type string `json:"type"`
	// Default is the value used when none is given.
	Default *string `json:"default,omitzero"`
	// Required reports whether a value must be given.
	Required *bool `json:"required,omitzero"`
	// ExpectedFromCustomer reports whether the end user, rather than the app developer, supplies the
	// value.
	ExpectedFromCustomer *bool `json:"expected_from_customer,omitzero"`
	// GetCurrentUserEndpoint is the endpoint that returns the user the credential belongs to, if any.
	GetCurrentUserEndpoint *string `json:"get_current_user_endpoint,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}
