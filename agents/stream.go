package agents

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/internal/sse"
	"github.com/letta-go/letta/internal/text"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// MessagesCreateStreamParams are the messages to send to an agent whose
// reply is streamed.
type MessagesCreateStreamParams struct {
	// Messages are the messages to be sent to the agent
	// (types.NewUserMessage builds the common case).
	Messages []types.MessageCreate `json:"messages"`
	// Config configures the response. The server default uses assistant
	// messages, with the send_message tool and its message argument.
	Config *types.LettaRequestConfig `json:"config,omitzero"`
	// StreamTokens, if true, streams the reply token by token: many
	// events share one message id, each carrying a fragment of the
	// reasoning, of the assistant content or of the tool call arguments
	// (MessageAccumulator joins them). The server honours it only for
	// OpenAI models and otherwise streams one event per message, as it
	// does by default.
	StreamTokens *bool `json:"stream_tokens,omitzero"`
}

// ErrStreamIdle is matched (errors.Is) by the error of a stream that
// option.WithStreamIdleTimeout ended. That error also matches
// context.DeadlineExceeded.
var ErrStreamIdle = sse.ErrIdle

// CreateStream sends messages to an agent and streams its reply: the
// agent's messages as it produces them (reasoning, tool calls and
// returns, assistant messages), then its usage statistics.
//
// The request is retried as Create is, only where the agent cannot have
// acted (a 429 or 503, or a connection that never delivered it), and
// never once the response has begun. option.WithRequestTimeout bounds only the wait for the response
// headers, so a healthy stream runs as long as it needs;
// option.WithStreamIdleTimeout ends a stream that goes silent, and ctx
// bounds the whole stream. A non-2xx response is an *types.APIError
// returned here (an unknown agent is a 500); a 2xx that is not an event
// stream is a *types.DecodeError. Always Close the stream:
//
//	stream, err := client.Agents.Messages.CreateStream(ctx, agentID, agents.MessagesCreateStreamParams{
//		Messages: []types.MessageCreate{types.NewUserMessage("hi")},
//	})
//	if err != nil {
//		return err
//	}
//	defer stream.Close()
//	for stream.Next() {
//		switch ev := stream.Current().(type) {
//		case types.AssistantMessage:
//			fmt.Println(types.ContentText(ev.Content))
//		case types.LettaUsageStatistics:
//			if ev.StepCount != nil { // optional on the wire
//				fmt.Println("steps:", *ev.StepCount)
//			}
//		}
//	}
//	if err := stream.Err(); err != nil {
//		return err
//	}
func (c *MessagesClient) CreateStream(ctx context.Context, agentID string, params MessagesCreateStreamParams, opts ...option.RequestOption) (*MessageStream, error) {
	resp, err := c.core.Stream(ctx, core.Request{Method: http.MethodPost, Path: "v1/agents/{agentID}/messages/stream", PathParams: []string{agentID}, Body: params}, opts)
	if err != nil {
		return nil, err
	}
	return newMessageStream(resp), nil
}

// MessageStream is the reply of CreateStream, read event by event with
// Next and Current, or ranged over with All. It is not safe for
// concurrent use, except Close, which may be called from any goroutine
// to abandon the stream.
//
// The stream ends cleanly at the server's "[DONE]" marker: Next returns
// false and Err returns nil. It ends with an error in Err when:
//
//   - the agent failed after the stream had started (the server sends an
//     {"error": …} frame, which is not an event): a *types.StreamError
//     with the server's message and code;
//   - the body ended before "[DONE]": an error matching
//     io.ErrUnexpectedEOF (a cut-off last event is dropped, not decoded);
//   - ctx ended: an error matching ctx.Err();
//   - option.WithStreamIdleTimeout ran out: an error matching
//     ErrStreamIdle and context.DeadlineExceeded;
//   - an event is not JSON (or not an object, or not a valid event of its
//     message_type): a *types.DecodeError. Unlike the reference client,
//     which skips such events silently, the SDK does not drop data it
//     cannot read; a new message_type is not an error but an
//     types.UnknownLettaStreamingResponse event;
//   - an event is larger than 16 MiB, or reading the body failed.
//
// Other bracketed markers ("[DONE_GEN]", "[DONE_STEP]" from other server
// versions), comments and events without data are skipped.
type MessageStream struct {
	resp *core.StreamResponse
	dec  *sse.Decoder

	cur    types.LettaStreamingResponse
	err    error
	done   bool
	events int // data payloads read, for error messages

	closed    atomic.Bool
	closeOnce sync.Once
}

func newMessageStream(resp *core.StreamResponse) *MessageStream {
	return &MessageStream{
		resp: resp,
		dec: sse.NewDecoder(resp.Body, sse.Options{
			Ctx:         resp.Ctx,
			Cancel:      resp.Cancel,
			IdleTimeout: resp.IdleTimeout,
		}),
	}
}

// Next advances to the next event, which Current then returns. It
// returns false at the end of the stream, after an error (see Err) and
// after Close.
func (s *MessageStream) Next() bool {
	if s.done {
		return false
	}
	if s.closed.Load() {
		s.finish(nil)
		return false
	}
	for {
		data, err := s.dec.Next()
		if err != nil {
			s.finish(s.endError(err))
			return false
		}
		s.events++
		ev, end, err := s.decode(data)
		if end && err == nil {
			s.drain()
		}
		if err != nil || end {
			s.finish(err)
			return false
		}
		if ev != nil {
			s.cur = ev
			return true
		}
	}
}

