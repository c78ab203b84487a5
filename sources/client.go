// Package sources manages data sources: documents uploaded as files, split
// into passages that agents attached to the source can search.
//
// Uploading a file (Files.Upload) starts a background embedding job; wait
// for it with jobs.Client.Wait (client.Jobs.Wait).
package sources

import (
	"context"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/sources endpoints.
type Client struct {
	core core.Core
	// Files uploads, lists and deletes the files of a source.
	Files *FilesClient
	// Passages lists the passages of a source.
	Passages *PassagesClient
}

// NewClient returns a sources client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	c := core.NewCore(opts)
	return &Client{
		core:     c,
		Files:    &FilesClient{core: c},
		Passages: &PassagesClient{core: c},
	}
}

// Retrieve gets one source by id (the reference documentation says "Get all
// sources"; it gets one). A missing source is a 404 (types.ErrNotFound).
func (c *Client) Retrieve(ctx context.Context, sourceID string, opts ...option.RequestOption) (*types.Source, error) {
	return core.Call[*types.Source](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/sources/{sourceID}", PathParams: []string{sourceID}}, opts)
}

// Delete deletes a data source. The server answers with JSON null,
// returned as nil.
func (c *Client) Delete(ctx context.Context, sourceID string, opts ...option.RequestOption) (any, error) {
	return core.Call[any](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/sources/{sourceID}", PathParams: []string{sourceID}}, opts)
}

// ModifyParams are the fields of a source to change; unset fields are left
// as they are.
type ModifyParams struct {
	// Name is the name of the source.
	Name *string `json:"name,omitzero"`
	// Description is the description of the source.
	Description *string `json:"description,omitzero"`
	// Metadata is metadata associated with the source.
	Metadata map[string]any `json:"metadata,omitzero"`
	// EmbeddingConfig is the embedding configuration used by the source.
	EmbeddingConfig *types.EmbeddingConfig `json:"embedding_config,omitzero"`
}

// Modify updates the name or documentation of an existing data source. A
// missing source is a 404.
func (c *Client) Modify(ctx context.Context, sourceID string, params ModifyParams, opts ...option.RequestOption) (*types.Source, error) {
	return core.Call[*types.Source](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/sources/{sourceID}", PathParams: []string{sourceID}, Body: params}, opts)
}

// GetByName looks a source up by name and returns its id (the server
// answers with the bare id, not the source; pass it to Retrieve for the
// rest).
func (c *Client) GetByName(ctx context.Context, sourceName string, opts ...option.RequestOption) (string, error) {
	return core.Call[string](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/sources/name/{sourceName}", PathParams: []string{sourceName}}, opts)
}

// List lists all data sources created by the user. The server replaces each
// source's metadata with its counts: num_documents, num_passages and
// attached_agents.
func (c *Client) List(ctx context.Context, opts ...option.RequestOption) ([]types.Source, error) {
	return core.Call[[]types.Source](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/sources/"}, opts)
}

// CreateParams define a new data source.
type CreateParams struct {
	// Name is the name of the source.
	Name string `json:"name"`
	// EmbeddingConfig is the embedding configuration used by the source.
	// Letta 0.6.13 requires it (a 400 without it); take one from
	// models.Client.ListEmbeddingModels.
	EmbeddingConfig *types.EmbeddingConfig `json:"embedding_config,omitzero"`
	// Description is the description of the source.
	Description *string `json:"description,omitzero"`
	// Metadata is metadata associated with the source.
	Metadata map[string]any `json:"metadata,omitzero"`
}

// Create creates a new data source.
func (c *Client) Create(ctx context.Context, params CreateParams, opts ...option.RequestOption) (*types.Source, error) {
	return core.Call[*types.Source](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/sources/", Body: params}, opts)
}
