package core

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"sync/atomic"
	"time"

	"github.com/letta-go/letta/internal/text"
	"github.com/letta-go/letta/types"
)

// Core is embedded in every resource client: it holds the client-wide
// options that each call starts from.
type Core struct {
	// Options are the client-wide options, applied before each call's own.
	Options []RequestOption

	base *Config // Options applied once (nil: apply them on every call)
}

// NewCore returns a Core with a private copy of opts, applied once.
func NewCore(opts []RequestOption) Core {
	opts = append([]RequestOption(nil), opts...)
	base := NewConfig(opts, nil)
	base.seal()
	return Core{Options: opts, base: base}
}

// config is the configuration of one call: the client's, shared when
// the call has no options of its own.
func (c Core) config(call []RequestOption) *Config {
	if c.base == nil {
		return NewConfig(c.Options, call)
	}
	if len(call) == 0 {
		return c.base
	}
	cfg := c.base.clone()
	for _, opt := range call {
		opt(cfg)
	}
	return cfg
}

// Call sends req and decodes a 2xx JSON body into a new T. A body that is
// not valid JSON for T, or that is null when T is not an interface, is a
// *types.DecodeError.
func Call[T any](ctx context.Context, c Core, req Request, opts []RequestOption) (T, error) {
	var out T
	err := c.send(ctx, req, opts, "application/json", func(x *exchange) error {
		if err := decodeJSON(x.resp, x.p, &out); err != nil {
			var zero T
			out = zero
			return err
		}
		return nil
	})
	return out, err
}

// Do sends req and discards the 2xx body (for methods whose response the
// reference client does not read).
func (c Core) Do(ctx context.Context, req Request, opts []RequestOption) error {
	return c.send(ctx, req, opts, "application/json", discardBody)
}

// Execute sends any request: params is the query of a GET, HEAD or DELETE
// (a struct with `url` tags, or url.Values) and the JSON body of any other
// method (none when nil); a 2xx body is decoded into res, a non-nil
// pointer, or discarded when res is nil.
func (c Core) Execute(ctx context.Context, method, path string, params, res any, opts []RequestOption) error {
	r, err := executeRequest(method, path, params)
	if err != nil {
		return err
	}
	if res == nil {
		return c.Do(ctx, r, opts)
	}
	if rv := reflect.ValueOf(res); rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("letta: %s %s: res must be a non-nil pointer, got %T", method, path, res)
	}
	return c.send(ctx, r, opts, "application/json", func(x *exchange) error { return decodeJSON(x.resp, x.p, res) })
}

// executeRequest maps Execute's arguments onto a Request.
func executeRequest(method, path string, params any) (Request, error) {
	if method == "" {
		return Request{}, errors.New("letta: Execute: empty HTTP method")
	}
	r := Request{Method: method, Path: path}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodDelete:
		r.Query = params
	default:
		r.Body = params
	}
	return r, nil
}

func discardBody(x *exchange) error {
	_, err := io.Copy(io.Discard, io.LimitReader(x.resp.Body, maxDrain))
	return readError(err)
}

const (
	maxErrorBody = 1 << 20   // bytes of an error body kept in APIError.Body
	maxDrain     = 256 << 10 // bytes read to let a connection be reused
	snippetSize  = 512       // bytes of a 2xx body kept for a DecodeError
)

// errAttemptTimeout is the cause of an attempt's context when the server
// was silent for longer than WithRequestTimeout.
var errAttemptTimeout = errors.New("request timeout")

