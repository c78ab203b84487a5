package core

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/types"
)

type item struct {
	ID   string `json:"id"`
	Name string `json:"name,omitzero"`
}

// recorded is what a test server saw of one request.
type recorded struct {
	Method, Path, RawPath, Query string
	Header                       http.Header
	Body                         []byte
}

// server starts an httptest server whose handler is called with the
// attempt number (0-based); it records every request.
func server(t *testing.T, handler func(w http.ResponseWriter, r *http.Request, attempt int)) (*httptest.Server, func() []recorded) {
	t.Helper()
	var mu sync.Mutex
	var reqs []recorded
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		n := len(reqs)
		reqs = append(reqs, recorded{r.Method, r.URL.Path, r.URL.RawPath, r.URL.RawQuery, r.Header.Clone(), body})
		mu.Unlock()
		handler(w, r, n)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []recorded {
		mu.Lock()
		defer mu.Unlock()
		return append([]recorded(nil), reqs...)
	}
}

func jsonReply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// client returns a Core for srv with fast retries.
func client(srv *httptest.Server, opts ...RequestOption) Core {
	base := []RequestOption{func(c *Config) { c.BaseURL = srv.URL; c.Token = "sk-secret-token" }}
	return NewCore(append(base, opts...))
}

func withRetries(n int) RequestOption { return func(c *Config) { c.MaxRetries = n } }
func withTimeout(d time.Duration) RequestOption {
	return func(c *Config) { c.RequestTimeout = d }
}

func get(c Core, path string, params ...string) (item, error) {
	return Call[item](context.Background(), c, Request{Method: http.MethodGet, Path: path, PathParams: params}, nil)
}

func TestURLJoinKeepsPrefixAndEscapesParams(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, _ int) { jsonReply(w, 200, `{"id":"x"}`) })
	for _, base := range []string{srv.URL + "/api", srv.URL + "/api/"} {
		c := NewCore([]RequestOption{func(c *Config) { c.BaseURL = base }})
		_, err := get(c, "v1/tools/{toolID}/actions/{actionID}", "a/b?c#d", "ünï code")
		require.NoError(t, err)
	}
	for _, r := range reqs() {
		assert.Equal(t, "/api/v1/tools/a/b?c#d/actions/ünï code", r.Path)
		assert.Equal(t, "/api/v1/tools/a%2Fb%3Fc%23d/actions/%C3%BCn%C3%AF%20code", r.RawPath)
		assert.Empty(t, r.Query)
	}
}

func TestEmptyOrDotPathParamIsRejectedBeforeSending(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, _ int) { jsonReply(w, 200, `{"id":"x"}`) })
	c := client(srv)
	_, err := get(c, "v1/agents/{agentID}", "")
	require.ErrorIs(t, err, types.ErrEmptyPathParam)
	assert.ErrorContains(t, err, ": agentID is empty: an id is required")
	for _, id := range []string{".", ".."} {
		_, err = get(c, "v1/agents/{agentID}", id)
		require.ErrorContains(t, err, "not a valid id")
	}
	assert.Empty(t, reqs())
}

func TestQueryEncoding(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, _ int) { jsonReply(w, 200, `[]`) })
	type q struct {
		Tags   []string `url:"tags,omitempty"`
		All    *bool    `url:"match_all_tags,omitempty"`
		Limit  *int     `url:"limit,omitempty"`
		After  *string  `url:"after,omitempty"`
		Search *string  `url:"query_text,omitempty"`
	}
	c := client(srv)
	_, err := Call[[]item](context.Background(), c, Request{Method: "GET", Path: "v1/agents/", Query: q{Tags: []string{"a b", "c&d"}, All: new(false), Limit: new(3), Search: new("x/y")}},
		[]RequestOption{func(c *Config) { c.Query = map[string][]string{"extra": {"1"}} }})
	require.NoError(t, err)
	got := reqs()[0]
	assert.Equal(t, "extra=1&limit=3&match_all_tags=false&query_text=x%2Fy&tags=a+b&tags=c%26d", got.Query)
}

