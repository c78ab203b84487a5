package integration

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/providers"
	"github.com/letta-go/letta/tag"
	"github.com/letta-go/letta/types"
)

func TestHealth(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "health.check")
	h, err := c.Health.Check(ctx)
	require.NoError(t, err)
	assert.Equal(t, "ok", h.Status)
	assert.Regexp(t, `^\d+\.\d+\.\d+`, h.Version)
}

func TestModels(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "models.list_llms", "models.list_embedding_models")

	llms, err := c.Models.ListLLMs(ctx)
	require.NoError(t, err)
	handles := map[string]types.LLMConfig{}
	for _, m := range llms {
		handles[deref(m.Handle)] = m
	}
	require.Contains(t, handles, model, "ListLLMs: %v", handles)
	assert.Equal(t, "gpt-4o-mini", handles[model].Model)
	assert.Equal(t, types.LLMConfigModelEndpointType("openai"), handles[model].ModelEndpointType)
	assert.Positive(t, handles[model].ContextWindow)

	embeddings, err := c.Models.ListEmbeddingModels(ctx)
	require.NoError(t, err)
	var ada *types.EmbeddingConfig
	for _, m := range embeddings {
		if deref(m.Handle) == embedding {
			ada = &m
		}
	}
	require.NotNil(t, ada, "ListEmbeddingModels has no %s", embedding)
	assert.Equal(t, "text-embedding-ada-002", ada.EmbeddingModel)
	assert.Equal(t, 1536, ada.EmbeddingDim)
	assert.Positive(t, deref(ada.EmbeddingChunkSize))
}

func TestProviders(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "providers.create_provider", "providers.list_providers", "providers.modify_provider", "providers.delete_provider")

	name := unique("provider")
	p, err := c.Providers.CreateProvider(ctx, providers.CreateProviderParams{Name: name, APIKey: "sk-first"})
	require.NoError(t, err)
	require.NotEmpty(t, p.ID)
	assert.Equal(t, name, p.Name)
	assert.Equal(t, "sk-first", deref(p.APIKey))

	find := func() *types.Provider {
		t.Helper()
		// Follow the cursor one provider at a time: other clients'
		// providers may come first.
		for got, err := range c.Providers.ListProvidersIter(ctx, providers.ListProvidersParams{Limit: new(1)}) {
			require.NoError(t, err)
			if got.ID == p.ID {
				return &got
			}
		}
		return nil
	}
	listed := find()
	require.NotNil(t, listed, "provider %s not listed", p.ID)
	assert.Equal(t, name, listed.Name)
	page, err := c.Providers.ListProviders(ctx, providers.ListProvidersParams{Limit: new(1)})
	require.NoError(t, err)
	assert.Len(t, page, 1, "limit=1")

	modified, err := c.Providers.ModifyProvider(ctx, providers.ModifyProviderParams{ID: p.ID, APIKey: "sk-second"})
	require.NoError(t, err)
	assert.Equal(t, p.ID, modified.ID)
	assert.Equal(t, "sk-second", deref(modified.APIKey))
	listed = find()
	require.NotNil(t, listed)
	assert.Equal(t, "sk-second", deref(listed.APIKey), "the new key is stored")

	_, err = c.Providers.DeleteProvider(ctx, providers.DeleteProviderParams{ProviderID: p.ID})
	require.NoError(t, err)
	assert.Nil(t, find(), "deleted provider still listed")
}

