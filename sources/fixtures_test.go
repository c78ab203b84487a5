package sources_test

// Test helpers (each resource package has the same copy): replaying the
// server response fixtures of ../testdata/responses.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// fixture is one recorded server response (testdata/responses/README.md).
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

// fixtureCall calls one method on a client pointed at the fixture's server.
type fixtureCall[C any] func(ctx context.Context, c C) (any, error)

// runFixtures replays every fixture of the methods named "<resource>.*"
// to the call registered for its method, and checks the result: a 2xx
// result must encode back to the fixture's body (as parsed JSON, see
// normalize); an error status must give a *types.APIError that matches its
// sentinel. Every registered method must have a fixture, every fixture a
// call.
func runFixtures[C any](t *testing.T, resource string, newClient func(...option.RequestOption) C, calls map[string]fixtureCall[C]) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "responses", resource+".*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	covered := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		var f fixture
		require.NoError(t, json.Unmarshal(data, &f), file)
		covered[f.SDK] = true
		t.Run(f.ID, func(t *testing.T) {
			call, ok := calls[f.SDK]
			require.True(t, ok, "no call for %s", f.SDK)
			srv := serveFixture(t, f)
			got, err := call(context.Background(), newClient(option.WithBaseURL(srv.URL), option.WithToken("sk-test"), option.WithMaxRetries(0)))
			checkResult(t, f, got, err)
		})
	}
	for sdk := range calls {
		assert.True(t, covered[sdk], "no fixture for %s", sdk)
	}
}

// serveFixture answers every request with the fixture's response after
// checking the method and that the path fits the fixture's route.
func serveFixture(t *testing.T, f fixture) *httptest.Server {
	route := regexp.MustCompile(`\\\{[a-z_]+\\\}`).ReplaceAllString(regexp.QuoteMeta(f.Request.Path), `[^/]+`)
	pathRE := regexp.MustCompile("^/" + route + "$")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		assert.Equal(t, f.Request.Method, r.Method)
		assert.Regexp(t, pathRE, r.URL.EscapedPath())
		w.Header().Set("Content-Type", f.ContentType)
		w.WriteHeader(f.Status)
		if f.Status != http.StatusNoContent {
			_, _ = w.Write(f.Body)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// checkResult checks a call's result against the fixture it was served.
func checkResult(t *testing.T, f fixture, got any, err error) {
	t.Helper()
	switch {
	case f.Status == http.StatusNoContent:
		require.NoError(t, err)
	case f.Status >= 200 && f.Status <= 299:
		require.NoError(t, err)
		out, err := json.Marshal(got)
		require.NoError(t, err)
		assert.Equal(t, normalize(t, f.Body), normalize(t, out))
	default:
		require.Error(t, err)
		var apiErr *types.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, f.Status, apiErr.StatusCode)
		assert.JSONEq(t, string(f.Body), string(apiErr.Body))
		sentinel := sentinelFor(f.Status)
		require.NotNil(t, sentinel, "no sentinel for %d", f.Status)
		assert.ErrorIs(t, err, sentinel)
		var body struct {
			Detail any `json:"detail"`
		}
		require.NoError(t, json.Unmarshal(f.Body, &body))
		if s, ok := body.Detail.(string); ok {
			assert.Equal(t, s, apiErr.Detail)
			assert.Contains(t, err.Error(), s)
		}
	}
}

func sentinelFor(status int) error {
	switch {
	case status == 404:
		return types.ErrNotFound
	case status == 422:
		return types.ErrUnprocessable
	case status == 409:
		return types.ErrConflict
	case status == 401:
		return types.ErrUnauthorized
	case status == 429:
		return types.ErrRateLimited
	case status >= 500:
		return types.ErrServer
	}
	return nil
}

// normalize parses a JSON document for comparison: key order does not
// matter, numbers compare by value, a null member equals an absent one
// (the types omit unset optional fields), and timestamps compare by
// instant (a naive server timestamp is re-encoded with its UTC offset).
func normalize(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v), "%s", data)
	return normalizeValue(v)
}

var timestampRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}`)

func normalizeValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if x != nil {
				out[k] = normalizeValue(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalizeValue(x)
		}
		return out
	case string:
		if timestampRE.MatchString(v) {
			if ts, err := types.ParseTime(v); err == nil {
				return ts.UTC().Format(time.RFC3339Nano)
			}
		}
	}
	return v
}
