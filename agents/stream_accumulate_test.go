package agents_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/types"
)

// concatenateExpected joins the expected events of a transcript the way
// the fixtures' README describes, on plain JSON maps: chunks with the same
// id and message_type are one message; reasoning, assistant content and
// tool-call name and arguments are concatenated, the first tool_call_id
// kept. It returns the messages in order of first appearance and the usage
// frame.
func concatenateExpected(t *testing.T, events []json.RawMessage) (msgs []map[string]any, usage map[string]any) {
	t.Helper()
	type key struct{ id, mt string }
	index := map[key]int{}
	for _, raw := range events {
		if raw[0] == '"' {
			continue // a marker
		}
		var ev map[string]any
		require.NoError(t, json.Unmarshal(raw, &ev))
		mt, _ := ev["message_type"].(string)
		id, _ := ev["id"].(string)
		switch mt {
		case "usage_statistics":
			usage = ev
			continue
		case "reasoning_message", "assistant_message", "tool_call_message":
		default:
			if _, isError := ev["error"]; !isError {
				msgs = append(msgs, ev)
			}
			continue
		}
		i, seen := index[key{id, mt}]
		if !seen {
			index[key{id, mt}] = len(msgs)
			msgs = append(msgs, ev)
			continue
		}
		m := msgs[i]
		switch mt {
		case "reasoning_message":
			m["reasoning"] = m["reasoning"].(string) + ev["reasoning"].(string)
		case "assistant_message":
			m["content"] = m["content"].(string) + ev["content"].(string)
		case "tool_call_message":
			have := m["tool_call"].(map[string]any)
			for k, v := range ev["tool_call"].(map[string]any) {
				switch prev, ok := have[k]; {
				case !ok:
					have[k] = v
				case k != "tool_call_id":
					have[k] = prev.(string) + v.(string)
				}
			}
		}
	}
	return msgs, usage
}

func TestStreamMessageAccumulatorTranscripts(t *testing.T) {
	for _, tr := range loadStreamTranscripts(t) {
		t.Run(tr.ID, func(t *testing.T) {
			srv := newStreamServer(t, serveBytes(tr.Body, 0))
			s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
			require.NoError(t, err)
			var acc agents.MessageAccumulator
			events := 0
			for s.Next() {
				acc.Add(s.Current())
				events++
			}
			wantMsgs, wantUsage := concatenateExpected(t, tr.ExpectedEvents)
			got := acc.Messages()
			require.Len(t, got, len(wantMsgs))
			for i, m := range got {
				out, err := json.Marshal(m)
				require.NoError(t, err)
				want, err := json.Marshal(wantMsgs[i])
				require.NoError(t, err)
				assert.Equal(t, streamCanonical(t, want), streamCanonical(t, out), "message %d", i)
			}
			if wantUsage == nil {
				assert.Nil(t, acc.Usage())
				assert.Error(t, s.Err())
			} else {
				require.NoError(t, s.Err())
				out, err := json.Marshal(acc.Usage())
				require.NoError(t, err)
				want, err := json.Marshal(wantUsage)
				require.NoError(t, err)
				assert.JSONEq(t, string(want), string(out))
			}
			resp := acc.Response()
			assert.Len(t, resp.Messages, len(wantMsgs))
		})
	}
}

