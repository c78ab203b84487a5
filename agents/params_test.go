package agents_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// roundTrip encodes v, checks the JSON, decodes it into a fresh T and
// checks that the result is equal to v and encodes to the same JSON.
func roundTrip[T any](t *testing.T, v T, wantJSON string) {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, wantJSON, string(data))
	var back T
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, v, back)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
}

func TestParamsRoundTrip(t *testing.T) {
	t.Run("CreateParams", func(t *testing.T) {
		roundTrip(t, agents.CreateParams{}, `{}`)
		roundTrip(t, agents.CreateParams{
			Name:         new("rules-agent"),
			MemoryBlocks: []types.CreateBlock{{Label: "human", Value: "Ada"}},
			ToolRules: []types.ToolRule{
				types.InitToolRule{ToolName: "a"},
				types.ChildToolRule{ToolName: "b", Children: []string{"c"}},
				types.TerminalToolRule{ToolName: "c"},
				types.ConditionalToolRule{ToolName: "d", DefaultChild: new("c"), ChildOutputMapping: map[string]string{"x": "c"}},
			},
			AgentType:              new(types.AgentTypeMemgptAgent),
			LLMConfig:              &types.LLMConfig{Model: "gpt-4o-mini", ModelEndpointType: "openai", ContextWindow: 128000},
			InitialMessageSequence: []types.MessageCreate{types.NewSystemMessage("boot"), types.NewUserMessageParts(types.NewTextContent("hi"))},
			Tags:                   []string{},
			Metadata:               map[string]any{"tier": 2.0},
			IncludeBaseTools:       new(false),
			MemoryVariables:        map[string]*string{"k": new("v"), "gone": nil},
		}, `{
			"name": "rules-agent",
			"memory_blocks": [{"label": "human", "value": "Ada"}],
			"tool_rules": [
				{"type": "InitToolRule", "tool_name": "a"},
				{"type": "ToolRule", "tool_name": "b", "children": ["c"]},
				{"type": "TerminalToolRule", "tool_name": "c"},
				{"type": "conditional", "tool_name": "d", "default_child": "c", "child_output_mapping": {"x": "c"}}
			],
			"agent_type": "memgpt_agent",
			"llm_config": {"model": "gpt-4o-mini", "model_endpoint_type": "openai", "context_window": 128000},
			"initial_message_sequence": [{"role": "system", "content": "boot"}, {"role": "user", "content": [{"type": "text", "text": "hi"}]}],
			"tags": [],
			"metadata": {"tier": 2},
			"include_base_tools": false,
			"memory_variables": {"k": "v", "gone": null}
		}`)
	})
	t.Run("ModifyParams", func(t *testing.T) {
		roundTrip(t, agents.ModifyParams{}, `{}`)
		roundTrip(t, agents.ModifyParams{ToolRules: []types.ToolRule{}, MessageIDs: []string{"message-1"}, System: new("s")},
			`{"tool_rules": [], "message_ids": ["message-1"], "system": "s"}`)
		roundTrip(t, agents.ModifyParams{ToolRules: []types.ToolRule{types.TerminalToolRule{ToolName: "send_message"}}},
			`{"tool_rules": [{"type": "TerminalToolRule", "tool_name": "send_message"}]}`)
	})
	t.Run("SearchParams", func(t *testing.T) {
		roundTrip(t, agents.SearchParams{
			Search: []types.AgentsSearchRequestSearchItem{
				types.AgentsSearchRequestSearchItemZero{Value: "3"},
				types.AgentsSearchRequestSearchItemOne{Operator: types.AgentsSearchRequestSearchItemOneOperatorEq, Value: "bot"},
				types.AgentsSearchRequestSearchItemTwo{Value: []string{"prod"}},
				types.AgentsSearchRequestSearchItemDirection{Value: "created_at", Direction: "desc"},
			},
			Combinator: new(types.AgentsSearchRequestCombinatorAnd),
			Limit:      new(10.0),
			Offset:     new(2.5),
		}, `{
			"search": [
				{"field": "version", "value": "3"},
				{"field": "name", "operator": "eq", "value": "bot"},
				{"field": "tags", "operator": "contains", "value": ["prod"]},
				{"field": "order_by", "value": "created_at", "direction": "desc"}
			],
			"combinator": "AND", "limit": 10, "offset": 2.5
		}`)
	})
	t.Run("MessagesModifyParams", func(t *testing.T) {
		roundTrip(t, agents.MessagesModifyParams{}, `{}`)
		roundTrip(t, agents.MessagesModifyParams{Content: types.ContentString("fixed"), Role: new(types.MessageRoleUser)},
			`{"content": "fixed", "role": "user"}`)
		roundTrip(t, agents.MessagesModifyParams{
			Content:   types.ContentParts{types.NewTextContent("a"), types.NewTextContent("b")},
			ToolCalls: []types.ChatCompletionMessageToolCall{{ID: "call_1", Function: types.Function{Name: "send_message", Arguments: `{"message":"hi"}`}}},
		}, `{
			"content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}],
			"tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "send_message", "arguments": "{\"message\":\"hi\"}"}}]
		}`)
	})
	t.Run("ListParams", func(t *testing.T) {
		roundTrip(t, agents.ListParams{}, `{}`)
		roundTrip(t, agents.ListParams{Tags: []string{"a", "b"}, MatchAllTags: new(false), Limit: new(5)},
			`{"tags": ["a", "b"], "match_all_tags": false, "limit": 5}`)
	})
	t.Run("other params", func(t *testing.T) {
		roundTrip(t, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}, Config: &types.LettaRequestConfig{UseAssistantMessage: new(false)}},
			`{"messages": [{"role": "user", "content": "hi"}], "config": {"use_assistant_message": false}}`)
		roundTrip(t, agents.MessagesCreateAsyncParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}},
			`{"messages": [{"role": "user", "content": "hi"}]}`)
		roundTrip(t, agents.MessagesListParams{Before: new("message-1"), MsgObject: new(true)}, `{"before": "message-1", "msg_object": true}`)
		roundTrip(t, agents.CoreMemoryModifyBlockParams{Value: new(""), Metadata: map[string]any{}}, `{"value": "", "metadata": {}}`)
		roundTrip(t, agents.ArchivalMemoryListParams{After: new(0), Limit: new(10)}, `{"after": 0, "limit": 10}`)
		roundTrip(t, agents.ArchivalMemoryCreateParams{Text: "x"}, `{"text": "x"}`)
		roundTrip(t, agents.ResetMessagesParams{AddDefaultInitialMessages: new(true)}, `{"add_default_initial_messages": true}`)
		roundTrip(t, agents.TemplatesCreateVersionParams{ReturnAgentState: new(true), MigrateDeployedAgents: new(false)},
			`{"returnAgentState": true, "migrate_deployed_agents": false}`)
		roundTrip(t, agents.TemplatesMigrateParams{ToTemplate: "t:v2"}, `{"to_template": "t:v2", "preserve_core_memories": false}`)
		roundTrip(t, agents.TemplatesCreateParams{Project: new("p")}, `{"project": "p"}`)
	})
}

