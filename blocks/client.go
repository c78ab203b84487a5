// Package blocks manages memory blocks, the pieces of an agent's core memory.
package blocks

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/blocks endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a blocks client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
