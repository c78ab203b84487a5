package jobs_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

type call = fixtureCall[*jobs.Client]

func TestFixtures(t *testing.T) {
	runFixtures(t, "jobs", jobs.NewClient, map[string]call{
		"jobs.list": func(ctx context.Context, c *jobs.Client) (any, error) {
			return c.List(ctx, jobs.ListParams{})
		},
		"jobs.list_active": func(ctx context.Context, c *jobs.Client) (any, error) {
			return c.ListActive(ctx)
		},
		"jobs.retrieve": func(ctx context.Context, c *jobs.Client) (any, error) {
			return c.Retrieve(ctx, "job-1")
		},
		"jobs.delete": func(ctx context.Context, c *jobs.Client) (any, error) {
			return c.Delete(ctx, "job-1")
		},
	})
}

func TestRequests(t *testing.T) {
	cases := []struct {
		name              string
		call              func(c *jobs.Client) error
		method, path, raw string
	}{
		{"list", func(c *jobs.Client) error { _, err := c.List(context.Background(), jobs.ListParams{}); return err }, "GET", "/v1/jobs/", ""},
		{"list by source", func(c *jobs.Client) error {
			_, err := c.List(context.Background(), jobs.ListParams{SourceID: new("source-1")})
			return err
		}, "GET", "/v1/jobs/", "source_id=source-1"},
		{"list active", func(c *jobs.Client) error { _, err := c.ListActive(context.Background()); return err }, "GET", "/v1/jobs/active", ""},
		{"retrieve escapes", func(c *jobs.Client) error { _, err := c.Retrieve(context.Background(), "a/b"); return err }, "GET", "/v1/jobs/a%2Fb", ""},
		{"delete", func(c *jobs.Client) error { _, err := c.Delete(context.Background(), "job-1"); return err }, "DELETE", "/v1/jobs/job-1", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got *http.Request
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got = r
				if r.URL.Path == "/v1/jobs/" || r.URL.Path == "/v1/jobs/active" {
					w.Write([]byte(`[]`))
					return
				}
				w.Write([]byte(`{"id":"job-1","status":"completed"}`))
			}))
			defer srv.Close()
			require.NoError(t, tc.call(jobs.NewClient(option.WithBaseURL(srv.URL))))
			assert.Equal(t, tc.method, got.Method)
			assert.Equal(t, tc.path, got.URL.EscapedPath())
			assert.Equal(t, tc.raw, got.URL.RawQuery)
		})
	}
}

func TestEmptyIDIsRejectedBeforeSending(t *testing.T) {
	c := jobs.NewClient(option.WithBaseURL("http://127.0.0.1:1"))
	_, err := c.Retrieve(context.Background(), "")
	require.Error(t, err)
	var apiErr *types.APIError
	assert.NotErrorAs(t, err, &apiErr)
}