func TestBodyEncodingAndBodyFields(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, _ int) { jsonReply(w, 200, `{"id":"x"}`) })
	type params struct {
		Name *string        `json:"name,omitzero"`
		Tags []string       `json:"tags,omitzero"`
		Meta map[string]any `json:"metadata,omitzero"`
	}
	c := client(srv)
	call := func(body any, opts ...RequestOption) string {
		_, err := Call[item](context.Background(), c, Request{Method: "PATCH", Path: "v1/x", Body: body}, opts)
		require.NoError(t, err)
		r := reqs()
		return string(r[len(r)-1].Body)
	}
	assert.JSONEq(t, `{}`, call(params{}))
	assert.JSONEq(t, `{"tags":[]}`, call(params{Tags: []string{}}))
	assert.JSONEq(t, `{"name":null,"llm_config":{"model_wrapper":null,"n":12345678901234567890},"tags":["a"]}`,
		call(params{Name: new("x"), Tags: []string{"a"}},
			func(c *Config) { c.BodyFields = append(c.BodyFields, BodyField{"name", nil}) },
			func(c *Config) { c.BodyFields = append(c.BodyFields, BodyField{"llm_config.model_wrapper", nil}) },
			func(c *Config) {
				c.BodyFields = append(c.BodyFields, BodyField{"llm_config.n", json.Number("12345678901234567890")})
			}))
	// A body field on a method without a body makes one.
	_, err := Call[item](context.Background(), c, Request{Method: "POST", Path: "v1/x"}, []RequestOption{func(c *Config) { c.BodyFields = []BodyField{{"a.b", 1}} }})
	require.NoError(t, err)
	r := reqs()
	assert.JSONEq(t, `{"a":{"b":1}}`, string(r[len(r)-1].Body))
	// A path through a non-object is an error.
	_, err = Call[item](context.Background(), c, Request{Method: "POST", Path: "v1/x", Body: params{Name: new("n")}},
		[]RequestOption{func(c *Config) { c.BodyFields = []BodyField{{"name.x", 1}} }})
	require.ErrorContains(t, err, `"name" is not an object`)
}

