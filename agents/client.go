// Package agents manages agents: their memory, tools, sources, messages and templates.
package agents

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/agents endpoints.
type Client struct {
	core core.Core
	// Messages sends messages to an agent and reads its history.
	Messages *MessagesClient
}

// NewClient returns an agents client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	c := core.NewCore(opts)
	return &Client{core: c, Messages: &MessagesClient{core: c}}
}
