// Package option holds the options that configure a Letta client or one
// call. Every option works in both places: given to letta.NewClient it
// applies to every call, given to a method it applies to that call and
// wins over the client's.
package option

import (
	"fmt"
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

// WithBaseURL sets the server's base URL, e.g. "http://localhost:8283". A
// path prefix ("https://proxy.example/letta") is kept. letta.NewClient
// reads LETTA_BASE_URL first; this option overrides it.
func WithBaseURL(base string) RequestOption {
	return func(c *core.Config) {
		u, err := url.Parse(base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			c.Err = firstErr(c.Err, fmt.Errorf("letta: WithBaseURL: %q is not an http:// or https:// URL with a host", redact(base)))
			return
		}
		c.BaseURL = base
	}
}

// WithHTTPClient sends requests through client instead of the SDK's
// shared default (whose transport keeps up to 128 idle connections per
// host and never forwards credentials to another host on a redirect).
// Give it no overall Timeout: it would cut long streams; use the context,
// WithRequestTimeout and WithStreamIdleTimeout instead.
func WithHTTPClient(client HTTPClient) RequestOption {
	return func(c *core.Config) {
		if client == nil {
			c.Err = firstErr(c.Err, fmt.Errorf("letta: WithHTTPClient: nil client"))
			return
		}
		c.HTTPClient = client
	}
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
// ("llm_config.model_wrapper"), created as needed. A nil value sends an
// explicit JSON null, which a params struct cannot express. On a method
// without a JSON body it makes one.
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

// WithRequestTimeout bounds each attempt of a request, including reading
// its response (default 60 s). For a stream it bounds only the wait for
// the response headers, so a healthy stream may run for as long as it
// needs. The context given to the method bounds the whole call.
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

func redact(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return "<unparsable URL>"
}
