package lettatest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/blocks"
	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/providers"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/tag"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

// setup starts a server and returns it with a client pointed at it.
func setup(t *testing.T, opts ...lettatest.Option) (*lettatest.Server, *letta.Client) {
	t.Helper()
	srv := lettatest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv, letta.NewClient(option.WithBaseURL(srv.URL))
}

func newAgent(t *testing.T, client *letta.Client, params agents.CreateParams) *types.AgentState {
	t.Helper()
	if params.Model == nil && params.LLMConfig == nil {
		params.Model = new("openai/gpt-4o-mini")
	}
	if params.Embedding == nil && params.EmbeddingConfig == nil {
		params.Embedding = new("openai/text-embedding-ada-002")
	}
	agent, err := client.Agents.Create(context.Background(), params)
	require.NoError(t, err)
	return agent
}

func blockLabels(bs []types.Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, *b.Label)
	}
	return out
}

func toolNames(ts []types.Tool) []string {
	var out []string
	for _, t := range ts {
		out = append(out, *t.Name)
	}
	return out
}

func apiError(t *testing.T, err error) *types.APIError {
	t.Helper()
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	return apiErr
}

func TestAgentConversation(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t)

	agent := newAgent(t, client, agents.CreateParams{
		Name: new("support"),
		MemoryBlocks: []types.CreateBlock{
			{Label: "persona", Value: "I am Sam, a patient support agent."},
			{Label: "human", Value: "Name: Dana", Limit: new(2000)},
		},
		Tags: []string{"support"},
	})
	assert.True(t, strings.HasPrefix(agent.ID, "agent-"), agent.ID)
	assert.Equal(t, "support", agent.Name)
	assert.Equal(t, []string{"persona", "human"}, blockLabels(agent.Memory.Blocks))
	assert.Equal(t, 2000, *agent.Memory.Blocks[1].Limit)
	assert.Equal(t, []string{"send_message", "conversation_search", "archival_memory_insert", "archival_memory_search", "core_memory_append", "core_memory_replace"}, toolNames(agent.Tools))
	assert.Len(t, agent.MessageIDs, 4, "system, boot call, boot return, login")
	assert.Equal(t, "gpt-4o-mini", agent.LLMConfig.Model)
	assert.Equal(t, 300, *agent.EmbeddingConfig.EmbeddingChunkSize)

	// Create: the stand-in LLM thinks, then echoes.
	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Where is my order?")},
	})
	require.NoError(t, err)
	require.Len(t, resp.Messages, 2)
	reasoning, ok := resp.Messages[0].(types.ReasoningMessage)
	require.True(t, ok, "%T", resp.Messages[0])
	reply, ok := resp.Messages[1].(types.AssistantMessage)
	require.True(t, ok, "%T", resp.Messages[1])
	assert.Equal(t, "Echo: Where is my order?", types.ContentText(reply.Content))
	assert.Equal(t, reasoning.ID, reply.ID, "one step: reasoning and reply share the message id")
	assert.Equal(t, 1, *resp.Usage.StepCount)
	assert.Positive(t, *resp.Usage.PromptTokens)
	assert.Equal(t, *resp.Usage.PromptTokens+*resp.Usage.CompletionTokens, *resp.Usage.TotalTokens)

	// Without assistant messages the reply is a send_message call and its
	// return.
	resp, err = client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Thanks")},
		Config:   &types.LettaRequestConfig{UseAssistantMessage: new(false)},
	})
	require.NoError(t, err)
	require.Len(t, resp.Messages, 3)
	call := resp.Messages[1].(types.ToolCallMessage).ToolCall.(types.ToolCall)
	assert.Equal(t, "send_message", call.Name)
	assert.JSONEq(t, `{"message":"Echo: Thanks"}`, call.Arguments)
	ret := resp.Messages[2].(types.ToolReturnMessage)
	assert.Equal(t, call.ToolCallID, ret.ToolCallID)
	assert.Equal(t, "None", ret.ToolReturn)

	// Stream: step frames, then usage.
	stream, err := client.Agents.Messages.CreateStream(ctx, agent.ID, agents.MessagesCreateStreamParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Are you there?")},
	})
	require.NoError(t, err)
	var events []types.LettaStreamingResponse
	for stream.Next() {
		events = append(events, stream.Current())
	}
	require.NoError(t, stream.Err())
	require.NoError(t, stream.Close())
	require.Len(t, events, 3)
	assert.IsType(t, types.ReasoningMessage{}, events[0])
	assert.Equal(t, "Echo: Are you there?", types.ContentText(events[1].(types.AssistantMessage).Content))
	assert.Equal(t, 1, *events[2].(types.LettaUsageStatistics).StepCount)

	// History: 4 initial messages, then per request the user message, the
	// assistant's send_message call and its return.
	all, err := client.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{MsgObject: new(true), Limit: new(100)})
	require.NoError(t, err)
	require.Len(t, all.Messages, 4+3*3)
	last := all.Messages[len(all.Messages)-3:]
	assert.Equal(t, types.MessageRoleUser, last[0].Role)
	assert.Contains(t, last[0].Content[0].Text, `"message": "Are you there?"`)
	assert.Equal(t, types.MessageRoleAssistant, last[1].Role)
	assert.Equal(t, "send_message", last[1].ToolCalls[0].Function.Name)
	assert.Equal(t, types.MessageRoleTool, last[2].Role)

	// The default listing: LettaMessages, the 10 most recent messages.
	recent, err := client.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{})
	require.NoError(t, err)
	require.NotEmpty(t, recent.LettaMessages)
	assert.Empty(t, recent.Messages)
	var kinds []string
	for _, m := range recent.LettaMessages {
		switch m.(type) {
		case types.UserMessage:
			kinds = append(kinds, "user")
		case types.ToolCallMessage:
			kinds = append(kinds, "call")
		case types.ReasoningMessage:
			kinds = append(kinds, "reasoning")
		case types.ToolReturnMessage:
			kinds = append(kinds, "return")
		default:
			kinds = append(kinds, "other")
		}
	}
	// As on the real server, the call comes before its reasoning.
	assert.Equal(t, []string{"user", "call", "reasoning", "return"}, kinds[len(kinds)-4:])

	// Paging back with before.
	older, err := client.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{MsgObject: new(true), Before: new(last[0].ID), Limit: new(3)})
	require.NoError(t, err)
	require.Len(t, older.Messages, 3)
	assert.Equal(t, all.Messages[len(all.Messages)-6].ID, older.Messages[0].ID)

	// Modify a message.
	edited, err := client.Agents.Messages.Modify(ctx, agent.ID, last[1].ID, agents.MessagesModifyParams{Content: types.ContentString("Thinking again.")})
	require.NoError(t, err)
	assert.Equal(t, "Thinking again.", edited.Content[0].Text)

	// The agent's message_ids grew; reset keeps only a new system message.
	got, err := client.Agents.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Len(t, got.MessageIDs, 13)
	reset, err := client.Agents.ResetMessages(ctx, agent.ID, agents.ResetMessagesParams{})
	require.NoError(t, err)
	require.Len(t, reset.MessageIDs, 1)
	assert.NotEqual(t, got.MessageIDs[0], reset.MessageIDs[0])
	hist, err := client.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{})
	require.NoError(t, err)
	require.Len(t, hist.LettaMessages, 1)
	assert.IsType(t, types.SystemMessage{}, hist.LettaMessages[0])
}

