package agents

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// MessagesClient calls the /v1/agents/{agent_id}/messages endpoints: an
// agent's message history, and sending it new messages.
type MessagesClient struct {
	core core.Core
}

// MessagesListParams select a page of an agent's message history.
//
// Servers also accept an "after" cursor that the reference client does
// not expose; send it with option.WithQuery("after", messageID).
type MessagesListParams struct {
	// Before is the id of the message before which to retrieve messages.
	Before *string `json:"before,omitzero" url:"before,omitempty"`
	// Limit is the maximum number of messages to retrieve (server default
	// 10).
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
	// MsgObject, if true, returns stored types.Message objects; if false
	// (the server default), types.LettaMessage values.
	MsgObject *bool `json:"msg_object,omitzero" url:"msg_object,omitempty"`
	// AssistantMessageToolName is the name of the designated message tool
	// (server default "send_message").
	AssistantMessageToolName *string `json:"assistant_message_tool_name,omitzero" url:"assistant_message_tool_name,omitempty"`
	// AssistantMessageToolKwarg is the name of the message argument of the
	// designated message tool (server default "message").
	AssistantMessageToolKwarg *string `json:"assistant_message_tool_kwarg,omitzero" url:"assistant_message_tool_kwarg,omitempty"`
}

// List retrieves the message history of an agent: in
// types.MessagesListResponse.LettaMessages by default, or in its Messages
// when params.MsgObject is true.
//
// The server returns the newest Limit stored messages, oldest first. A
// stored message may become several LettaMessages: the agent's turn is a
// ReasoningMessage and a ToolCallMessage, which Letta 0.6.13 lists in that
// message in reverse order (the call first). That server lists replies as
// send_message ToolCallMessages, never as AssistantMessages, whatever
// AssistantMessageToolName and AssistantMessageToolKwarg say.
func (c *MessagesClient) List(ctx context.Context, agentID string, params MessagesListParams, opts ...option.RequestOption) (types.MessagesListResponse, error) {
	return core.Call[types.MessagesListResponse](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/agents/{agentID}/messages", PathParams: []string{agentID}, Query: params}, opts)
}

// MessagesCreateParams are the messages to send to an agent.
type MessagesCreateParams struct {
	// Messages are the messages to be sent to the agent
	// (types.NewUserMessage builds the common case).
	Messages []types.MessageCreate `json:"messages"`
	// Config configures the response. The server default uses assistant
	// messages, with the send_message tool and its message argument.
	Config *types.LettaRequestConfig `json:"config,omitzero"`
}

// Create processes messages and returns the agent's response: the
// messages the agent produced (reasoning, tool calls and returns,
// assistant messages) and the usage statistics of the run. The call lasts
// as long as the agent runs; it is not retried on a 5xx, since the agent
// may have acted.
func (c *MessagesClient) Create(ctx context.Context, agentID string, params MessagesCreateParams, opts ...option.RequestOption) (*types.LettaResponse, error) {
	return core.Call[*types.LettaResponse](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/agents/{agentID}/messages", PathParams: []string{agentID}, Body: params}, opts)
}

// MessagesModifyParams are the fields of a stored message to change.
//
// Servers require the "content" key (it may be null), though the
// reference client makes it optional: a request without Content gets a
// 422. Send an explicit null with option.WithBodyField("content", nil).
type MessagesModifyParams struct {
	// Role is the role of the participant.
	Role *types.MessageRole `json:"role,omitzero"`
	// Content is the content of the message: a types.ContentString or
	// types.ContentParts.
	Content types.MessageContent `json:"content,omitzero"`
	// Name is the name of the participant.
	Name *string `json:"name,omitzero"`
	// ToolCalls are the tool calls requested.
	ToolCalls []types.ChatCompletionMessageToolCall `json:"tool_calls,omitzero"`
	// ToolCallID is the id of the tool call.
	ToolCallID *string `json:"tool_call_id,omitzero"`
}

// UnmarshalJSON decodes the params; "content" may be a string or a list of
// text parts.
func (p *MessagesModifyParams) UnmarshalJSON(data []byte) error {
	type plain MessagesModifyParams
	aux := struct {
		*plain
		Content json.RawMessage `json:"content"`
	}{plain: (*plain)(p)}
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	p.Content = nil
	if len(aux.Content) == 0 {
		return nil
	}
	content, err := types.UnmarshalMessageContent(aux.Content)
	if err != nil {
		return fmt.Errorf("agents: decoding content: %w", err)
	}
	p.Content = content
	return nil
}

// Modify updates the details of a message of an agent and returns the
// stored message.
func (c *MessagesClient) Modify(ctx context.Context, agentID string, messageID string, params MessagesModifyParams, opts ...option.RequestOption) (*types.Message, error) {
	return core.Call[*types.Message](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/agents/{agentID}/messages/{messageID}", PathParams: []string{agentID, messageID}, Body: params}, opts)
}

// MessagesCreateAsyncParams are the messages to send to an agent in the
// background.
type MessagesCreateAsyncParams struct {
	// Messages are the messages to be sent to the agent.
	Messages []types.MessageCreate `json:"messages"`
	// Config configures the response. The server default uses assistant
	// messages, with the send_message tool and its message argument.
	Config *types.LettaRequestConfig `json:"config,omitzero"`
}

// CreateAsync processes messages in the background and returns a run at
// once (status "created"). Check its status with the run's id (the runs
// package); when it completes, the run's metadata holds the result (a
// LettaResponse under "result") or the error (under "error").
func (c *MessagesClient) CreateAsync(ctx context.Context, agentID string, params MessagesCreateAsyncParams, opts ...option.RequestOption) (*types.Run, error) {
	return core.Call[*types.Run](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/agents/{agentID}/messages/async", PathParams: []string{agentID}, Body: params}, opts)
}
