package core

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/letta-go/letta/types"
)

// Core is embedded in every resource client: it holds the client-wide
// options that each call starts from.
type Core struct {
	// Options are the client-wide options, applied before each call's own.
	Options []RequestOption
}

// NewCore returns a Core with a private copy of opts.
func NewCore(opts []RequestOption) Core {
	return Core{Options: append([]RequestOption(nil), opts...)}
}

// Call sends req and decodes a 2xx JSON body into a new T. A body that is
// not valid JSON for T, or that is null when T is not an interface, is a
// *types.DecodeError.
func Call[T any](ctx context.Context, c Core, req Request, opts []RequestOption) (T, error) {
	var out T
	err := c.send(ctx, req, opts, func(resp *http.Response, p *prepared) error {
		var v T
		if err := decodeJSON(resp, p, &v); err != nil {
			return err
		}
		out = v
		return nil
	})
	return out, err
}

// Do sends req and discards the 2xx body (for methods whose response the
// reference client does not read).
func (c Core) Do(ctx context.Context, req Request, opts []RequestOption) error {
	return c.send(ctx, req, opts, func(resp *http.Response, _ *prepared) error {
		_, err := io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
		return readError(err)
	})
}

const (
	maxErrorBody = 1 << 20   // bytes of an error body kept in APIError.Body
	maxDrain     = 256 << 10 // bytes read to let a connection be reused
	snippetSize  = 512       // bytes of a 2xx body kept for a DecodeError
)

// attemptTimeout is the cause of an attempt's context when
// WithRequestTimeout ran out.
var errAttemptTimeout = errors.New("request timeout")

// send runs the attempts: it builds the request once, then sends it until
// it succeeds, fails for good, runs out of retries or the context ends.
// handle reads a 2xx response inside the attempt, so the per-attempt
// timeout covers the body too, and a body cut off mid-way can be retried.
func (c Core) send(ctx context.Context, r Request, opts []RequestOption, handle func(*http.Response, *prepared) error) error {
	cfg := NewConfig(c.Options, opts)
	p, err := prepare(cfg, &r, "application/json")
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return p.wrap(err)
		}
		res, err := c.attempt(ctx, cfg, p, handle)
		if err == nil {
			return nil
		}
		if attempt >= cfg.MaxRetries || !retryable(p, res) {
			return err
		}
		wait := backoff(attempt, res.retryAfter)
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return err // the context would end before the next attempt
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}

// attemptResult says what an attempt got, for the retry decision.
type attemptResult struct {
	status      int  // 0 when no response arrived
	wroteHeader bool // whether any request header reached the connection
	bodyError   bool // the response arrived but reading its body failed
	// retryAfter is the delay the server asked for; -1 when it did not.
	retryAfter time.Duration
}

// attempt sends the request once. It returns what happened, for the retry
// decision, and the error, if any.
func (c Core) attempt(ctx context.Context, cfg *Config, p *prepared, handle func(*http.Response, *prepared) error) (res attemptResult, err error) {
	res.retryAfter = -1
	actx, cancel := context.WithTimeoutCause(ctx, cfg.RequestTimeout, errAttemptTimeout)
	defer cancel()
	var wrote atomic.Bool // set by the transport's writing goroutine
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
		WroteHeaderField: func(string, []string) { wrote.Store(true) },
	})
	req, err := p.newHTTPRequest(actx)
	if err != nil {
		return res, err
	}
	resp, err := sendWithMiddleware(cfg, req)
	if err != nil {
		res.wroteHeader = wrote.Load()
		return res, p.transportError(actx, err)
	}
	res.status = resp.StatusCode
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr, readErr := p.apiError(resp)
		if readErr != nil {
			res.bodyError = true
			return res, p.transportError(actx, readErr)
		}
		res.retryAfter = retryAfter(resp.Header)
		return res, apiErr
	}
	if err := handle(resp, p); err != nil {
		var re *readErr
		if errors.As(err, &re) {
			res.bodyError = true
			return res, p.transportError(actx, re.err)
		}
		return res, err
	}
	return res, nil
}

// sendWithMiddleware runs the middlewares around the HTTP client.
func sendWithMiddleware(cfg *Config, req *http.Request) (*http.Response, error) {
	next := cfg.HTTPClient.Do
	for i := len(cfg.Middlewares) - 1; i >= 0; i-- {
		mw, inner := cfg.Middlewares[i], next
		next = func(r *http.Request) (*http.Response, error) { return mw(r, inner) }
	}
	resp, err := next(req)
	if err == nil && resp == nil {
		return nil, errors.New("letta: HTTP client returned neither a response nor an error")
	}
	return resp, err
}

// readErr marks an error reading a 2xx body: the connection failed, not
// the decoding.
type readErr struct{ err error }

func (e *readErr) Error() string { return e.err.Error() }

func readError(err error) error {
	if err == nil {
		return nil
	}
	return &readErr{err}
}

// transportError wraps a failed exchange. When the attempt's own timeout
// ended it, the error says so (and still matches
// context.DeadlineExceeded).
func (p *prepared) transportError(actx context.Context, err error) error {
	if context.Cause(actx) == errAttemptTimeout {
		return fmt.Errorf("letta: %s %s: no complete response within the request timeout: %w", p.method, p.redactedURL, context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // it repeats the method and URL
	}
	return p.wrap(err)
}

// wrap prefixes an error with the method and URL of the request.
func (p *prepared) wrap(err error) error {
	return fmt.Errorf("letta: %s %s: %w", p.method, p.redactedURL, err)
}

// apiError reads an error response into an *types.APIError.
func (p *prepared) apiError(resp *http.Response) (*types.APIError, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if err != nil {
		return nil, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	if p.token != "" {
		body = bytes.ReplaceAll(body, []byte(p.token), []byte("[REDACTED]"))
	}
	e := &types.APIError{
		StatusCode: resp.StatusCode,
		Method:     p.method,
		URL:        p.redactedURL,
		Body:       body,
		Header:     resp.Header,
	}
	e.ParseErrorBody()
	return e, nil
}