func TestStreamTokens(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t)
	agent := newAgent(t, client, agents.CreateParams{})

	stream, err := client.Agents.Messages.CreateStream(ctx, agent.ID, agents.MessagesCreateStreamParams{
		Messages:     []types.MessageCreate{types.NewUserMessage("tell me a long story please")},
		StreamTokens: new(true),
	})
	require.NoError(t, err)
	defer stream.Close()
	var acc agents.MessageAccumulator
	ids := map[string]bool{}
	chunks := 0
	for ev, err := range stream.All() {
		require.NoError(t, err)
		acc.Add(ev)
		if m, ok := ev.(types.AssistantMessage); ok {
			chunks++
			ids[m.ID] = true
		}
	}
	assert.Greater(t, chunks, 3, "content arrives word by word")
	assert.Len(t, ids, 1, "all chunks share one id")
	final := acc.Messages()
	require.Len(t, final, 2)
	assert.Equal(t, "Echo: tell me a long story please", types.ContentText(final[1].(types.AssistantMessage).Content))
	require.NotNil(t, acc.Usage())

	// letta-free is not an OpenAI endpoint the server streams tokens from:
	// it falls back to step frames.
	free := newAgent(t, client, agents.CreateParams{Model: new("letta/letta-free"), Embedding: new("letta/letta-free")})
	stream2, err := client.Agents.Messages.CreateStream(ctx, free.ID, agents.MessagesCreateStreamParams{
		Messages:     []types.MessageCreate{types.NewUserMessage("tell me a long story please")},
		StreamTokens: new(true),
	})
	require.NoError(t, err)
	defer stream2.Close()
	n := 0
	for _, err := range stream2.All() {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 3, n)
}

func TestStreamWireFormat(t *testing.T) {
	srv, client := setup(t)
	agent := newAgent(t, client, agents.CreateParams{})
	resp, err := http.Post(srv.URL+"/v1/agents/"+agent.ID+"/messages/stream", "application/json",
		strings.NewReader(`{"messages":[{"role":"user","content":"héllo 🎲 <b>"}]}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "text/event-stream; charset=utf-8", resp.Header.Get("Content-Type"))
	frames := strings.Split(strings.TrimSuffix(string(body), "\n\n"), "\n\n")
	require.Len(t, frames, 4)
	for _, f := range frames {
		assert.True(t, strings.HasPrefix(f, "data: "), f)
		assert.NotContains(t, f, "\n")
	}
	assert.Regexp(t, `^data: \{"id":"message-[0-9a-f-]{36}","date":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00","message_type":"reasoning_message","reasoning":`, frames[0])
	// Non-ASCII is escaped as Python's json.dumps does; HTML is not.
	assert.Contains(t, frames[1], `"content":"Echo: h\u00e9llo \ud83c\udfb2 <b>"`)
	assert.Regexp(t, `^data: \{"message_type":"usage_statistics","completion_tokens":\d+,"prompt_tokens":\d+,"total_tokens":\d+,"step_count":1\}$`, frames[2])
	assert.Equal(t, "data: [DONE]", frames[3])
}

func TestCustomResponderWithTools(t *testing.T) {
	ctx := context.Background()
	responder := func(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage {
		text := lettatest.UserText(input)
		var out []types.LettaMessage
		out = append(out, lettatest.CallTool("Remember this.", "core_memory_append", map[string]any{"label": "human", "content": "Likes: " + text}, "None")...)
		out = append(out, lettatest.CallTool("", "archival_memory_insert", map[string]any{"content": "User said " + text}, "None")...)
		out = append(out, lettatest.Reply("Done.", "Noted: "+text)...)
		return out
	}
	_, client := setup(t, lettatest.WithResponder(responder))
	agent := newAgent(t, client, agents.CreateParams{MemoryBlocks: []types.CreateBlock{{Label: "human", Value: "Name: Dana"}}})

	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("dice")}})
	require.NoError(t, err)
	var kinds []string
	for _, m := range resp.Messages {
		switch m := m.(type) {
		case types.ReasoningMessage:
			kinds = append(kinds, "reasoning")
		case types.ToolCallMessage:
			kinds = append(kinds, "call:"+m.ToolCall.(types.ToolCall).Name)
		case types.ToolReturnMessage:
			kinds = append(kinds, "return:"+m.ToolReturn)
		case types.AssistantMessage:
			kinds = append(kinds, "assistant:"+types.ContentText(m.Content))
		}
	}
	assert.Equal(t, []string{"reasoning", "call:core_memory_append", "return:None", "call:archival_memory_insert", "return:None", "reasoning", "assistant:Noted: dice"}, kinds)
	assert.Equal(t, 3, *resp.Usage.StepCount)

	// The memory tools took effect.
	human, err := client.Agents.CoreMemory.RetrieveBlock(ctx, agent.ID, "human")
	require.NoError(t, err)
	assert.Equal(t, "Name: Dana\nLikes: dice", human.Value)
	passages, err := client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	require.Len(t, passages, 1)
	assert.Equal(t, "User said dice", passages[0].Text)

	// Heartbeats separate the steps in the stored history.
	hist, err := client.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{MsgObject: new(true), Limit: new(100)})
	require.NoError(t, err)
	heartbeats := 0
	for _, m := range hist.Messages {
		if m.Role == types.MessageRoleUser && strings.Contains(m.Content[0].Text, `"type": "heartbeat"`) {
			heartbeats++
		}
	}
	assert.Equal(t, 2, heartbeats)

	// The context window reflects the state.
	cw, err := client.Agents.Context.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, 128000, cw.ContextWindowSizeMax)
	assert.Equal(t, 1, cw.NumArchivalMemory)
	assert.Equal(t, len(cw.Messages), cw.NumMessages)
	assert.Contains(t, cw.CoreMemory, "Likes: dice")
	assert.Len(t, cw.FunctionsDefinitions, 6)
	assert.Greater(t, cw.ContextWindowSizeCurrent, cw.NumTokensSystem)
}

