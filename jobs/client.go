// Package jobs tracks background jobs such as file uploads.
package jobs

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/jobs endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a jobs client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
