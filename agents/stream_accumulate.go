package agents

import (
	"strings"

	"github.com/letta-go/letta/types"
)

// MessageAccumulator joins the events of a message stream into whole
// messages, so a caller can show tokens as they arrive and still get the
// agent's final messages, as Messages.Create would have returned them.
//
// With stream_tokens, the server sends many chunks per message, all with
// the message's id: the accumulator concatenates the reasoning of
// ReasoningMessage chunks, the content of AssistantMessage chunks, and the
// name and arguments of ToolCallMessage chunks (keeping the first
// tool_call_id), per message id and message_type (a reasoning message and
// the tool call it leads to share an id). A ToolCallMessage whose name,
// arguments and call id are all known holds a types.ToolCall, otherwise a
// types.ToolCallDelta. Other messages (tool returns, and events of a
// message_type this SDK does not know, kept as types.UnknownLettaMessage)
// are kept as they came. Messages keep the order in which their first
// chunk arrived, and the date of that chunk. Without stream_tokens every
// event is a whole message and the accumulator just collects them.
//
//	var acc agents.MessageAccumulator
//	for stream.Next() {
//		ev := stream.Current()
//		acc.Add(ev)
//		if m, ok := ev.(types.AssistantMessage); ok {
//			fmt.Print(types.ContentText(m.Content)) // a token
//		}
//	}
//	if err := stream.Err(); err != nil {
//		return err
//	}
//	final := acc.Messages()
//
// The zero value is ready to use. It is not safe for concurrent use.
type MessageAccumulator struct {
	msgs  []*accumulated
	index map[accKey]int
	usage *types.LettaUsageStatistics
}

type accKey struct{ id, messageType string }

// accumulated is one message being built: text fragments are collected
// in builders and turned into the message when asked for.
type accumulated struct {
	msg       types.LettaMessage // the first chunk, or the whole message
	text      strings.Builder    // reasoning or assistant content
	parts     bool               // assistant content came as text parts
	partList  types.ContentParts
	name      strings.Builder // tool call name
	args      strings.Builder // tool call arguments
	hasName   bool
	hasArgs   bool
	callID    *string
	mergeable bool
}

// Add takes the next event of the stream. The usage statistics replace
// any earlier ones; a nil event is ignored.
func (a *MessageAccumulator) Add(ev types.LettaStreamingResponse) {
	switch ev := ev.(type) {
	case nil:
	case types.LettaUsageStatistics:
		u := ev
		a.usage = &u
	case types.ReasoningMessage:
		m := a.slot(ev.ID, types.MessageTypeReasoningMessage, ev)
		m.text.WriteString(ev.Reasoning)
	case types.AssistantMessage:
		m := a.slot(ev.ID, types.MessageTypeAssistantMessage, ev)
		switch c := ev.Content.(type) {
		case types.ContentString:
			m.text.WriteString(string(c))
		case types.ContentParts:
			m.parts = true
			if m.text.Len() > 0 {
				m.partList = append(m.partList, types.TextContent{Text: m.text.String()})
				m.text.Reset()
			}
			m.partList = append(m.partList, c...)
		}
	case types.ToolCallMessage:
		m := a.slot(ev.ID, types.MessageTypeToolCallMessage, ev)
		switch tc := ev.ToolCall.(type) {
		case types.ToolCall:
			m.addToolCall(&tc.Name, &tc.Arguments, &tc.ToolCallID)
		case types.ToolCallDelta:
			m.addToolCall(tc.Name, tc.Arguments, tc.ToolCallID)
		}
	case types.SystemMessage:
		a.appendWhole(ev)
	case types.UserMessage:
		a.appendWhole(ev)
	case types.ToolReturnMessage:
		a.appendWhole(ev)
	case types.UnknownLettaStreamingResponse:
		a.appendWhole(types.UnknownLettaMessage{MessageType: ev.MessageType, Raw: ev.Raw})
	}
}

func (m *accumulated) addToolCall(name, args, callID *string) {
	if name != nil {
		m.name.WriteString(*name)
		m.hasName = true
	}
	if args != nil {
		m.args.WriteString(*args)
		m.hasArgs = true
	}
	if callID != nil && m.callID == nil {
		id := *callID
		m.callID = &id
	}
}

// slot returns the message that chunks with this id and type build,
// making it on the first chunk. Chunks without an id are never merged.
func (a *MessageAccumulator) slot(id, messageType string, first types.LettaMessage) *accumulated {
	key := accKey{id, messageType}
	if id != "" {
		if i, ok := a.index[key]; ok {
			return a.msgs[i]
		}
		if a.index == nil {
			a.index = map[accKey]int{}
		}
		a.index[key] = len(a.msgs)
	}
	m := &accumulated{msg: first, mergeable: true}
	a.msgs = append(a.msgs, m)
	return m
}

func (a *MessageAccumulator) appendWhole(m types.LettaMessage) {
	a.msgs = append(a.msgs, &accumulated{msg: m})
}

// Messages returns the messages so far, whole as far as their chunks have
// arrived, in the order their first chunk came.
func (a *MessageAccumulator) Messages() []types.LettaMessage {
	out := make([]types.LettaMessage, len(a.msgs))
	for i, m := range a.msgs {
		out[i] = m.message()
	}
	return out
}

func (m *accumulated) message() types.LettaMessage {
	if !m.mergeable {
		return m.msg
	}
	switch first := m.msg.(type) {
	case types.ReasoningMessage:
		first.Reasoning = m.text.String()
		return first
	case types.AssistantMessage:
		if m.parts {
			parts := append(types.ContentParts(nil), m.partList...)
			if m.text.Len() > 0 {
				parts = append(parts, types.TextContent{Text: m.text.String()})
			}
			first.Content = parts
		} else {
			first.Content = types.ContentString(m.text.String())
		}
		return first
	case types.ToolCallMessage:
		if first.ToolCall == nil && !m.hasName && !m.hasArgs && m.callID == nil {
			return first
		}
		if m.hasName && m.hasArgs && m.callID != nil {
			first.ToolCall = types.ToolCall{Name: m.name.String(), Arguments: m.args.String(), ToolCallID: *m.callID}
			return first
		}
		var d types.ToolCallDelta
		if m.hasName {
			d.Name = new(m.name.String())
		}
		if m.hasArgs {
			d.Arguments = new(m.args.String())
		}
		if m.callID != nil {
			d.ToolCallID = new(*m.callID)
		}
		first.ToolCall = d
		return first
	}
	return m.msg
}

// Usage returns the usage statistics of the run, or nil if they have not
// arrived (a stream that failed has none).
func (a *MessageAccumulator) Usage() *types.LettaUsageStatistics {
	if a.usage == nil {
		return nil
	}
	u := *a.usage
	return &u
}

// Response returns the messages and the usage statistics as one
// types.LettaResponse, the result Messages.Create returns for the same
// request (with a zero Usage if the usage frame has not arrived).
func (a *MessageAccumulator) Response() *types.LettaResponse {
	r := &types.LettaResponse{Messages: a.Messages()}
	if a.usage != nil {
		r.Usage = *a.usage
	}
	return r
}
