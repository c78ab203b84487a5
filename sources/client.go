// Package sources manages data sources: documents uploaded as files, split into passages that agents can search.
package sources

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/sources endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a sources client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
