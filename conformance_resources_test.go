package letta_test

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/blocks"
	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/providers"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/tag"
)

// uploadParams builds FilesUploadParams from a case's "file" arg
// ({filename, content_type, content}).
func uploadParams(a *caseArgs) sources.FilesUploadParams {
	var f struct {
		Filename    string `json:"filename"`
		ContentType string `json:"content_type"`
		Content     string `json:"content"`
	}
	require.NoError(a.t, json.Unmarshal(a.c.Args["file"], &f))
	return sources.FilesUploadParams{File: strings.NewReader(f.Content), Filename: f.Filename, ContentType: f.ContentType}
}

func init() {
	// sources
	register("sources.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.Retrieve(ctx, a.path("source_id"), a.opts...)
	})
	register("sources.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.Delete(ctx, a.path("source_id"), a.opts...)
	})
	register("sources.modify", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.Modify(ctx, a.path("source_id"), decodeParams[sources.ModifyParams](a), a.opts...)
	})
	register("sources.get_by_name", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.GetByName(ctx, a.path("source_name"), a.opts...)
	})
	register("sources.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.List(ctx, a.opts...)
	})
	register("sources.create", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.Create(ctx, decodeParams[sources.CreateParams](a), a.opts...)
	})
	register("sources.files.upload", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.Files.Upload(ctx, a.path("source_id"), uploadParams(a), a.opts...)
	})
	register("sources.files.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.Files.List(ctx, a.path("source_id"), decodeParams[sources.FilesListParams](a), a.opts...)
	})
	register("sources.files.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return nil, c.Sources.Files.Delete(ctx, a.path("source_id"), a.path("file_id"), a.opts...)
	})
	register("sources.passages.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Sources.Passages.List(ctx, a.path("source_id"), a.opts...)
	})

	// models
	register("models.list_llms", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Models.ListLLMs(ctx, a.opts...)
	})
	register("models.list_embedding_models", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Models.ListEmbeddingModels(ctx, a.opts...)
	})

	// blocks
	register("blocks.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Blocks.List(ctx, decodeParams[blocks.ListParams](a), a.opts...)
	})
	register("blocks.create", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Blocks.Create(ctx, decodeParams[blocks.CreateParams](a), a.opts...)
	})
	register("blocks.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Blocks.Retrieve(ctx, a.path("block_id"), a.opts...)
	})
	register("blocks.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Blocks.Delete(ctx, a.path("block_id"), a.opts...)
	})
	register("blocks.modify", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Blocks.Modify(ctx, a.path("block_id"), decodeParams[blocks.ModifyParams](a), a.opts...)
	})
	register("blocks.list_agents_for_block", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Blocks.ListAgentsForBlock(ctx, a.path("block_id"), a.opts...)
	})

	// jobs
	register("jobs.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Jobs.List(ctx, decodeParams[jobs.ListParams](a), a.opts...)
	})
	register("jobs.list_active", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Jobs.ListActive(ctx, a.opts...)
	})
	register("jobs.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Jobs.Retrieve(ctx, a.path("job_id"), a.opts...)
	})
	register("jobs.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Jobs.Delete(ctx, a.path("job_id"), a.opts...)
	})

	// providers
	register("providers.list_providers", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Providers.ListProviders(ctx, decodeParams[providers.ListProvidersParams](a), a.opts...)
	})
	register("providers.create_provider", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Providers.CreateProvider(ctx, decodeParams[providers.CreateProviderParams](a), a.opts...)
	})
	register("providers.delete_provider", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Providers.DeleteProvider(ctx, decodeParams[providers.DeleteProviderParams](a), a.opts...)
	})
	register("providers.modify_provider", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Providers.ModifyProvider(ctx, decodeParams[providers.ModifyProviderParams](a), a.opts...)
	})

	// runs
	register("runs.list_runs", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Runs.ListRuns(ctx, a.opts...)
	})
	register("runs.list_active_runs", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Runs.ListActiveRuns(ctx, a.opts...)
	})
	register("runs.retrieve_run", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Runs.RetrieveRun(ctx, a.path("run_id"), a.opts...)
	})
	register("runs.delete_run", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Runs.DeleteRun(ctx, a.path("run_id"), a.opts...)
	})
	register("runs.list_run_messages", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Runs.ListRunMessages(ctx, a.path("run_id"), decodeParams[runs.ListRunMessagesParams](a), a.opts...)
	})
	register("runs.retrieve_run_usage", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Runs.RetrieveRunUsage(ctx, a.path("run_id"), a.opts...)
	})

	// tag
	register("tag.list_tags", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tag.ListTags(ctx, decodeParams[tag.ListTagsParams](a), a.opts...)
	})
}
