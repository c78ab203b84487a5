package letta_test

// The reliability suite: every case goes through the public API against a
// server that misbehaves on purpose, and checks that the SDK returns a
// clear error or recovers by a safe retry, never panics, never leaks the
// token, and leaves no goroutine or connection behind. TestReliability
// prints how many cases ran.

import (
	"bufio"
	"context"
	"crypto/tls"
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

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

const secretToken = "sk-live-very-secret-123"

// rawServer accepts TCP connections and hands each to handle with the
// 0-based connection number; it counts connections.
type rawServer struct {
	ln    net.Listener
	conns atomic.Int32
	wg    sync.WaitGroup
}

func newRawServer(t *testing.T, handle func(c net.Conn, n int)) *rawServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &rawServer{ln: ln}
	s.wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			n := int(s.conns.Add(1)) - 1
			s.wg.Go(func() {
				defer c.Close()
				handle(c, n)
			})
		}
	})
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

func (s *rawServer) URL() string { return "http://" + s.ln.Addr().String() }

// readRequest reads one request (headers and body) from a connection.
func readRequest(c net.Conn) (*http.Request, error) {
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err == nil {
		io.Copy(io.Discard, req.Body)
	}
	return req, err
}

const toolJSON = `{"id":"tool-1","name":"echo","source_code":"def echo(): pass","tags":[]}`

func okResponse(body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
}

// faultCase is one misbehaving server and what the SDK must do about it.
type faultCase struct {
	name string
	// handle serves connection n (0-based); nil means a refused connection.
	handle func(t *testing.T, c net.Conn, n int)
	// post sends tools.Create (POST) instead of tools.Retrieve (GET).
	post bool
	opts []option.RequestOption
	// wantConns is how many connections the SDK must open (attempts).
	wantConns int
	// wantErr is a substring of the error, or "" for success.
	wantErr string
	// wantIs, when set, must match the error with errors.Is.
	wantIs error
}

