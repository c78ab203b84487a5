package core

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"time"
)

// StreamResponse is an open text/event-stream response. Reading Body after
// Ctx ends fails; Cancel ends Ctx (with a cause) and so releases the
// connection at once.
type StreamResponse struct {
	// Body is the event stream.
	Body io.ReadCloser
	// Ctx bounds the stream: it ends with the caller's context or Cancel.
	Ctx context.Context
	// Cancel ends the stream with the given cause.
	Cancel context.CancelCauseFunc
	// IdleTimeout is the WithStreamIdleTimeout in force (0: none).
	IdleTimeout time.Duration
	// Method and URL identify the request, for error messages.
	Method, URL string
}

// Stream sends req and returns the open event stream. Attempts follow the
// rules of every other call until the response headers are in (a 503, or
// a connection that never opened, is retried even for POST); once a 2xx
// arrived, nothing is retried, since the agent may have acted.
// WithRequestTimeout bounds only the wait for the response headers. A
// non-2xx status is an *types.APIError; a 2xx that is not
// text/event-stream is a *types.DecodeError.
func (c Core) Stream(ctx context.Context, r Request, opts []RequestOption) (*StreamResponse, error) {
	var out *StreamResponse
	err := c.send(ctx, r, opts, streamAccept, func(x *exchange) error {
		resp := x.resp
		if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != streamAccept {
			head := make([]byte, snippetSize)
			n, _ := io.ReadFull(resp.Body, head)
			return decodeError(resp, x.p, streamAccept, head[:n], errors.New("the response is not an event stream"))
		}
		x.keep()
		out = &StreamResponse{
			Body:        x.respBody.rc,
			Ctx:         x.ctx,
			Cancel:      x.cancel,
			IdleTimeout: x.cfg.StreamIdleTimeout,
			Method:      x.p.method,
			URL:         x.p.redactedURL(),
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ExecuteStream opens the event stream of any endpoint; params are mapped
// as by Execute.
func (c Core) ExecuteStream(ctx context.Context, method, path string, params any, opts []RequestOption) (*StreamResponse, error) {
	r, err := executeRequest(method, path, params)
	if err != nil {
		return nil, err
	}
	return c.Stream(ctx, r, opts)
}

// Wrap prefixes a stream error with the request's method and URL.
func (s *StreamResponse) Wrap(err error) error {
	return fmt.Errorf("letta: %s %s: %w", s.Method, s.URL, err)
}
