package types

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unionCase is one input for a union decoder and the variant it must give.
type unionCase struct {
	name string
	in   string
	want reflect.Type // nil: the decoder returns a nil value
}

// checkUnion decodes each case, checks the variant, and checks that the
// value encodes back to the input (semantically; wantOut overrides the
// expected output when the encoding adds the discriminator).
func checkUnion[T any](t *testing.T, dec func([]byte) (T, error), cases []unionCase, wantOut map[string]string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := dec([]byte(tc.in))
			require.NoError(t, err)
			if tc.want == nil {
				assert.True(t, reflect.ValueOf(&v).Elem().IsZero(), "want nil, got %#v", v)
				return
			}
			require.Equal(t, tc.want, reflect.TypeOf(v), "%#v", v)
			out, err := json.Marshal(v)
			require.NoError(t, err)
			expected := tc.in
			if w, ok := wantOut[tc.name]; ok {
				expected = w
			}
			assertLossless(t, tc.name, []byte(expected), out)
		})
	}
}

// checkErrors checks that each malformed input is rejected with an error
// naming typ, and never panics.
func checkErrors[T any](t *testing.T, typ string, dec func([]byte) (T, error), inputs ...string) {
	t.Helper()
	for _, in := range inputs {
		_, err := dec([]byte(in))
		if assert.Error(t, err, "input %q", in) {
			assert.Contains(t, err.Error(), "types: decoding "+typ, "input %q", in)
		}
	}
}

// checkUnknownKept checks that an unknown variant re-encodes byte-identical,
// both through json.Marshal (compact input) and MarshalJSON (any input),
// and that it does not alias the caller's buffer.
func checkUnknownKept[T any](t *testing.T, dec func([]byte) (T, error), unknown reflect.Type, inputs ...string) {
	t.Helper()
	for _, in := range inputs {
		buf := []byte(in)
		v, err := dec(buf)
		require.NoError(t, err, in)
		require.Equal(t, unknown, reflect.TypeOf(v), in)
		for i := range buf {
			buf[i] = 'x' // the decoder must have copied what it keeps
		}
		m, ok := any(v).(json.Marshaler)
		require.True(t, ok)
		direct, err := m.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, in, string(direct))
		if json.Valid([]byte(in)) && !containsSpace(in) {
			out, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, in, string(out))
		}
	}
}

func containsSpace(s string) bool {
	for _, c := range s {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			return true
		}
	}
	return false
}

const date = `"date":"2025-01-24T18:03:04+00:00"`