func TestSplitPath(t *testing.T) {
	for path, want := range map[string][]string{
		"name":             {"name"},
		"llm_config.model": {"llm_config", "model"},
		`env.APP\.MODE`:    {"env", "APP.MODE"},
		`env.A\.B\.C.d`:    {"env", "A.B.C", "d"},
		`back\\slash.x`:    {`back\slash`, "x"},
		`a\\.b`:            {`a\`, "b"},
		`trailing\`:        {`trailing\`},
		"":                 {""},
		"a..b":             {"a", "", "b"},
	} {
		assert.Equal(t, want, splitPath(path), "splitPath(%q)", path)
	}
}

func TestHeaders(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, _ int) { jsonReply(w, 200, `{"id":"x"}`) })
	_, err := Call[item](context.Background(), client(srv), Request{Method: "POST", Path: "v1/x", Body: struct{}{}},
		[]RequestOption{func(c *Config) { c.Header = http.Header{"X-Extra": {"1"}, "Accept": {"text/plain"}} }})
	require.NoError(t, err)
	_, err = get(NewCore([]RequestOption{func(c *Config) { c.BaseURL = srv.URL }}), "v1/y")
	require.NoError(t, err)
	r := reqs()
	assert.Equal(t, "Bearer sk-secret-token", r[0].Header.Get("Authorization"))
	assert.Equal(t, "letta-go/"+Version, r[0].Header.Get("User-Agent"))
	assert.Equal(t, "Go", r[0].Header.Get("X-Fern-Language"))
	assert.Equal(t, "letta-go", r[0].Header.Get("X-Fern-SDK-Name"))
	assert.Equal(t, Version, r[0].Header.Get("X-Fern-SDK-Version"))
	assert.Equal(t, "application/json", r[0].Header.Get("Content-Type"))
	assert.Equal(t, "text/plain", r[0].Header.Get("Accept"))
	assert.Equal(t, "1", r[0].Header.Get("X-Extra"))
	assert.Equal(t, "2", r[0].Header.Get("Content-Length"))
	_, hasAuth := r[1].Header["Authorization"]
	assert.False(t, hasAuth, "no token, no Authorization header")
	assert.Empty(t, r[1].Header.Get("Content-Type"))
	assert.Equal(t, "application/json", r[1].Header.Get("Accept"))
}

// statusThenOK answers status (with Retry-After-Ms: 1) for the first n
// attempts, then 200.
func statusThenOK(status, n int) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, r *http.Request, attempt int) {
		if attempt < n {
			w.Header().Set("Retry-After-Ms", "1")
			jsonReply(w, status, `{"detail":"try again"}`)
			return
		}
		jsonReply(w, 200, `{"id":"ok"}`)
	}
}

type retryCase struct {
	method string
	status int
	retry  bool
}

func TestRetryRules(t *testing.T) {
	var cases []retryCase
	for _, s := range []int{408, 409, 429, 500, 501, 502, 503, 504} {
		cases = append(cases,
			retryCase{"GET", s, true}, retryCase{"PUT", s, true}, retryCase{"DELETE", s, true},
			retryCase{"POST", s, s == 429 || s == 503}, retryCase{"PATCH", s, s == 429 || s == 503})
	}
	for _, s := range []int{400, 401, 403, 404, 422, 425} {
		cases = append(cases, retryCase{"GET", s, false}, retryCase{"POST", s, false})
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s-%d", tc.method, tc.status), func(t *testing.T) {
			srv, reqs := server(t, statusThenOK(tc.status, 1))
			got, err := Call[item](context.Background(), client(srv), Request{Method: tc.method, Path: "v1/x", Body: map[string]int{"a": 1}}, nil)
			if tc.retry {
				require.NoError(t, err)
				assert.Equal(t, "ok", got.ID)
				require.Len(t, reqs(), 2)
				assert.Equal(t, reqs()[0].Body, reqs()[1].Body, "a retry resends the same body")
				return
			}
			var apiErr *types.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Len(t, reqs(), 1)
		})
	}
}

func TestRetriesAreBoundedByMaxRetries(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		srv, reqs := server(t, statusThenOK(503, 100))
		_, err := get(client(srv, withRetries(n)), "v1/x")
		require.ErrorIs(t, err, types.ErrServer)
		assert.Len(t, reqs(), n+1)
	}
}

func TestRetryAfterHeaders(t *testing.T) {
	now := time.Now()
	cases := []struct {
		header http.Header
		want   time.Duration
	}{
		{http.Header{"Retry-After": {"2"}}, 2 * time.Second},
		{http.Header{"Retry-After": {"0"}}, 0},
		{http.Header{"Retry-After": {"1.5"}}, 1500 * time.Millisecond},
		{http.Header{"Retry-After-Ms": {"250"}}, 250 * time.Millisecond},
		{http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"9"}}, 250 * time.Millisecond},
		{http.Header{"Retry-After": {"3600"}}, MaxRetryAfter},
		{http.Header{"Retry-After-Ms": {"99999999"}}, MaxRetryAfter},
		{http.Header{"Retry-After": {"-5"}}, -1},
		{http.Header{"Retry-After": {"soon"}}, -1},
		{http.Header{"Retry-After-Ms": {"NaN"}}, -1},
		{http.Header{"Retry-After": {now.Add(-2 * time.Minute).UTC().Format(http.TimeFormat)}}, 0},
		{http.Header{}, -1},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, retryAfter(tc.header), "%v", tc.header)
	}
	date := retryAfter(http.Header{"Retry-After": {now.Add(10 * time.Second).UTC().Format(http.TimeFormat)}})
	assert.InDelta(t, 10*time.Second, date, float64(1100*time.Millisecond))
}

func TestBackoffGrowsWithJitterAndCap(t *testing.T) {
	for range 200 {
		for attempt, base := range []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second, 8 * time.Second} {
			d := backoff(attempt, -1)
			assert.LessOrEqual(t, d, base)
			assert.GreaterOrEqual(t, d, base*3/4)
		}
	}
	assert.Equal(t, 3*time.Second, backoff(0, 3*time.Second), "Retry-After wins")
}

func TestRetryAfterIsHonoured(t *testing.T) {
	var times []time.Time
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, attempt int) {
		times = append(times, time.Now())
		if attempt == 0 {
			w.Header().Set("Retry-After-Ms", "300")
			jsonReply(w, 429, `{}`)
			return
		}
		jsonReply(w, 200, `{"id":"ok"}`)
	})
	_, err := get(client(srv), "v1/x")
	require.NoError(t, err)
	require.Len(t, times, 2)
	assert.GreaterOrEqual(t, times[1].Sub(times[0]), 300*time.Millisecond)
}

func TestContextDeadlineEndsRetryStorm(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Retry-After", "30")
		jsonReply(w, 503, `{"detail":"busy"}`)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := Call[item](ctx, client(srv, withRetries(10)), Request{Method: "GET", Path: "v1/x"}, nil)
	require.ErrorIs(t, err, types.ErrServer, "the last response is the error")
	assert.Len(t, reqs(), 1, "no attempt is made that the deadline would cut")
	assert.Less(t, time.Since(start), time.Second)

	// Cancelling during a backoff wait ends it at once.
	srv2, _ := server(t, statusThenOK(503, 100))
	ctx2, cancel2 := context.WithCancel(context.Background())
	c := NewCore([]RequestOption{func(c *Config) { c.BaseURL = srv2.URL }, withRetries(5)})
	go func() { time.Sleep(100 * time.Millisecond); cancel2() }()
	srv2.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "20")
		jsonReply(w, 503, `{}`)
	})
	start = time.Now()
	_, err = Call[item](ctx2, c, Request{Method: "GET", Path: "v1/x"}, nil)
	require.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestCancelledContextSendsNothing(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, _ int) { jsonReply(w, 200, `{"id":"x"}`) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Call[item](ctx, client(srv), Request{Method: "GET", Path: "v1/x"}, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, reqs())
}

func TestRequestTimeoutPerAttempt(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, attempt int) {
		if attempt == 0 {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		jsonReply(w, 200, `{"id":"ok"}`)
	})
	// GET: the timed-out attempt is retried.
	got, err := get(client(srv, withTimeout(100*time.Millisecond), withRetries(1)), "v1/x")
	require.NoError(t, err)
	assert.Equal(t, "ok", got.ID)
	assert.Len(t, reqs(), 2)

	// POST: the server may have acted, so no retry.
	srv2, reqs2 := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		<-r.Context().Done()
	})
	_, err = Call[item](context.Background(), client(srv2, withTimeout(100*time.Millisecond)), Request{Method: "POST", Path: "v1/x", Body: struct{}{}}, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.ErrorContains(t, err, "request timeout")
	assert.Len(t, reqs2(), 1)
}

func TestConnectionRefusedIsRetriedEvenForPOST(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	var attempts atomic.Int32
	count := func(c *Config) {
		c.Middlewares = append(c.Middlewares, func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
			attempts.Add(1)
			return next(r)
		})
	}
	c := NewCore([]RequestOption{func(c *Config) { c.BaseURL = "http://" + addr }, count, withRetries(2), func(c *Config) {}})
	// With a body, the body was never read; without one (the dial check),
	// the connection never opened.
	for _, body := range []any{struct{}{}, nil} {
		attempts.Store(0)
		start := time.Now()
		_, err = Call[item](context.Background(), c, Request{Method: "POST", Path: "v1/x", Body: body}, nil)
		require.Error(t, err)
		assert.ErrorContains(t, err, "connection refused")
		assert.NotContains(t, err.Error(), "sk-")
		assert.EqualValues(t, 3, attempts.Load(), "body %v", body)
		assert.Less(t, time.Since(start), 10*time.Second)
	}
}

// A POST without a body whose connection opened may have reached the
// server: a connection closed before the response is not retried.
func TestBodilessPOSTCutBeforeTheResponseIsNotRetried(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	var accepted atomic.Int32
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			_, _ = http.ReadRequest(bufio.NewReader(conn)) // the whole request arrives
			conn.Close()
		}
	}()
	c := NewCore([]RequestOption{func(c *Config) { c.BaseURL = "http://" + ln.Addr().String() }, withRetries(2)})
	_, err = Call[item](context.Background(), c, Request{Method: "POST", Path: "v1/x"}, nil)
	require.Error(t, err)
	assert.EqualValues(t, 1, accepted.Load())
}

func TestBadBodies(t *testing.T) {
	cases := []struct {
		name, ctype, body string
		status            int
		want              string
	}{
		{"malformed", "application/json", `{"id": nope}`, 200, "invalid character"},
		{"truncated", "application/json", `{"id": "abc`, 200, "unexpected end of JSON input"},
		{"html200", "text/html", `<html><body>Welcome to nginx</body></html>`, 200, "body begins \"<html><body>Welcome to nginx"},
		{"empty", "application/json", ``, 200, "empty body"},
		{"null", "application/json", `null`, 200, "body is null"},
		{"trailing", "application/json", `{"id":"a"} {"id":"b"}`, 200, "after top-level value"},
		{"wrong shape", "application/json", `["a"]`, 200, "cannot unmarshal array"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				w.Header().Set("Content-Type", tc.ctype)
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			})
			got, err := Call[*item](context.Background(), client(srv), Request{Method: "GET", Path: "v1/x"}, nil)
			assert.Nil(t, got)
			var de *types.DecodeError
			require.ErrorAs(t, err, &de)
			assert.ErrorContains(t, err, tc.want)
			assert.Contains(t, err.Error(), "core.item")
		})
	}
}