// Current returns the event Next advanced to: a types.ReasoningMessage,
// types.ToolCallMessage, types.ToolReturnMessage, types.AssistantMessage,
// the closing types.LettaUsageStatistics, or a
// types.UnknownLettaStreamingResponse for a message_type this SDK does not
// know. It is nil before the first call to Next.
func (s *MessageStream) Current() types.LettaStreamingResponse { return s.cur }

// Err returns the error that ended the stream, or nil if it ended at the
// server's "[DONE]" marker, was closed, or has not ended yet.
func (s *MessageStream) Err() error { return s.err }

// Close abandons the stream at once: it cancels the request and closes
// the connection, so the server sees the client go away. It may be called
// more than once and from another goroutine than the one calling Next;
// it always returns nil. Next returns false after it. A stream that ended
// has already released its connection, but Close is still the safe
// thing to defer.
func (s *MessageStream) Close() error {
	s.closed.Store(true)
	s.release(sse.ErrClosed)
	return nil
}

// All returns an iterator over the events. At the end, an error that
// ended the stream is yielded once with a nil event. The stream is
// closed when the loop ends, including by break.
//
//	for ev, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		fmt.Printf("%T\n", ev)
//	}
func (s *MessageStream) All() iter.Seq2[types.LettaStreamingResponse, error] {
	return func(yield func(types.LettaStreamingResponse, error) bool) {
		defer s.Close()
		for s.Next() {
			if !yield(s.Current(), nil) {
				return
			}
		}
		if err := s.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// finish ends the stream with err (nil: a clean end) and releases the
// connection.
func (s *MessageStream) finish(err error) {
	s.done, s.err, s.cur = true, err, nil
	s.release(sse.ErrClosed)
}

// drain reads what follows "[DONE]" so that the connection goes back to
// the pool for the next call (the server ends the body right after the
// marker). A body that goes on is abandoned after drainLimit bytes or
// drainTimeout, whichever comes first.
func (s *MessageStream) drain() {
	stop := time.AfterFunc(drainTimeout, func() { s.resp.Cancel(sse.ErrClosed) })
	defer stop.Stop()
	_, _ = io.Copy(io.Discard, io.LimitReader(s.resp.Body, drainLimit))
}

// Bounds of drain.
const (
	drainLimit   = 64 << 10
	drainTimeout = 250 * time.Millisecond
)

// release cancels the stream's context and closes the body, once.
func (s *MessageStream) release(cause error) {
	s.closeOnce.Do(func() {
		s.resp.Cancel(cause)
		s.resp.Body.Close()
	})
}

// endError describes how the body ended before "[DONE]".
func (s *MessageStream) endError(err error) error {
	switch {
	case errors.Is(err, sse.ErrClosed):
		return nil
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return s.resp.Wrap(fmt.Errorf("the stream ended before [DONE] after %d events: %w", s.events, io.ErrUnexpectedEOF))
	}
	return s.resp.Wrap(err)
}

var (
	doneMarker  = []byte("[DONE]")
	errorKey    = []byte(`"error"`)
	errNotEvent = errors.New("the event is JSON null, not an object")
)

// decode interprets one data payload: an event, the end of the stream
// (end, with err for an error frame), or nothing to report (a marker or
// empty data).
func (s *MessageStream) decode(data []byte) (ev types.LettaStreamingResponse, end bool, err error) {
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return nil, false, nil
	case trimmed[0] == '[':
		return nil, bytes.Equal(trimmed, doneMarker), nil
	case trimmed[0] == '{' && mayHaveErrorKey(trimmed):
		if serr := errorFrame(trimmed); serr != nil {
			return nil, true, serr
		}
	}
	ev, err = types.UnmarshalLettaStreamingResponse(data)
	if err == nil && ev == nil {
		err = errNotEvent
	}
	if err != nil {
		return nil, true, &types.DecodeError{
			StatusCode:  http.StatusOK,
			Method:      s.resp.Method,
			URL:         s.resp.URL,
			ContentType: "text/event-stream",
			Type:        "types.LettaStreamingResponse",
			Snippet:     text.Snippet(data),
			Err:         fmt.Errorf("event %d: %w", s.events, err),
		}
	}
	return ev, false, nil
}

// mayHaveErrorKey reports whether data contains the JSON string "error"
// followed by a colon, as the key of an error frame is: a cheap filter
// before errorFrame, which decodes the object.
func mayHaveErrorKey(data []byte) bool {
	for {
		i := bytes.Index(data, errorKey)
		if i < 0 {
			return false
		}
		data = bytes.TrimLeft(data[i+len(errorKey):], " \t\r\n")
		if len(data) > 0 && data[0] == ':' {
			return true
		}
	}
}

// errorFrame returns the *types.StreamError of a JSON object with a
// non-null top-level "error" key, or nil.
func errorFrame(data []byte) *types.StreamError {
	var keys map[string]json.RawMessage
	if json.Unmarshal(data, &keys) != nil {
		return nil
	}
	if v, ok := keys["error"]; !ok || string(v) == "null" {
		return nil
	}
	var serr types.StreamError
	if json.Unmarshal(data, &serr) != nil {
		return nil
	}
	return &serr
}