func TestLettaMessageUnion(t *testing.T) {
	cases := []unionCase{
		{"system", `{"id":"m1",` + date + `,"message_type":"system_message","content":"You are Letta."}`, reflect.TypeFor[SystemMessage]()},
		{"user", `{"id":"m2",` + date + `,"message_type":"user_message","content":[{"type":"text","text":"hi"}]}`, reflect.TypeFor[UserMessage]()},
		{"reasoning", `{"id":"m3",` + date + `,"message_type":"reasoning_message","reasoning":"hmm"}`, reflect.TypeFor[ReasoningMessage]()},
		{"tool_call", `{"id":"m4",` + date + `,"message_type":"tool_call_message","tool_call":{"name":"f","arguments":"{}","tool_call_id":"c1"}}`, reflect.TypeFor[ToolCallMessage]()},
		{"tool_call_delta", `{"id":"m4",` + date + `,"message_type":"tool_call_message","tool_call":{"arguments":"{\"a"}}`, reflect.TypeFor[ToolCallMessage]()},
		{"tool_return", `{"id":"m5",` + date + `,"message_type":"tool_return_message","tool_return":"None","status":"success","tool_call_id":"c1","stdout":["x"],"stderr":[]}`, reflect.TypeFor[ToolReturnMessage]()},
		{"assistant", `{"id":"m6",` + date + `,"message_type":"assistant_message","content":"Hello"}`, reflect.TypeFor[AssistantMessage]()},
		{"null", `null`, nil},
		// Missing (or null) message_type: the first variant whose required keys are present.
		{"missing_content", `{"id":"m7",` + date + `,"content":"x"}`, reflect.TypeFor[SystemMessage]()},
		{"missing_reasoning", `{"id":"m8",` + date + `,"reasoning":"x"}`, reflect.TypeFor[ReasoningMessage]()},
		{"missing_tool_call", `{"id":"m9",` + date + `,"tool_call":{"name":"f"}}`, reflect.TypeFor[ToolCallMessage]()},
		{"missing_tool_return", `{"id":"m10",` + date + `,"tool_return":"1","status":"error","tool_call_id":"c"}`, reflect.TypeFor[ToolReturnMessage]()},
		{"null_type", `{"id":"m11",` + date + `,"message_type":null,"reasoning":"x"}`, reflect.TypeFor[ReasoningMessage]()},
		{"missing_nothing_fits", `{"id":"m12",` + date + `,"content":null}`, reflect.TypeFor[UnknownLettaMessage]()},
		{"missing_no_id", `{"content":"x"}`, reflect.TypeFor[UnknownLettaMessage]()},
		// usage_statistics is a stream event, not a message.
		{"usage", `{"message_type":"usage_statistics","total_tokens":3}`, reflect.TypeFor[UnknownLettaMessage]()},
		{"non_string_type", `{"message_type":5}`, reflect.TypeFor[UnknownLettaMessage]()},
	}
	withTag := map[string]string{
		"missing_content":     `{"id":"m7",` + date + `,"message_type":"system_message","content":"x"}`,
		"missing_reasoning":   `{"id":"m8",` + date + `,"message_type":"reasoning_message","reasoning":"x"}`,
		"missing_tool_call":   `{"id":"m9",` + date + `,"message_type":"tool_call_message","tool_call":{"name":"f"}}`,
		"missing_tool_return": `{"id":"m10",` + date + `,"message_type":"tool_return_message","tool_return":"1","status":"error","tool_call_id":"c"}`,
		"null_type":           `{"id":"m11",` + date + `,"message_type":"reasoning_message","reasoning":"x"}`,
	}
	checkUnion(t, UnmarshalLettaMessage, cases, withTag)

	checkUnknownKept(t, UnmarshalLettaMessage, reflect.TypeFor[UnknownLettaMessage](),
		`{"id":"m","date":"2025-01-24T18:03:04+00:00","message_type":"hologram_message","beam":{"x":[1,2.5,null]}}`,
		`{ "message_type" : "hologram_message",  "a": "<b>&" }`,
		`{"message_type":"assistant_mes\u0073age2"}`,
	)
	v, err := UnmarshalLettaMessage([]byte(`{"message_type":"hologram_message"}`))
	require.NoError(t, err)
	assert.Equal(t, "hologram_message", v.(UnknownLettaMessage).MessageType)

	checkErrors(t, "LettaMessage", UnmarshalLettaMessage,
		``, `   `, `{`, `{"message_type":"assistant_message",`, `{"message_type":"assistant_message"}x`,
		`[1]`, `"assistant_message"`, `42`, `true`, `nul`,
		`{"message_type":"assistant_message","date":"yesterday"}`,
		`{"message_type":"assistant_message","content":5}`,
		`{"message_type":"tool_call_message","tool_call":[1]}`,
		`{"message_type":"reasoning_message","reasoning":1}`,
		`{"message_type":"hologram_message",}`,
		`{"id":"m",`+date+`,"content":"x",}`,
	)
	_, err = UnmarshalLettaMessage([]byte(`{"message_type":"assistant_message","date":"yesterday"}`))
	assert.ErrorContains(t, err, "AssistantMessage")
	assert.ErrorContains(t, err, "Time")
}

