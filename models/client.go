// Package models lists the LLM and embedding models the server offers.
package models

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/models endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a models client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// ListLLMs lists the language models of every provider the server is
// configured for, as LLM configurations an agent can be created with (each
// Handle, "provider/model", is what agents.CreateParams.Model takes).
func (c *Client) ListLLMs(ctx context.Context, opts ...option.RequestOption) ([]types.LLMConfig, error) {
	return core.Call[[]types.LLMConfig](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/models/"}, opts)
}

// ListEmbeddingModels lists the embedding models of every provider the
// server is configured for, as embedding configurations for agents and
// sources.
func (c *Client) ListEmbeddingModels(ctx context.Context, opts ...option.RequestOption) ([]types.EmbeddingConfig, error) {
	return core.Call[[]types.EmbeddingConfig](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/models/embedding"}, opts)
}
