// Package providers manages custom LLM providers: the API keys the server
// uses to reach a provider's models on the organization's behalf.
package providers

import (
	"context"
	"errors"
	"iter"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Client calls the /v1/providers endpoints.
type Client struct {
	core core.Core
}

// NewClient returns a providers client; letta.NewClient makes one for you.
func NewClient(opts ...option.RequestOption) *Client {
	return &Client{core: core.NewCore(opts)}
}

// ListProvidersParams select a page of providers.
type ListProvidersParams struct {
	// After is the id of the provider to start after.
	After *string `json:"after,omitzero" url:"after,omitempty"`
	// Limit is the page size (server default 50).
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
}

// ListProviders gets a page of the custom providers of the organization.
// The server returns each provider's API key in clear text.
func (c *Client) ListProviders(ctx context.Context, params ListProvidersParams, opts ...option.RequestOption) ([]types.Provider, error) {
	return core.Call[[]types.Provider](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/providers/", Query: params}, opts)
}

// ListProvidersIter yields every custom provider, page after page,
// starting after params.After and fetching params.Limit providers per
// request. The first error ends the sequence.
func (c *Client) ListProvidersIter(ctx context.Context, params ListProvidersParams, opts ...option.RequestOption) iter.Seq2[types.Provider, error] {
	return core.Paginate(ctx, params.After, params.Limit, func(after *string) ([]types.Provider, error) {
		page := params
		page.After = after
		return c.ListProviders(ctx, page, opts...)
	}, func(p types.Provider) string { return p.ID })
}

// CreateProviderParams define a new custom provider.
type CreateProviderParams struct {
	// Name is the name of the provider (e.g. "anthropic").
	Name string `json:"name"`
	// APIKey is the API key used for requests to the provider.
	APIKey string `json:"api_key"`
}

// CreateProvider creates a new custom provider.
func (c *Client) CreateProvider(ctx context.Context, params CreateProviderParams, opts ...option.RequestOption) (*types.Provider, error) {
	return core.Call[*types.Provider](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/providers/", Body: params}, opts)
}

// DeleteProviderParams name the provider to delete. The id travels in the
// query (DELETE v1/providers/?provider_id=…), not in the path.
type DeleteProviderParams struct {
	// ProviderID is the id of the provider to delete. Required: an empty
	// id is an error returned before any request is sent.
	ProviderID string `json:"provider_id" url:"provider_id,omitempty"`
}

// errEmptyProviderID is returned by DeleteProvider for an empty id.
var errEmptyProviderID = errors.New("letta: providers.DeleteProvider: DeleteProviderParams.ProviderID is empty")

// DeleteProvider deletes an existing custom provider. The server answers
// with JSON null, returned as nil.
func (c *Client) DeleteProvider(ctx context.Context, params DeleteProviderParams, opts ...option.RequestOption) (any, error) {
	if params.ProviderID == "" {
		return nil, errEmptyProviderID
	}
	return core.Call[any](ctx, c.core, core.Request{Method: http.MethodDelete, Path: "v1/providers/", Query: params}, opts)
}

// ModifyProviderParams are the provider to update and its new API key.
type ModifyProviderParams struct {
	// ID is the id of the provider to update (sent in the body).
	ID string `json:"id"`
	// APIKey is the API key used for requests to the provider.
	APIKey string `json:"api_key"`
}

// ModifyProvider updates an existing custom provider's API key.
func (c *Client) ModifyProvider(ctx context.Context, params ModifyProviderParams, opts ...option.RequestOption) (*types.Provider, error) {
	return core.Call[*types.Provider](ctx, c.core, core.Request{Method: http.MethodPatch, Path: "v1/providers/", Body: params}, opts)
}
