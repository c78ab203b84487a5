package jobs_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

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
			rec := testutil.NewRecorder(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/v1/jobs/" || r.URL.Path == "/v1/jobs/active" {
					w.Write([]byte(`[]`))
					return
				}
				w.Write([]byte(`{"id":"job-1","status":"completed"}`))
			})
			require.NoError(t, tc.call(jobs.NewClient(option.WithBaseURL(rec.URL))))
			testutil.AssertRequest(t, rec.Last(), tc.method, tc.path, tc.raw, "")
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
