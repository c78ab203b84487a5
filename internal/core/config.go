// Package core is the one HTTP core of the SDK: every resource method builds
// a [Request] and hands it to [Call], [Core.Do] or [Core.Stream], which
// apply the options, send it with retries and timeouts, and decode the
// response or the error.
package core

import (
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// Version is the SDK version sent in the User-Agent header.
const Version = "0.1.0"

// Defaults applied before any option.
const (
	DefaultMaxRetries     = 2
	DefaultRequestTimeout = 60 * time.Second
)

// HTTPDoer sends one HTTP request; *http.Client implements it.
type HTTPDoer interface {
	Do(*http.Request) (*http.Response, error)
}

// MiddlewareNext sends the request on to the next middleware or the transport.
type MiddlewareNext = func(*http.Request) (*http.Response, error)

// Middleware wraps every attempt of every request; it may inspect or change
// the request and the response.
type Middleware = func(*http.Request, MiddlewareNext) (*http.Response, error)

// BodyField is one patch applied to the JSON body: Path is a dotted key path.
type BodyField struct {
	// Path is the key, or dotted keys for nested objects; `\.` is a dot
	// inside a key and `\\` a backslash.
	Path string
	// Value is encoded as JSON; nil sends null.
	Value any
}

// Config is the resolved configuration of one call: the client's options
// followed by the call's own.
type Config struct {
	// BaseURL is the server's URL, to which request paths are appended.
	BaseURL string
	// Token is sent as "Authorization: Bearer <token>" when non-empty.
	Token string
	// ServerPassword is sent as "X-BARE-PASSWORD: password <pw>" when
	// non-empty.
	ServerPassword string
	// HTTPClient sends every attempt.
	HTTPClient HTTPDoer
	// Header holds extra headers; they replace the SDK's own.
	Header http.Header
	// Query holds extra query parameters; they replace the method's own.
	Query url.Values
	// BodyFields patch the JSON body after the params are encoded.
	BodyFields []BodyField
	// MaxRetries is how many times a failed attempt may be repeated.
	MaxRetries int
	// RequestTimeout bounds one attempt (for a stream, its headers).
	RequestTimeout time.Duration
	// StreamIdleTimeout ends a stream silent for that long; 0 means never.
	StreamIdleTimeout time.Duration
	// Middlewares wrap every attempt, the first outermost.
	Middlewares []Middleware
	// Logger, when set, gets one Debug record per attempt.
	Logger *slog.Logger
	// ResponseInto, when set, receives the final response (status and
	// headers).
	ResponseInto **http.Response
	// Err is the first error an option reported; the call fails with it
	// before anything is sent.
	Err error

	sealed [4]http.Header // the headers of each request kind, when built once
}

// seal builds the headers of every kind of request once, for a
// configuration shared by many calls; nothing may change it afterwards.
func (cfg *Config) seal() {
	for _, accept := range []string{"application/json", streamAccept} {
		for _, body := range []bool{false, true} {
			cfg.sealed[headerVariant(accept, body)] = cfg.buildHeaders(accept, body)
		}
	}
}

// clone returns a copy that options may change without touching cfg.
func (cfg *Config) clone() *Config {
	c := *cfg
	c.sealed = [4]http.Header{}
	c.Header = cfg.Header.Clone()
	if cfg.Query != nil {
		c.Query = make(url.Values, len(cfg.Query))
		for k, vs := range cfg.Query {
			c.Query[k] = vs
		}
	}
	c.BodyFields = slices.Clip(cfg.BodyFields)
	c.Middlewares = slices.Clip(cfg.Middlewares)
	return &c
}

// mayChangeRequest reports whether code outside the SDK and net/http
// handles the request (a middleware, or an HTTPClient that is not an
// *http.Client), which may change its URL or headers: each attempt then
// gets its own copies.
func (cfg *Config) mayChangeRequest() bool {
	if len(cfg.Middlewares) > 0 {
		return true
	}
	_, ok := cfg.HTTPClient.(*http.Client)
	return !ok
}

// RequestOption changes the configuration of a client or of one call.
type RequestOption func(*Config)

// NewConfig applies the client-wide options and then the call's options
// over the defaults, so a per-call option wins.
func NewConfig(client, call []RequestOption) *Config {
	cfg := &Config{
		HTTPClient:     DefaultHTTPClient,
		MaxRetries:     DefaultMaxRetries,
		RequestTimeout: DefaultRequestTimeout,
	}
	for _, opt := range client {
		opt(cfg)
	}
	for _, opt := range call {
		opt(cfg)
	}
	return cfg
}

// DefaultHTTPClient is shared by every client that does not bring its own.
// It has no overall timeout (that would cut long streams; the context and
// the per-attempt timeout bound calls instead), keeps enough idle
// connections per host for many concurrent callers, and never forwards the
// credentials to another host on a redirect.
var DefaultHTTPClient = &http.Client{
	Transport:     newTransport(),
	CheckRedirect: CheckRedirect,
}

func newTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   128,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}
}

// CheckRedirect follows at most 10 redirects. When a redirect leaves the
// original scheme and host, it keeps only the SDK's own non-secret
// headers: no Authorization, no X-BARE-PASSWORD, nothing set with
// WithHeader or by a middleware (net/http alone would keep them, and
// Authorization too for a subdomain).
func CheckRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errTooManyRedirects
	}
	stripCredentials(req, via)
	return nil
}

// stripCredentials removes every header but the portable ones from a
// redirect that leaves the original scheme and host.
func stripCredentials(req *http.Request, via []*http.Request) {
	if req.URL.Host == via[0].URL.Host && req.URL.Scheme == via[0].URL.Scheme {
		return
	}
	for k := range req.Header {
		if !portableHeaders[k] {
			delete(req.Header, k)
		}
	}
}

// portableHeaders may follow a redirect to another host.
var portableHeaders = map[string]bool{
	"User-Agent":         true,
	"Accept":             true,
	"Content-Type":       true,
	"X-Fern-Language":    true,
	"X-Fern-Sdk-Name":    true,
	"X-Fern-Sdk-Version": true,
}

// WithSafeRedirects returns a copy of client (client is not changed)
// whose redirects drop credentials as CheckRedirect does; the client's own
// CheckRedirect, if any, then decides whether to follow.
func WithSafeRedirects(client *http.Client) *http.Client {
	c := *client
	own := client.CheckRedirect
	if own == nil {
		c.CheckRedirect = CheckRedirect
		return &c
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		stripCredentials(req, via)
		return own(req, via)
	}
	return &c
}