func TestErrorResponses(t *testing.T) {
	cases := []struct {
		status      int
		body        string
		sentinel    error
		detail      string
		validations int
	}{
		{404, `{"detail":"Agent not found"}`, types.ErrNotFound, "Agent not found", 0},
		{422, `{"detail":[{"loc":["body","messages",0],"msg":"field required","type":"missing"}]}`, types.ErrUnprocessable, "", 1},
		{409, `{"message":"Conflict"}`, types.ErrConflict, "Conflict", 0},
		{401, `{"detail":"Unauthorized"}`, types.ErrUnauthorized, "Unauthorized", 0},
		{400, `{"detail":{"code":"X","message":"bad composio","composio_action_name":"A"}}`, nil, "bad composio", 0},
		{403, `{"error":{"type":"AccessDenied","message":"no bedrock","details":{}}}`, nil, "no bedrock", 0},
		{502, `<html><body><h1>502 Bad Gateway</h1></body></html>`, types.ErrServer, "", 0},
	}
	for _, tc := range cases {
		srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, _ int) { jsonReply(w, tc.status, tc.body) })
		_, err := get(client(srv, withRetries(0)), "v1/agents/{agentID}", "agent-1")
		var apiErr *types.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, tc.status, apiErr.StatusCode)
		assert.Equal(t, "GET", apiErr.Method)
		assert.Equal(t, srv.URL+"/v1/agents/agent-1", apiErr.URL)
		assert.Equal(t, tc.body, string(apiErr.Body))
		assert.Equal(t, tc.detail, apiErr.Detail)
		assert.Len(t, apiErr.ValidationErrors, tc.validations)
		if tc.sentinel != nil {
			assert.ErrorIs(t, err, tc.sentinel)
		}
		for _, other := range []error{types.ErrNotFound, types.ErrUnprocessable, types.ErrConflict, types.ErrUnauthorized, types.ErrRateLimited, types.ErrServer} {
			if other != tc.sentinel {
				assert.NotErrorIs(t, err, other)
			}
		}
	}
}

