package types

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/jsondiff"
)

// sampleJSON returns a JSON value of type t with every field of every
// object set (and one key no type declares), so that a decoder that skips
// a field is seen.
func sampleJSON(t reflect.Type) any {
	switch t {
	case reflect.TypeFor[Time]():
		return "2025-01-24T18:03:04Z"
	case reflect.TypeFor[MessageContent]():
		return []any{map[string]any{"type": "text", "text": "t"}}
	case reflect.TypeFor[ToolCallMessageToolCall]():
		return map[string]any{"name": "n", "arguments": "{}", "tool_call_id": "c"}
	case reflect.TypeFor[SandboxConfigConfig]():
		return map[string]any{"sandbox_dir": "/s", "use_venv": true}
	case reflect.TypeFor[ToolRule]():
		return map[string]any{"type": "InitToolRule", "tool_name": "a"}
	case reflect.TypeFor[LettaMessage](), reflect.TypeFor[LettaStreamingResponse]():
		return map[string]any{"message_type": "reasoning_message", "id": "m", "date": "2025-01-24T18:03:04Z", "reasoning": "r"}
	case reflect.TypeFor[AgentsSearchRequestSearchItem]():
		return map[string]any{"field": "name", "operator": "eq", "value": "v"}
	}
	if isObjectType(t) {
		c := codecOf(t)
		obj := map[string]any{"x_extra": map[string]any{"big": json.Number("9007199254740993")}}
		for _, tag := range append(c.tags.fixed, c.tags.literals...) {
			obj[tag.key] = json.RawMessage(tag.value)
		}
		for _, f := range c.fields {
			obj[f.name] = sampleJSON(t.Field(f.index).Type)
		}
		return obj
	}
	switch t.Kind() {
	case reflect.String:
		return "s"
	case reflect.Bool:
		return true
	case reflect.Int, reflect.Int64:
		return 7
	case reflect.Float64:
		return 1.5
	case reflect.Interface:
		return map[string]any{"big": json.Number("9007199254740993"), "list": []any{1.5, "x"}}
	case reflect.Pointer:
		return sampleJSON(t.Elem())
	case reflect.Slice:
		return []any{sampleJSON(t.Elem())}
	case reflect.Map:
		return map[string]any{"k": sampleJSON(t.Elem())}
	}
	panic("sampleJSON: no sample for " + t.String())
}

// TestObjectFastPathTakesEveryField guards the fast paths: for every
// object type, a JSON object with every field set (and an extra key) must
// be taken by the reflective fast path, decode exactly as encoding/json
// does, set every field, and encode back to the same JSON. The same holds
// for the hand-written fast paths of the stream's messages, so a field
// added to a message type but not to messageFast fails here.
func TestObjectFastPathTakesEveryField(t *testing.T) {
	for _, typ := range allObjectTypes {
		t.Run(typ.Name(), func(t *testing.T) {
			data, err := json.Marshal(sampleJSON(typ))
			require.NoError(t, err)
			fast := reflect.New(typ)
			require.True(t, codecOf(typ).decodeFast(fast.Elem(), data), "fast path gave up on %s", data)
			slow := reflect.New(typ)
			require.NoError(t, generalOnly(func() error { return json.Unmarshal(data, slow.Interface()) }))
			assert.Equal(t, slow.Interface(), fast.Interface(), "fast and general paths differ")
			for i := range typ.NumField() {
				assert.False(t, fast.Elem().Field(i).IsZero(), "field %s not decoded", typ.Field(i).Name)
			}
			out, err := json.Marshal(fast.Interface())
			require.NoError(t, err)
			diffs, err := jsondiff.Diff(data, out)
			require.NoError(t, err)
			assert.Empty(t, diffs, "re-encoded %s", out)
			assert.Contains(t, string(out), "9007199254740993")
		})
	}
	for mt, typ := range handWritten {
		data, err := json.Marshal(sampleJSON(typ))
		require.NoError(t, err)
		got, ok := messageFast(mt, data)
		require.True(t, ok, "messageFast(%s) gave up on %s", mt, data)
		want := reflect.New(typ)
		require.NoError(t, generalOnly(func() error { return json.Unmarshal(data, want.Interface()) }))
		assert.Equal(t, want.Elem().Interface(), got, mt)
	}
	data, err := json.Marshal(sampleJSON(reflect.TypeFor[ToolCallDelta]()))
	require.NoError(t, err)
	d, ok := toolCallFast(data)
	require.True(t, ok, "toolCallFast gave up on %s", data)
	var want ToolCallDelta
	require.NoError(t, generalOnly(func() error { return json.Unmarshal(data, &want) }))
	assert.Equal(t, want, d)
}

