package letta

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/internal/sse"
	"github.com/letta-go/letta/option"
)

// Execute calls any endpoint of the API, including one this SDK does not
// know, through the same machinery as every method: the base URL and its
// path prefix, the token and server password, the retry rules of its HTTP
// method, *types.APIError for a non-2xx response, and every option.
//
// path is relative to the base URL ("v1/agents/agent-1/new-thing") and is
// sent as given (escape what needs escaping, e.g. with url.PathEscape).
// params is the query of a GET, HEAD or DELETE (a struct with `url` tags,
// or url.Values) and the JSON body of any other method (no body when nil;
// option.WithBodyField adds fields). A 2xx JSON body is decoded into res, a
// non-nil pointer; with a nil res it is discarded.
func (c *Client) Execute(ctx context.Context, method, path string, params any, res any, opts ...option.RequestOption) error {
	return c.execCore().Execute(ctx, method, path, params, res, opts)
}

// execCore is the core that Execute uses: NewClient's, or one for a Client
// built by hand.
func (c *Client) execCore() core.Core {
	if c.core.Options == nil {
		return core.Core{Options: c.Options}
	}
	return c.core
}

// Get calls Execute with GET: params is the query.
func (c *Client) Get(ctx context.Context, path string, params any, res any, opts ...option.RequestOption) error {
	return c.Execute(ctx, http.MethodGet, path, params, res, opts...)
}

// Post calls Execute with POST: params is the JSON body. Like every POST,
// it is retried only where the server cannot have acted on it.
func (c *Client) Post(ctx context.Context, path string, params any, res any, opts ...option.RequestOption) error {
	return c.Execute(ctx, http.MethodPost, path, params, res, opts...)
}

// Put calls Execute with PUT: params is the JSON body.
func (c *Client) Put(ctx context.Context, path string, params any, res any, opts ...option.RequestOption) error {
	return c.Execute(ctx, http.MethodPut, path, params, res, opts...)
}

// Patch calls Execute with PATCH: params is the JSON body.
func (c *Client) Patch(ctx context.Context, path string, params any, res any, opts ...option.RequestOption) error {
	return c.Execute(ctx, http.MethodPatch, path, params, res, opts...)
}

// Delete calls Execute with DELETE: params is the query.
func (c *Client) Delete(ctx context.Context, path string, params any, res any, opts ...option.RequestOption) error {
	return c.Execute(ctx, http.MethodDelete, path, params, res, opts...)
}

// ExecuteStream opens the server-sent event stream of any endpoint, with
// the arguments of Execute, and returns its events undecoded. Until the
// response headers are in, it is retried as Execute would be; never after.
// option.WithRequestTimeout bounds the wait for the headers,
// option.WithStreamIdleTimeout a silent stream, ctx the whole stream. A
// non-2xx response is an *types.APIError, a 2xx that is not
// text/event-stream a *types.DecodeError. Always Close the stream.
func (c *Client) ExecuteStream(ctx context.Context, method, path string, params any, opts ...option.RequestOption) (*EventStream, error) {
	resp, err := c.execCore().ExecuteStream(ctx, method, path, params, opts)
	if err != nil {
		return nil, err
	}
	return &EventStream{resp: resp, dec: sse.NewDecoder(resp.Body, sse.Options{
		Ctx:         resp.Ctx,
		Cancel:      resp.Cancel,
		IdleTimeout: resp.IdleTimeout,
	})}, nil
}

// EventStream is a stream opened by ExecuteStream: the data of each event,
// framed as agents.MessageStream's are (comments, event names and ids are
// skipped; multi-line data is joined with '\n'), but not interpreted:
// Letta's "[DONE]" marker and error frames are events like any other.
// It is not safe for concurrent use, except Close.
//
// The stream ends cleanly when the body ends after a complete event
// (Next returns false, Err nil). It ends with an error in Err when the
// body is cut inside an event (io.ErrUnexpectedEOF), ctx ends (its error),
// option.WithStreamIdleTimeout runs out (agents.ErrStreamIdle), an event
// is larger than 16 MiB, or reading the body fails.
type EventStream struct {
	resp *core.StreamResponse
	dec  *sse.Decoder

	cur  []byte
	err  error
	done bool
	once sync.Once
}

// Next advances to the next event, which Current then returns. It returns
// false at the end of the stream, after an error and after Close.
func (s *EventStream) Next() bool {
	if s.done {
		return false
	}
	data, err := s.dec.Next()
	if err != nil {
		s.done, s.cur = true, nil
		switch {
		case err == io.EOF, errors.Is(err, sse.ErrClosed):
		case err == io.ErrUnexpectedEOF:
			s.err = s.resp.Wrap(fmt.Errorf("the stream ended inside an event: %w", err))
		default:
			s.err = s.resp.Wrap(err)
		}
		s.release()
		return false
	}
	s.cur = append(s.cur[:0:0], data...)
	return true
}

// Current returns the data of the event Next advanced to (a copy the
// caller may keep), or nil before the first call to Next.
func (s *EventStream) Current() []byte { return s.cur }

// Err returns the error that ended the stream, or nil if it ended
// cleanly, was closed, or has not ended yet.
func (s *EventStream) Err() error { return s.err }

// Close abandons the stream and releases its connection. It may be called
// more than once and from another goroutine than Next's; it returns nil.
func (s *EventStream) Close() error {
	s.release()
	return nil
}

func (s *EventStream) release() {
	s.once.Do(func() {
		s.resp.Cancel(sse.ErrClosed)
		s.resp.Body.Close()
	})
}
