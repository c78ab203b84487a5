package sources_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/types"
)

func TestGetByNameReturnsTheID(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/v1/sources/name/Q3%20Planning%20%2F%20Notes", r.URL.EscapedPath())
		io.WriteString(w, `"source-e3ec0720"`)
	}))
	defer srv.Close()
	id, err := sources.NewClient(option.WithBaseURL(srv.URL)).GetByName(context.Background(), "Q3 Planning / Notes")
	require.NoError(t, err)
	assert.Equal(t, "source-e3ec0720", id)
}

// answer answers each request of TestRequests with a canned body for its
// method and path.
func answer(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == "DELETE" && strings.Count(r.URL.Path, "/") == 4:
		w.WriteHeader(http.StatusNoContent)
	case r.Method == "DELETE":
		io.WriteString(w, `null`)
	case r.Method == "GET" && strings.HasPrefix(r.URL.Path, "/v1/sources/name/"):
		io.WriteString(w, `"source-1"`)
	case r.Method == "GET" && (r.URL.Path == "/v1/sources/" || strings.HasSuffix(r.URL.Path, "/files") || strings.HasSuffix(r.URL.Path, "/passages")):
		io.WriteString(w, `[]`)
	case strings.HasSuffix(r.URL.Path, "/upload"):
		io.WriteString(w, `{"id":"job-1","status":"created"}`)
	default:
		io.WriteString(w, `{"id":"source-1","name":"n","embedding_config":{"embedding_endpoint_type":"openai","embedding_model":"m","embedding_dim":1}}`)
	}
}

func TestRequests(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name                string
		call                func(c *sources.Client) error
		method, path, query string
		body                string
	}{
		{"retrieve", func(c *sources.Client) error { _, err := c.Retrieve(ctx, "source-1"); return err }, "GET", "/v1/sources/source-1", "", ""},
		{"delete", func(c *sources.Client) error { _, err := c.Delete(ctx, "source-1"); return err }, "DELETE", "/v1/sources/source-1", "", ""},
		{"modify nothing sends {}", func(c *sources.Client) error {
			_, err := c.Modify(ctx, "source-1", sources.ModifyParams{})
			return err
		}, "PATCH", "/v1/sources/source-1", "", `{}`},
		{"modify", func(c *sources.Client) error {
			_, err := c.Modify(ctx, "source-1", sources.ModifyParams{Description: new("d"), Metadata: map[string]any{}, EmbeddingConfig: &types.EmbeddingConfig{EmbeddingEndpointType: "openai", EmbeddingModel: "m", EmbeddingDim: 8}})
			return err
		}, "PATCH", "/v1/sources/source-1", "", `{"description":"d","metadata":{},"embedding_config":{"embedding_endpoint_type":"openai","embedding_model":"m","embedding_dim":8}}`},
		{"get by name", func(c *sources.Client) error { _, err := c.GetByName(ctx, "handbook"); return err }, "GET", "/v1/sources/name/handbook", "", ""},
		{"list", func(c *sources.Client) error { _, err := c.List(ctx); return err }, "GET", "/v1/sources/", "", ""},
		{"create", func(c *sources.Client) error {
			_, err := c.Create(ctx, sources.CreateParams{Name: "handbook"})
			return err
		}, "POST", "/v1/sources/", "", `{"name":"handbook"}`},
		{"files list", func(c *sources.Client) error {
			_, err := c.Files.List(ctx, "source-1", sources.FilesListParams{Limit: new(100), After: new("file-9")})
			return err
		}, "GET", "/v1/sources/source-1/files", "after=file-9&limit=100", ""},
		{"files delete has no files/ segment", func(c *sources.Client) error {
			return c.Files.Delete(ctx, "source-1", "file-1")
		}, "DELETE", "/v1/sources/source-1/file-1", "", ""},
		{"passages list", func(c *sources.Client) error { _, err := c.Passages.List(ctx, "source-1"); return err }, "GET", "/v1/sources/source-1/passages", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := testutil.NewRecorder(t, answer)
			require.NoError(t, tc.call(sources.NewClient(option.WithBaseURL(rec.URL))))
			testutil.AssertRequest(t, rec.Last(), tc.method, tc.path, tc.query, tc.body)
		})
	}
}

func TestFilesDeleteErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"detail":"File file-1 not found"}`)
	}))
	defer srv.Close()
	err := sources.NewClient(option.WithBaseURL(srv.URL)).Files.Delete(context.Background(), "source-1", "file-1")
	require.ErrorIs(t, err, types.ErrNotFound)
	assert.ErrorContains(t, err, "File file-1 not found")
	// An empty id is refused before sending.
	err = sources.NewClient(option.WithBaseURL(srv.URL)).Files.Delete(context.Background(), "source-1", "")
	require.Error(t, err)
	assert.NotErrorIs(t, err, types.ErrNotFound)
}

func TestFilesListIter(t *testing.T) {
	var items, ids []string
	for i := range 5 {
		id := fmt.Sprintf("file-%d", i)
		ids = append(ids, id)
		items = append(items, fmt.Sprintf(`{"id":%q,"source_id":"source-1","file_name":"f%d.txt","file_size":%d}`, id, i, i*10))
	}
	ctx := context.Background()
	idsOf := func(fs []types.FileMetadata) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return out
	}

	t.Run("follows the cursor to the end", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, ids, 0)
		c := sources.NewClient(option.WithBaseURL(url))
		got, err := testutil.Collect(c.Files.ListIter(ctx, "source-1", sources.FilesListParams{Limit: new(2)}))
		require.NoError(t, err)
		assert.Equal(t, ids, idsOf(got))
		q := queries()
		require.Len(t, q, 3)
		assert.Equal(t, []string{"", "file-1", "file-3"}, []string{q[0].Get("after"), q[1].Get("after"), q[2].Get("after")})
	})
	t.Run("one sequence ranged twice at once", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, ids, 0)
		c := sources.NewClient(option.WithBaseURL(url))
		seq := c.Files.ListIter(ctx, "source-1", sources.FilesListParams{Limit: new(2)})
		results, err := testutil.CollectConcurrently(seq, 2)
		require.NoError(t, err)
		assert.Equal(t, ids, idsOf(results[0]))
		assert.Equal(t, ids, idsOf(results[1]))
	})
	t.Run("break stops fetching", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, ids, 0)
		c := sources.NewClient(option.WithBaseURL(url))
		got, err := testutil.Take(c.Files.ListIter(ctx, "source-1", sources.FilesListParams{Limit: new(2)}), 2)
		require.NoError(t, err)
		assert.Equal(t, ids[:2], idsOf(got))
		assert.Len(t, queries(), 1)
	})
	t.Run("a failing page ends the sequence with its error", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, ids, 2)
		c := sources.NewClient(option.WithBaseURL(url), option.WithMaxRetries(0))
		got, err := testutil.Collect(c.Files.ListIter(ctx, "source-1", sources.FilesListParams{Limit: new(2)}))
		assert.Equal(t, ids[:2], idsOf(got))
		require.ErrorIs(t, err, types.ErrServer)
	})
}