func TestMessageVariantsAlwaysWriteTheirTag(t *testing.T) {
	when := NewTime(mustTime(t, "2025-01-24T18:03:04Z"))
	for _, tc := range []struct {
		v   any
		tag string
	}{
		{SystemMessage{ID: "a", Date: when, Content: ContentString("s")}, `"message_type":"system_message"`},
		{UserMessage{ID: "a", Date: when, Content: ContentString("s")}, `"message_type":"user_message"`},
		{ReasoningMessage{ID: "a", Date: when}, `"message_type":"reasoning_message"`},
		{&ToolCallMessage{ID: "a", Date: when, ToolCall: ToolCall{Name: "f"}}, `"message_type":"tool_call_message"`},
		{ToolReturnMessage{}, `"message_type":"tool_return_message"`},
		{AssistantMessage{}, `"message_type":"assistant_message"`},
		{LettaUsageStatistics{}, `"message_type":"usage_statistics"`},
		{ChildToolRule{ToolName: "t"}, `"type":"ToolRule"`},
		{InitToolRule{}, `"type":"InitToolRule"`},
		{&TerminalToolRule{ToolName: "t"}, `"type":"TerminalToolRule"`},
		{ConditionalToolRule{}, `"type":"conditional"`},
		{TextContent{}, `"type":"text"`},
		{FunctionTool{}, `"type":"function"`},
		{ChatCompletionMessageToolCall{}, `"type":"function"`},
		{AgentsSearchVersion{}, `"field":"version"`},
		{AgentsSearchName{}, `"field":"name"`},
		{AgentsSearchTags{}, `"field":"tags","operator":"contains"`},
		{AgentsSearchOrderBy{}, `"field":"order_by"`},
	} {
		out, err := json.Marshal(tc.v)
		require.NoError(t, err)
		assert.Contains(t, string(out), tc.tag, "%T", tc.v)
		assert.True(t, json.Valid(out), "%s", out)
	}
	out, err := json.Marshal(LettaUsageStatistics{})
	require.NoError(t, err)
	assert.Equal(t, `{"message_type":"usage_statistics"}`, string(out))
	out, err = json.Marshal([]LettaMessage{AssistantMessage{ID: "x", Date: when, Content: ContentString("hi")}})
	require.NoError(t, err)
	assert.JSONEq(t, `[{"id":"x","date":"2025-01-24T18:03:04Z","message_type":"assistant_message","content":"hi"}]`, string(out))
}

func TestLettaStreamingResponseUnion(t *testing.T) {
	cases := []unionCase{
		{"reasoning", `{"id":"m",` + date + `,"message_type":"reasoning_message","reasoning":" a"}`, reflect.TypeFor[ReasoningMessage]()},
		{"assistant", `{"id":"m",` + date + `,"message_type":"assistant_message","content":"Hi"}`, reflect.TypeFor[AssistantMessage]()},
		{"tool_call", `{"id":"m",` + date + `,"message_type":"tool_call_message","tool_call":{"name":"f","tool_call_id":"c"}}`, reflect.TypeFor[ToolCallMessage]()},
		{"tool_return", `{"id":"m",` + date + `,"message_type":"tool_return_message","tool_return":"ok","status":"success","tool_call_id":"c","stdout":null,"stderr":null}`, reflect.TypeFor[ToolReturnMessage]()},
		{"system", `{"id":"m",` + date + `,"message_type":"system_message","content":"s"}`, reflect.TypeFor[SystemMessage]()},
		{"user", `{"id":"m",` + date + `,"message_type":"user_message","content":"u"}`, reflect.TypeFor[UserMessage]()},
		{"usage", `{"message_type":"usage_statistics","completion_tokens":1,"prompt_tokens":2,"total_tokens":3,"step_count":1}`, reflect.TypeFor[LettaUsageStatistics]()},
		{"usage_missing_type", `{"completion_tokens":1,"total_tokens":3}`, reflect.TypeFor[LettaUsageStatistics]()},
		{"message_missing_type", `{"id":"m",` + date + `,"reasoning":"r"}`, reflect.TypeFor[ReasoningMessage]()},
		{"error_frame", `{"error":"Stream failed (internal error occured)"}`, reflect.TypeFor[UnknownLettaStreamingResponse]()},
		{"empty_object", `{}`, reflect.TypeFor[UnknownLettaStreamingResponse]()},
		{"null", `null`, nil},
	}
	withTag := map[string]string{
		"usage_missing_type":   `{"message_type":"usage_statistics","completion_tokens":1,"total_tokens":3}`,
		"message_missing_type": `{"id":"m",` + date + `,"message_type":"reasoning_message","reasoning":"r"}`,
	}
	checkUnion(t, UnmarshalLettaStreamingResponse, cases, withTag)

	ev, err := UnmarshalLettaStreamingResponse([]byte(`{"message_type":"usage_statistics","completion_tokens":1,"prompt_tokens":2,"total_tokens":3,"step_count":4}`))
	require.NoError(t, err)
	u := ev.(LettaUsageStatistics)
	assert.Equal(t, 3, *u.TotalTokens)
	assert.Equal(t, 4, *u.StepCount)

	checkUnknownKept(t, UnmarshalLettaStreamingResponse, reflect.TypeFor[UnknownLettaStreamingResponse](),
		`{"id":"m",`+date+`,"message_type":"hidden_reasoning_message","state":"redacted"}`,
		`{"error":"Stream failed: RATE_LIMIT_EXCEEDED: x","code":"RATE_LIMIT_EXCEEDED"}`,
		"{\n  \"message_type\": \"x\"\n}",
	)
	checkErrors(t, "LettaStreamingResponse", UnmarshalLettaStreamingResponse,
		`[DONE]`, `"[DONE]"`, `[]`, `1`, ``, `{"message_type":"usage_statistics","total_tokens":"3"}`,
		`{"message_type":"usage_statistics","total_tokens":3`, `{"message_type"}`, `{"a":1 "b":2}`,
	)
}

