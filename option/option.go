// Package option holds the options that configure a Letta client or one
// call. Every option works in both places: given to letta.NewClient it
// applies to every call, given to a method it applies to that call and
// wins over the client's.
package option

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/letta-go/letta/internal/core"
)

// RequestOption configures a client or a single call.
type RequestOption = core.RequestOption

// HTTPClient sends HTTP requests; *http.Client implements it.
type HTTPClient = core.HTTPDoer

// MiddlewareNext passes the request on to the next middleware, and at the
// end of the chain to the HTTP client.
type MiddlewareNext = core.MiddlewareNext

// Middleware wraps every attempt of every request (each retry passes
// through it again): it may read or change the request, call next, and
// read or change the response.
type Middleware = core.Middleware

// WithToken sets the API token, sent as "Authorization: Bearer <token>".
// An empty token sends no Authorization header. letta.NewClient reads
// LETTA_API_KEY first; this option overrides it.
func WithToken(token string) RequestOption {
	return func(c *core.Config) { c.Token = token }
}

// WithServerPassword sets the password of a self-hosted Letta server
// started with one, sent as "X-BARE-PASSWORD: password <pw>" (such a
// server answers 401 to the token alone). letta.NewClient reads
// LETTA_SERVER_PASSWORD first; this option overrides it. It never follows
// a redirect to another host and is never logged.
func WithServerPassword(pw string) RequestOption {
	return func(c *core.Config) { c.ServerPassword = pw }
}

// WithBaseURL sets the server's base URL, e.g. "http://localhost:8283". A
// path prefix ("https://proxy.example/letta") is kept; a trailing "/v1" is
// dropped, since every request path starts with "v1/" already (the
// reference client's base URL has none). letta.NewClient reads
// LETTA_BASE_URL first; this option overrides it. A URL without an http or
// https scheme and a host fails every call with an error that says what is
// wrong with it.
func WithBaseURL(base string) RequestOption {
	return func(c *core.Config) {
		if err := core.CheckBaseURL(base); err != nil {
			c.Err = firstErr(c.Err, fmt.Errorf("letta: WithBaseURL: %w", err))
			return
		}
		c.BaseURL = base
	}
}

// WithHTTPClient sends requests through client instead of the SDK's
// shared default (whose transport keeps up to 128 idle connections per
// host). Give it no overall Timeout: it would cut long streams; use the
// context, WithRequestTimeout and WithStreamIdleTimeout instead.
//
// Redirects: an *http.Client is used through a copy whose redirects to
// another scheme or host carry no credential (no Authorization, no
// X-BARE-PASSWORD, no header set with WithHeader or by a middleware; only
// the SDK's own User-Agent, Accept and Content-Type headers follow), as
// with the default client; the client's own CheckRedirect, if any, still
// decides whether a redirect is followed, and the client itself is not
// changed. Any other HTTPClient follows redirects, if at all, on its own
// terms: keeping credentials on the original host is then its job.
func WithHTTPClient(client HTTPClient) RequestOption {
	if hc, ok := client.(*http.Client); ok && hc != nil {
		client = core.WithSafeRedirects(hc)
	}
	return func(c *core.Config) {
		if client == nil || client == (*http.Client)(nil) {
			c.Err = firstErr(c.Err, fmt.Errorf("letta: WithHTTPClient: nil client"))
			return
		}
		c.HTTPClient = client
	}
}

// WithResponseInto stores the HTTP response of the call in *dst: its
// status and headers, for a success and for an *types.APIError alike; for
// a stream, once the response headers are in. After retries it is the
// last response received (an attempt that got none, such as a refused
// connection, leaves *dst as it was). Its Body is empty: the SDK reads the
// real one (an error body is in types.APIError.Body). Use it on one call:
//
//	var resp *http.Response
//	agent, err := client.Agents.Retrieve(ctx, id, option.WithResponseInto(&resp))
func WithResponseInto(dst **http.Response) RequestOption {
	return func(c *core.Config) { c.ResponseInto = dst }
}

// WithLogger writes one Debug record to l for every attempt of a request:
// its method and URL, the status or the error, the attempt number, its
// duration and, when a retry follows, why and after how long. No
// credential is written: URLs lose their password, and the token and the
// server password are replaced by "[REDACTED]" in echoed error bodies;
// headers and bodies are not logged. WithLogger(nil) turns logging off.
func WithLogger(l *slog.Logger) RequestOption {
	return func(c *core.Config) { c.Logger = l }
}

// WithHeader sets a request header, replacing the SDK's own value for
// that name (e.g. "user_id" for a self-hosted server's acting user).
func WithHeader(key, value string) RequestOption {
	return func(c *core.Config) {
		if c.Header == nil {
			c.Header = http.Header{}
		}
		c.Header.Set(key, value)
	}
}

// WithQuery sets a query parameter, replacing the method's own value for
// that key.
func WithQuery(key, value string) RequestOption {
	return func(c *core.Config) {
		if c.Query == nil {
			c.Query = url.Values{}
		}
		c.Query.Set(key, value)
	}
}

// WithBodyField sets a field of the JSON request body after the params
// are encoded. path is the key, or a dotted path for nested objects
// ("llm_config.model_wrapper"), created as needed. A backslash makes the
// next character part of the key: a key with a dot in it is written
// `tool_exec_environment_variables.APP\.MODE`, a backslash `\\`. A nil
// value sends an explicit JSON null, which a params struct cannot express.
// On a method without a JSON body it makes one.
func WithBodyField(path string, value any) RequestOption {
	return func(c *core.Config) {
		c.BodyFields = append(c.BodyFields, core.BodyField{Path: path, Value: value})
	}
}

// WithMaxRetries sets how many times a failed request may be retried (the
// default is 2; 0 disables retries). Which failures are retried is
// described on the letta package.
func WithMaxRetries(n int) RequestOption {
	return func(c *core.Config) {
		if n < 0 {
			c.Err = firstErr(c.Err, fmt.Errorf("letta: WithMaxRetries(%d): negative", n))
			return
		}
		c.MaxRetries = n
	}
}

// WithRequestTimeout bounds how long an attempt may wait on the server
// (default 60 s): for the response headers, and any silence while the
// request body is sent or the response body read. A transfer that keeps
// moving is never cut, however long it takes (the operating system may
// hold the last few MB of an upload, which the server must then read and
// answer within d). An attempt that runs out is retried by the usual
// rules; its error matches context.DeadlineExceeded. For a stream it
// bounds only the wait for the response headers, so a healthy stream may
// run for as long as it needs. The context given to the method bounds the
// whole call.
func WithRequestTimeout(d time.Duration) RequestOption {
	return func(c *core.Config) {
		if d <= 0 {
			c.Err = firstErr(c.Err, fmt.Errorf("letta: WithRequestTimeout(%s): not positive", d))
			return
		}
		c.RequestTimeout = d
	}
}

// WithStreamIdleTimeout ends a stream that sends nothing for d (default:
// no idle limit) with an error that says so.
func WithStreamIdleTimeout(d time.Duration) RequestOption {
	return func(c *core.Config) {
		if d < 0 {
			c.Err = firstErr(c.Err, fmt.Errorf("letta: WithStreamIdleTimeout(%s): negative", d))
			return
		}
		c.StreamIdleTimeout = d
	}
}

// WithMiddleware adds middlewares around every attempt; the first given
// is the outermost.
func WithMiddleware(middlewares ...Middleware) RequestOption {
	return func(c *core.Config) {
		c.Middlewares = append(c.Middlewares, middlewares...)
	}
}

func firstErr(have, err error) error {
	if have != nil {
		return have
	}
	return err
}
