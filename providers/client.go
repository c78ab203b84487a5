// Package providers manages LLM provider credentials.
package providers

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/providers endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a providers client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