func networkFaults() []faultCase {
	cut := func(prefix string) func(*testing.T, net.Conn, int) {
		return func(t *testing.T, c net.Conn, n int) {
			if _, err := readRequest(c); err != nil {
				return
			}
			if n == 0 {
				io.WriteString(c, prefix)
				return // close
			}
			io.WriteString(c, okResponse(toolJSON))
		}
	}
	reset := func(t *testing.T, c net.Conn, n int) {
		readRequest(c)
		if n == 0 {
			c.(*net.TCPConn).SetLinger(0) // RST instead of FIN
			return
		}
		io.WriteString(c, okResponse(toolJSON))
	}
	hang := func(t *testing.T, c net.Conn, n int) {
		readRequest(c)
		io.Copy(io.Discard, c) // until the client gives up
	}
	drip := func(t *testing.T, c net.Conn, n int) {
		readRequest(c)
		for _, b := range []byte(okResponse(toolJSON)) {
			if _, err := c.Write([]byte{b}); err != nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	fast := []option.RequestOption{option.WithRequestTimeout(300 * time.Millisecond)}
	return []faultCase{
		{name: "connection refused, GET", handle: nil, wantConns: 0, wantErr: "connection refused"},
		{name: "connection refused, POST", handle: nil, post: true, wantConns: 0, wantErr: "connection refused"},
		{name: "reset before the response, GET retried", handle: reset, wantConns: 2},
		{name: "reset before the response, POST not retried", handle: reset, post: true, wantConns: 1, wantErr: "connection reset"},
		{name: "closed mid-headers, GET retried", handle: cut("HTTP/1.1 200 OK\r\nContent-Ty"), wantConns: 2},
		{name: "closed mid-headers, POST not retried", handle: cut("HTTP/1.1 200 OK\r\nContent-Ty"), post: true, wantConns: 1, wantErr: "transport connection broken"},
		{name: "closed mid-body, GET retried", handle: cut("HTTP/1.1 200 OK\r\nContent-Length: 80\r\n\r\n{\"id\":\"to"), wantConns: 2},
		{name: "closed mid-body, POST not retried", handle: cut("HTTP/1.1 200 OK\r\nContent-Length: 80\r\n\r\n{\"id\":\"to"), post: true, wantConns: 1, wantIs: io.ErrUnexpectedEOF},
		{name: "never answers, GET times out each attempt", handle: hang, opts: fast, wantConns: 3, wantIs: context.DeadlineExceeded},
		{name: "never answers, POST times out once", handle: hang, post: true, opts: fast, wantConns: 1, wantIs: context.DeadlineExceeded},
		{name: "slow drip ends with the request timeout", handle: drip, opts: append(fast, option.WithMaxRetries(0)), wantConns: 1, wantIs: context.DeadlineExceeded},
	}
}

func runFault(t *testing.T, fc faultCase) {
	var url string
	var srv *rawServer
	if fc.handle == nil {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		url = "http://" + ln.Addr().String()
		ln.Close()
	} else {
		srv = newRawServer(t, func(c net.Conn, n int) { fc.handle(t, c, n) })
		url = srv.URL()
	}
	// Fresh transport per case so no pooled connection skews the count;
	// retries wait 1 ms.
	hc := &http.Client{Transport: &http.Transport{}}
	defer hc.CloseIdleConnections()
	opts := append([]option.RequestOption{option.WithBaseURL(url), option.WithToken(secretToken), option.WithHTTPClient(hc), fastRetries()}, fc.opts...)
	client := letta.NewClient(opts...)
	var err error
	if fc.post {
		_, err = client.Tools.Create(context.Background(), tools.CreateParams{SourceCode: "def echo(): pass"})
	} else {
		var tool *types.Tool
		tool, err = client.Tools.Retrieve(context.Background(), "tool-1")
		if err == nil {
			assert.Equal(t, "tool-1", tool.ID)
		}
	}
	if fc.wantErr == "" && fc.wantIs == nil {
		require.NoError(t, err)
	} else {
		require.Error(t, err)
		assert.NotContains(t, err.Error(), secretToken)
		if fc.wantErr != "" {
			assert.ErrorContains(t, err, fc.wantErr)
		}
		if fc.wantIs != nil {
			assert.ErrorIs(t, err, fc.wantIs)
		}
	}
	if srv != nil {
		assert.EqualValues(t, fc.wantConns, srv.conns.Load(), "attempts")
	}
}

// fastRetries makes the server's backoff tiny by answering through a
// middleware that adds Retry-After-Ms: 1 to every retryable response.
func fastRetries() option.RequestOption {
	return option.WithMiddleware(func(r *http.Request, next option.MiddlewareNext) (*http.Response, error) {
		resp, err := next(r)
		if resp != nil {
			resp.Header.Set("Retry-After-Ms", "1")
		}
		return resp, err
	})
}

// statusCases: every retryable status on GET and on POST.
func statusCases() []faultCase {
	var cases []faultCase
	for _, status := range []int{408, 409, 429, 500, 502, 503, 504} {
		for _, post := range []bool{false, true} {
			retried := !post || status == 429 || status == 503
			fc := faultCase{name: fmt.Sprintf("status %d, post=%v", status, post), post: post, wantConns: 1}
			fc.handle = func(t *testing.T, c net.Conn, n int) {
				if _, err := readRequest(c); err != nil {
					return
				}
				if n == 0 {
					body := `{"detail":"nope"}`
					fmt.Fprintf(c, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", status, http.StatusText(status), len(body), body)
					return
				}
				io.WriteString(c, okResponse(toolJSON))
			}
			if retried {
				fc.wantConns = 2
			} else {
				fc.wantErr = fmt.Sprintf("%d %s: nope", status, http.StatusText(status))
			}
			cases = append(cases, fc)
		}
	}
	return cases
}

// badBody is a 2xx (or error) body the SDK must turn into a clear error,
// or decode.
type badBody struct {
	name, contentType, body string
	status                  int
	wantErr                 string // "" means it decodes
	check                   func(t *testing.T, tools []types.Tool)
}

func badBodies() []badBody {
	deep := strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000)
	return []badBody{
		{"malformed", "application/json", `[{"id": tool-1}]`, 200, "invalid character", nil},
		{"truncated", "application/json", `[{"id": "tool-1", "na`, 200, "unexpected end of JSON input", nil},
		{"empty", "application/json", ``, 200, "empty body", nil},
		{"html with 200", "text/html", `<!DOCTYPE html><html><body>Sign in</body></html>`, 200, `body begins "<!DOCTYPE html>`, nil},
		{"html with 502", "text/html", `<html><body><h1>502 Bad Gateway</h1></body></html>`, 502, "502 Bad Gateway: <html>", nil},
		{"wrong content type, valid JSON", "text/plain", `[` + toolJSON + `]`, 200, "", func(t *testing.T, got []types.Tool) { assert.Len(t, got, 1) }},
		{"deeply nested", "application/json", `[{"id":"t","json_schema":` + deep + `}]`, 200, "exceeded max depth", nil},
		{"invalid UTF-8", "application/json", "[{\"id\":\"t\",\"name\":\"\xff\xfe bad\"}]", 200, "", func(t *testing.T, got []types.Tool) {
			assert.Equal(t, "\uFFFD\uFFFD bad", *got[0].Name)
		}},
		{"number out of range", "application/json", `[{"id":"t","return_char_limit":1e400}]`, 200, "return_char_limit", nil},
		{"number too big for int", "application/json", `[{"id":"t","return_char_limit":99999999999999999999}]`, 200, "return_char_limit", nil},
		{"unknown fields and enum values", "application/json", `[{"id":"t","tool_type":"quantum","brand_new":{"x":1}}]`, 200, "", func(t *testing.T, got []types.Tool) {
			assert.Equal(t, types.ToolType("quantum"), *got[0].ToolType)
		}},
		{"null list", "application/json", `null`, 200, "body is null", nil},
		{"null element", "application/json", `[null]`, 200, "", func(t *testing.T, got []types.Tool) { assert.Len(t, got, 1) }},
		{"object where a list is expected", "application/json", toolJSON, 200, "cannot unmarshal object", nil},
		{"trailing garbage", "application/json", `[]<html>`, 200, "after top-level value", nil},
		{"error body not JSON", "text/plain", `upstream connect error`, 503, "503 Service Unavailable: upstream connect error", nil},
		{"error body empty", "application/json", ``, 404, "404 Not Found", nil},
		{"a 50 MB list", "application/json", bigToolList(50 << 20), 200, "", func(t *testing.T, got []types.Tool) {
			require.Greater(t, len(got), 1000)
			assert.Equal(t, "tool-0", got[0].ID)
			assert.Equal(t, fmt.Sprintf("tool-%d", len(got)-1), got[len(got)-1].ID)
		}},
	}
}

// bigToolList is a JSON list of distinct tools of about size bytes.
func bigToolList(size int) string {
	var b strings.Builder
	b.Grow(size + 4096)
	b.WriteByte('[')
	code := strings.Repeat("x", 4000)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"tool-%d","name":"t%d","source_code":"%s","tags":["a","b"]}`, i, i, code)
	}
	b.WriteByte(']')
	return b.String()
}

func runBadBody(t *testing.T, bb badBody) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", bb.contentType)
		w.WriteHeader(bb.status)
		io.WriteString(w, bb.body)
	}))
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken(secretToken), option.WithMaxRetries(0))
	got, err := client.Tools.List(context.Background(), tools.ListParams{})
	if bb.wantErr == "" {
		require.NoError(t, err)
		bb.check(t, got)
		return
	}
	require.Error(t, err)
	assert.Nil(t, got)
	assert.ErrorContains(t, err, bb.wantErr)
	assert.NotContains(t, err.Error(), secretToken)
	var apiErr *types.APIError
	var decErr *types.DecodeError
	assert.True(t, errors.As(err, &apiErr) || errors.As(err, &decErr), "a typed error: %T", err)
}

func TestReliability(t *testing.T) {
	faults := append(networkFaults(), statusCases()...)
	bodies := badBodies()
	inputs := inputCases()
	before := runtime.NumGoroutine()
	failed := 0
	for _, fc := range faults {
		if !t.Run("fault/"+fc.name, func(t *testing.T) { runFault(t, fc) }) {
			failed++
		}
	}
	for _, bb := range bodies {
		if !t.Run("body/"+bb.name, func(t *testing.T) { runBadBody(t, bb) }) {
			failed++
		}
	}
	for _, in := range inputs {
		if !t.Run("input/"+in.name, in.run) {
			failed++
		}
	}
	t.Run("no goroutine left", func(t *testing.T) { waitGoroutines(t, before) })
	faultCount := len(faults)
	badInputs := len(bodies) + len(inputs)
	if failed == 0 && !t.Failed() {
		fmt.Printf("reliability: %d fault cases, %d bad inputs, all passed\n", faultCount, badInputs)
	} else {
		fmt.Printf("reliability: %d fault cases, %d bad inputs, %d FAILED\n", faultCount, badInputs, failed)
	}
}

// waitGoroutines waits for the goroutine count to fall back to before
// (idle connections of the shared transport may keep a few readers).
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= before+2 {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("goroutines: %d before, %d after\n%s", before, n, buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// retryGap answers the first GET with 503 and the given headers, the
// second with a tool, and returns the time between the two attempts.
func retryGap(t *testing.T, h http.Header) time.Duration {
	t.Helper()
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		first := len(times) == 1
		mu.Unlock()
		if first {
			for k, v := range h {
				w.Header()[k] = v
			}
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, toolJSON)
	}))
	defer srv.Close()
	c := letta.NewClient(option.WithBaseURL(srv.URL))
	_, err := c.Tools.Retrieve(context.Background(), "tool-1")
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, times, 2)
	return times[1].Sub(times[0])
}

// inputCase is bad input from the caller.
type inputCase struct {
	name string
	run  func(t *testing.T)
}

func inputCases() []inputCase {
	// countingServer counts requests and answers a tool.
	countingServer := func(t *testing.T) (*httptest.Server, *atomic.Int32, *atomic.Value) {
		var n atomic.Int32
		var path atomic.Value
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			path.Store(r.URL.EscapedPath())
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, toolJSON)
		}))
		t.Cleanup(srv.Close)
		return srv, &n, &path
	}
	return []inputCase{
		{"empty id is rejected before sending", func(t *testing.T) {
			srv, n, _ := countingServer(t)
			c := letta.NewClient(option.WithBaseURL(srv.URL))
			_, err := c.Tools.Retrieve(context.Background(), "")
			assert.ErrorIs(t, err, types.ErrEmptyPathParam)
			_, err = c.Tools.ListComposioActionsByApp(context.Background(), "")
			assert.Error(t, err)
			assert.Zero(t, n.Load())
		}},
		{"ids with / ? # .. and unicode stay one segment", func(t *testing.T) {
			srv, _, path := countingServer(t)
			c := letta.NewClient(option.WithBaseURL(srv.URL))
			for id, want := range map[string]string{
				"../tools":         "/v1/tools/..%2Ftools",
				"a/b":              "/v1/tools/a%2Fb",
				"x?draft=1":        "/v1/tools/x%3Fdraft=1",
				"tool/with#hash":   "/v1/tools/tool%2Fwith%23hash",
				"ünï code €":       "/v1/tools/%C3%BCn%C3%AF%20code%20%E2%82%AC",
				"50%41":            "/v1/tools/50%2541",
				"tab\tand\nline":   "/v1/tools/tab%09and%0Aline",
				"semi;colon,comma": "/v1/tools/semi%3Bcolon%2Ccomma",
			} {
				_, err := c.Tools.Retrieve(context.Background(), id)
				require.NoError(t, err, id)
				assert.Equal(t, want, path.Load(), id)
			}
			for _, id := range []string{".", ".."} {
				_, err := c.Tools.Retrieve(context.Background(), id)
				assert.ErrorContains(t, err, "not a valid id")
			}
		}},
		{"zero params send an empty object", func(t *testing.T) {
			var body []byte
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ = io.ReadAll(r.Body)
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, toolJSON)
			}))
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL))
			_, err := c.Tools.Modify(context.Background(), "tool-1", tools.ModifyParams{})
			require.NoError(t, err)
			assert.JSONEq(t, `{}`, string(body))
		}},
		{"cancelled context sends nothing", func(t *testing.T) {
			srv, n, _ := countingServer(t)
			c := letta.NewClient(option.WithBaseURL(srv.URL))
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			_, err := c.Tools.Retrieve(ctx, "tool-1")
			assert.ErrorIs(t, err, context.Canceled)
			assert.Zero(t, n.Load())
		}},
		{"expired deadline sends nothing", func(t *testing.T) {
			srv, n, _ := countingServer(t)
			c := letta.NewClient(option.WithBaseURL(srv.URL))
			ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
			defer cancel()
			_, err := c.Tools.Retrieve(ctx, "tool-1")
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Zero(t, n.Load())
		}},
		{"TLS with a bad certificate is an error, not a downgrade", func(t *testing.T) {
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, toolJSON)
			}))
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken(secretToken), option.WithMaxRetries(0))
			_, err := c.Tools.Retrieve(context.Background(), "tool-1")
			require.Error(t, err)
			assert.ErrorContains(t, err, "certificate")
			assert.NotContains(t, err.Error(), secretToken)
			var certErr *tls.CertificateVerificationError
			assert.ErrorAs(t, err, &certErr)
		}},
		{"Authorization is not sent to another host on redirect", func(t *testing.T) {
			var leaked atomic.Value
			leaked.Store("unset")
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				leaked.Store(r.Header.Get("Authorization"))
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, toolJSON)
			}))
			defer other.Close()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+r.URL.Path, http.StatusTemporaryRedirect)
			}))
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken(secretToken))
			_, err := c.Tools.Create(context.Background(), tools.CreateParams{SourceCode: "x"})
			require.NoError(t, err)
			assert.Equal(t, "", leaked.Load())
		}},
		{"redirect loop ends with an error", func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, r.URL.Path, http.StatusFound)
			}))
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(0))
			_, err := c.Tools.Retrieve(context.Background(), "tool-1")
			assert.ErrorContains(t, err, "redirects")
		}},
		{"token appears in no error, even when the server echoes it", func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(401)
				fmt.Fprintf(w, `{"detail":"invalid token %s"}`, strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
			}))
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken(secretToken))
			_, err := c.Tools.Retrieve(context.Background(), "tool-1")
			require.ErrorIs(t, err, types.ErrUnauthorized)
			assert.NotContains(t, err.Error(), secretToken)
			assert.NotContains(t, fmt.Sprintf("%+v %#v", err, err), secretToken)
		}},
		{"a retry storm is ended by the context deadline", func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				w.Header().Set("Retry-After-Ms", "50")
				w.WriteHeader(503)
			}))
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(1000))
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err := c.Tools.Retrieve(ctx, "tool-1")
			assert.ErrorIs(t, err, types.ErrServer)
			assert.Less(t, time.Since(start), 2*time.Second)
			assert.Greater(t, n.Load(), int32(2))
			assert.Less(t, n.Load(), int32(20))
		}},
		{"Retry-After in seconds is honoured", func(t *testing.T) {
			gap := retryGap(t, http.Header{"Retry-After": {"1"}})
			assert.GreaterOrEqual(t, gap, time.Second)
		}},
		{"Retry-After as an HTTP date is honoured", func(t *testing.T) {
			gap := retryGap(t, http.Header{"Retry-After": {time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)}})
			assert.GreaterOrEqual(t, gap, time.Second, "whole-second dates: at least 2 s minus the partial second")
		}},
		{"Retry-After-Ms is honoured", func(t *testing.T) {
			gap := retryGap(t, http.Header{"Retry-After-Ms": {"300"}})
			assert.GreaterOrEqual(t, gap, 300*time.Millisecond)
		}},
		{"negative or garbage Retry-After falls back to backoff", func(t *testing.T) {
			for _, v := range []string{"-3", "soon", "1e400"} {
				gap := retryGap(t, http.Header{"Retry-After": {v}})
				assert.GreaterOrEqual(t, gap, 375*time.Millisecond, v) // the first backoff: 0.5 s less up to 25% jitter
			}
		}},
		{"an absurd Retry-After is not waited for past the deadline", func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				w.Header().Set("Retry-After", "86400")
				w.WriteHeader(http.StatusTooManyRequests)
			}))
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			start := time.Now()
			_, err := c.Tools.Retrieve(ctx, "tool-1")
			assert.ErrorIs(t, err, types.ErrRateLimited)
			assert.EqualValues(t, 1, n.Load(), "a capped 60 s wait would outlast the 10 s deadline, so it returns at once")
			assert.Less(t, time.Since(start), 5*time.Second)
		}},
		{"responses are always closed: no connection stays busy", func(t *testing.T) {
			var active atomic.Int32
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				switch r.URL.Query().Get("kind") {
				case "error":
					w.WriteHeader(404)
					io.WriteString(w, `{"detail":"`+strings.Repeat("x", 100_000)+`"}`)
				case "bad":
					io.WriteString(w, `[{"id": nope`+strings.Repeat(" ", 100_000)+`}]`)
				default:
					io.WriteString(w, `[`+toolJSON+`]`)
				}
			}))
			srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
				switch s {
				case http.StateActive:
					active.Add(1)
				case http.StateIdle, http.StateClosed, http.StateHijacked:
					active.Add(-1)
				}
			}
			srv.Start()
			defer srv.Close()
			c := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(0))
			for _, kind := range []string{"ok", "error", "bad", "ok", "error", "bad"} {
				c.Tools.List(context.Background(), tools.ListParams{}, option.WithQuery("kind", kind))
			}
			assert.Eventually(t, func() bool { return active.Load() <= 0 }, 2*time.Second, 10*time.Millisecond,
				"every response body was read or closed")
		}},
	}
}
