// Package health checks that a Letta server is up.
package health

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/health endpoint.
type Client struct {
	core core.Core
}

// NewClient returns a health client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// Check returns the server's version and status.
func (c *Client) Check(ctx context.Context, opts ...option.RequestOption) (*types.Health, error) {
	return core.Call[*types.Health](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/health/"}, opts)
}
