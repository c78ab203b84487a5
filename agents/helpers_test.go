package agents_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// fixture is one file of ../testdata/responses.
type fixture struct {
	ID          string          `json:"id"`
	SDK         string          `json:"sdk"`
	Status      int             `json:"status"`
	ContentType string          `json:"content_type"`
	Body        json.RawMessage `json:"body"`
	Request     struct {
		Method string `json:"method"`
		Path   string `json:"path"`
	} `json:"request"`
}

// loadFixtures returns the response fixtures of the agents methods, except
// the stream (the streaming tests own it).
func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	files, err := filepath.Glob("../testdata/responses/agents.*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out []fixture
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var fx fixture
		require.NoError(t, json.Unmarshal(data, &fx), f)
		if fx.SDK == "agents.messages.create_stream" {
			continue
		}
		out = append(out, fx)
	}
	return out
}

// request is what a test server saw of one request.
type request struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   []byte
}

// recorder is an httptest server that records requests and answers them
// with handle.
type recorder struct {
	srv  *httptest.Server
	mu   sync.Mutex
	reqs []request
}

func newRecorder(t *testing.T, handle func(w http.ResponseWriter, r *http.Request)) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, request{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), body})
		rec.mu.Unlock()
		handle(w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

// client returns an agents client for the recorder, without retries.
func (rec *recorder) client(opts ...option.RequestOption) *agents.Client {
	base := []option.RequestOption{option.WithBaseURL(rec.srv.URL), option.WithToken("sk-test"), option.WithMaxRetries(0)}
	return agents.NewClient(append(base, opts...)...)
}

func (rec *recorder) requests() []request {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]request(nil), rec.reqs...)
}

// reply writes a JSON response.
func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// canonical decodes JSON into a tree in which object members that are null
// are dropped (null and absent mean the same to a decoder) and strings that
// are timestamps become their UTC instant, so two documents compare equal
// exactly when they carry the same data.
func canonical(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v), "%.200s", data)
	return canonicalValue(v)
}

func canonicalValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if x != nil {
				out[k] = canonicalValue(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = canonicalValue(x)
		}
		return out
	case string:
		if len(v) > 10 && strings.Contains(v, "T") {
			if ts, err := types.ParseTime(v); err == nil {
				return "time:" + ts.UTC().Format(time.RFC3339Nano)
			}
		}
	}
	return v
}
