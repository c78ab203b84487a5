package letta_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/internal/jsondiff"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// TestResponsesThroughMethods serves every real server response to the
// method that receives it (called as in its first golden request case)
// and checks the result: a 2xx decodes without loss (it re-encodes to the
// same JSON), an error status becomes a *types.APIError matching its
// sentinel, a 204 gives no error.
func TestResponsesThroughMethods(t *testing.T) {
	calls := newFixtureCalls(t)
	methods := map[string]bool{}
	for _, fx := range testutil.Responses(t, "*") {
		methods[fx.SDK] = true
		t.Run(fx.ID, func(t *testing.T) {
			ep := calls.endpoints[fx.SDK]
			got, err := calls.serve(t, fx, fx.Body)
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

// fixtureCalls calls an SDK method as in its first golden request case.
type fixtureCalls struct {
	endpoints map[string]endpoint
	first     map[string]*goldenCase
}

func newFixtureCalls(t *testing.T) *fixtureCalls {
	c := &fixtureCalls{endpoints: loadEndpoints(t), first: map[string]*goldenCase{}}
	for _, gc := range loadGoldenCases(t) {
		if _, ok := c.first[gc.SDK]; !ok {
			c.first[gc.SDK] = &gc
		}
	}
	return c
}

// serve answers fx's method with fx's status and content type and body
// (no body for a 204), and returns what the method returns.
func (c *fixtureCalls) serve(t *testing.T, fx testutil.Response, body []byte) (any, error) {
	t.Helper()
	gc := c.first[fx.SDK]
	require.NotNil(t, gc, "a request case for %s", fx.SDK)
	call := conformanceCalls[fx.SDK]
	require.NotNil(t, call, "a call for %s", fx.SDK)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", fx.ContentType)
		w.WriteHeader(fx.Status)
		if fx.Status != http.StatusNoContent {
			w.Write(body)
		}
	}))
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(0))
	return call(context.Background(), client, &caseArgs{t: t, c: gc, ep: c.endpoints[fx.SDK], opts: nullOptions(t, gc)})
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
