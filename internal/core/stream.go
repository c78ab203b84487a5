package core

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"time"

	"github.com/letta-go/letta/types"
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

// Stream sends req once (a stream is never retried: the agent may have
// acted) and returns the open event stream. WithRequestTimeout bounds only
// the wait for the response headers. A non-2xx status is an
// *types.APIError; a 2xx that is not text/event-stream is a
// *types.DecodeError.
func (c Core) Stream(ctx context.Context, r Request, opts []RequestOption) (*StreamResponse, error) {
	cfg := NewConfig(c.Options, opts)
	p, err := prepare(cfg, &r, "text/event-stream")
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, p.wrap(err)
	}
	sctx, cancel := context.WithCancelCause(ctx)
	headerTimer := time.AfterFunc(cfg.RequestTimeout, func() { cancel(errAttemptTimeout) })
	req, err := p.newHTTPRequest(sctx)
	if err != nil {
		headerTimer.Stop()
		cancel(nil)
		return nil, err
	}
	resp, err := sendWithMiddleware(cfg, req)
	headerTimer.Stop()
	if err != nil {
		err = p.transportError(sctx, err)
		cancel(nil)
		return nil, err
	}
	fail := func(err error) (*StreamResponse, error) {
		resp.Body.Close()
		cancel(nil)
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr, readErr := p.apiError(resp)
		if readErr != nil {
			return fail(p.transportError(sctx, readErr))
		}
		return fail(apiErr)
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != "text/event-stream" {
		head := make([]byte, snippetSize)
		n, _ := io.ReadFull(resp.Body, head)
		return fail(&types.DecodeError{
			StatusCode:  resp.StatusCode,
			Method:      p.method,
			URL:         p.redactedURL,
			ContentType: resp.Header.Get("Content-Type"),
			Type:        "text/event-stream",
			Snippet:     types.Snippet(head[:n]),
			Err:         errors.New("the response is not an event stream"),
		})
	}
	return &StreamResponse{
		Body:        resp.Body,
		Ctx:         sctx,
		Cancel:      cancel,
		IdleTimeout: cfg.StreamIdleTimeout,
		Method:      p.method,
		URL:         p.redactedURL,
	}, nil
}

// Wrap prefixes a stream error with the request's method and URL.
func (s *StreamResponse) Wrap(err error) error {
	return fmt.Errorf("letta: %s %s: %w", s.Method, s.URL, err)
}