func TestResponderPanicIsAnAgentError(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t, lettatest.WithResponder(func(types.AgentState, []types.MessageCreate) []types.LettaMessage {
		panic("model overloaded")
	}))
	agent := newAgent(t, client, agents.CreateParams{})
	_, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}}, option.WithMaxRetries(0))
	apiErr := apiError(t, err)
	assert.Equal(t, 500, apiErr.StatusCode)
	assert.Equal(t, "model overloaded", apiErr.Detail)

	stream, err := client.Agents.Messages.CreateStream(ctx, agent.ID, agents.MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	require.NoError(t, err)
	defer stream.Close()
	for stream.Next() {
	}
	var streamErr *types.StreamError
	require.ErrorAs(t, stream.Err(), &streamErr)
	assert.Equal(t, "Stream failed (internal error occured)", streamErr.Message)
}

func TestTools(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t)

	base, err := client.Tools.List(ctx, tools.ListParams{})
	require.NoError(t, err)
	assert.Len(t, base, 8, "a fresh server has the base tools")

	tool, err := client.Tools.Create(ctx, tools.CreateParams{SourceCode: diceSource, Tags: []string{"games"}})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(tool.ID, "tool-"))
	assert.Equal(t, "roll_dice", *tool.Name)
	assert.Equal(t, "Roll some dice and report the total.", *tool.Description)
	assert.Equal(t, types.ToolTypeCustom, *tool.ToolType)
	params := tool.JSONSchema["parameters"].(map[string]any)
	assert.Equal(t, []any{"num_dice", "request_heartbeat"}, params["required"])
	props := params["properties"].(map[string]any)
	assert.Equal(t, map[string]any{"type": "integer", "description": "How many dice to roll."}, props["num_dice"])
	assert.Equal(t, "number", props["modifier"].(map[string]any)["type"])

	// As on a server since 2025-01-24, a name in tools.create is rejected.
	_, err = client.Tools.Create(ctx, tools.CreateParams{SourceCode: diceSource, Name: new("dice")})
	apiErr := apiError(t, err)
	require.Equal(t, 422, apiErr.StatusCode)
	require.Len(t, apiErr.ValidationErrors, 1)
	assert.Equal(t, "extra_forbidden", apiErr.ValidationErrors[0].Type)
	assert.Equal(t, []any{"body", "name"}, apiErr.ValidationErrors[0].Loc)

	// A duplicate name conflicts; upsert updates.
	_, err = client.Tools.Create(ctx, tools.CreateParams{SourceCode: diceSource})
	assert.Equal(t, 409, apiError(t, err).StatusCode)
	up, err := client.Tools.Upsert(ctx, tools.UpsertParams{SourceCode: diceSource, Description: new("Roll dice, v2.")})
	require.NoError(t, err)
	assert.Equal(t, tool.ID, up.ID)
	assert.Equal(t, "Roll some dice and report the total.", *up.Description, "upsert answers the tool as it was")
	got, err := client.Tools.Retrieve(ctx, tool.ID)
	require.NoError(t, err)
	assert.Equal(t, "Roll dice, v2.", *got.Description)

	mod, err := client.Tools.Modify(ctx, tool.ID, tools.ModifyParams{Tags: []string{}, ReturnCharLimit: new(100)})
	require.NoError(t, err)
	assert.Empty(t, mod.Tags)
	assert.Equal(t, 100, *mod.ReturnCharLimit)

	// Attach and detach show in the agent's tools.
	agent := newAgent(t, client, agents.CreateParams{IncludeBaseTools: new(false)})
	assert.Empty(t, agent.Tools)
	agent, err = client.Agents.Tools.Attach(ctx, agent.ID, tool.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"roll_dice"}, toolNames(agent.Tools))
	list, err := client.Agents.Tools.List(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"roll_dice"}, toolNames(list))
	agent, err = client.Agents.Tools.Detach(ctx, agent.ID, tool.ID)
	require.NoError(t, err)
	assert.Empty(t, agent.Tools)

	// Running from source runs it with python3 (see toolrun_test.go).
	ret, err := client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: diceSource, Args: map[string]any{"num_dice": 3, "sides": 1}})
	require.NoError(t, err)
	if _, err := exec.LookPath("python3"); err == nil {
		assert.Equal(t, "3.0", ret.ToolReturn)
		assert.Equal(t, types.ToolReturnMessageStatusSuccess, ret.Status)
	} else {
		assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
	}
	assert.Equal(t, "null", ret.ID)
	ret, err = client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: diceSource, Args: map[string]any{}})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
	assert.Contains(t, ret.ToolReturn, "missing 1 required positional argument: 'num_dice'")

	// Base and Composio tools.
	added, err := client.Tools.AddBaseTool(ctx)
	require.NoError(t, err)
	assert.Len(t, added, 8)
	apps, err := client.Tools.ListComposioApps(ctx)
	require.NoError(t, err)
	assert.NotEmpty(t, apps)
	actions, err := client.Tools.ListComposioActionsByApp(ctx, "github")
	require.NoError(t, err)
	require.NotEmpty(t, actions)
	ct, err := client.Tools.AddComposioTool(ctx, actions[0].Name)
	require.NoError(t, err)
	assert.Equal(t, types.ToolTypeExternalComposio, *ct.ToolType)
	assert.Equal(t, strings.ToLower(actions[0].Name), *ct.Name)

	// Delete; then it is gone.
	_, err = client.Tools.Delete(ctx, tool.ID)
	require.NoError(t, err)
	_, err = client.Tools.Retrieve(ctx, tool.ID)
	apiErr = apiError(t, err)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "Tool with id "+tool.ID+" not found.", apiErr.Detail)
	assert.ErrorIs(t, err, types.ErrNotFound)
}