// send runs the attempts: it builds the request once, then sends it until
// it succeeds, fails for good, runs out of retries or the context ends.
// handle reads a 2xx response inside the attempt, so the per-attempt
// timeout covers the body too, and a body cut off mid-way can be retried.
func (c Core) send(ctx context.Context, r Request, opts []RequestOption, accept string, handle func(*exchange) error) error {
	cfg := c.config(opts)
	p, err := prepare(cfg, &r, accept)
	if err != nil {
		return err
	}
	start := time.Now()
	var last error
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return p.cancelled(err, last, attempt-1)
		}
		began := time.Now()
		x := &p.first // the first attempt needs no allocation of its own
		if attempt > 1 {
			x = new(exchange)
		}
		res, err := x.run(ctx, cfg, p, handle)
		retry := err != nil && attempt <= cfg.MaxRetries && retryable(p, res)
		var wait time.Duration
		if retry {
			wait = backoff(attempt-1, res.retryAfter)
			if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
				retry = false // the context would end before the next attempt
			}
		}
		cfg.log(ctx, p, attempt, res, err, time.Since(began), retry, wait)
		if !retry {
			return p.final(err, attempt, time.Since(start))
		}
		last = err
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return p.cancelled(ctx.Err(), last, attempt)
		case <-t.C:
		}
	}
}

// attemptResult says what an attempt got, for the retry decision.
type attemptResult struct {
	status    int  // 0 when no response arrived
	sent      bool // the server may have received the whole request
	bodyError bool // the response arrived but reading its body failed
	// retryAfter is the delay the server asked for; -1 when it did not.
	retryAfter time.Duration
}

// exchange is one attempt: its request, its response, and the watchdog
// that ends it when the server is silent for the request timeout (while
// the request is written, while its response is awaited, and between
// reads of the response body). Progress in either direction rearms it.
type exchange struct {
	ctx     context.Context
	cancel  context.CancelCauseFunc
	timer   *time.Timer
	timeout time.Duration
	off     atomic.Bool // the watchdog is disarmed (a stream took over)
	sent    atomic.Bool // the transport read the whole request body
	kept    bool        // the handler kept the response open (a stream)
	cfg     *Config
	p       *prepared
	resp    *http.Response

	reqBody, respBody watchedBody
}

