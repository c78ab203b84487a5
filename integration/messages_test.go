package integration

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/types"
)

// reply is what the server's stand-in LLM answers to text.
func reply(text string) string { return "Hello from the fake LLM. You said: " + text }

// kinds returns the message_type of each message, and what the agent
// said: the assistant messages' texts and the messages of send_message
// tool calls (messages.list shows a reply as such a call).
func kinds(list []types.LettaMessage) (kinds, said []string) {
	for _, m := range list {
		switch m := m.(type) {
		case types.SystemMessage:
			kinds = append(kinds, "system")
		case types.UserMessage:
			kinds = append(kinds, "user")
		case types.ReasoningMessage:
			kinds = append(kinds, "reasoning")
		case types.ToolCallMessage:
			kinds = append(kinds, "tool_call")
			if call, ok := m.ToolCall.(types.ToolCall); ok && call.Name == "send_message" {
				var args struct {
					Message string `json:"message"`
				}
				if json.Unmarshal([]byte(call.Arguments), &args) == nil {
					said = append(said, args.Message)
				}
			}
		case types.ToolReturnMessage:
			kinds = append(kinds, "tool_return")
		case types.AssistantMessage:
			kinds = append(kinds, "assistant")
			said = append(said, types.ContentText(m.Content))
		default:
			kinds = append(kinds, "unknown")
		}
	}
	return kinds, said
}

// userTexts returns the texts of the user messages of list. The server
// wraps what the user said in a JSON object with a "message" key.
func userTexts(list []types.LettaMessage) []string {
	var out []string
	for _, m := range list {
		if u, ok := m.(types.UserMessage); ok {
			var packed struct {
				Message string `json:"message"`
			}
			text := types.ContentText(u.Content)
			if json.Unmarshal([]byte(text), &packed) == nil && packed.Message != "" {
				text = packed.Message
			}
			out = append(out, text)
		}
	}
	return out
}

func TestMessages(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.messages.create", "agents.messages.list", "agents.messages.modify", "agents.reset_messages", "agents.retrieve")
	agent := newAgent(t, c, ctx, nil)
	initial := len(agent.MessageIDs)

	resp, err := c.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("What is 2+2?")},
	})
	require.NoError(t, err)
	got, said := kinds(resp.Messages)
	assert.Equal(t, []string{"reasoning", "assistant"}, got)
	assert.Equal(t, []string{reply("What is 2+2?")}, said)
	assert.Equal(t, 1, deref(resp.Usage.StepCount))
	assert.Equal(t, 120, deref(resp.Usage.TotalTokens), "the stand-in LLM reports 100 + 20 tokens")
	for _, m := range resp.Messages {
		assert.False(t, types.LettaMessageID(m) == "", "every message has an id")
	}

	// Without use_assistant_message the reply is a send_message tool call,
	// and its return is kept.
	resp, err = c.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Second question")},
		Config:   &types.LettaRequestConfig{UseAssistantMessage: new(false)},
	})
	require.NoError(t, err)
	got, _ = kinds(resp.Messages)
	assert.Equal(t, []string{"reasoning", "tool_call", "tool_return"}, got)
	call, ok := resp.Messages[1].(types.ToolCallMessage).ToolCall.(types.ToolCall)
	require.True(t, ok, "a whole tool call: %#v", resp.Messages[1])
	assert.Equal(t, "send_message", call.Name)
	assert.Contains(t, call.Arguments, reply("Second question"))

	// The history: the newest messages, oldest first. A turn is stored as
	// three messages: the user's, the agent's (its reasoning and the
	// send_message call, which the list shows as a tool call, not as an
	// assistant message) and the tool's return.
	history, err := c.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{Limit: new(100)})
	require.NoError(t, err)
	require.Empty(t, history.Messages)
	texts := userTexts(history.LettaMessages)
	require.GreaterOrEqual(t, len(texts), 2)
	assert.Equal(t, []string{"What is 2+2?", "Second question"}, texts[len(texts)-2:])
	_, said = kinds(history.LettaMessages)
	require.GreaterOrEqual(t, len(said), 2)
	assert.Equal(t, []string{reply("What is 2+2?"), reply("Second question")}, said[len(said)-2:])

	// limit counts stored messages: the newest two are the agent's reply
	// and the tool return of the second turn. (The server lists the parts
	// of one stored message in reverse: the tool call before the
	// reasoning.)
	last, err := c.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{Limit: new(2)})
	require.NoError(t, err)
	lastKinds, said := kinds(last.LettaMessages)
	assert.ElementsMatch(t, []string{"reasoning", "tool_call", "tool_return"}, lastKinds)
	assert.Equal(t, "tool_return", lastKinds[len(lastKinds)-1])
	assert.Equal(t, []string{reply("Second question")}, said)

	// Stored Message objects.
	objects, err := c.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{Limit: new(3), MsgObject: new(true)})
	require.NoError(t, err)
	require.Empty(t, objects.LettaMessages)
	require.Len(t, objects.Messages, 3)
	roles := ids(objects.Messages, func(m types.Message) string { return string(m.Role) })
	assert.Equal(t, []string{"user", "assistant", "tool"}, roles)
	assistant := objects.Messages[1]
	assert.Equal(t, agent.ID, deref(assistant.AgentID))
	require.Len(t, assistant.ToolCalls, 1)
	require.NotNil(t, assistant.CreatedAt)
	assert.False(t, assistant.CreatedAt.IsZero(), "created_at decodes (the server sends it without a zone)")

	// Edit the agent's stored reasoning.
	edited, err := c.Agents.Messages.Modify(ctx, agent.ID, assistant.ID, agents.MessagesModifyParams{Content: types.ContentString("I edited this thought.")})
	require.NoError(t, err)
	assert.Equal(t, assistant.ID, edited.ID)
	last, err = c.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{Limit: new(2)})
	require.NoError(t, err)
	var reasoning []string
	for _, m := range last.LettaMessages {
		if r, ok := m.(types.ReasoningMessage); ok {
			reasoning = append(reasoning, r.Reasoning)
		}
	}
	assert.Equal(t, []string{"I edited this thought."}, reasoning)

	// The agent keeps the turns in context: its message ids grew by three
	// per turn.
	state, err := c.Agents.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, initial+6, len(state.MessageIDs))

	reset, err := c.Agents.ResetMessages(ctx, agent.ID, agents.ResetMessagesParams{})
	require.NoError(t, err)
	assert.Len(t, reset.MessageIDs, 1, "only the system message is left")
	reset, err = c.Agents.ResetMessages(ctx, agent.ID, agents.ResetMessagesParams{AddDefaultInitialMessages: new(true)})
	require.NoError(t, err)
	assert.Len(t, reset.MessageIDs, initial, "the default initial messages are back")
	state, err = c.Agents.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, reset.MessageIDs, state.MessageIDs)
}