func TestBlocksAndCoreMemory(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t)

	tmpl, err := client.Blocks.Create(ctx, blocks.CreateParams{Label: "persona", Value: "I am Sam.", Name: new("sam"), IsTemplate: new(true)})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(tmpl.ID, "block-"))
	assert.Equal(t, 5000, *tmpl.Limit)
	plain, err := client.Blocks.Create(ctx, blocks.CreateParams{Label: "notes", Value: "Open orders: none."})
	require.NoError(t, err)

	// The server lists only templates unless told otherwise.
	list, err := client.Blocks.List(ctx, blocks.ListParams{})
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, tmpl.ID, list[0].ID)
	list, err = client.Blocks.List(ctx, blocks.ListParams{TemplatesOnly: new(false), Label: new("notes")})
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, plain.ID, list[0].ID)

	// Blocks are shared between agents.
	a1 := newAgent(t, client, agents.CreateParams{BlockIDs: []string{plain.ID}, MemoryBlocks: []types.CreateBlock{{Label: "human", Value: "Dana"}}})
	a2 := newAgent(t, client, agents.CreateParams{})
	a2, err = client.Agents.CoreMemory.AttachBlock(ctx, a2.ID, plain.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"notes"}, blockLabels(a2.Memory.Blocks))
	users, err := client.Blocks.ListAgentsForBlock(ctx, plain.ID)
	require.NoError(t, err)
	assert.Len(t, users, 2)

	// Editing by label through one agent shows everywhere.
	b, err := client.Agents.CoreMemory.ModifyBlock(ctx, a1.ID, "notes", agents.CoreMemoryModifyBlockParams{Value: new("Open orders: #4412.")})
	require.NoError(t, err)
	assert.Equal(t, plain.ID, b.ID)
	mem, err := client.Agents.CoreMemory.Retrieve(ctx, a2.ID)
	require.NoError(t, err)
	assert.Equal(t, "Open orders: #4412.", mem.Blocks[0].Value)
	assert.NotEmpty(t, *mem.PromptTemplate)
	got, err := client.Blocks.Retrieve(ctx, plain.ID)
	require.NoError(t, err)
	assert.Equal(t, "Open orders: #4412.", got.Value)

	// The agent's system message now shows the new memory.
	msgs, err := client.Agents.Messages.List(ctx, a1.ID, agents.MessagesListParams{MsgObject: new(true), Limit: new(100)})
	require.NoError(t, err)
	first, err := client.Agents.Retrieve(ctx, a1.ID)
	require.NoError(t, err)
	var system string
	for _, m := range msgs.Messages {
		if m.ID == first.MessageIDs[0] {
			system = m.Content[0].Text
		}
	}
	assert.Contains(t, system, "<notes characters=\"19/5000\">\nOpen orders: #4412.\n</notes>")

	// Over the limit is a validation error.
	_, err = client.Agents.CoreMemory.ModifyBlock(ctx, a1.ID, "human", agents.CoreMemoryModifyBlockParams{Value: new(strings.Repeat("x", 5001))})
	assert.Equal(t, 422, apiError(t, err).StatusCode)

	blocksOf, err := client.Agents.CoreMemory.ListBlocks(ctx, a1.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"human", "notes"}, blockLabels(blocksOf))
	_, err = client.Agents.CoreMemory.RetrieveBlock(ctx, a1.ID, "persona")
	apiErr := apiError(t, err)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Contains(t, apiErr.Detail, "available sections = human, notes")

	a1, err = client.Agents.CoreMemory.DetachBlock(ctx, a1.ID, plain.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"human"}, blockLabels(a1.Memory.Blocks))

	mod, err := client.Blocks.Modify(ctx, tmpl.ID, blocks.ModifyParams{Description: new("Default persona")})
	require.NoError(t, err)
	assert.Equal(t, "Default persona", *mod.Description)
	assert.Equal(t, "I am Sam.", mod.Value)
	del, err := client.Blocks.Delete(ctx, plain.ID)
	require.NoError(t, err)
	assert.Equal(t, plain.ID, del.ID)
	a2, err = client.Agents.Retrieve(ctx, a2.ID)
	require.NoError(t, err)
	assert.Empty(t, a2.Memory.Blocks)
	_, err = client.Blocks.Retrieve(ctx, plain.ID)
	apiErr = apiError(t, err)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "Block not found", apiErr.Detail)
}

func TestSourcesUpload(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t, lettatest.WithJobDelay(20*time.Millisecond))

	// Like the server, a source needs an embedding configuration.
	_, err := client.Sources.Create(ctx, sources.CreateParams{Name: "handbook"})
	assertStatus(t, err, http.StatusBadRequest)
	embs, err := client.Models.ListEmbeddingModels(ctx)
	require.NoError(t, err)
	src, err := client.Sources.Create(ctx, sources.CreateParams{Name: "handbook", Description: new("Shipping policies"), EmbeddingConfig: &embs[0]})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(src.ID, "source-"))
	id, err := client.Sources.GetByName(ctx, "handbook")
	require.NoError(t, err)
	assert.Equal(t, src.ID, id)

	text := strings.Repeat("Orders ship within two business days. Returns are free for 30 days. ", 60)
	job, err := client.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{File: strings.NewReader(text), Filename: "policy.txt"})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(job.ID, "job-"))
	assert.Equal(t, types.JobStatusCreated, *job.Status)
	assert.Equal(t, "policy.txt", job.Metadata["filename"])

	active, err := client.Jobs.ListActive(ctx)
	require.NoError(t, err)
	assert.Len(t, active, 1)

	// Poll until the job completes; it runs first, as on the server.
	deadline := time.Now().Add(5 * time.Second)
	seen := map[types.JobStatus]bool{}
	for *job.Status != types.JobStatusCompleted {
		require.True(t, time.Now().Before(deadline), "job did not complete")
		time.Sleep(2 * time.Millisecond)
		job, err = client.Jobs.Retrieve(ctx, job.ID)
		require.NoError(t, err)
		seen[*job.Status] = true
	}
	assert.True(t, seen[types.JobStatusRunning], "the job never showed running")
	require.NotNil(t, job.CompletedAt)
	assert.Equal(t, json.Number("1"), job.Metadata["num_documents"]) // free-form numbers decode as json.Number

	files, err := client.Sources.Files.List(ctx, src.ID, sources.FilesListParams{})
	require.NoError(t, err)
	require.Len(t, files, 1)
	assert.Regexp(t, `^policy_[0-9a-f]{32}\.txt$`, *files[0].FileName, "stored as utils.sanitize_filename names it")
	assert.Equal(t, "text/plain", *files[0].FileType)
	assert.Equal(t, len(text), *files[0].FileSize)

	// The server's sources.passages.list is a stub: always [].
	none, err := client.Sources.Passages.List(ctx, src.ID)
	require.NoError(t, err)
	assert.Empty(t, none)

	byJob, err := client.Jobs.List(ctx, jobs.ListParams{SourceID: new(src.ID)})
	require.NoError(t, err)
	assert.Len(t, byJob, 1)

	// Attached sources show in the agent and its archival memory, which
	// holds the file's text in chunks.
	agent := newAgent(t, client, agents.CreateParams{})
	agent, err = client.Agents.Sources.Attach(ctx, agent.ID, src.ID)
	require.NoError(t, err)
	require.Len(t, agent.Sources, 1)
	passages, err := client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	require.Greater(t, len(passages), 1, "the text is split in chunks")
	assert.Equal(t, json.Number(strconv.Itoa(len(passages))), job.Metadata["num_passages"])
	var joined []string
	for _, p := range passages {
		assert.Equal(t, files[0].ID, *p.FileID)
		assert.Len(t, p.Embedding, 4096)
		joined = append(joined, p.Text)
	}
	assert.Equal(t, strings.TrimSpace(text), strings.Join(joined, " "))
	srcs, err := client.Sources.List(ctx)
	require.NoError(t, err)
	require.Len(t, srcs, 1)
	assert.Equal(t, json.Number(strconv.Itoa(len(passages))), srcs[0].Metadata["num_passages"])
	assert.Len(t, srcs[0].Metadata["attached_agents"], 1)
	agent, err = client.Agents.Sources.Detach(ctx, agent.ID, src.ID)
	require.NoError(t, err)
	assert.Empty(t, agent.Sources)

	mod, err := client.Sources.Modify(ctx, src.ID, sources.ModifyParams{Name: new("handbook-2025")})
	require.NoError(t, err)
	assert.Equal(t, "handbook-2025", mod.Name)

	require.NoError(t, client.Sources.Files.Delete(ctx, src.ID, files[0].ID))
	files, err = client.Sources.Files.List(ctx, src.ID, sources.FilesListParams{})
	require.NoError(t, err)
	assert.Empty(t, files)
	_, err = client.Sources.Delete(ctx, src.ID)
	require.NoError(t, err)
	_, err = client.Sources.Retrieve(ctx, src.ID)
	assert.ErrorIs(t, err, types.ErrNotFound)
}