func TestToolCallMessageToolCallUnion(t *testing.T) {
	checkUnion(t, UnmarshalToolCallMessageToolCall, []unionCase{
		{"complete", `{"name":"f","arguments":"{}","tool_call_id":"c"}`, reflect.TypeFor[ToolCall]()},
		{"complete_empty_strings", `{"name":"","arguments":"","tool_call_id":""}`, reflect.TypeFor[ToolCall]()},
		{"first_chunk", `{"name":"f","tool_call_id":"c"}`, reflect.TypeFor[ToolCallDelta]()},
		{"arguments_chunk", `{"arguments":"{\"ci"}`, reflect.TypeFor[ToolCallDelta]()},
		{"null_member", `{"name":"f","arguments":null,"tool_call_id":"c"}`, reflect.TypeFor[ToolCallDelta]()},
		{"empty", `{}`, reflect.TypeFor[ToolCallDelta]()},
		{"null", `null`, nil},
	}, nil)
	checkErrors(t, "ToolCallMessageToolCall", UnmarshalToolCallMessageToolCall,
		`"f"`, `[]`, `{"name":1}`, `{`, ``)
	delta, err := UnmarshalToolCallMessageToolCall([]byte(`{"arguments":"x"}`))
	require.NoError(t, err)
	assert.Equal(t, "x", *delta.(ToolCallDelta).Arguments)
	assert.Nil(t, delta.(ToolCallDelta).Name)
}

func TestToolRuleUnion(t *testing.T) {
	cases := []unionCase{
		{"child", `{"tool_name":"a","type":"ToolRule","children":["b","c"]}`, reflect.TypeFor[ChildToolRule]()},
		{"init", `{"tool_name":"a","type":"InitToolRule"}`, reflect.TypeFor[InitToolRule]()},
		{"terminal", `{"tool_name":"a","type":"TerminalToolRule"}`, reflect.TypeFor[TerminalToolRule]()},
		{"conditional", `{"tool_name":"a","type":"conditional","default_child":"d","child_output_mapping":{"x":"y"},"require_output_mapping":false}`, reflect.TypeFor[ConditionalToolRule]()},
		{"child_empty_children", `{"tool_name":"a","type":"ToolRule","children":[]}`, reflect.TypeFor[ChildToolRule]()},
		// Missing type: decided by the keys present.
		{"missing_children", `{"tool_name":"a","children":["b"]}`, reflect.TypeFor[ChildToolRule]()},
		{"missing_mapping", `{"tool_name":"a","child_output_mapping":{"x":"y"}}`, reflect.TypeFor[ConditionalToolRule]()},
		{"missing_default_child", `{"tool_name":"a","default_child":"d"}`, reflect.TypeFor[ConditionalToolRule]()},
		{"missing_bare", `{"tool_name":"a"}`, reflect.TypeFor[InitToolRule]()},
		{"null_type", `{"tool_name":"a","type":null}`, reflect.TypeFor[InitToolRule]()},
		{"missing_nothing", `{"other":1}`, reflect.TypeFor[UnknownToolRule]()},
		{"unknown", `{"tool_name":"a","type":"continue_loop"}`, reflect.TypeFor[UnknownToolRule]()},
		{"null", `null`, nil},
	}
	checkUnion(t, UnmarshalToolRule, cases, map[string]string{
		"missing_children":      `{"tool_name":"a","type":"ToolRule","children":["b"]}`,
		"missing_mapping":       `{"tool_name":"a","type":"conditional","child_output_mapping":{"x":"y"}}`,
		"missing_default_child": `{"tool_name":"a","type":"conditional","default_child":"d","child_output_mapping":{}}`, // required: sent even when empty
		"missing_bare":          `{"tool_name":"a","type":"InitToolRule"}`,
		"null_type":             `{"tool_name":"a","type":"InitToolRule"}`,
	})
	checkUnknownKept(t, UnmarshalToolRule, reflect.TypeFor[UnknownToolRule](),
		`{"tool_name":"a","type":"require_parent_tools","parents":["p"]}`,
		`{"type": "max_count", "n": 3}`,
	)
	r, err := UnmarshalToolRule([]byte(`{"tool_name":"a","type":"continue_loop"}`))
	require.NoError(t, err)
	assert.Equal(t, "continue_loop", r.(UnknownToolRule).Type)

	checkErrors(t, "ToolRule", UnmarshalToolRule,
		`[]`, `"ToolRule"`, `{"type":"ToolRule","children":"b"}`, `{"type":"ToolRule"`, `{"tool_name":5}`, `{"type":"x",}`)

	// A bad rule inside an agent names the list, the index and the types.
	var agent AgentState
	err = json.Unmarshal([]byte(`{"id":"agent-1","tool_rules":[{"tool_name":"a","type":"InitToolRule"},{"type":"ToolRule","children":7}]}`), &agent)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "types: decoding AgentState: decoding []ToolRule: tool_rules[1]: decoding ToolRule: decoding ChildToolRule: json: cannot unmarshal number into Go struct field ChildToolRule.children")
}