func TestValidationErrorText(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		jsonReply(w, 422, `{"detail":[{"loc":["body","messages",0,"role"],"msg":"field required","type":"missing"}]}`)
	})
	_, err := get(client(srv), "v1/x")
	assert.ErrorContains(t, err, "422 Unprocessable Entity: body.messages.0.role: field required")
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, []any{"body", "messages", 0, "role"}, apiErr.ValidationErrors[0].Loc)
}

func TestTokenNeverInErrors(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		jsonReply(w, 400, `{"detail":"bad header `+r.Header.Get("Authorization")+`"}`)
	})
	_, err := get(client(srv, withRetries(0)), "v1/x")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "sk-secret-token")
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.NotContains(t, string(apiErr.Body), "sk-secret-token")
	assert.Contains(t, string(apiErr.Body), "[REDACTED]")

	// Credentials in the base URL are redacted too.
	c := NewCore([]RequestOption{func(c *Config) { c.BaseURL = strings.Replace(srv.URL, "http://", "http://user:pw-secret@", 1) }})
	_, err = get(c, "v1/x")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "pw-secret")
}

// cutServer answers the first attempt with headers and half a body, then
// closes the connection; later attempts get the whole body.
func cutServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			io.Copy(io.Discard, r.Body) // unread input would make the close a reset
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\": \"par")
			buf.Flush()
			conn.Close()
			return
		}
		jsonReply(w, 200, `{"id":"whole"}`)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestConnectionClosedMidBody(t *testing.T) {
	srv, n := cutServer(t)
	got, err := get(client(srv), "v1/x")
	require.NoError(t, err, "a GET cut mid-body is retried")
	assert.Equal(t, "whole", got.ID)
	assert.EqualValues(t, 2, n.Load())

	srv2, n2 := cutServer(t)
	_, err = Call[item](context.Background(), client(srv2), Request{Method: "POST", Path: "v1/x", Body: struct{}{}}, nil)
	require.Error(t, err, "a POST cut mid-body was acted on: no retry")
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.EqualValues(t, 1, n2.Load())
}

// TestConcurrentCallersReuseConnections checks what the SDK controls for
// connection reuse, with assertions that hold under any scheduling: the
// default transport keeps a connection per concurrent caller, and every
// response body is read to its end and closed, which is what lets
// net/http put a connection back in the pool. (Whether net/http then
// recycles it also depends on goroutine timing: it drops a connection
// whose request write it has not seen acknowledged within 50 ms, so an
// exact count of connections after warm-up fails on a loaded machine.)
func TestConcurrentCallersReuseConnections(t *testing.T) {
	const callers = 64
	var opened, closed atomic.Int32
	// During the waves every request waits until all callers are in
	// flight, so each wave holds exactly one connection per caller.
	gate := newGate(callers)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/gated" {
			gate.wait(r.Context())
		}
		jsonReply(w, 200, `{"id":"x","name":"`+strings.Repeat("y", 2000)+`"}`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			opened.Add(1)
		case http.StateClosed:
			closed.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	tr := DefaultHTTPClient.Transport.(*http.Transport)
	require.GreaterOrEqual(t, tr.MaxIdleConnsPerHost, callers, "the default transport keeps a connection per concurrent caller")

	bodies := &bodyAudit{next: tr}
	c := client(srv, func(c *Config) { c.HTTPClient = &http.Client{Transport: bodies} })
	wave := func(path string, calls int) {
		var wg sync.WaitGroup
		for range callers {
			wg.Go(func() {
				for range calls {
					got, err := get(c, path)
					if !assert.NoError(t, err) || !assert.Equal(t, "x", got.ID) {
						return
					}
				}
			})
		}
		wg.Wait()
	}
	// No response leaves the server before all 64 requests arrived, so
	// no connection can serve two of them: exactly 64 are opened.
	wave("v1/gated", 1)
	assert.EqualValues(t, callers, opened.Load(), "one connection per concurrent caller")

	wave("v1/free", 20)
	gate.reset()
	wave("v1/gated", 1)
	assert.EqualValues(t, 2*callers+20*callers, bodies.read.Load(), "every response body is read to its end")
	assert.EqualValues(t, bodies.read.Load(), bodies.closed.Load(), "and closed")
	// Each connection opened after warm-up replaces one net/http dropped
	// (and so closed): with every body read and closed, the pool never
	// runs dry while fewer than 64 calls are in flight.
	require.Eventually(t, func() bool { return opened.Load()-callers <= closed.Load() }, 10*time.Second, 10*time.Millisecond,
		"opened %d, closed %d", opened.Load(), closed.Load())
}