func TestArchivalMemory(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t)
	agent := newAgent(t, client, agents.CreateParams{})

	var ids []string
	for _, text := range []string{"one", "two", "three", "four", "five"} {
		ps, err := client.Agents.ArchivalMemory.Create(ctx, agent.ID, agents.ArchivalMemoryCreateParams{Text: text})
		require.NoError(t, err)
		require.Len(t, ps, 1)
		assert.True(t, strings.HasPrefix(ps[0].ID, "passage-"))
		assert.Equal(t, agent.ID, *ps[0].AgentID)
		ids = append(ids, ps[0].ID)
	}

	page, err := client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{Limit: new(2)})
	require.NoError(t, err)
	assert.Equal(t, ids[:2], passageIDs(page))
	page, err = client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	assert.Equal(t, ids, passageIDs(page), "no limit: all of them")

	// The integer cursors reach a method typed for strings on the server,
	// whose type check answers 400.
	_, err = client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{After: new(2), Limit: new(2)})
	assertStatus(t, err, http.StatusBadRequest)
	_, err = client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{Before: new(2)})
	assertStatus(t, err, http.StatusBadRequest)

	res, err := client.Agents.ArchivalMemory.Delete(ctx, agent.ID, ids[1])
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"message": "Memory id=" + ids[1] + " successfully deleted"}, res)
	_, err = client.Agents.ArchivalMemory.Delete(ctx, agent.ID, ids[1])
	assert.ErrorIs(t, err, types.ErrNotFound)
	page, err = client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	assert.Equal(t, []string{ids[0], ids[2], ids[3], ids[4]}, passageIDs(page))
}

func passageIDs(ps []types.Passage) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func TestAsyncRuns(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t, lettatest.WithRunDelay(10*time.Millisecond))
	agent := newAgent(t, client, agents.CreateParams{})

	run, err := client.Agents.Messages.CreateAsync(ctx, agent.ID, agents.MessagesCreateAsyncParams{
		Messages: []types.MessageCreate{types.NewSystemMessage("The user is on the mobile app."), types.NewUserMessage("Hello in the background")},
	})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(run.ID, "run-"), run.ID)
	assert.Equal(t, types.JobStatusCreated, *run.Status)
	assert.Equal(t, agent.ID, run.Metadata["agent_id"])

	done, err := client.Runs.Wait(ctx, run.ID)
	require.NoError(t, err)
	assert.Equal(t, types.JobStatusCompleted, *done.Status)
	require.NotNil(t, done.CompletedAt)
	result := done.Metadata["result"].(map[string]any)
	assert.Len(t, result["messages"], 2)

	msgs, err := client.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{})
	require.NoError(t, err)
	// Newest first: the send_message return, the step (reasoning then
	// reply), the user message, the system alert.
	require.Len(t, msgs, 5)
	assert.IsType(t, types.ToolReturnMessage{}, msgs[0])
	assert.IsType(t, types.ReasoningMessage{}, msgs[1])
	assert.Equal(t, "Echo: Hello in the background", types.ContentText(msgs[2].(types.AssistantMessage).Content))
	assert.IsType(t, types.UserMessage{}, msgs[3])
	assert.Contains(t, types.ContentText(msgs[4].(types.SystemMessage).Content), `"type": "system_alert"`)
	asc, err := client.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Order: new("asc")})
	require.NoError(t, err)
	assert.IsType(t, types.SystemMessage{}, asc[0])
	_, err = client.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Order: new("sideways")})
	assert.Equal(t, 400, apiError(t, err).StatusCode)

	usage, err := client.Runs.RetrieveRunUsage(ctx, run.ID)
	require.NoError(t, err)
	assert.Positive(t, *usage.TotalTokens)
	assert.Equal(t, *usage.PromptTokens+*usage.CompletionTokens, *usage.TotalTokens)

	list, err := client.Runs.ListRuns(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 1)
	active, err := client.Runs.ListActiveRuns(ctx)
	require.NoError(t, err)
	assert.Empty(t, active)
	// Runs are not jobs.
	js, err := client.Jobs.List(ctx, jobs.ListParams{})
	require.NoError(t, err)
	assert.Empty(t, js)

	// A run for an unknown agent fails.
	bad, err := client.Agents.Messages.CreateAsync(ctx, "agent-00000000-0000-4000-8000-000000000000", agents.MessagesCreateAsyncParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	require.NoError(t, err)
	failed, err := client.Runs.Wait(ctx, bad.ID)
	require.ErrorIs(t, err, runs.ErrRunFailed)
	assert.Equal(t, types.JobStatusFailed, *failed.Status)
	assert.Contains(t, failed.Metadata["error"], "Agent not found")

	deleted, err := client.Runs.DeleteRun(ctx, run.ID)
	require.NoError(t, err)
	assert.Equal(t, run.ID, deleted.ID)
	_, err = client.Runs.RetrieveRun(ctx, run.ID)
	apiErr := apiError(t, err)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "Run not found", apiErr.Detail)
}