// run sends the request once, as the exchange x (fresh for each
// attempt). It returns what happened, for the retry decision, and the
// error, if any.
func (x *exchange) run(ctx context.Context, cfg *Config, p *prepared, handle func(*exchange) error) (res attemptResult, err error) {
	res.retryAfter = -1
	x.cfg, x.p, x.timeout = cfg, p, cfg.RequestTimeout
	x.ctx, x.cancel = context.WithCancelCause(ctx)
	x.timer = time.AfterFunc(cfg.RequestTimeout, x.expire)
	defer func() {
		if !x.kept {
			x.off.Store(true)
			x.timer.Stop()
			x.cancel(nil)
		}
	}()
	req, err := x.newHTTPRequest()
	if err != nil {
		return res, err
	}
	resp, err := sendWithMiddleware(cfg, req)
	if err != nil {
		res.sent = x.mayHaveArrived(err)
		return res, p.transportError(x.ctx, err)
	}
	res.status, res.sent = resp.StatusCode, true
	x.respBody = watchedBody{rc: resp.Body, x: x}
	resp.Body = &x.respBody
	x.resp = resp
	cfg.setResponse(resp)
	defer func() {
		if !x.kept {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr, readErr := p.apiError(resp)
		if readErr != nil {
			res.bodyError = true
			return res, p.transportError(x.ctx, readErr)
		}
		res.retryAfter = retryAfter(resp.Header)
		return res, apiErr
	}
	if err := handle(x); err != nil {
		var re *readErr
		if errors.As(err, &re) {
			res.bodyError = true
			return res, p.transportError(x.ctx, re.err)
		}
		return res, err
	}
	return res, nil
}

// expire ends the attempt, unless a stream took it over.
func (x *exchange) expire() {
	if !x.off.Load() {
		x.cancel(errAttemptTimeout)
	}
}

// kick rearms the watchdog after progress.
func (x *exchange) kick() {
	if !x.off.Load() {
		x.timer.Reset(x.timeout)
	}
}

// keep hands the open response over to a stream: the attempt no longer
// closes it, and the watchdog stops.
func (x *exchange) keep() {
	x.kept = true
	x.off.Store(true)
	x.timer.Stop()
}

// newHTTPRequest builds the attempt's *http.Request with a fresh body.
func (x *exchange) newHTTPRequest() (*http.Request, error) {
	p := x.p
	// The URL is already parsed: the request gets it, not its text.
	req, err := http.NewRequestWithContext(x.ctx, p.method, "", nil)
	if err != nil {
		return nil, fmt.Errorf("letta: building request: %w", err)
	}
	req.URL, req.Host, req.Header = p.url, p.url.Host, p.header
	if x.cfg.mayChangeRequest() {
		u := *p.url
		req.URL = &u
	}
	if x.cfg.mayChangeRequest() || p.file != nil { // an upload sets its Content-Type
		req.Header = p.header.Clone()
	}
	switch {
	case p.body != nil:
		body := p.body
		req.ContentLength = int64(len(body))
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	case p.file != nil:
		if err := p.file.attach(req); err != nil {
			return nil, err
		}
	default:
		return req, nil
	}
	x.reqBody = watchedBody{rc: req.Body, x: x, request: true}
	req.Body = &x.reqBody
	return req, nil
}

// mayHaveArrived reports whether a failed exchange may have delivered the
// whole request to the server: its body was read to the end, or, for a
// request without a body, the connection was opened.
func (x *exchange) mayHaveArrived(err error) bool {
	if x.reqBody.rc != nil {
		return x.sent.Load()
	}
	var op *net.OpError
	return !errors.As(err, &op) || (op.Op != "dial" && op.Op != "proxyconnect")
}

// watchedBody rearms the attempt's watchdog on every read that makes
// progress, and records when a request body was read to its end.
type watchedBody struct {
	rc      io.ReadCloser
	x       *exchange
	request bool
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if n > 0 {
		b.x.kick()
	}
	if err == io.EOF && b.request {
		b.x.sent.Store(true)
	}
	return n, err
}

func (b *watchedBody) Close() error { return b.rc.Close() }

// sendWithMiddleware runs the middlewares around the HTTP client.
func sendWithMiddleware(cfg *Config, req *http.Request) (*http.Response, error) {
	if len(cfg.Middlewares) == 0 {
		return checkResponse(cfg.HTTPClient.Do(req))
	}
	next := cfg.HTTPClient.Do
	for i := len(cfg.Middlewares) - 1; i >= 0; i-- {
		mw, inner := cfg.Middlewares[i], next
		next = func(r *http.Request) (*http.Response, error) { return mw(r, inner) }
	}
	return checkResponse(next(req))
}

func checkResponse(resp *http.Response, err error) (*http.Response, error) {
	if err == nil && resp == nil {
		return nil, errors.New("letta: HTTP client returned neither a response nor an error")
	}
	return resp, err
}

// setResponse hands the response's status and headers to WithResponseInto
// (with an empty body: the SDK reads the real one).
func (cfg *Config) setResponse(resp *http.Response) {
	if cfg.ResponseInto == nil {
		return
	}
	r := *resp
	r.Body = http.NoBody
	*cfg.ResponseInto = &r
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
		return fmt.Errorf("letta: %s %s: the server sent nothing for the request timeout: %w", p.method, p.redactedURL(), context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // it repeats the method and URL
	}
	return p.wrap(err)
}

// wrap prefixes an error with the method and URL of the request.
func (p *prepared) wrap(err error) error {
	return fmt.Errorf("letta: %s %s: %w", p.method, p.redactedURL(), err)
}

// final is the error of the last attempt. A connection error that was
// retried says how often and for how long; an *types.APIError is returned
// as it is.
func (p *prepared) final(err error, attempts int, took time.Duration) error {
	if err == nil || attempts < 2 || isAPIError(err) {
		return err
	}
	return fmt.Errorf("%w (after %d attempts in %s)", err, attempts, took.Round(time.Millisecond))
}

func isAPIError(err error) bool {
	var apiErr *types.APIError
	return errors.As(err, &apiErr)
}

// cancelled is the error of a call whose context ended before an attempt:
// it matches the context's error and, when there was one, wraps the last
// attempt's error too.
func (p *prepared) cancelled(ctxErr, last error, attempts int) error {
	if last == nil {
		return p.wrap(ctxErr)
	}
	return fmt.Errorf("letta: %s %s: %w while waiting to retry, after %d attempts; last error: %w", p.method, p.redactedURL(), ctxErr, attempts, last)
}

// apiError reads an error response into an *types.APIError.
func (p *prepared) apiError(resp *http.Response) (*types.APIError, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if err != nil {
		return nil, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	body = p.redact(body)
	e := &types.APIError{
		StatusCode: resp.StatusCode,
		Method:     p.method,
		URL:        p.redactedURL(),
		Body:       body,
		Header:     resp.Header,
	}
	parseErrorBody(e)
	return e, nil
}

// redact replaces the credentials in a body the server echoed them in
// with "[REDACTED]".
func (p *prepared) redact(body []byte) []byte {
	for _, s := range [...]string{p.cfg.Token, p.cfg.ServerPassword} {
		if s != "" {
			body = bytes.ReplaceAll(body, []byte(s), []byte("[REDACTED]"))
		}
	}
	return body
}

// parseErrorBody fills Detail and ValidationErrors from the raw body when
// it is one of the JSON error shapes the Letta server sends:
// {"detail": "…"}, {"detail": [{"loc","msg","type"}…]},
// {"detail": {"message": …}}, {"message": "…"} and {"error": …}.
// Bodies that are not JSON are left alone.
func parseErrorBody(e *types.APIError) {
	var body struct {
		Detail  json.RawMessage `json:"detail"`
		Message json.RawMessage `json:"message"`
		Error   json.RawMessage `json:"error"`
	}
	if json.Unmarshal(e.Body, &body) != nil {
		return
	}
	switch {
	case len(body.Detail) > 0 && body.Detail[0] == '[':
		var list []types.ValidationError
		if json.Unmarshal(body.Detail, &list) == nil {
			e.ValidationErrors = list
			return
		}
	case len(body.Detail) > 0:
		e.Detail = text.Message(body.Detail)
		return
	}
	if len(body.Message) > 0 {
		e.Detail = text.Message(body.Message)
	} else if len(body.Error) > 0 {
		e.Detail = text.Message(body.Error)
	}
}

// log writes one Debug record for an attempt, when a logger is set.
func (cfg *Config) log(ctx context.Context, p *prepared, attempt int, res attemptResult, err error, took time.Duration, retry bool, wait time.Duration) {
	if cfg.Logger == nil || !cfg.Logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := make([]slog.Attr, 0, 8)
	attrs = append(attrs,
		slog.String("method", p.method),
		slog.String("url", p.redactedURL()),
		slog.Int("attempt", attempt),
		slog.Duration("duration", took))
	if res.status != 0 {
		attrs = append(attrs, slog.Int("status", res.status))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	if retry {
		attrs = append(attrs, slog.String("retry", retryReason(res)), slog.Duration("retry_in", wait))
	}
	cfg.Logger.LogAttrs(ctx, slog.LevelDebug, "letta: request", attrs...)
}

// retryReason says why a failed attempt is retried.
func retryReason(res attemptResult) string {
	switch {
	case res.bodyError:
		return "the response was cut off"
	case res.status != 0 && res.retryAfter >= 0:
		return fmt.Sprintf("status %d; the server asked to retry later", res.status)
	case res.status != 0:
		return fmt.Sprintf("status %d", res.status)
	case !res.sent:
		return "the request never reached the server"
	default:
		return "connection error"
	}
}
