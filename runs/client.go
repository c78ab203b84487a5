// Package runs tracks agent runs started by asynchronous messages.
package runs

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/runs endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a runs client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