func TestAgentsCRUD(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t)
	a := newAgent(t, client, agents.CreateParams{Name: new("alpha"), Tags: []string{"support", "tier-1"}, Metadata: map[string]any{"team": "cx"}})
	b := newAgent(t, client, agents.CreateParams{Name: new("beta"), Tags: []string{"support"}, ToolRules: []types.ToolRule{types.InitToolRule{ToolName: "send_message"}, types.TerminalToolRule{ToolName: "send_message"}}})
	c := newAgent(t, client, agents.CreateParams{Name: new("gamma"), ToolExecEnvironmentVariables: map[string]*string{"API_URL": new("https://x")}})
	assert.Equal(t, types.ToolRuleList{types.InitToolRule{ToolName: "send_message"}, types.TerminalToolRule{ToolName: "send_message"}}, b.ToolRules)
	require.Len(t, c.ToolExecEnvironmentVariables, 1)
	assert.Equal(t, "API_URL", c.ToolExecEnvironmentVariables[0].Key)
	assert.Equal(t, c.ID, c.ToolExecEnvironmentVariables[0].AgentID)

	names := func(as []types.AgentState) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Name)
		}
		return out
	}
	all, err := client.Agents.List(ctx, agents.ListParams{})
	require.NoError(t, err)
	assert.Equal(t, []string{"alpha", "beta", "gamma"}, names(all))
	got, err := client.Agents.List(ctx, agents.ListParams{Tags: []string{"support", "tier-1"}, MatchAllTags: new(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{"alpha"}, names(got))
	got, err = client.Agents.List(ctx, agents.ListParams{Tags: []string{"support", "tier-1"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"alpha", "beta"}, names(got))
	got, err = client.Agents.List(ctx, agents.ListParams{QueryText: new("AMM")})
	require.NoError(t, err)
	assert.Equal(t, []string{"gamma"}, names(got))
	got, err = client.Agents.List(ctx, agents.ListParams{After: new(a.ID), Limit: new(1)})
	require.NoError(t, err)
	assert.Equal(t, []string{"beta"}, names(got))
	var iterated []string
	for ag, err := range client.Agents.ListIter(ctx, agents.ListParams{Limit: new(2)}) {
		require.NoError(t, err)
		iterated = append(iterated, ag.Name)
	}
	assert.Equal(t, []string{"alpha", "beta", "gamma"}, iterated)

	mod, err := client.Agents.Modify(ctx, a.ID, agents.ModifyParams{Description: new("Tier-2"), Tags: []string{"vip"}})
	require.NoError(t, err)
	assert.Equal(t, "Tier-2", *mod.Description)
	assert.Equal(t, []string{"vip"}, mod.Tags)
	assert.True(t, mod.UpdatedAt.After(a.UpdatedAt.Time) || mod.UpdatedAt.Equal(a.UpdatedAt.Time))

	tags, err := client.Tag.ListTags(ctx, tag.ListTagsParams{})
	require.NoError(t, err)
	assert.Equal(t, []string{"support", "vip"}, tags)
	tags, err = client.Tag.ListTags(ctx, tag.ListTagsParams{QueryText: new("sup")})
	require.NoError(t, err)
	assert.Equal(t, []string{"support"}, tags)

	res, err := client.Agents.Delete(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"message": "Agent id=" + b.ID + " successfully deleted"}, res)
	_, err = client.Agents.Retrieve(ctx, b.ID)
	apiErr := apiError(t, err)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.True(t, strings.HasPrefix(apiErr.Detail, "Agent not found with id='"+b.ID+"'"), apiErr.Detail)
}

func TestModelsHealthProviders(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t, lettatest.WithVersion("9.9.9"))
	h, err := client.Health.Check(ctx)
	require.NoError(t, err)
	assert.Equal(t, types.Health{Version: "9.9.9", Status: "ok"}, *h)

	llms, err := client.Models.ListLLMs(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, llms)
	assert.Equal(t, "letta/letta-free", *llms[0].Handle)
	embs, err := client.Models.ListEmbeddingModels(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, embs)

	p, err := client.Providers.CreateProvider(ctx, providers.CreateProviderParams{Name: "anthropic", APIKey: "sk-ant-1"})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(p.ID, "provider-"))
	p, err = client.Providers.ModifyProvider(ctx, providers.ModifyProviderParams{ID: p.ID, APIKey: "sk-ant-2"})
	require.NoError(t, err)
	assert.Equal(t, "sk-ant-2", *p.APIKey)
	list, err := client.Providers.ListProviders(ctx, providers.ListProvidersParams{})
	require.NoError(t, err)
	assert.Len(t, list, 1)
	res, err := client.Providers.DeleteProvider(ctx, providers.DeleteProviderParams{ProviderID: p.ID})
	require.NoError(t, err)
	assert.Nil(t, res)
	list, err = client.Providers.ListProviders(ctx, providers.ListProvidersParams{})
	require.NoError(t, err)
	assert.Empty(t, list)
}

