// Package agents manages agents: their memory, tools, sources, messages and templates.
package agents

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/agents endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a agents client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