func TestExtraFields(t *testing.T) {
	// Declared fields and discriminators win over extras of the same name
	// (matched ignoring case, as encoding/json matches); others are sent.
	rule := ChildToolRule{ToolName: "a", ExtraFields: map[string]json.RawMessage{
		"tool_name": json.RawMessage(`"shadow"`), "TOOL_NAME": json.RawMessage(`"shadow"`),
		"type": json.RawMessage(`"other"`), "max_count": json.RawMessage(`3`),
	}}
	out, err := json.Marshal(rule)
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"ToolRule","tool_name":"a","children":[],"max_count":3}`, string(out))

	// An extra that is not JSON is an error, not a broken body.
	_, err = json.Marshal(LLMConfig{ExtraFields: map[string]json.RawMessage{"x": json.RawMessage(`{`)}})
	require.ErrorContains(t, err, `LLMConfig.ExtraFields["x"] is not valid JSON`)

	// Decoding keeps the unknown keys of every level and resets them.
	var agent AgentState
	agent.ExtraFields = map[string]json.RawMessage{"stale": json.RawMessage(`1`)}
	require.NoError(t, json.Unmarshal([]byte(`{"id":"a","x":{"y":[1]},"llm_config":{"model":"m","max_tokens":10},"memory":{"blocks":[{"value":"v","v2":true}]}}`), &agent))
	assert.Equal(t, map[string]json.RawMessage{"x": json.RawMessage(`{"y":[1]}`)}, agent.ExtraFields)
	assert.Equal(t, json.RawMessage(`10`), agent.LLMConfig.ExtraFields["max_tokens"])
	assert.Equal(t, json.RawMessage(`true`), agent.Memory.Blocks[0].ExtraFields["v2"])

	// JSON null leaves a value unchanged.
	require.NoError(t, json.Unmarshal([]byte(`null`), &agent))
	assert.Equal(t, "a", agent.ID)
}

func TestRequiredFieldsSentWhenEmpty(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{ChildToolRule{ToolName: "a"}, `{"type":"ToolRule","tool_name":"a","children":[]}`},
		{ConditionalToolRule{ToolName: "a"}, `{"type":"conditional","tool_name":"a","child_output_mapping":{}}`},
		{AgentsSearchTags{}, `{"field":"tags","operator":"contains","value":[]}`},
		{Memory{}, `{"blocks":[]}`},
		{LettaResponse{}, `{"messages":[],"usage":{"message_type":"usage_statistics"}}`},
	} {
		out, err := json.Marshal(tc.v)
		require.NoError(t, err)
		assert.JSONEq(t, tc.want, string(out), "%T", tc.v)
	}
}

func TestLiteralsKeepWhatWasReceived(t *testing.T) {
	for _, tc := range []struct {
		in   string
		into any
		zero any
		want string
	}{
		{`{"type":"image","text":"x"}`, new(TextContent), TextContent{Text: "x"}, `{"type":"text","text":"x"}`},
		{`{"type":"custom","function":{"name":"f"}}`, new(FunctionTool), FunctionTool{Function: FunctionDefinition{Name: "f"}}, `{"type":"function","function":{"name":"f"}}`},
		{`{"type":"custom","id":"c","function":{"name":"f","arguments":"{}"}}`, new(ChatCompletionMessageToolCall), ChatCompletionMessageToolCall{ID: "c", Function: Function{Name: "f", Arguments: "{}"}}, `{"type":"function","id":"c","function":{"name":"f","arguments":"{}"}}`},
		{`{"field":"tags","operator":"overlaps","value":["a"]}`, new(AgentsSearchTags), AgentsSearchTags{Value: []string{"a"}}, `{"field":"tags","operator":"contains","value":["a"]}`},
	} {
		require.NoError(t, json.Unmarshal([]byte(tc.in), tc.into))
		out, err := json.Marshal(tc.into)
		require.NoError(t, err)
		assert.JSONEq(t, tc.in, string(out), "received literal kept")
		out, err = json.Marshal(tc.zero)
		require.NoError(t, err)
		assert.JSONEq(t, tc.want, string(out), "constant when none was received")
	}
	// The constant itself is not kept as an extra.
	var c TextContent
	require.NoError(t, json.Unmarshal([]byte(`{"type":"text","text":"x"}`), &c))
	assert.Equal(t, TextContent{Text: "x"}, c)
}

// TestGeneralPathErrorsNameTheType checks that an error of encoding/json
// reads as if it had decoded the type itself, not its method-free copy
// (plain) or the struct that shadows a union field.
func TestGeneralPathErrorsNameTheType(t *testing.T) {
	for _, tc := range []struct {
		in   string
		into any
		want string
	}{
		{`[1]`, new(AgentState), "types: decoding AgentState: json: cannot unmarshal array into Go value of type types.AgentState"},
		{`{"id":5}`, new(AgentState), "types: decoding AgentState: json: cannot unmarshal number into Go struct field AgentState.id of type string"},
		{`[1]`, new(ToolCallMessage), "types: decoding ToolCallMessage: json: cannot unmarshal array into Go value of type types.ToolCallMessage"},
		{`{"id":5}`, new(ToolCallMessage), "types: decoding ToolCallMessage: json: cannot unmarshal number into Go struct field ToolCallMessage.id of type string"},
		{`{"id":5}`, new(UserMessage), "types: decoding UserMessage: json: cannot unmarshal number into Go struct field UserMessage.id of type string"},
		{`{"config":{},"x":"y","config":[]}`, new(SandboxConfigUpdate), "types: decoding SandboxConfigUpdate: config: decoding SandboxConfigConfig: expected a JSON object, got array"},
		{`{"llm_config":{"context_window":"x"}}`, new(AgentState), "types: decoding AgentState: decoding LLMConfig: json: cannot unmarshal string into Go struct field LLMConfig.context_window of type int"},
	} {
		assert.EqualError(t, json.Unmarshal([]byte(tc.in), tc.into), tc.want, tc.in)
	}
}
