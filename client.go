package letta

import (
	"fmt"
	"os"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/blocks"
	"github.com/letta-go/letta/health"
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/models"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/providers"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/tag"
	"github.com/letta-go/letta/tools"
)

// Base URLs of the two Letta environments.
const (
	// EnvironmentLettaCloud is Letta Cloud, the default.
	EnvironmentLettaCloud = "https://app.letta.com"
	// EnvironmentSelfHosted is a Letta server on this machine's default port.
	EnvironmentSelfHosted = "http://localhost:8283"
)

// Client is the entry point of the SDK: one field per API resource, all
// sharing the client's options.
type Client struct {
	// Tools manages tools.
	Tools *tools.Client
	// Sources manages data sources, their files and passages.
	Sources *sources.Client
	// Agents manages agents and their memory, tools, sources and messages.
	Agents *agents.Client
	// Models lists the available LLM and embedding models.
	Models *models.Client
	// Blocks manages memory blocks.
	Blocks *blocks.Client
	// Jobs tracks background jobs.
	Jobs *jobs.Client
	// Health checks the server.
	Health *health.Client
	// Providers manages LLM providers.
	Providers *providers.Client
	// Runs tracks agent runs.
	Runs *runs.Client
	// Tag lists agent tags.
	Tag *tag.Client

	// Options are the client-wide options, environment defaults first.
	Options []option.RequestOption

	core core.Core // Options applied once, for Execute
}

// NewClient returns a client for the Letta API. The base URL is Letta Cloud
// unless LETTA_BASE_URL is set; the token comes from LETTA_API_KEY; opts
// override both.
func NewClient(opts ...option.RequestOption) *Client {
	opts = append(DefaultClientOptions(), opts...)
	return &Client{
		Tools:     tools.NewClient(opts...),
		Sources:   sources.NewClient(opts...),
		Agents:    agents.NewClient(opts...),
		Models:    models.NewClient(opts...),
		Blocks:    blocks.NewClient(opts...),
		Jobs:      jobs.NewClient(opts...),
		Health:    health.NewClient(opts...),
		Providers: providers.NewClient(opts...),
		Runs:      runs.NewClient(opts...),
		Tag:       tag.NewClient(opts...),
		Options:   opts,
		core:      core.NewCore(opts),
	}
}

// DefaultClientOptions returns the options NewClient starts from: the base
// URL from LETTA_BASE_URL (else Letta Cloud), the token from LETTA_API_KEY
// and the self-hosted server's password from LETTA_SERVER_PASSWORD.
func DefaultClientOptions() []option.RequestOption {
	opts := []option.RequestOption{option.WithBaseURL(EnvironmentLettaCloud)}
	if v := os.Getenv("LETTA_BASE_URL"); v != "" {
		opts = append(opts, baseURLFromEnv(v))
	}
	if v := os.Getenv("LETTA_API_KEY"); v != "" {
		opts = append(opts, option.WithToken(v))
	}
	if v := os.Getenv("LETTA_SERVER_PASSWORD"); v != "" {
		opts = append(opts, option.WithServerPassword(v))
	}
	return opts
}

// baseURLFromEnv is WithBaseURL for LETTA_BASE_URL, whose error names the
// variable.
func baseURLFromEnv(v string) option.RequestOption {
	if err := core.CheckBaseURL(v); err != nil {
		return func(c *core.Config) {
			if c.Err == nil {
				c.Err = fmt.Errorf("letta: LETTA_BASE_URL: %w", err)
			}
		}
	}
	return option.WithBaseURL(v)
}