func TestMessageContentUnion(t *testing.T) {
	checkUnion(t, UnmarshalMessageContent, []unionCase{
		{"string", `"hello"`, reflect.TypeFor[ContentString]()},
		{"empty_string", `""`, reflect.TypeFor[ContentString]()},
		{"parts", `[{"type":"text","text":"a"},{"type":"text","text":"b"}]`, reflect.TypeFor[ContentParts]()},
		{"parts_without_type", `[{"text":"a"}]`, reflect.TypeFor[ContentParts]()},
		{"empty_parts", `[]`, reflect.TypeFor[ContentParts]()},
		{"null", `null`, nil},
	}, map[string]string{"parts_without_type": `[{"type":"text","text":"a"}]`})
	checkErrors(t, "MessageContent", UnmarshalMessageContent, `5`, `{}`, `true`, `[1]`, `"abc`, `[`, ``, `nulll`)

	out, err := json.Marshal(ContentParts(nil))
	require.NoError(t, err)
	assert.Equal(t, `[]`, string(out))
	assert.Equal(t, "ab", ContentText(ContentParts{{Text: "a"}, {Text: "b"}}))
	assert.Equal(t, "s", ContentText(ContentString("s")))
	assert.Equal(t, "", ContentText(nil))
}

func TestAgentsSearchRequestSearchItemUnion(t *testing.T) {
	checkUnion(t, UnmarshalAgentsSearchRequestSearchItem, []unionCase{
		{"zero", `{"field":"version","value":"v1"}`, reflect.TypeFor[AgentsSearchVersion]()},
		{"one", `{"field":"name","operator":"contains","value":"bot"}`, reflect.TypeFor[AgentsSearchName]()},
		{"two", `{"field":"tags","operator":"contains","value":["a","b"]}`, reflect.TypeFor[AgentsSearchTags]()},
		{"two_empty", `{"field":"tags","operator":"contains","value":[]}`, reflect.TypeFor[AgentsSearchTags]()},
		{"direction", `{"field":"order_by","value":"created_at","direction":"desc"}`, reflect.TypeFor[AgentsSearchOrderBy]()},
		{"missing_field", `{"value":"v1"}`, reflect.TypeFor[UnknownAgentsSearchRequestSearchItem]()},
		{"null", `null`, nil},
	}, nil)
	checkUnknownKept(t, UnmarshalAgentsSearchRequestSearchItem, reflect.TypeFor[UnknownAgentsSearchRequestSearchItem](),
		`{"field":"project","value":"p"}`, `{"value":"v1"}`)
	checkErrors(t, "AgentsSearchRequestSearchItem", UnmarshalAgentsSearchRequestSearchItem,
		`[]`, `"version"`, `{"field":"tags","value":"a"}`, `{"field":"name"`, `{"field":"zzz",]`)
}

