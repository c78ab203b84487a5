package blocks_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/blocks"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
)

// TestRequests checks what each method sends: method, escaped path, query
// and JSON body.
func TestRequests(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name                string
		call                func(c *blocks.Client) error
		method, path, query string
		body                string // "" for no body
	}{
		{"list defaults", func(c *blocks.Client) error { _, err := c.List(ctx, blocks.ListParams{}); return err }, "GET", "/v1/blocks/", "", ""},
		{"list all blocks, not only templates", func(c *blocks.Client) error {
			_, err := c.List(ctx, blocks.ListParams{TemplatesOnly: new(false), Label: new("human persona"), Name: new("a&b")})
			return err
		}, "GET", "/v1/blocks/", "label=human+persona&name=a%26b&templates_only=false", ""},
		{"create required only", func(c *blocks.Client) error {
			_, err := c.Create(ctx, blocks.CreateParams{Value: "", Label: "scratch"})
			return err
		}, "POST", "/v1/blocks/", "", `{"value":"","label":"scratch"}`},
		{"create everything", func(c *blocks.Client) error {
			_, err := c.Create(ctx, blocks.CreateParams{Value: "v", Label: "persona", Limit: new(10), Name: new("n"), IsTemplate: new(true), Description: new("d"), Metadata: map[string]any{"k": []int{1}}})
			return err
		}, "POST", "/v1/blocks/", "", `{"value":"v","label":"persona","limit":10,"name":"n","is_template":true,"description":"d","metadata":{"k":[1]}}`},
		{"retrieve", func(c *blocks.Client) error { _, err := c.Retrieve(ctx, "block id"); return err }, "GET", "/v1/blocks/block%20id", "", ""},
		{"delete", func(c *blocks.Client) error { _, err := c.Delete(ctx, "block-1"); return err }, "DELETE", "/v1/blocks/block-1", "", ""},
		{"modify nothing sends {}", func(c *blocks.Client) error {
			_, err := c.Modify(ctx, "block-1", blocks.ModifyParams{})
			return err
		}, "PATCH", "/v1/blocks/block-1", "", `{}`},
		{"modify with explicit null", func(c *blocks.Client) error {
			_, err := c.Modify(ctx, "block-1", blocks.ModifyParams{Limit: new(0), IsTemplate: new(false)}, option.WithBodyField("name", nil))
			return err
		}, "PATCH", "/v1/blocks/block-1", "", `{"limit":0,"is_template":false,"name":null}`},
		{"agents for block", func(c *blocks.Client) error { _, err := c.ListAgentsForBlock(ctx, "block-1"); return err }, "GET", "/v1/blocks/block-1/agents", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := testutil.NewRecorder(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Method == "GET" && (r.URL.Path == "/v1/blocks/" || r.URL.Path == "/v1/blocks/block-1/agents") {
					w.Write([]byte(`[]`))
					return
				}
				w.Write([]byte(`{"id":"block-1","value":"v","label":"human"}`))
			})
			require.NoError(t, tc.call(blocks.NewClient(option.WithBaseURL(rec.URL))))
			testutil.AssertRequest(t, rec.Last(), tc.method, tc.path, tc.query, tc.body)
		})
	}
}

// TestParamsDecodeFromTheirJSON: a params struct read from a file decodes
// back to the same request.
func TestParamsDecodeFromTheirJSON(t *testing.T) {
	in := blocks.CreateParams{Value: "v", Label: "l", Limit: new(5), Metadata: map[string]any{"a": "b"}}
	data, err := json.Marshal(in)
	require.NoError(t, err)
	var out blocks.CreateParams
	require.NoError(t, json.Unmarshal(data, &out))
	assert.Equal(t, in, out)
}