// gate releases its waiters once n of them are waiting.
type gate struct {
	mu      sync.Mutex
	n, in   int
	release chan struct{}
}

func newGate(n int) *gate { return &gate{n: n, release: make(chan struct{})} }

func (g *gate) wait(ctx context.Context) {
	g.mu.Lock()
	g.in++
	if g.in == g.n {
		close(g.release)
	}
	release := g.release
	g.mu.Unlock()
	select {
	case <-release:
	case <-ctx.Done():
	}
}

func (g *gate) reset() {
	g.mu.Lock()
	g.in, g.release = 0, make(chan struct{})
	g.mu.Unlock()
}

// bodyAudit counts response bodies read to EOF and closed.
type bodyAudit struct {
	next         http.RoundTripper
	read, closed atomic.Int32
}

func (a *bodyAudit) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := a.next.RoundTrip(r)
	if err == nil {
		resp.Body = &auditedBody{ReadCloser: resp.Body, a: a}
	}
	return resp, err
}

type auditedBody struct {
	io.ReadCloser
	a         *bodyAudit
	eof, shut bool
}

func (b *auditedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF && !b.eof {
		b.eof = true
		b.a.read.Add(1)
	}
	return n, err
}

func (b *auditedBody) Close() error {
	if !b.shut {
		b.shut = true
		b.a.closed.Add(1)
	}
	return b.ReadCloser.Close()
}

func TestRedirects(t *testing.T) {
	var leaked atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Store(r.Header.Get("Authorization"))
		jsonReply(w, 200, `{"id":"moved"}`)
	}))
	defer other.Close()
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == "/loop" {
			http.Redirect(w, r, "/loop", http.StatusFound)
			return
		}
		// 127.0.0.1 vs localhost: another host, same machine.
		http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/v1/x", http.StatusTemporaryRedirect)
	})
	got, err := get(client(srv), "v1/x")
	require.NoError(t, err)
	assert.Equal(t, "moved", got.ID)
	assert.Equal(t, "", leaked.Load(), "Authorization is not sent to another host")

	_, err = get(client(srv), "loop")
	require.ErrorContains(t, err, "stopped after 10 redirects")
}

func TestMultipartUploadRetriesOnlySeekableReaders(t *testing.T) {
	srv, reqs := server(t, statusThenOK(503, 1))
	c := client(srv)
	upload := func(r io.Reader) error {
		_, err := Call[item](context.Background(), c, Request{Method: "POST", Path: "v1/sources/{sourceID}/upload", PathParams: []string{"s"},
			File: &File{Field: "file", Filename: "nötes \"1\".txt", ContentType: "text/plain", Reader: r}}, nil)
		return err
	}
	require.NoError(t, upload(strings.NewReader("hello")))
	all := reqs()
	require.Len(t, all, 2)
	// The upload's Content-Type stays with it: the client's shared
	// headers are not changed.
	_, err := Call[item](context.Background(), c, Request{Method: "GET", Path: "v1/x"}, nil)
	require.NoError(t, err)
	assert.Empty(t, reqs()[2].Header.Get("Content-Type"))
	for _, r := range all {
		assert.Contains(t, string(r.Body), "Content-Disposition: form-data; name=\"file\"; filename=\"nötes \\\"1\\\".txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--")
		assert.True(t, strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data; boundary="))
	}

	srv2, reqs2 := server(t, statusThenOK(503, 1))
	c = client(srv2)
	err = upload(io.MultiReader(strings.NewReader("once"))) // not seekable
	require.ErrorIs(t, err, types.ErrServer)
	assert.Len(t, reqs2(), 1)
}

func TestPaginate(t *testing.T) {
	pages := map[string][]item{"": {{ID: "a"}, {ID: "b"}}, "b": {{ID: "c"}, {ID: "d"}}, "d": {{ID: "e"}}}
	fetch := func(after *string) ([]item, error) {
		if after == nil {
			return pages[""], nil
		}
		if *after == "boom" {
			return nil, errors.New("page failed")
		}
		return pages[*after], nil
	}
	collect := func(seq func(func(item, error) bool)) (ids []string, err error) {
		for it, e := range seq {
			if e != nil {
				return ids, e
			}
			ids = append(ids, it.ID)
		}
		return ids, nil
	}
	id := func(i item) string { return i.ID }
	ids, err := collect(Paginate(context.Background(), nil, new(2), fetch, id))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, ids)

	// Early break fetches no more pages.
	calls := 0
	for it := range Paginate(context.Background(), nil, new(2), func(after *string) ([]item, error) { calls++; return fetch(after) }, id) {
		if it.ID == "b" {
			break
		}
	}
	assert.Equal(t, 1, calls)

	// A failing page ends the sequence with its error.
	ids, err = collect(Paginate(context.Background(), new("boom"), nil, fetch, id))
	assert.Empty(t, ids)
	assert.EqualError(t, err, "page failed")

	// A cursor that does not advance is an error, not a loop.
	_, err = collect(Paginate(context.Background(), nil, nil, func(*string) ([]item, error) { return []item{{ID: "same"}}, nil }, id))
	assert.ErrorContains(t, err, "did not advance")

	// An item without a cursor is an error, not a request with after=.
	_, err = collect(Paginate(context.Background(), nil, nil, func(*string) ([]item, error) { return []item{{ID: ""}}, nil }, id))
	assert.ErrorContains(t, err, "no cursor")

	// A cancelled context stops before the next page.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = collect(Paginate(ctx, nil, nil, fetch, id))
	assert.ErrorIs(t, err, context.Canceled)
}