// TestMessagesBefore pages the history back with the before cursor. The
// server compares creation times at one-second resolution here (SQLite),
// so the two turns are sent more than a second apart.
func TestMessagesBefore(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.messages.create", "agents.messages.list")
	agent := newAgent(t, c, ctx, nil)
	time.Sleep(1100 * time.Millisecond)
	_, err := c.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("first")}})
	require.NoError(t, err)
	time.Sleep(1100 * time.Millisecond)
	_, err = c.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("second")}})
	require.NoError(t, err)

	// The newest turn: the user's "second", the reply, the tool return.
	newest, err := c.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{Limit: new(3), MsgObject: new(true)})
	require.NoError(t, err)
	require.Len(t, newest.Messages, 3)
	require.Equal(t, types.MessageRole("user"), newest.Messages[0].Role)
	older, err := c.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{Before: new(newest.Messages[0].ID), Limit: new(100)})
	require.NoError(t, err)
	texts := userTexts(older.LettaMessages)
	assert.Contains(t, texts, "first")
	assert.NotContains(t, texts, "second")
}

func TestStream(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.messages.create_stream", "agents.messages.list")
	agent := newAgent(t, c, ctx, nil)

	t.Run("whole messages", func(t *testing.T) {
		stream, err := c.Agents.Messages.CreateStream(ctx, agent.ID, agents.MessagesCreateStreamParams{
			Messages: []types.MessageCreate{types.NewUserMessage("stream me")},
		})
		require.NoError(t, err)
		defer stream.Close()
		var events []types.LettaStreamingResponse
		for ev, err := range stream.All() {
			require.NoError(t, err)
			events = append(events, ev)
		}
		require.GreaterOrEqual(t, len(events), 3)
		var msgs []types.LettaMessage
		for _, ev := range events[:len(events)-1] {
			m, ok := ev.(types.LettaMessage)
			require.True(t, ok, "%T is a message", ev)
			msgs = append(msgs, m)
		}
		got, said := kinds(msgs)
		assert.Equal(t, []string{"reasoning", "assistant"}, got)
		assert.Equal(t, []string{reply("stream me")}, said)
		usage, ok := events[len(events)-1].(types.LettaUsageStatistics)
		require.True(t, ok, "the last event is the usage: %T", events[len(events)-1])
		assert.Equal(t, 1, deref(usage.StepCount))
		assert.Positive(t, deref(usage.TotalTokens))
	})

	t.Run("tokens", func(t *testing.T) {
		text := "stream me token by token please"
		stream, err := c.Agents.Messages.CreateStream(ctx, agent.ID, agents.MessagesCreateStreamParams{
			Messages:     []types.MessageCreate{types.NewUserMessage(text)},
			StreamTokens: new(true),
		})
		require.NoError(t, err)
		defer stream.Close()
		var acc agents.MessageAccumulator
		chunks := 0
		for stream.Next() {
			ev := stream.Current()
			acc.Add(ev)
			if _, ok := ev.(types.AssistantMessage); ok {
				chunks++
			}
		}
		require.NoError(t, stream.Err())
		assert.Greater(t, chunks, 2, "the reply comes in several chunks")
		got, said := kinds(acc.Messages())
		assert.Equal(t, []string{"reasoning", "assistant"}, got)
		assert.Equal(t, []string{reply(text)}, said, "the chunks join to the reply")
		require.NotNil(t, acc.Usage())
		assert.Equal(t, 1, deref(acc.Usage().StepCount))

		// The streamed turn is stored like any other.
		history, err := c.Agents.Messages.List(ctx, agent.ID, agents.MessagesListParams{Limit: new(3)})
		require.NoError(t, err)
		_, stored := kinds(history.LettaMessages)
		assert.Equal(t, []string{reply(text)}, stored)
	})
}