// The token-streamed transcript, joined: for the first LLM call a
// reasoning message and a whole tool call, then the tool's return, then
// for the second call a reasoning message and the assistant's reply.
func TestStreamMessageAccumulatorTokens(t *testing.T) {
	var tr streamTranscript
	for _, x := range loadStreamTranscripts(t) {
		if x.ID == "multi-step--tokens" {
			tr = x
		}
	}
	require.NotEmpty(t, tr.Body)
	srv := newStreamServer(t, serveBytes(tr.Body, 1))
	s, err := srv.client(t).CreateStream(context.Background(), "agent-1", agents.MessagesCreateStreamParams{StreamTokens: new(true)})
	require.NoError(t, err)
	var acc agents.MessageAccumulator
	var printed string
	for ev, err := range s.All() {
		require.NoError(t, err)
		acc.Add(ev)
		if m, ok := ev.(types.AssistantMessage); ok {
			printed += types.ContentText(m.Content)
		}
	}
	msgs := acc.Messages()
	require.Len(t, msgs, 5)
	reasoning := msgs[0].(types.ReasoningMessage)
	assert.Equal(t, "message-0aac6f57-508f-43c3-9a89-4e47b0cc2652", reasoning.ID)
	assert.Contains(t, reasoning.Reasoning, "Dana shared a new delivery address.")
	call := msgs[1].(types.ToolCallMessage)
	assert.Equal(t, reasoning.ID, call.ID, "a reasoning message and its tool call share an id")
	tc, ok := call.ToolCall.(types.ToolCall)
	require.True(t, ok, "a joined tool call is complete: %#v", call.ToolCall)
	assert.Equal(t, "core_memory_append", tc.Name)
	assert.Equal(t, "21d215a5-3fe1-43f6-9856-bad7c", tc.ToolCallID)
	assert.Equal(t, `{"label":"human","content":"Delivery address: 1208 Elm St, Springfield","request_heartbeat":"true}`, tc.Arguments,
		"the server's own (invalid) JSON, kept as sent")
	ret := msgs[2].(types.ToolReturnMessage)
	assert.Equal(t, tc.ToolCallID, ret.ToolCallID)
	assert.Equal(t, "Confirm the update to Dana.", msgs[3].(types.ReasoningMessage).Reasoning)
	reply := msgs[4].(types.AssistantMessage)
	assert.Equal(t, msgs[3].(types.ReasoningMessage).ID, reply.ID)
	assert.Equal(t, types.ContentString("Got it! I've updated your delivery address to 1208 Elm St."), reply.Content)
	assert.Equal(t, types.ContentText(reply.Content), printed)
	require.NotNil(t, acc.Usage())
	assert.Equal(t, 2, *acc.Usage().StepCount)
	assert.Equal(t, *acc.Usage(), acc.Response().Usage)
}

func TestStreamMessageAccumulatorEdges(t *testing.T) {
	date := types.Time{}
	var acc agents.MessageAccumulator
	acc.Add(nil)
	acc.Add(types.ToolCallMessage{ID: "m1", Date: date, ToolCall: types.ToolCallDelta{Arguments: new(`{"a":`)}})
	acc.Add(types.AssistantMessage{ID: "m2", Content: types.ContentParts{{Text: "a"}}})
	acc.Add(types.ToolCallMessage{ID: "m1", ToolCall: types.ToolCallDelta{Arguments: new(`1}`)}})
	acc.Add(types.AssistantMessage{ID: "m2", Content: types.ContentString("b")})
	acc.Add(types.UnknownLettaStreamingResponse{MessageType: "new_kind", Raw: json.RawMessage(`{"message_type":"new_kind"}`)})
	acc.Add(types.ReasoningMessage{Reasoning: "no id"})
	acc.Add(types.ReasoningMessage{Reasoning: "no id either"})
	acc.Add(types.ToolCallMessage{ID: "m3"}) // no tool call at all
	msgs := acc.Messages()
	require.Len(t, msgs, 6)
	call := msgs[0].(types.ToolCallMessage)
	delta, ok := call.ToolCall.(types.ToolCallDelta)
	require.True(t, ok, "without a name and call id the tool call stays a delta")
	assert.Equal(t, `{"a":1}`, *delta.Arguments)
	assert.Nil(t, delta.Name)
	assert.Equal(t, types.ContentParts{{Text: "a"}, {Text: "b"}}, msgs[1].(types.AssistantMessage).Content)
	assert.Equal(t, types.UnknownLettaMessage{MessageType: "new_kind", Raw: json.RawMessage(`{"message_type":"new_kind"}`)}, msgs[2])
	assert.Equal(t, "no id", msgs[3].(types.ReasoningMessage).Reasoning, "chunks without an id are not merged")
	assert.Equal(t, "no id either", msgs[4].(types.ReasoningMessage).Reasoning)
	assert.Nil(t, msgs[5].(types.ToolCallMessage).ToolCall)
	assert.Nil(t, acc.Usage())

	// Messages is a snapshot: later chunks do not change it.
	acc.Add(types.ToolCallMessage{ID: "m1", ToolCall: types.ToolCallDelta{Name: new("f"), ToolCallID: new("c1")}})
	assert.Equal(t, `{"a":1}`, *msgs[0].(types.ToolCallMessage).ToolCall.(types.ToolCallDelta).Arguments)
	assert.Equal(t, types.ToolCall{Name: "f", Arguments: `{"a":1}`, ToolCallID: "c1"}, acc.Messages()[0].(types.ToolCallMessage).ToolCall)
}