func TestStream(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, attempt int) {
		switch r.URL.Path {
		case "/v1/json":
			jsonReply(w, 200, `{"not":"a stream"}`)
		case "/v1/err":
			jsonReply(w, 503, `{"detail":"down"}`)
		case "/v1/500":
			jsonReply(w, 500, `{"detail":"boom"}`)
		default:
			w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
			w.WriteHeader(200)
			w.(http.Flusher).Flush()
			time.Sleep(300 * time.Millisecond) // longer than the request timeout
			io.WriteString(w, "data: [DONE]\n\n")
		}
	})
	c := client(srv, withTimeout(150*time.Millisecond))
	s, err := c.Stream(context.Background(), Request{Method: "POST", Path: "v1/ok", Body: struct{}{}}, nil)
	require.NoError(t, err)
	body, err := io.ReadAll(s.Body)
	require.NoError(t, err, "the request timeout bounds only the headers")
	assert.Equal(t, "data: [DONE]\n\n", string(body))
	s.Cancel(nil)
	assert.Equal(t, "text/event-stream", reqs()[0].Header.Get("Accept"))

	_, err = c.Stream(context.Background(), Request{Method: "POST", Path: "v1/json", Body: struct{}{}}, nil)
	var de *types.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Contains(t, err.Error(), `{\"not\":\"a stream\"}`)

	c = client(srv, withTimeout(150*time.Millisecond), func(c *Config) { c.MaxRetries = 2 })
	_, err = c.Stream(context.Background(), Request{Method: "POST", Path: "v1/err", Body: struct{}{}}, nil)
	require.ErrorIs(t, err, types.ErrServer)
	_, err = c.Stream(context.Background(), Request{Method: "POST", Path: "v1/500", Body: struct{}{}}, nil)
	require.ErrorIs(t, err, types.ErrServer)
	n := map[string]int{}
	for _, r := range reqs() {
		n[r.Path]++
	}
	assert.Equal(t, 3, n["/v1/err"], "a 503 before any event is retried, as for any POST")
	assert.Equal(t, 1, n["/v1/500"], "a 500 may come from an agent that acted: not retried")
	assert.Equal(t, 1, n["/v1/ok"], "an open stream is never retried")
}

func TestOptionErrorsStopTheCall(t *testing.T) {
	c := NewCore([]RequestOption{func(c *Config) { c.Err = errors.New("bad option") }})
	_, err := get(c, "v1/x")
	require.EqualError(t, err, "bad option")
	c = NewCore([]RequestOption{func(c *Config) { c.BaseURL = "ftp://x" }})
	_, err = get(c, "v1/x")
	require.ErrorContains(t, err, "invalid base URL")
}

func TestMiddlewareOrderAndNilResponse(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		jsonReply(w, 200, `{"id":"`+r.Header.Get("X-Order")+`"}`)
	})
	var order bytes.Buffer
	mw := func(name string) Middleware {
		return func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
			order.WriteString(name)
			r.Header.Set("X-Order", r.Header.Get("X-Order")+name)
			return next(r)
		}
	}
	got, err := get(client(srv, func(c *Config) { c.Middlewares = []Middleware{mw("a"), mw("b")} }), "v1/x")
	require.NoError(t, err)
	assert.Equal(t, "ab", got.ID)

	bad := func(c *Config) {
		c.Middlewares = []Middleware{func(*http.Request, MiddlewareNext) (*http.Response, error) { return nil, nil }}
	}
	_, err = get(client(srv, bad, withRetries(0)), "v1/x")
	require.ErrorContains(t, err, "neither a response nor an error")
}

