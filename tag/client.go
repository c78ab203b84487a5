// Package tag lists the tags used on agents.
package tag

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/tags endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a tag client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
