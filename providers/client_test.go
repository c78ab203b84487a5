package providers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/providers"
	"github.com/letta-go/letta/types"
)

func TestRequests(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name                string
		call                func(c *providers.Client) error
		method, path, query string
		body                string
	}{
		{"list", func(c *providers.Client) error {
			_, err := c.ListProviders(ctx, providers.ListProvidersParams{After: new("provider-1"), Limit: new(20)})
			return err
		}, "GET", "/v1/providers/", "after=provider-1&limit=20", ""},
		{"create", func(c *providers.Client) error {
			_, err := c.CreateProvider(ctx, providers.CreateProviderParams{Name: "anthropic", APIKey: "sk-ant"})
			return err
		}, "POST", "/v1/providers/", "", `{"name":"anthropic","api_key":"sk-ant"}`},
		{"delete sends the id in the query", func(c *providers.Client) error {
			_, err := c.DeleteProvider(ctx, providers.DeleteProviderParams{ProviderID: "provider id/1&x=2"})
			return err
		}, "DELETE", "/v1/providers/", "provider_id=provider+id%2F1%26x%3D2", ""},
		{"modify sends the id in the body", func(c *providers.Client) error {
			_, err := c.ModifyProvider(ctx, providers.ModifyProviderParams{ID: "provider-1", APIKey: "sk-2"})
			return err
		}, "PATCH", "/v1/providers/", "", `{"id":"provider-1","api_key":"sk-2"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := testutil.NewRecorder(t, func(w http.ResponseWriter, r *http.Request) {
				switch r.Method {
				case "GET":
					w.Write([]byte(`[]`))
				case "DELETE":
					w.Write([]byte(`null`))
				default:
					w.Write([]byte(`{"id":"provider-1","name":"anthropic"}`))
				}
			})
			require.NoError(t, tc.call(providers.NewClient(option.WithBaseURL(rec.URL))))
			testutil.AssertRequest(t, rec.Last(), tc.method, tc.path, tc.query, tc.body)
		})
	}
}

func TestDeleteProviderRejectsEmptyID(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { requests.Add(1) }))
	defer srv.Close()
	c := providers.NewClient(option.WithBaseURL(srv.URL))
	got, err := c.DeleteProvider(context.Background(), providers.DeleteProviderParams{})
	require.ErrorContains(t, err, "ProviderID is empty")
	assert.Nil(t, got)
	assert.Zero(t, requests.Load())
}

func TestListProvidersIter(t *testing.T) {
	var items, ids []string
	for i := range 7 {
		id := fmt.Sprintf("provider-%d", i)
		ids = append(ids, id)
		items = append(items, fmt.Sprintf(`{"id":%q,"name":"p%d","api_key":"sk-%d"}`, id, i, i))
	}
	ctx := context.Background()
	idsOf := func(ps []types.Provider) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}

	t.Run("follows the cursor to the end", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, ids, 0)
		c := providers.NewClient(option.WithBaseURL(url))
		got, err := testutil.Collect(c.ListProvidersIter(ctx, providers.ListProvidersParams{Limit: new(3)}))
		require.NoError(t, err)
		assert.Equal(t, ids, idsOf(got))
		q := queries()
		require.Len(t, q, 3, "pages of 3, 3 and 1")
		assert.Equal(t, []string{"", "provider-2", "provider-5"}, []string{q[0].Get("after"), q[1].Get("after"), q[2].Get("after")})
		assert.Equal(t, "sk-6", *got[6].APIKey)
	})
	t.Run("one sequence ranged twice at once", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, ids, 0)
		c := providers.NewClient(option.WithBaseURL(url))
		seq := c.ListProvidersIter(ctx, providers.ListProvidersParams{After: new("provider-1"), Limit: new(2)})
		results, err := testutil.CollectConcurrently(seq, 2)
		require.NoError(t, err)
		assert.Equal(t, ids[2:], idsOf(results[0]))
		assert.Equal(t, ids[2:], idsOf(results[1]))
	})
	t.Run("break stops fetching", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, ids, 0)
		c := providers.NewClient(option.WithBaseURL(url))
		got, err := testutil.Take(c.ListProvidersIter(ctx, providers.ListProvidersParams{Limit: new(3)}), 1)
		require.NoError(t, err)
		assert.Equal(t, ids[:1], idsOf(got))
		assert.Len(t, queries(), 1)
	})
	t.Run("a failing page ends the sequence with its error", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, ids, 3)
		c := providers.NewClient(option.WithBaseURL(url), option.WithMaxRetries(0))
		got, err := testutil.Collect(c.ListProvidersIter(ctx, providers.ListProvidersParams{After: new("provider-0"), Limit: new(2)}))
		assert.Equal(t, ids[1:5], idsOf(got))
		require.ErrorIs(t, err, types.ErrServer)
	})
	t.Run("a cancelled context ends the sequence", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, ids, 0)
		c := providers.NewClient(option.WithBaseURL(url))
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		var err error
		n := 0
		for _, err = range c.ListProvidersIter(cctx, providers.ListProvidersParams{Limit: new(3)}) {
			if err != nil {
				break
			}
			if n++; n == 3 {
				cancel()
			}
		}
		require.ErrorIs(t, err, context.Canceled)
		assert.Len(t, queries(), 1)
	})
}
