package letta_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tools"
)

// seen records the requests a test server received.
type seen struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (s *seen) server(t *testing.T, body string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, r.Clone(context.Background()))
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func (s *seen) last() *http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reqs[len(s.reqs)-1]
}

func TestNewClientReadsEnvironmentAndOptionsWin(t *testing.T) {
	var env, opt seen
	envSrv := env.server(t, `{"version":"0.6.13","status":"ok"}`)
	optSrv := opt.server(t, `{"version":"0.6.13","status":"ok"}`)
	t.Setenv("LETTA_BASE_URL", envSrv.URL+"/prefix/")
	t.Setenv("LETTA_API_KEY", "sk-env")

	c := letta.NewClient()
	h, err := c.Health.Check(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "ok", h.Status)
	assert.Equal(t, "/prefix/v1/health/", env.last().URL.Path)
	assert.Equal(t, "Bearer sk-env", env.last().Header.Get("Authorization"))

	// Client options override the environment; call options override both.
	c = letta.NewClient(option.WithBaseURL(optSrv.URL), option.WithToken("sk-client"), option.WithHeader("X-A", "client"))
	_, err = c.Health.Check(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer sk-client", opt.last().Header.Get("Authorization"))
	assert.Equal(t, "client", opt.last().Header.Get("X-A"))
	_, err = c.Health.Check(context.Background(), option.WithToken("sk-call"), option.WithHeader("X-A", "call"), option.WithQuery("q", "1"))
	require.NoError(t, err)
	assert.Equal(t, "Bearer sk-call", opt.last().Header.Get("Authorization"))
	assert.Equal(t, "call", opt.last().Header.Get("X-A"))
	assert.Equal(t, "q=1", opt.last().URL.RawQuery)
	_, err = c.Health.Check(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer sk-client", opt.last().Header.Get("Authorization"), "a call option does not stick")
}

func TestNewClientDefaultsToLettaCloud(t *testing.T) {
	t.Setenv("LETTA_BASE_URL", "")
	t.Setenv("LETTA_API_KEY", "")
	var got string
	c := letta.NewClient(option.WithMiddleware(func(r *http.Request, _ option.MiddlewareNext) (*http.Response, error) {
		got = r.URL.String()
		return nil, fmt.Errorf("not sending")
	}), option.WithMaxRetries(0))
	_, err := c.Health.Check(context.Background())
	require.Error(t, err)
	assert.Equal(t, letta.EnvironmentLettaCloud+"/v1/health/", got)
}

func TestInvalidOptionsFailTheCall(t *testing.T) {
	for name, opt := range map[string]option.RequestOption{
		"base url":     option.WithBaseURL("localhost:8283"),
		"nil client":   option.WithHTTPClient(nil),
		"retries":      option.WithMaxRetries(-1),
		"timeout":      option.WithRequestTimeout(0),
		"idle timeout": option.WithStreamIdleTimeout(-1),
	} {
		c := letta.NewClient(option.WithBaseURL("http://127.0.0.1:1"), opt)
		_, err := c.Health.Check(context.Background())
		assert.ErrorContains(t, err, "letta: With", name)
	}
}

func TestWithHTTPClientIsUsed(t *testing.T) {
	var s seen
	srv := s.server(t, `[]`)
	var used bool
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		used = true
		return http.DefaultTransport.RoundTrip(r)
	})}
	c := letta.NewClient(option.WithBaseURL(srv.URL), option.WithHTTPClient(hc))
	_, err := c.Tools.List(context.Background(), tools.ListParams{Limit: new(5)})
	require.NoError(t, err)
	assert.True(t, used)
	assert.Equal(t, "limit=5", s.last().URL.RawQuery)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func ExampleNewClient() {
	// A stand-in server; point the client at yours (or set LETTA_BASE_URL).
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"version":"0.6.13","status":"ok"}`)
	}))
	defer srv.Close()

	client := letta.NewClient(
		option.WithBaseURL(srv.URL),
		option.WithToken("sk-…"),
		option.WithMaxRetries(3),
	)
	health, err := client.Health.Check(context.Background())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(health.Status, health.Version)
	// Output: ok 0.6.13
}

func Example_toolsCreate() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p tools.CreateParams
		json.NewDecoder(r.Body).Decode(&p)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"id": "tool-1", "name": "echo", "source_code": p.SourceCode, "tags": p.Tags})
	}))
	defer srv.Close()

	client := letta.NewClient(option.WithBaseURL(srv.URL))
	tool, err := client.Tools.Create(context.Background(), tools.CreateParams{
		SourceCode: "def echo(message: str) -> str:\n    return message\n",
		Tags:       []string{"utility"},
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	if tool.Name != nil { // optional on the wire: check before use
		fmt.Println(tool.ID, *tool.Name, tool.Tags)
	}
	// Output: tool-1 echo [utility]
}