func TestAsyncRun(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.messages.create_async", "runs.retrieve_run", "runs.list_runs", "runs.list_active_runs",
		"runs.list_run_messages", "runs.retrieve_run_usage", "runs.delete_run")
	agent := newAgent(t, c, ctx, nil)

	run, err := c.Agents.Messages.CreateAsync(ctx, agent.ID, agents.MessagesCreateAsyncParams{
		Messages: []types.MessageCreate{types.NewUserMessage("in the background")},
	})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(run.ID, "run-"), run.ID)
	assert.Equal(t, types.JobStatusCreated, deref(run.Status))

	done, err := c.Runs.Wait(ctx, run.ID)
	require.NoError(t, err)
	assert.Equal(t, types.JobStatusCompleted, deref(done.Status))
	require.NotNil(t, done.CompletedAt)
	assert.False(t, done.CompletedAt.IsZero())
	result, _ := done.Metadata["result"].(map[string]any)
	require.NotNil(t, result, "metadata: %v", done.Metadata)
	assert.Contains(t, result, "messages")

	got, err := c.Runs.RetrieveRun(ctx, run.ID)
	require.NoError(t, err)
	assert.Equal(t, types.JobStatusCompleted, deref(got.Status))
	assert.Equal(t, run.ID, got.ID)

	all, err := c.Runs.ListRuns(ctx)
	require.NoError(t, err)
	if len(all) < serverListCap {
		assert.Contains(t, ids(all, func(r types.Run) string { return r.ID }), run.ID)
	}
	active, err := c.Runs.ListActiveRuns(ctx)
	require.NoError(t, err)
	assert.NotContains(t, ids(active, func(r types.Run) string { return r.ID }), run.ID, "a completed run is not active")

	asc, err := c.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Order: new("asc")})
	require.NoError(t, err)
	ascKinds, said := kinds(asc)
	assert.Equal(t, []string{reply("in the background")}, said)
	assert.Contains(t, ascKinds, "reasoning")
	desc, err := c.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Order: new("desc")})
	require.NoError(t, err)
	require.Len(t, desc, len(asc))
	assert.Equal(t, types.LettaMessageID(asc[0]), types.LettaMessageID(desc[len(desc)-1]), "desc is asc reversed")
	byRole, err := c.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Role: new(types.MessageRole("assistant"))})
	require.NoError(t, err)
	_, said = kinds(byRole)
	assert.Equal(t, []string{reply("in the background")}, said)
	var iterated int
	for _, err := range c.Runs.ListRunMessagesIter(ctx, run.ID, runs.ListRunMessagesParams{Order: new("asc"), Limit: new(1)}) {
		require.NoError(t, err)
		iterated++
	}
	assert.Equal(t, len(asc), iterated)
	// The server's own check: order is asc or desc.
	_, err = c.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Order: new("sideways")})
	requireAPIError(t, err, 400)

	usage, err := c.Runs.RetrieveRunUsage(ctx, run.ID)
	require.NoError(t, err)
	assert.Equal(t, 120, deref(usage.TotalTokens))
	assert.Equal(t, 100, deref(usage.PromptTokens))
	assert.Equal(t, 20, deref(usage.CompletionTokens))

	deleted, err := c.Runs.DeleteRun(ctx, run.ID)
	require.NoError(t, err)
	assert.Equal(t, run.ID, deleted.ID)
	_, err = c.Runs.RetrieveRun(ctx, run.ID)
	requireAPIError(t, err, 404)
	_, err = c.Runs.Wait(ctx, run.ID)
	assert.ErrorIs(t, err, types.ErrNotFound)
}
