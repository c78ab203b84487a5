package types

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip decodes in into a new T, encodes it, and checks the result is
// the same JSON. Explicit empty lists and maps must survive.
func roundTrip[T any](t *testing.T, in string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(in), &v), in)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
	return v
}

// roundTripUnion does the same through a union decoder.
func roundTripUnion[T any](t *testing.T, dec func([]byte) (T, error), in string) T {
	t.Helper()
	v, err := dec([]byte(in))
	require.NoError(t, err, in)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
	return v
}

// TestParamsRoundTrip covers the types that appear in request bodies: what
// a caller keeps in a file decodes and encodes back to the same JSON.
func TestParamsRoundTrip(t *testing.T) {
	t.Run("MessageCreate", func(t *testing.T) {
		m := roundTrip[MessageCreate](t, `{"role":"user","content":"hello"}`)
		assert.Equal(t, NewUserMessage("hello"), m)
		m = roundTrip[MessageCreate](t, `{"role":"system","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}],"name":"ops"}`)
		assert.Equal(t, ContentParts{{Text: "a"}, {Text: "b"}}, m.Content)
		m = roundTrip[MessageCreate](t, `{"role":"user","content":[]}`)
		assert.Equal(t, ContentParts{}, m.Content)
		roundTrip[[]MessageCreate](t, `[{"role":"user","content":"x"},{"role":"user","content":[{"type":"text","text":"y"}]}]`)
		roundTrip[LettaRequest](t, `{"messages":[{"role":"user","content":"x"}],"config":{"use_assistant_message":false,"assistant_message_tool_name":"send","assistant_message_tool_kwarg":"msg"}}`)
	})
	t.Run("CreateBlock", func(t *testing.T) {
		roundTrip[CreateBlock](t, `{"value":"Name: Dana","label":"human"}`)
		b := roundTrip[CreateBlock](t, `{"value":"","limit":0,"name":"n","is_template":false,"label":"persona","description":"","metadata":{}}`)
		require.NotNil(t, b.Limit)
		assert.Equal(t, 0, *b.Limit)
		roundTrip[CreateBlock](t, `{"value":"v","label":"l","metadata":{"nested":{"a":[1,2.5,true,null,"s"]}}}`)
		roundTrip[BlockUpdate](t, `{"value":"v","limit":5000}`)
		roundTrip[BlockUpdate](t, `{}`)
	})
	t.Run("LLMConfig", func(t *testing.T) {
		c := roundTrip[LLMConfig](t, `{"model":"gpt-4o-mini","model_endpoint_type":"openai","model_endpoint":"https://api.openai.com/v1","context_window":128000,"put_inner_thoughts_in_kwargs":true,"handle":"openai/gpt-4o-mini","temperature":0.7}`)
		assert.Equal(t, LLMConfigModelEndpointTypeOpenAI, c.ModelEndpointType)
		c = roundTrip[LLMConfig](t, `{"model":"m","model_endpoint_type":"brand-new-provider","context_window":8192,"temperature":0}`)
		assert.Equal(t, LLMConfigModelEndpointType("brand-new-provider"), c.ModelEndpointType)
	})
	t.Run("EmbeddingConfig", func(t *testing.T) {
		roundTrip[EmbeddingConfig](t, `{"embedding_endpoint_type":"openai","embedding_endpoint":"https://api.openai.com/v1","embedding_model":"text-embedding-ada-002","embedding_dim":1536,"embedding_chunk_size":300,"handle":"openai/text-embedding-ada-002"}`)
		roundTrip[EmbeddingConfig](t, `{"embedding_endpoint_type":"azure","embedding_model":"m","embedding_dim":8,"azure_endpoint":"e","azure_version":"v","azure_deployment":"d"}`)
	})
	t.Run("ToolRules", func(t *testing.T) {
		in := `[{"tool_name":"a","type":"InitToolRule"},{"tool_name":"b","type":"ToolRule","children":["c"]},{"tool_name":"c","type":"conditional","child_output_mapping":{"x":"d"},"default_child":"e","require_output_mapping":true},{"tool_name":"d","type":"TerminalToolRule"},{"tool_name":"e","type":"continue_loop"}]`
		rules, err := unionSlice("tool_rules", json.RawMessage(in), UnmarshalToolRule)
		require.NoError(t, err)
		out, err := json.Marshal(rules)
		require.NoError(t, err)
		assert.JSONEq(t, in, string(out))
		roundTrip[ChildToolRule](t, `{"tool_name":"b","type":"ToolRule","children":[]}`)
		roundTrip[ConditionalToolRule](t, `{"tool_name":"c","type":"conditional","child_output_mapping":{}}`)
		roundTrip[TerminalToolRule](t, `{"tool_name":"d","type":"TerminalToolRule"}`)
		roundTrip[InitToolRule](t, `{"tool_name":"a","type":"InitToolRule"}`)
		// What the caller builds in Go always carries the type.
		out, err = json.Marshal([]ToolRule{TerminalToolRule{ToolName: "send_message"}})
		require.NoError(t, err)
		assert.JSONEq(t, `[{"tool_name":"send_message","type":"TerminalToolRule"}]`, string(out))
	})
	t.Run("LettaRequestConfig", func(t *testing.T) {
		roundTrip[LettaRequestConfig](t, `{"use_assistant_message":true,"assistant_message_tool_name":"send_message","assistant_message_tool_kwarg":"message"}`)
		roundTrip[LettaRequestConfig](t, `{}`)
	})
	t.Run("ChatCompletionMessageToolCall", func(t *testing.T) {
		roundTrip[ChatCompletionMessageToolCall](t, `{"id":"call_1","function":{"arguments":"{\"a\": 1}","name":"f"},"type":"function"}`)
		roundTrip[[]ChatCompletionMessageToolCall](t, `[]`)
		roundTrip[FunctionTool](t, `{"function":{"name":"f","description":"d","parameters":{"type":"object","properties":{}},"strict":true},"type":"function"}`)
	})
	t.Run("SearchItems", func(t *testing.T) {
		for _, in := range []string{
			`{"field":"version","value":"latest"}`,
			`{"field":"name","operator":"eq","value":"support-bot"}`,
			`{"field":"tags","operator":"contains","value":["prod","eu"]}`,
			`{"field":"tags","operator":"contains","value":[]}`,
			`{"field":"order_by","value":"updated_at","direction":"asc"}`,
		} {
			roundTripUnion(t, UnmarshalAgentsSearchRequestSearchItem, in)
		}
	})
	t.Run("TextContent", func(t *testing.T) {
		roundTrip[TextContent](t, `{"type":"text","text":"héllo ✓"}`)
		assert.Equal(t, TextContent{Text: "x"}, NewTextContent("x"))
	})
	t.Run("Other request bodies", func(t *testing.T) {
		roundTrip[ToolCreate](t, `{"description":"d","tags":[],"source_code":"def f(): pass","source_type":"python","json_schema":{"name":"f","parameters":{}},"return_char_limit":6000}`)
		roundTrip[SandboxConfigCreate](t, `{"config":{"sandbox_dir":"/s","use_venv":false}}`)
		roundTrip[SandboxConfigUpdate](t, `{"config":{"timeout":10,"pip_requirements":[]}}`)
		roundTrip[SandboxEnvironmentVariableCreate](t, `{"key":"K","value":"V","description":"d"}`)
		roundTrip[SandboxEnvironmentVariableUpdate](t, `{"value":""}`)
		roundTrip[UserCreate](t, `{"name":"n"}`)
		roundTrip[UserUpdate](t, `{"id":"user-1","name":"n"}`)
		roundTrip[OrganizationCreate](t, `{"name":"o"}`)
		roundTrip[AuthRequest](t, `{"password":"p"}`)
		roundTrip[AuthResponse](t, `{"uuid":"u","is_admin":false}`)
		roundTrip[ActionModel](t, `{"name":"a","parameters":{"properties":{},"title":"t","type":"object","required":[]},"response":{"properties":{"x":1},"title":"r","type":"object"},"appName":"github","appId":"id","tags":[]}`)
		roundTrip[AppModel](t, `{"name":"n","key":"k","appId":"i","description":"d","categories":[],"meta":{},"testConnectors":[{"a":1}],"auth_schemes":[{"scheme_name":"s","auth_mode":"OAUTH2","fields":[{"name":"f","description":"d","type":"string","required":true}],"default_scopes":["x",1]}]}`)
	})
}

// TestConstructors checks the short request-building helpers.
func TestConstructors(t *testing.T) {
	out, err := json.Marshal([]MessageCreate{
		NewUserMessage("hi"),
		NewSystemMessage("be brief"),
		NewUserMessageParts(NewTextContent("a"), NewTextContent("b")),
		NewUserMessageParts(),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `[
		{"role":"user","content":"hi"},
		{"role":"system","content":"be brief"},
		{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
		{"role":"user","content":[]}
	]`, string(out))
}

// TestOptionalFieldsOmitted checks the encoding rules: nil pointers, nil
// slices and nil maps are omitted, while explicit zero values and empty
// non-nil slices and maps are sent.
func TestOptionalFieldsOmitted(t *testing.T) {
	out, err := json.Marshal(CreateBlock{Value: "v", Label: "l"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"value":"v","label":"l"}`, string(out))

	out, err = json.Marshal(CreateBlock{Value: "v", Label: "l", Limit: new(0), IsTemplate: new(false), Metadata: map[string]any{}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"value":"v","label":"l","limit":0,"is_template":false,"metadata":{}}`, string(out))

	out, err = json.Marshal(AgentsSearchTags{Value: []string{}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"field":"tags","operator":"contains","value":[]}`, string(out))
}