func TestErrorBodies(t *testing.T) {
	ctx := context.Background()
	srv, client := setup(t)
	raw := rawClient{t: t, url: srv.URL}
	agent := newAgent(t, client, agents.CreateParams{})

	for _, tc := range []struct {
		name   string
		call   func() error
		status int
		detail string
	}{
		{"job", func() error { _, err := client.Jobs.Retrieve(ctx, "job-x"); return err }, 404, "Job not found"},
		{"block", func() error { _, err := client.Blocks.Retrieve(ctx, "block-x"); return err }, 404, "Block not found"},
		{"tool", func() error { _, err := client.Tools.Retrieve(ctx, "tool-x"); return err }, 404, "Tool with id tool-x not found."},
		{"source", func() error { _, err := client.Sources.Retrieve(ctx, "source-x"); return err }, 404, "Source with id=source-x not found."},
		{"no model", func() error { _, err := client.Agents.Create(ctx, agents.CreateParams{}); return err }, 400, "Must specify either model or llm_config in request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			apiErr := apiError(t, tc.call())
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, tc.detail, apiErr.Detail)
			assert.JSONEq(t, `{"detail":`+jsonStr(tc.detail)+`}`, string(apiErr.Body))
		})
	}

	// 422: FastAPI's list-form detail.
	_, err := client.Agents.Messages.Modify(ctx, agent.ID, agent.MessageIDs[0], agents.MessagesModifyParams{Name: new("x")})
	apiErr := apiError(t, err)
	require.Equal(t, 422, apiErr.StatusCode)
	assert.ErrorIs(t, err, types.ErrUnprocessable)
	assert.JSONEq(t, `{"detail":[{"type":"missing","loc":["body","content"],"msg":"Field required","input":{"name":"x"}}]}`, string(apiErr.Body))

	_, err = client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{{Role: "assistant", Content: types.ContentString("hi")}},
	})
	apiErr = apiError(t, err)
	assert.JSONEq(t, `{"detail":[{"type":"enum","loc":["body","messages",0,"role"],"msg":"Input should be 'user' or 'system'","input":"assistant","ctx":{"expected":"'user' or 'system'"}}]}`, string(apiErr.Body))

	_, err = client.Agents.Create(ctx, agents.CreateParams{Name: new("no/slashes"), Model: new("gpt-4")})
	apiErr = apiError(t, err)
	assert.Equal(t, 422, apiErr.StatusCode)
	require.Len(t, apiErr.ValidationErrors, 2)
	assert.Equal(t, []any{"body", "name"}, apiErr.ValidationErrors[0].Loc)
	assert.Equal(t, "Value error, Name contains invalid characters.", apiErr.ValidationErrors[0].Msg)
	assert.Equal(t, []any{"body", "model"}, apiErr.ValidationErrors[1].Loc)

	status, body := raw.do("POST", "/v1/blocks/", `{"value": 5}`)
	assert.Equal(t, 422, status)
	assert.JSONEq(t, `{"detail":[
		{"type":"string_type","loc":["body","value"],"msg":"Input should be a valid string","input":5},
		{"type":"missing","loc":["body","label"],"msg":"Field required","input":{"value":5}}]}`, string(body))
	status, body = raw.do("POST", "/v1/blocks/", `{"value": "x",`)
	assert.Equal(t, 422, status)
	assert.Contains(t, string(body), `"type":"json_invalid"`)
	status, body = raw.do("PATCH", "/v1/agents/"+agent.ID, "")
	assert.Equal(t, 422, status)
	assert.JSONEq(t, `{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}`, string(body))
	status, body = raw.do("GET", "/v1/agents/?limit=many", "")
	assert.Equal(t, 422, status)
	assert.JSONEq(t, `{"detail":[{"type":"int_parsing","loc":["query","limit"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"many"}]}`, string(body))
	status, body = raw.do("DELETE", "/v1/providers/", "")
	assert.Equal(t, 422, status)
	assert.JSONEq(t, `{"detail":[{"type":"missing","loc":["query","provider_id"],"msg":"Field required","input":null}]}`, string(body))

	// An unknown agent on the stream is a 500 before the stream starts.
	_, err = client.Agents.Messages.CreateStream(ctx, "agent-nope", agents.MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	apiErr = apiError(t, err)
	assert.Equal(t, 500, apiErr.StatusCode)
	assert.True(t, strings.HasPrefix(apiErr.Detail, "Agent not found with id='agent-nope'"), apiErr.Detail)

	// Unknown routes, wrong methods, trailing slashes.
	status, body = raw.do("GET", "/v1/nothing", "")
	assert.Equal(t, 404, status)
	assert.JSONEq(t, `{"detail":"Not Found"}`, string(body))
	status, body = raw.do("PUT", "/v1/agents/"+agent.ID, "{}")
	assert.Equal(t, 405, status)
	assert.JSONEq(t, `{"detail":"Method Not Allowed"}`, string(body))
	status, _ = raw.do("GET", "/v1/health", "") // followed to /v1/health/
	assert.Equal(t, 200, status)
	req, _ := http.NewRequest("GET", srv.URL+"/v1/agents/"+agent.ID+"/", nil)
	resp, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 307, resp.StatusCode)
	assert.Equal(t, srv.URL+"/v1/agents/"+agent.ID, resp.Header.Get("Location"))
}

func TestCloudOnlyRoutes(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t)
	agent := newAgent(t, client, agents.CreateParams{})

	err := client.Agents.Search(ctx, agents.SearchParams{})
	assert.Equal(t, 405, apiError(t, err).StatusCode)
	_, err = client.Agents.Templates.Migrate(ctx, agent.ID, agents.TemplatesMigrateParams{ToTemplate: "t:v1"})
	apiErr := apiError(t, err)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "Not Found", apiErr.Detail)
	err = client.Agents.Templates.Create(ctx, agent.ID, agents.TemplatesCreateParams{})
	assert.Equal(t, 404, apiError(t, err).StatusCode)
	err = client.Agents.Templates.CreateVersion(ctx, agent.ID, agents.TemplatesCreateVersionParams{})
	assert.Equal(t, 404, apiError(t, err).StatusCode)
	_, err = client.Agents.MemoryVariables.List(ctx, agent.ID)
	assert.Equal(t, 404, apiError(t, err).StatusCode)
}

func TestPassword(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t, lettatest.WithPassword("s3cret"))
	_, err := client.Health.Check(ctx)
	require.NoError(t, err, "the health check is not protected")
	_, err = client.Agents.List(ctx, agents.ListParams{})
	assert.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = client.Agents.List(ctx, agents.ListParams{}, option.WithHeader("X-BARE-PASSWORD", "password s3cret"))
	require.NoError(t, err)
}

func TestClockAndTimestamps(t *testing.T) {
	at := time.Date(2025, 1, 24, 18, 3, 4, 123456789, time.UTC)
	srv, client := setup(t, lettatest.WithClock(func() time.Time { return at }))
	agent := newAgent(t, client, agents.CreateParams{})
	assert.True(t, agent.CreatedAt.Equal(at.Truncate(time.Microsecond)))
	raw := rawClient{t: t, url: srv.URL}
	_, body := raw.do("GET", "/v1/agents/"+agent.ID, "")
	assert.Contains(t, string(body), `"created_at":"2025-01-24T18:03:04.123456Z"`)
	_, body = raw.do("GET", "/v1/agents/"+agent.ID+"/messages", "")
	assert.Contains(t, string(body), `"date":"2025-01-24T18:03:04+00:00"`)
	assert.Contains(t, string(body), `"time\": \"2025-01-24 06:03:04 PM UTC+0000\"`)
	run := raw.json("POST", "/v1/agents/"+agent.ID+"/messages/async", `{"messages":[{"role":"user","content":"x"}]}`)
	raw.waitStatus("/v1/runs/" + run["id"].(string))
	_, body = raw.do("GET", "/v1/runs/"+run["id"].(string), "")
	assert.Contains(t, string(body), `"completed_at":"2025-01-24T18:03:04.123456",`)
}

