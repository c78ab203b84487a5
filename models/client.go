// Package models lists the LLM and embedding models the server offers.
package models

import (
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
)

// Client calls the /v1/models endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a models client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}
