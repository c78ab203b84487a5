// Package tag lists the tags used on agents.
package tag

import (
	"context"
	"iter"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/tags endpoint.
type Client struct {
	core core.Core
}

// NewClient returns a tag client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// ListTagsParams select a page of tags.
type ListTagsParams struct {
	// After is the tag to start after (tags are sorted).
	After *string `json:"after,omitzero" url:"after,omitempty"`
	// Limit is the page size (server default 50).
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
	// QueryText selects the tags that contain this text.
	QueryText *string `json:"query_text,omitzero" url:"query_text,omitempty"`
}

// ListTags gets a page of the distinct tags used on the organization's
// agents, sorted.
func (c *Client) ListTags(ctx context.Context, params ListTagsParams, opts ...option.RequestOption) ([]string, error) {
	return core.Call[[]string](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/tags/", Query: params}, opts)
}

// ListTagsIter yields every tag, page after page, starting after
// params.After and fetching params.Limit tags per request; the last tag of a
// page is the cursor for the next. The first error ends the sequence.
func (c *Client) ListTagsIter(ctx context.Context, params ListTagsParams, opts ...option.RequestOption) iter.Seq2[string, error] {
	return core.Paginate(ctx, params.After, params.Limit, func(after *string) ([]string, error) {
		page := params
		page.After = after
		return c.ListTags(ctx, page, opts...)
	}, func(tag string) string { return tag })
}