func TestFaultStatusRetried(t *testing.T) {
	ctx := context.Background()
	srv, client := setup(t)
	// Retry-After-Ms keeps the SDK's backoff short.
	srv.FailNext(2, lettatest.Fault{Status: 503, PathPrefix: "/v1/health/", Header: http.Header{"Retry-After-Ms": {"1"}}})
	h, err := client.Health.Check(ctx)
	require.NoError(t, err)
	assert.Equal(t, "ok", h.Status)
	assert.Equal(t, 3, srv.CountRequests("GET", "/v1/health/"), "two failures, then success")
	assert.Zero(t, srv.PendingFaults())

	// More failures than retries: the last error is returned.
	srv.FailNext(5, lettatest.Fault{Status: 500, Body: `{"detail":"boom"}`, Header: http.Header{"Retry-After-Ms": {"1"}}})
	_, err = client.Tools.List(ctx, tools.ListParams{})
	apiErr := apiError(t, err)
	assert.Equal(t, 500, apiErr.StatusCode)
	assert.Equal(t, "boom", apiErr.Detail)
	assert.Equal(t, 2, srv.PendingFaults(), "1 attempt + 2 retries")
	srv.ClearFaults()

	// A POST is not retried on a 500: a retried message would run the
	// agent twice.
	agent := newAgent(t, client, agents.CreateParams{})
	srv.FailNext(1, lettatest.Fault{Status: 500, Method: "POST", PathPrefix: "/v1/agents/"})
	before := srv.CountRequests("POST", "/v1/agents/"+agent.ID+"/messages")
	_, err = client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	assert.Equal(t, 500, apiError(t, err).StatusCode)
	assert.Equal(t, before+1, srv.CountRequests("POST", "/v1/agents/"+agent.ID+"/messages"))
	// …but it is on a 429.
	srv.FailNext(1, lettatest.Fault{Status: 429, Method: "POST", Header: http.Header{"Retry-After-Ms": {"1"}}})
	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	require.NoError(t, err)
	assert.Len(t, resp.Messages, 2)
}

func TestFaultDelayAndTimeout(t *testing.T) {
	ctx := context.Background()
	srv, client := setup(t)
	// A slow answer within the timeout is just slow.
	srv.FailNext(1, lettatest.Fault{Delay: 50 * time.Millisecond})
	start := time.Now()
	_, err := client.Health.Check(ctx)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)

	// A request timeout shorter than the delay fails the attempt; the
	// retry succeeds.
	srv.FailNext(1, lettatest.Fault{Delay: time.Second})
	start = time.Now()
	_, err = client.Health.Check(ctx, option.WithRequestTimeout(100*time.Millisecond))
	require.NoError(t, err)
	assert.Less(t, time.Since(start), time.Second)
	assert.Equal(t, 3, srv.CountRequests("GET", "/v1/health/"), "the slow one, the timed-out attempt, its retry")

	// With no retries the timeout is the error.
	srv.FailNext(1, lettatest.Fault{Delay: time.Second})
	_, err = client.Health.Check(ctx, option.WithRequestTimeout(50*time.Millisecond), option.WithMaxRetries(0))
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestFaultDroppedConnection(t *testing.T) {
	ctx := context.Background()
	srv, client := setup(t)
	agent := newAgent(t, client, agents.CreateParams{})

	// A GET is retried after the connection drops.
	srv.FailNext(1, lettatest.Fault{DropConnection: true, PathPrefix: "/v1/agents/"})
	got, err := client.Agents.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, agent.ID, got.ID)
	assert.Equal(t, 2, srv.CountRequests("GET", "/v1/agents/"+agent.ID))

	// A POST whose request was sent is not: the server may have acted.
	srv.FailNext(1, lettatest.Fault{DropConnection: true, Method: "POST"})
	_, err = client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	require.Error(t, err)
	var apiErr *types.APIError
	assert.False(t, errors.As(err, &apiErr), "a transport error, not an API error: %v", err)
	assert.Equal(t, 1, srv.CountRequests("POST", "/v1/agents/"+agent.ID+"/messages"))
}

func TestFaultStreams(t *testing.T) {
	ctx := context.Background()
	srv, client := setup(t)
	agent := newAgent(t, client, agents.CreateParams{})
	params := agents.MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}}

	srv.FailNext(1, lettatest.Fault{StreamError: "Stream failed: RATE_LIMIT_EXCEEDED: slow down"})
	_, err := client.Agents.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	require.Equal(t, 1, srv.PendingFaults(), "a stream fault waits for a stream")
	stream, err := client.Agents.Messages.CreateStream(ctx, agent.ID, params)
	require.NoError(t, err)
	n := 0
	for stream.Next() {
		n++
	}
	assert.Equal(t, 2, n, "the messages arrive, the usage frame does not")
	var streamErr *types.StreamError
	require.ErrorAs(t, stream.Err(), &streamErr)
	assert.Equal(t, "Stream failed: RATE_LIMIT_EXCEEDED: slow down", streamErr.Message)
	stream.Close()

	srv.FailNext(1, lettatest.Fault{TruncateStream: true})
	stream, err = client.Agents.Messages.CreateStream(ctx, agent.ID, params)
	require.NoError(t, err)
	for stream.Next() {
	}
	assert.ErrorIs(t, stream.Err(), io.ErrUnexpectedEOF)
	stream.Close()

	// A 503 before any event is retried, as for any POST.
	srv.FailNext(1, lettatest.Fault{Status: 503, Header: http.Header{"Retry-After-Ms": {"1"}}})
	stream, err = client.Agents.Messages.CreateStream(ctx, agent.ID, params)
	require.NoError(t, err)
	stream.Close()
}

// assertStatus checks that err is an *types.APIError with the status.
func assertStatus(t *testing.T, err error, status int) {
	t.Helper()
	var apiErr *types.APIError
	if assert.ErrorAs(t, err, &apiErr) {
		assert.Equal(t, status, apiErr.StatusCode)
	}
}