func TestSandboxConfigConfigUnion(t *testing.T) {
	checkUnion(t, UnmarshalSandboxConfigConfig, []unionCase{
		{"local", `{"sandbox_dir":"/tmp/s","use_venv":true,"venv_name":"v"}`, reflect.TypeFor[LocalSandboxConfig]()},
		{"e2b", `{"timeout":300,"template":"t","pip_requirements":["numpy"]}`, reflect.TypeFor[E2BSandboxConfig]()},
		{"e2b_empty", `{}`, reflect.TypeFor[E2BSandboxConfig]()},
		{"null_dir", `{"sandbox_dir":null,"timeout":1}`, reflect.TypeFor[E2BSandboxConfig]()},
		{"null", `null`, nil},
	}, nil)
	checkErrors(t, "SandboxConfigConfig", UnmarshalSandboxConfigConfig, `[]`, `"x"`, `{"sandbox_dir":1}`, `{`)

	var create SandboxConfigCreate
	require.NoError(t, json.Unmarshal([]byte(`{"config":{"sandbox_dir":"/s"}}`), &create))
	assert.Equal(t, LocalSandboxConfig{SandboxDir: "/s"}, create.Config)
	var update SandboxConfigUpdate
	require.NoError(t, json.Unmarshal([]byte(`{"config":{"timeout":5}}`), &update))
	assert.IsType(t, E2BSandboxConfig{}, update.Config)
	out, err := json.Marshal(SandboxConfigUpdate{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(out))
}

func TestMessagesListResponse(t *testing.T) {
	var r MessagesListResponse
	require.NoError(t, json.Unmarshal([]byte(`[]`), &r))
	assert.Nil(t, r.Messages)
	assert.Nil(t, r.LettaMessages)
	out, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, `[]`, string(out))

	stored := `[{"id":"message-1","role":"user","content":[{"type":"text","text":"hi"}]}]`
	require.NoError(t, json.Unmarshal([]byte(stored), &r))
	require.Len(t, r.Messages, 1)
	assert.Nil(t, r.LettaMessages)
	out, err = json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, stored, string(out))

	// A list mixing shapes (not something the server sends) is kept whole
	// as LettaMessages: the stored message becomes an UnknownLettaMessage.
	mixed := `[{"id":"m",` + date + `,"message_type":"reasoning_message","reasoning":"r"},{"id":"message-1","role":"user"},null]`
	require.NoError(t, json.Unmarshal([]byte(mixed), &r))
	assert.Nil(t, r.Messages)
	require.Len(t, r.LettaMessages, 3)
	assert.IsType(t, ReasoningMessage{}, r.LettaMessages[0])
	assert.IsType(t, UnknownLettaMessage{}, r.LettaMessages[1])
	assert.Nil(t, r.LettaMessages[2])
	out, err = json.Marshal(r)
	require.NoError(t, err)
	assertLossless(t, "mixed", []byte(mixed), out)

	_, err = json.Marshal(MessagesListResponse{Messages: []Message{{}}, LettaMessages: []LettaMessage{ReasoningMessage{}}})
	assert.Error(t, err)

	for _, bad := range []string{`{}`, `"x"`, `[1]`, `[{"message_type":"reasoning_message","reasoning":1}]`} {
		err := json.Unmarshal([]byte(bad), &r)
		if assert.Error(t, err, bad) {
			assert.Contains(t, err.Error(), "types: decoding MessagesListResponse", bad)
		}
	}
	// encoding/json rejects malformed input before calling UnmarshalJSON;
	// called directly, the error still names the type.
	err = new(MessagesListResponse).UnmarshalJSON([]byte(`[`))
	assert.ErrorContains(t, err, "types: decoding MessagesListResponse")
}