func TestListParamsTagsAcceptAString(t *testing.T) {
	cases := map[string][]string{
		`{"tags": "support"}`:      {"support"},
		`{"tags": ["a", "b"]}`:     {"a", "b"},
		`{"tags": []}`:             {},
		`{"tags": null}`:           nil,
		`{"name": "x"}`:            nil,
		`{"tags": "", "limit": 2}`: {""},
	}
	for in, want := range cases {
		var p agents.ListParams
		require.NoError(t, json.Unmarshal([]byte(in), &p), in)
		assert.Equal(t, want, p.Tags, in)
	}
	var p agents.ListParams
	assert.Error(t, json.Unmarshal([]byte(`{"tags": 3}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"tool_rules": 3}`), new(agents.CreateParams)))
	assert.Error(t, json.Unmarshal([]byte(`{"search": [1]}`), new(agents.SearchParams)))
	assert.Error(t, json.Unmarshal([]byte(`{"content": 1}`), new(agents.MessagesModifyParams)))
}

// TestWire checks the requests that the conformance recordings cannot show
// on their own: query-only PATCH, query plus body, bodies that are always
// objects, and per-call options.
func TestWire(t *testing.T) {
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			reply(w, 200, `[]`)
			return
		}
		reply(w, 200, `{"id":"agent-a1"}`)
	})
	c := rec.client()
	ctx := context.Background()

	_, err := c.ResetMessages(ctx, "agent-a1", agents.ResetMessagesParams{AddDefaultInitialMessages: new(false)})
	require.NoError(t, err)
	require.NoError(t, c.Templates.CreateVersion(ctx, "agent-a1", agents.TemplatesCreateVersionParams{ReturnAgentState: new(true), MigrateDeployedAgents: new(true)}))
	require.NoError(t, c.Templates.CreateVersion(ctx, "agent-a1", agents.TemplatesCreateVersionParams{}))
	_, err = c.Create(ctx, agents.CreateParams{})
	require.NoError(t, err)
	require.NoError(t, c.Search(ctx, agents.SearchParams{}, option.WithBodyField("project_id", nil)))
	_, err = c.List(ctx, agents.ListParams{Tags: []string{"a b", "c&d"}, QueryText: new("x/y")}, option.WithQuery("limit", "2"))
	require.NoError(t, err)
	_, err = c.Messages.Modify(ctx, "agent a1", "message/1", agents.MessagesModifyParams{}, option.WithBodyField("content", nil))
	require.NoError(t, err)

	want := []struct{ method, path, query, body string }{
		{"PATCH", "/v1/agents/agent-a1/reset-messages", "add_default_initial_messages=false", ""},
		{"POST", "/v1/agents/agent-a1/version-template", "returnAgentState=true", `{"migrate_deployed_agents":true}`},
		{"POST", "/v1/agents/agent-a1/version-template", "", `{}`},
		{"POST", "/v1/agents/", "", `{}`},
		{"POST", "/v1/agents/search", "", `{"project_id":null}`},
		{"GET", "/v1/agents/", "limit=2&query_text=x%2Fy&tags=a+b&tags=c%26d", ""},
		{"PATCH", "/v1/agents/agent%20a1/messages/message%2F1", "", `{"content":null}`},
	}
	reqs := rec.Requests()
	require.Len(t, reqs, len(want))
	for i, w := range want {
		testutil.AssertRequest(t, reqs[i], w.method, w.path, w.query, w.body, "%d", i)
		assert.Equal(t, "Bearer sk-test", reqs[i].Header.Get("Authorization"), "%d", i)
	}
}