func TestListsDecodeElementByElement(t *testing.T) {
	cases := []struct{ body, want string }{
		{`[{"id":"a"},{"id":"b"}]`, ""},
		{` [ ] `, ""},
		{`[{"id":"a"},{"id":3}]`, "element 1: json: cannot unmarshal number"},
		{`[{"id":"a"}`, "unexpected EOF"},
		{`{"id":"a"}`, "cannot unmarshal object into Go value of type []core.item"},
		{`"x"`, "cannot unmarshal string"},
		{`null`, "body is null"},
		{``, "empty body"},
		{`[] []`, "unexpected data after"},
	}
	for _, tc := range cases {
		// A chunked body (no Content-Length) takes the element-by-element
		// path, as a long list does.
		srv, _ := server(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			w.Header().Set("Content-Type", "application/json")
			w.(http.Flusher).Flush()
			io.WriteString(w, tc.body)
		})
		got, err := Call[[]item](context.Background(), client(srv), Request{Method: "GET", Path: "v1/x"}, nil)
		if tc.want == "" {
			require.NoError(t, err, tc.body)
			assert.NotNil(t, got, "an empty list is not nil")
			continue
		}
		var de *types.DecodeError
		require.ErrorAs(t, err, &de, tc.body)
		assert.ErrorContains(t, err, tc.want)
		assert.Nil(t, got)
	}
}

// caller names the SDK method from the stack; a closure or goroutine
// wrapper inside a method is named as the method.
func TestShortFuncName(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/letta-go/letta/agents.(*Client).Retrieve":             "agents.Client.Retrieve",
		"github.com/letta-go/letta/agents.(*Client).ListIter.func1":       "agents.Client.ListIter",
		"github.com/letta-go/letta/agents.(*Client).ListIter.func1.1":     "agents.Client.ListIter",
		"github.com/letta-go/letta/sources.(*FilesClient).Upload.gowrap1": "sources.FilesClient.Upload",
		"github.com/letta-go/letta/agents.(*MessagesClient).Modify":       "agents.MessagesClient.Modify",
		"github.com/letta-go/letta/internal/core.TestShortFuncName.func1": "core.TestShortFuncName",
		"main.main": "main.main",
	} {
		assert.Equal(t, want, shortFuncName(in), in)
	}
	assert.Equal(t, "core.TestShortFuncName", func() string { return shortFuncName(callerName()) }())
}

func callerName() string {
	var pcs [1]uintptr
	runtime.Callers(2, pcs[:])
	f, _ := runtime.CallersFrames(pcs[:]).Next()
	return f.Function
}

// A bad base URL is quoted in its error with its password hidden.
func TestCheckBaseURLHidesThePassword(t *testing.T) {
	for _, base := range []string{"ftp://u:sekrit@host", "http://u:sekrit@host/?q=1"} {
		err := CheckBaseURL(base)
		require.Error(t, err, base)
		assert.NotContains(t, err.Error(), "sekrit")
		assert.Contains(t, err.Error(), "u:xxxxx@host")
	}
	require.NoError(t, CheckBaseURL("http://u:sekrit@host/v1"))
}

// A middleware that changes a request's headers or URL changes that
// attempt only: the headers and URL the client shares between calls and
// attempts stay as they were.
func TestMiddlewareChangesDoNotLeak(t *testing.T) {
	srv, reqs := server(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 0 {
			w.Header().Set("Retry-After-Ms", "1")
			jsonReply(w, 503, `{}`)
			return
		}
		jsonReply(w, 200, `{"id":"x"}`)
	})
	mw := func(c *Config) {
		c.Middlewares = append(c.Middlewares, func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
			r.Header.Add("X-Mark", "1")
			r.URL.Path += "/more"
			return next(r)
		})
	}
	c := client(srv, mw, withRetries(1), func(c *Config) {})
	_, err := get(c, "v1/x")
	require.NoError(t, err)
	_, err = get(c, "v1/x")
	require.NoError(t, err)
	got := reqs()
	require.Len(t, got, 3)
	for _, r := range got {
		assert.Equal(t, []string{"1"}, r.Header.Values("X-Mark"))
		assert.Equal(t, "/v1/x/more", r.Path)
	}
}

// A redirect keeps the credentials only on the same scheme and host: an
// https API redirected to http (same host) would send them in clear text.
func TestStripCredentialsComparesSchemeAndHost(t *testing.T) {
	for target, kept := range map[string]bool{
		"https://api.example/v1/y":   true,
		"http://api.example/v1/y":    false,
		"https://other.example/v1/y": false,
		"https://api.example:8443/y": false,
	} {
		first, _ := http.NewRequest("GET", "https://api.example/v1/x", nil)
		req, _ := http.NewRequest("GET", target, nil)
		req.Header.Set("Authorization", "Bearer sk-secret")
		req.Header.Set("X-Custom", "from WithHeader")
		req.Header.Set("User-Agent", "letta-go")
		stripCredentials(req, []*http.Request{first})
		assert.Equal(t, kept, req.Header.Get("Authorization") != "", target)
		assert.Equal(t, kept, req.Header.Get("X-Custom") != "", target)
		assert.Equal(t, "letta-go", req.Header.Get("User-Agent"), target)
	}
}