func TestTags(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "tag.list_tags", "agents.create", "agents.modify")

	// Tags are listed from the agents that carry them.
	prefix := unique("tag")
	mine := []string{prefix + "-a", prefix + "-b", prefix + "-c"}
	agent := newAgent(t, c, ctx, func(p *agents.CreateParams) { p.Tags = mine[:2] })
	_ = newAgent(t, c, ctx, func(p *agents.CreateParams) {
		p.Tags = mine[1:]
	})

	got, err := c.Tag.ListTags(ctx, tag.ListTagsParams{QueryText: new(prefix)})
	require.NoError(t, err)
	assert.Equal(t, mine, got, "each tag once, sorted")

	var paged []string
	for tg, err := range c.Tag.ListTagsIter(ctx, tag.ListTagsParams{QueryText: new(prefix), Limit: new(2)}) {
		require.NoError(t, err)
		paged = append(paged, tg)
	}
	assert.Equal(t, mine, paged, "ListTagsIter pages by tag")

	page, err := c.Tag.ListTags(ctx, tag.ListTagsParams{QueryText: new(prefix), After: new(mine[0]), Limit: new(1)})
	require.NoError(t, err)
	assert.Equal(t, mine[1:2], page)

	// Clearing the first agent's tags leaves only the second's.
	_, err = c.Agents.Modify(ctx, agent.ID, agents.ModifyParams{Tags: []string{}})
	require.NoError(t, err)
	got, err = c.Tag.ListTags(ctx, tag.ListTagsParams{QueryText: new(prefix)})
	require.NoError(t, err)
	assert.Equal(t, mine[1:], got)
}

// TestCloudOnlyMethods checks that the five Letta Cloud methods get the
// answer a self-hosted server gives them: it has no such route.
func TestCloudOnlyMethods(t *testing.T) {
	c, ctx := setup(t)
	agent := newAgent(t, c, ctx, nil)

	t.Run("agents.search", func(t *testing.T) {
		uses(t, "agents.search")
		// POST /v1/agents/search matches GET /v1/agents/{agent_id}.
		err := c.Agents.Search(ctx, agents.SearchParams{Limit: new(1.0)})
		requireAPIError(t, err, 405)
	})
	t.Run("agents.templates.create_version", func(t *testing.T) {
		uses(t, "agents.templates.create_version")
		err := c.Agents.Templates.CreateVersion(ctx, agent.ID, agents.TemplatesCreateVersionParams{})
		assert.ErrorIs(t, err, types.ErrNotFound)
		requireAPIError(t, err, 404)
	})
	t.Run("agents.templates.migrate", func(t *testing.T) {
		uses(t, "agents.templates.migrate")
		_, err := c.Agents.Templates.Migrate(ctx, agent.ID, agents.TemplatesMigrateParams{ToTemplate: "t:1"})
		assert.ErrorIs(t, err, types.ErrNotFound)
	})
	t.Run("agents.templates.create", func(t *testing.T) {
		uses(t, "agents.templates.create")
		err := c.Agents.Templates.Create(ctx, agent.ID, agents.TemplatesCreateParams{})
		assert.ErrorIs(t, err, types.ErrNotFound)
	})
	t.Run("agents.memory_variables.list", func(t *testing.T) {
		uses(t, "agents.memory_variables.list")
		_, err := c.Agents.MemoryVariables.List(ctx, agent.ID)
		assert.ErrorIs(t, err, types.ErrNotFound)
	})
}

// TestComposio checks the Composio methods: without a Composio API key
// (the server here has none) the server answers each with a 400 that says
// so.
func TestComposio(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "tools.list_composio_apps", "tools.list_composio_actions_by_app", "tools.add_composio_tool")

	_, err := c.Tools.ListComposioApps(ctx)
	apiErr := requireAPIError(t, err, 400)
	assert.Contains(t, apiErr.Detail, "No API keys found for Composio")

	_, err = c.Tools.ListComposioActionsByApp(ctx, "github")
	apiErr = requireAPIError(t, err, 400)
	assert.Contains(t, apiErr.Detail, "No API keys found for Composio")

	_, err = c.Tools.AddComposioTool(ctx, "GITHUB_STAR_A_REPOSITORY_FOR_THE_AUTHENTICATED_USER")
	apiErr = requireAPIError(t, err, 400)
	// Here the detail is an object: {"code": "ApiKeyNotProvidedError", …}.
	assert.Contains(t, string(apiErr.Body), "ApiKeyNotProvidedError")
	assert.Contains(t, apiErr.Error(), "API Key not provided")
}