// TestSubClientsShareOptions checks that every sub-client made by NewClient
// uses the client's options.
func TestSubClientsShareOptions(t *testing.T) {
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) { reply(w, 200, `[]`) })
	c := rec.client(option.WithHeader("X-Client", "agents"))
	ctx := context.Background()
	_, err := c.Tools.List(ctx, "agent-a1")
	require.NoError(t, err)
	_, err = c.Sources.List(ctx, "agent-a1")
	require.NoError(t, err)
	_, err = c.CoreMemory.ListBlocks(ctx, "agent-a1")
	require.NoError(t, err)
	_, err = c.ArchivalMemory.List(ctx, "agent-a1", agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	_, err = c.Messages.List(ctx, "agent-a1", agents.MessagesListParams{})
	require.NoError(t, err)
	require.Len(t, rec.Requests(), 5)
	for _, r := range rec.Requests() {
		assert.Equal(t, "agents", r.Header.Get("X-Client"), r.Path)
	}
	for _, sub := range []any{c.Context, c.Tools, c.Sources, c.CoreMemory, c.ArchivalMemory, c.Messages, c.Templates, c.MemoryVariables} {
		assert.NotNil(t, sub)
	}
}

func TestParamsDecodeErrorsNameTheField(t *testing.T) {
	err := json.Unmarshal([]byte(`{"tool_rules": [{"type": "InitToolRule", "tool_name": "a"}, 7]}`), new(agents.ModifyParams))
	assert.ErrorContains(t, err, "tool_rules[1]")
	err = json.Unmarshal([]byte(`{"search": {}}`), new(agents.SearchParams))
	assert.ErrorContains(t, err, "search: json: cannot unmarshal object")
	err = json.Unmarshal([]byte(`{"content": {"text": "x"}}`), new(agents.MessagesModifyParams))
	assert.ErrorContains(t, err, "decoding content")
}
