package letta_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/internal/jsondiff"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// responseFixture is one real server response (testdata/responses).
type responseFixture struct {
	ID          string          `json:"id"`
	SDK         string          `json:"sdk"`
	Status      int             `json:"status"`
	ContentType string          `json:"content_type"`
	Body        json.RawMessage `json:"body"`
}

// TestResponsesThroughMethods serves every real server response to the
// method that receives it (called as in its first golden request case)
// and checks the result: a 2xx decodes without loss (it re-encodes to the
// same JSON), an error status becomes a *types.APIError matching its
// sentinel, a 204 gives no error.
func TestResponsesThroughMethods(t *testing.T) {
	endpoints := loadEndpoints(t)
	firstCase := map[string]*goldenCase{}
	for _, gc := range loadGoldenCases(t) {
		if _, ok := firstCase[gc.SDK]; !ok {
			firstCase[gc.SDK] = &gc
		}
	}
	files, err := filepath.Glob("testdata/responses/*.json")
	require.NoError(t, err)
	methods := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var fx responseFixture
		if json.Unmarshal(data, &fx) != nil || fx.SDK == "" {
			continue // README.md
		}
		methods[fx.SDK] = true
		t.Run(fx.ID, func(t *testing.T) {
			gc, ep := firstCase[fx.SDK], endpoints[fx.SDK]
			require.NotNil(t, gc, "a request case for %s", fx.SDK)
			call := conformanceCalls[fx.SDK]
			require.NotNil(t, call, "a call for %s", fx.SDK)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", fx.ContentType)
				w.WriteHeader(fx.Status)
				if fx.Status != http.StatusNoContent {
					w.Write(fx.Body)
				}
			}))
			defer srv.Close()
			client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(0))
			a := &caseArgs{t: t, c: gc, ep: ep, opts: nullOptions(t, gc)}
			got, err := call(context.Background(), client, a)
			switch {
			case fx.Status >= 400:
				var apiErr *types.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, fx.Status, apiErr.StatusCode)
				assert.JSONEq(t, string(fx.Body), string(apiErr.Body))
				if s := sentinelFor(fx.Status); s != nil {
					assert.True(t, errors.Is(err, s), "errors.Is(%v)", s)
				}
			case ep.Streaming, fx.Status == http.StatusNoContent, got == nil && isNone(ep):
				require.NoError(t, err)
			default:
				require.NoError(t, err)
				enc, err := json.Marshal(got)
				require.NoError(t, err)
				diffs, err := jsondiff.Diff(fx.Body, enc)
				require.NoError(t, err)
				assert.Empty(t, diffs, "decoded %T does not re-encode to the fixture", got)
			}
		})
	}
	assert.Len(t, methods, 77, "fixtures cover every method")
}

func isNone(ep endpoint) bool { return ep.Response == "none" }

func sentinelFor(status int) error {
	switch {
	case status == 401:
		return types.ErrUnauthorized
	case status == 404:
		return types.ErrNotFound
	case status == 429:
		return types.ErrRateLimited
	case status == 409:
		return types.ErrConflict
	case status == 422:
		return types.ErrUnprocessable
	case status >= 500:
		return types.ErrServer
	}
	return nil
}