func TestErrorBodies(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{ConflictErrorBody{}, ConflictErrorBodyDefaultMessage},
		{NotFoundErrorBody{}, NotFoundErrorBodyDefaultMessage},
		{InternalServerErrorBody{}, InternalServerErrorBodyDefaultMessage},
		{NotFoundErrorBody{Message: string(NotFoundErrorBodyMessageTemplateVersionNotFound)}, "Template version provided does not exist"},
	} {
		out, err := json.Marshal(tc.v)
		require.NoError(t, err)
		want, _ := json.Marshal(map[string]string{"message": tc.want})
		assert.JSONEq(t, string(want), string(out))
	}
	var body NotFoundErrorBody
	require.NoError(t, json.Unmarshal([]byte(`{"message":"Agent not found"}`), &body))
	assert.Equal(t, "Agent not found", body.Message)
}

func TestListDecodersAndMessageID(t *testing.T) {
	msgs, err := UnmarshalLettaMessages([]byte(`[{"id":"a",` + date + `,"message_type":"reasoning_message","reasoning":"r"},{"id":"b","message_type":"new_kind"},null]`))
	require.NoError(t, err)
	require.Len(t, msgs, 3)
	assert.Equal(t, "a", LettaMessageID(msgs[0]))
	assert.Equal(t, "b", LettaMessageID(msgs[1]))
	assert.Equal(t, "", LettaMessageID(msgs[2]))
	assert.Equal(t, "c", LettaMessageID(&AssistantMessage{ID: "c"}))
	assert.Equal(t, "", LettaMessageID((*AssistantMessage)(nil)))
	assert.Equal(t, "", LettaMessageID(UnknownLettaMessage{}))

	msgs, err = UnmarshalLettaMessages([]byte(`[]`))
	require.NoError(t, err)
	assert.NotNil(t, msgs)
	msgs, err = UnmarshalLettaMessages([]byte(`null`))
	require.NoError(t, err)
	assert.Nil(t, msgs)
	_, err = UnmarshalLettaMessages([]byte(`[{"message_type":"reasoning_message","reasoning":1}]`))
	assert.ErrorContains(t, err, "types: decoding []LettaMessage: [0]: decoding LettaMessage: decoding ReasoningMessage")
	_, err = UnmarshalLettaMessages([]byte(`{}`))
	assert.ErrorContains(t, err, "types: decoding []LettaMessage")

	rules, err := UnmarshalToolRules([]byte(`[{"tool_name":"a","type":"InitToolRule"},{"tool_name":"b","type":"TerminalToolRule"}]`))
	require.NoError(t, err)
	assert.Equal(t, []ToolRule{InitToolRule{ToolName: "a"}, TerminalToolRule{ToolName: "b"}}, rules)
	_, err = UnmarshalToolRules([]byte(`[1]`))
	assert.ErrorContains(t, err, "types: decoding []ToolRule: [0]: decoding ToolRule: expected a JSON object, got number")
}

// TestUnionFieldsFollowEncodingJSON checks that a union field behaves like
// an ordinary field when decoding into an existing value: an absent key
// leaves it alone, null clears it.
func TestUnionFieldsFollowEncodingJSON(t *testing.T) {
	m := AssistantMessage{ID: "a", Content: ContentString("keep")}
	require.NoError(t, json.Unmarshal([]byte(`{"id":"b"}`), &m))
	assert.Equal(t, AssistantMessage{ID: "b", Content: ContentString("keep")}, m)
	require.NoError(t, json.Unmarshal([]byte(`{"content":null}`), &m))
	assert.Nil(t, m.Content)

	a := AgentState{ToolRules: []ToolRule{InitToolRule{ToolName: "x"}}}
	require.NoError(t, json.Unmarshal([]byte(`{"name":"n"}`), &a))
	assert.Len(t, a.ToolRules, 1)
	require.NoError(t, json.Unmarshal([]byte(`{"tool_rules":null}`), &a))
	assert.Nil(t, a.ToolRules)
	require.NoError(t, json.Unmarshal([]byte(`{"tool_rules":[]}`), &a))
	assert.NotNil(t, a.ToolRules)
	out, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"tool_rules":[]`)
}

func TestContentMessageErrorsNameTheirType(t *testing.T) {
	for _, tc := range []struct {
		v   any
		typ string
	}{{new(SystemMessage), "SystemMessage"}, {new(UserMessage), "UserMessage"}, {new(AssistantMessage), "AssistantMessage"}} {
		err := json.Unmarshal([]byte(`{"id":"m","content":5}`), tc.v)
		assert.ErrorContains(t, err, "types: decoding "+tc.typ+": content")
	}
}
