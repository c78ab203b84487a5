package lettatest

import (
	"fmt"
	"strings"

	"github.com/letta-go/letta/types"
)

// Responder is the stand-in for the LLM: given the agent (as it is before
// the step, memory blocks included) and the input messages of one request,
// it returns what the agent does, in order. It may return:
//
//   - types.ReasoningMessage: the agent's inner thoughts;
//   - types.AssistantMessage: a reply to the user (stored, as by the real
//     server, as a call to the send_message tool);
//   - types.ToolCallMessage with a types.ToolCall: a tool call, followed
//     either by
//   - types.ToolReturnMessage: that call's scripted result (Status
//     "success" or "error"; ToolCallID may be left empty to answer the
//     preceding call), or by nothing: then the server executes the tool
//     as the agent loop would and adds its return (see RunTool).
//
// Ids, dates and tool call ids left empty are filled in by the server,
// which also stores the messages, adds heartbeats between steps and counts
// usage, as the real agent loop does. Tool calls to core_memory_append,
// core_memory_replace and archival_memory_insert take effect on the
// agent's memory. A reasoning message followed by a tool call or an
// assistant message makes one agent step.
//
// A Responder may be called from many goroutines at once (for different
// agents) and must not keep the slices it is given. If it panics, the
// request fails as an agent error does on the real server: a 500, an
// error frame in a stream, or a failed run.
type Responder func(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage

// EchoResponder is the default Responder: it answers every request with a
// reasoning message and an assistant message "Echo: <text>", where <text>
// is the text of the user messages (joined by newlines).
func EchoResponder(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage {
	text := UserText(input)
	return []types.LettaMessage{
		types.ReasoningMessage{Reasoning: fmt.Sprintf("The user said %q. I will echo it back.", text)},
		types.AssistantMessage{Content: types.ContentString("Echo: " + text)},
	}
}

// UserText returns the text of the user-role input messages, joined by
// newlines.
func UserText(input []types.MessageCreate) string {
	var parts []string
	for _, m := range input {
		if m.Role == types.MessageCreateRoleUser {
			parts = append(parts, types.ContentText(m.Content))
		}
	}
	return strings.Join(parts, "\n")
}

// Reply returns the messages of one step that answers with text:
// reasoning (when not empty) and an assistant message.
func Reply(reasoning, text string) []types.LettaMessage {
	var out []types.LettaMessage
	if reasoning != "" {
		out = append(out, types.ReasoningMessage{Reasoning: reasoning})
	}
	return append(out, types.AssistantMessage{Content: types.ContentString(text)})
}

// CallTool returns the messages of one step that calls a tool: reasoning
// (when not empty), the call with args encoded as JSON, and its return
// with result (status "success"). A Responder typically follows it with a
// Reply.
func CallTool(reasoning, name string, args map[string]any, result string) []types.LettaMessage {
	var out []types.LettaMessage
	if reasoning != "" {
		out = append(out, types.ReasoningMessage{Reasoning: reasoning})
	}
	callID := newCallID()
	out = append(out,
		types.ToolCallMessage{ToolCall: types.ToolCall{Name: name, Arguments: toolArguments(args), ToolCallID: callID}},
		types.ToolReturnMessage{ToolReturn: result, Status: types.ToolReturnMessageStatusSuccess, ToolCallID: callID},
	)
	return out
}

// toolArguments encodes tool-call arguments as the server stores them:
// JSON indented by two spaces, with request_heartbeat.
func toolArguments(args map[string]any) string {
	m := make(map[string]any, len(args)+1)
	for k, v := range args {
		m[k] = v
	}
	if _, ok := m["request_heartbeat"]; !ok {
		m["request_heartbeat"] = true
	}
	return indentJSON(m)
}

// RunTool returns the messages of one step that calls a tool and lets the
// server execute it: reasoning (when not empty) and the call, with args
// encoded as JSON. The server runs the tool as the agent loop would, with
// the runner given by WithToolRunner for its name, or else, for a custom
// tool of the agent, its Python source with python3, and stores the
// return (status "error" when the tool fails, the agent does not have it
// or it cannot be run). The memory tools (core_memory_append,
// core_memory_replace, archival_memory_insert) take effect and return
// "None". A Responder typically follows it with a Reply.
func RunTool(reasoning, name string, args map[string]any) []types.LettaMessage {
	var out []types.LettaMessage
	if reasoning != "" {
		out = append(out, types.ReasoningMessage{Reasoning: reasoning})
	}
	return append(out, types.ToolCallMessage{ToolCall: types.ToolCall{Name: name, Arguments: toolArguments(args), ToolCallID: newCallID()}})
}
