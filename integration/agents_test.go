package integration

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/blocks"
	"github.com/letta-go/letta/types"
)

func agentIDs(list []types.AgentState) []string {
	return ids(list, func(a types.AgentState) string { return a.ID })
}

// blockByLabel returns the block of list with label, or nil.
func blockByLabel(list []types.Block, label string) *types.Block {
	for i := range list {
		if deref(list[i].Label) == label {
			return &list[i]
		}
	}
	return nil
}

func TestAgentLifecycle(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.create", "agents.retrieve", "agents.list", "agents.modify", "agents.delete")

	name := unique("agent")
	tagA, tagB := unique("tag"), unique("tag")
	agent, err := c.Agents.Create(ctx, agents.CreateParams{
		Name:        new(name),
		Model:       new(model),
		Embedding:   new(embedding),
		Description: new("integration agent"),
		Tags:        []string{tagA, tagB},
		Metadata:    map[string]any{"suite": "integration", "run": runID},
		MemoryBlocks: []types.CreateBlock{
			{Label: "persona", Value: "I am a test agent."},
			{Label: "human", Value: "Name: Tester", Limit: new(1234)},
		},
	})
	require.NoError(t, err)
	t.Cleanup(func() { c.Agents.Delete(context.Background(), agent.ID) })
	assert.True(t, strings.HasPrefix(agent.ID, "agent-"), agent.ID)
	assert.Equal(t, name, agent.Name)
	assert.Equal(t, "gpt-4o-mini", agent.LLMConfig.Model)
	assert.Equal(t, model, deref(agent.LLMConfig.Handle))
	assert.Equal(t, "text-embedding-ada-002", agent.EmbeddingConfig.EmbeddingModel)
	assert.Equal(t, types.AgentType("memgpt_agent"), agent.AgentType)
	assert.ElementsMatch(t, []string{tagA, tagB}, agent.Tags)
	assert.Equal(t, "integration", agent.Metadata["suite"])
	require.NotNil(t, agent.CreatedAt, "created_at")
	assert.False(t, agent.CreatedAt.IsZero(), "created_at decodes (the server may send it without a zone)")
	human := blockByLabel(agent.Memory.Blocks, "human")
	require.NotNil(t, human, "blocks: %v", agent.Memory.Blocks)
	assert.Equal(t, "Name: Tester", human.Value)
	assert.Equal(t, 1234, deref(human.Limit))
	assert.NotEmpty(t, agent.MessageIDs, "the default initial messages")
	assert.NotEmpty(t, agent.System)

	got, err := c.Agents.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, agent.ID, got.ID)
	assert.Equal(t, name, got.Name)
	assert.Equal(t, agent.MessageIDs, got.MessageIDs)
	assert.Equal(t, agent.CreatedAt.Unix(), got.CreatedAt.Unix())

	// The server pages by (created_at, id), but created_at has whole
	// seconds here and cursors among objects of the same second are not
	// reliable (SQLite; see ../shared/letta-server/README.md): create the
	// second agent in a later second.
	time.Sleep(1100 * time.Millisecond)
	other := newAgent(t, c, ctx, func(p *agents.CreateParams) {
		p.Name = new(unique("other"))
		p.Tags = []string{tagA}
	})

	// Filters: by name, by tags (any or all), by text in the name.
	byName, err := c.Agents.List(ctx, agents.ListParams{Name: new(name)})
	require.NoError(t, err)
	assert.Equal(t, []string{agent.ID}, agentIDs(byName))
	anyTag, err := c.Agents.List(ctx, agents.ListParams{Tags: []string{tagA, tagB}})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{agent.ID, other.ID}, agentIDs(anyTag))
	allTags, err := c.Agents.List(ctx, agents.ListParams{Tags: []string{tagA, tagB}, MatchAllTags: new(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{agent.ID}, agentIDs(allTags))
	byText, err := c.Agents.List(ctx, agents.ListParams{QueryText: new("other-" + runID)})
	require.NoError(t, err)
	assert.Equal(t, []string{other.ID}, agentIDs(byText))

	// Paging one agent at a time, within our tag (other clients' agents
	// could be deleted under the cursor): each agent once.
	var paged []string
	for a, err := range c.Agents.ListIter(ctx, agents.ListParams{Tags: []string{tagA}, Limit: new(1)}) {
		require.NoError(t, err)
		paged = append(paged, a.ID)
	}
	assert.ElementsMatch(t, []string{agent.ID, other.ID}, paged)
	page, err := c.Agents.List(ctx, agents.ListParams{Limit: new(1)})
	require.NoError(t, err)
	assert.Len(t, page, 1)

	modified, err := c.Agents.Modify(ctx, agent.ID, agents.ModifyParams{
		Name:        new(name + "-renamed"),
		Description: new("modified"),
		Tags:        []string{tagB},
		Metadata:    map[string]any{"suite": "integration", "step": 2},
		System:      new("You are a modified test agent."),
	})
	require.NoError(t, err)
	assert.Equal(t, name+"-renamed", modified.Name)
	got, err = c.Agents.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, name+"-renamed", got.Name)
	assert.Equal(t, "modified", deref(got.Description))
	assert.Equal(t, []string{tagB}, got.Tags)
	assert.Equal(t, json.Number("2"), got.Metadata["step"])
	assert.Equal(t, "You are a modified test agent.", got.System)
	anyTag, err = c.Agents.List(ctx, agents.ListParams{Tags: []string{tagA}})
	require.NoError(t, err)
	assert.Equal(t, []string{other.ID}, agentIDs(anyTag), "tag removed")

	_, err = c.Agents.Delete(ctx, agent.ID)
	require.NoError(t, err)
	_, err = c.Agents.Retrieve(ctx, agent.ID)
	requireAPIError(t, err, 404)
	assert.ErrorIs(t, err, types.ErrNotFound)
	byName, err = c.Agents.List(ctx, agents.ListParams{Name: new(name + "-renamed")})
	require.NoError(t, err)
	assert.Empty(t, byName)
}

func TestCoreMemory(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.core_memory.retrieve", "agents.core_memory.retrieve_block", "agents.core_memory.modify_block",
		"agents.core_memory.list_blocks", "agents.core_memory.attach_block", "agents.core_memory.detach_block",
		"blocks.create", "blocks.list_agents_for_block", "agents.messages.create")

	agent := newAgent(t, c, ctx, func(p *agents.CreateParams) {
		p.MemoryBlocks = []types.CreateBlock{
			{Label: "persona", Value: "I am a test agent."},
			{Label: "human", Value: "Name: Tester", Limit: new(100)},
		}
	})

	memory, err := c.Agents.CoreMemory.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"persona", "human"}, ids(memory.Blocks, func(b types.Block) string { return deref(b.Label) }))
	assert.NotEmpty(t, deref(memory.PromptTemplate))

	human, err := c.Agents.CoreMemory.RetrieveBlock(ctx, agent.ID, "human")
	require.NoError(t, err)
	assert.Equal(t, "Name: Tester", human.Value)
	assert.Equal(t, 100, deref(human.Limit))

	modified, err := c.Agents.CoreMemory.ModifyBlock(ctx, agent.ID, "human", agents.CoreMemoryModifyBlockParams{Value: new("Name: Tester\nLikes: Go")})
	require.NoError(t, err)
	assert.Equal(t, human.ID, modified.ID)
	assert.Equal(t, "Name: Tester\nLikes: Go", modified.Value)
	human, err = c.Agents.CoreMemory.RetrieveBlock(ctx, agent.ID, "human")
	require.NoError(t, err)
	assert.Equal(t, "Name: Tester\nLikes: Go", human.Value)

	// The server's own check: a value over the block's limit is a 400.
	_, err = c.Agents.CoreMemory.ModifyBlock(ctx, agent.ID, "human", agents.CoreMemoryModifyBlockParams{Value: new(strings.Repeat("x", 101))})
	apiErr := requireAPIError(t, err, 400)
	assert.Contains(t, strings.ToLower(apiErr.Detail), "limit")
	human, err = c.Agents.CoreMemory.RetrieveBlock(ctx, agent.ID, "human")
	require.NoError(t, err)
	assert.Equal(t, "Name: Tester\nLikes: Go", human.Value, "the rejected value was not stored")

	// The agent edits its own memory with a tool.
	_, err = c.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage(`call tool core_memory_append {"label": "human", "content": "Drinks tea"}`)},
	})
	require.NoError(t, err)
	human, err = c.Agents.CoreMemory.RetrieveBlock(ctx, agent.ID, "human")
	require.NoError(t, err)
	assert.Equal(t, "Name: Tester\nLikes: Go\nDrinks tea", human.Value)

	// A standalone block, attached and detached.
	label := unique("notes")
	block, err := c.Blocks.Create(ctx, blocks.CreateParams{Label: label, Value: "shared notes"})
	require.NoError(t, err)
	t.Cleanup(func() { c.Blocks.Delete(context.Background(), block.ID) })
	attached, err := c.Agents.CoreMemory.AttachBlock(ctx, agent.ID, block.ID)
	require.NoError(t, err)
	require.NotNil(t, blockByLabel(attached.Memory.Blocks, label))
	list, err := c.Agents.CoreMemory.ListBlocks(ctx, agent.ID)
	require.NoError(t, err)
	assert.Len(t, list, 3)
	got := blockByLabel(list, label)
	require.NotNil(t, got, "ListBlocks: %v", list)
	assert.Equal(t, block.ID, got.ID)
	assert.Equal(t, "shared notes", got.Value)
	users, err := c.Blocks.ListAgentsForBlock(ctx, block.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{agent.ID}, agentIDs(users))

	detached, err := c.Agents.CoreMemory.DetachBlock(ctx, agent.ID, block.ID)
	require.NoError(t, err)
	assert.Nil(t, blockByLabel(detached.Memory.Blocks, label))
	list, err = c.Agents.CoreMemory.ListBlocks(ctx, agent.ID)
	require.NoError(t, err)
	assert.Len(t, list, 2)
	users, err = c.Blocks.ListAgentsForBlock(ctx, block.ID)
	require.NoError(t, err)
	assert.Empty(t, users)
	_, err = c.Agents.CoreMemory.RetrieveBlock(ctx, agent.ID, label)
	requireAPIError(t, err, 404)
	// Detaching a block that is not attached is a 404.
	_, err = c.Agents.CoreMemory.DetachBlock(ctx, agent.ID, block.ID)
	requireAPIError(t, err, 404)
}

func TestBlockLifecycle(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "blocks.create", "blocks.retrieve", "blocks.list", "blocks.modify", "blocks.delete")

	label, name := unique("label"), unique("template")
	block, err := c.Blocks.Create(ctx, blocks.CreateParams{
		Label: label, Value: "v1", Limit: new(500), Name: new(name), IsTemplate: new(true),
		Description: new("a template"), Metadata: map[string]any{"k": "v"},
	})
	require.NoError(t, err)
	t.Cleanup(func() { c.Blocks.Delete(context.Background(), block.ID) })
	plain, err := c.Blocks.Create(ctx, blocks.CreateParams{Label: label, Value: "plain"})
	require.NoError(t, err)
	t.Cleanup(func() { c.Blocks.Delete(context.Background(), plain.ID) })
	assert.True(t, strings.HasPrefix(block.ID, "block-"), block.ID)
	assert.Equal(t, 500, deref(block.Limit))
	assert.True(t, deref(block.IsTemplate))
	assert.False(t, deref(plain.IsTemplate))
	assert.Equal(t, 5000, deref(plain.Limit), "the server's default limit")

	got, err := c.Blocks.Retrieve(ctx, block.ID)
	require.NoError(t, err)
	assert.Equal(t, "v1", got.Value)
	assert.Equal(t, name, deref(got.Name))
	assert.Equal(t, "a template", deref(got.Description))
	assert.Equal(t, "v", got.Metadata["k"])

	// Unset (or true), templates_only lists only templates; false lists
	// only the other blocks.
	blockIDs := func(list []types.Block) []string { return ids(list, func(b types.Block) string { return b.ID }) }
	templates, err := c.Blocks.List(ctx, blocks.ListParams{Label: new(label)})
	require.NoError(t, err)
	assert.Equal(t, []string{block.ID}, blockIDs(templates))
	templates, err = c.Blocks.List(ctx, blocks.ListParams{Label: new(label), TemplatesOnly: new(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{block.ID}, blockIDs(templates))
	others, err := c.Blocks.List(ctx, blocks.ListParams{Label: new(label), TemplatesOnly: new(false)})
	require.NoError(t, err)
	assert.Equal(t, []string{plain.ID}, blockIDs(others))
	byName, err := c.Blocks.List(ctx, blocks.ListParams{Name: new(name)})
	require.NoError(t, err)
	assert.Equal(t, []string{block.ID}, blockIDs(byName))

	modified, err := c.Blocks.Modify(ctx, block.ID, blocks.ModifyParams{Value: new("v2"), Limit: new(600)})
	require.NoError(t, err)
	assert.Equal(t, "v2", modified.Value)
	got, err = c.Blocks.Retrieve(ctx, block.ID)
	require.NoError(t, err)
	assert.Equal(t, "v2", got.Value)
	assert.Equal(t, 600, deref(got.Limit))
	assert.Equal(t, label, deref(got.Label), "unset fields are kept")

	// The server's own check: a value over the limit is a 400.
	_, err = c.Blocks.Modify(ctx, block.ID, blocks.ModifyParams{Value: new(strings.Repeat("y", 601))})
	requireAPIError(t, err, 400)

	deleted, err := c.Blocks.Delete(ctx, block.ID)
	require.NoError(t, err)
	assert.Equal(t, block.ID, deleted.ID)
	_, err = c.Blocks.Retrieve(ctx, block.ID)
	requireAPIError(t, err, 404)
	templates, err = c.Blocks.List(ctx, blocks.ListParams{Label: new(label)})
	require.NoError(t, err)
	assert.Empty(t, templates)
}

func TestArchivalMemory(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.archival_memory.create", "agents.archival_memory.list", "agents.archival_memory.delete", "agents.context.retrieve")
	agent := newAgent(t, c, ctx, nil)

	texts := []string{"The order #4412 shipped on January 20.", "Dana prefers email.", "Dana asked about the winter sale."}
	var created []string
	for _, text := range texts {
		passages, err := c.Agents.ArchivalMemory.Create(ctx, agent.ID, agents.ArchivalMemoryCreateParams{Text: text})
		require.NoError(t, err)
		require.Len(t, passages, 1)
		assert.Equal(t, text, passages[0].Text)
		assert.Equal(t, agent.ID, deref(passages[0].AgentID))
		assert.Len(t, passages[0].Embedding, 4096, "embeddings are padded to 4096")
		created = append(created, passages[0].ID)
	}

	list, err := c.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	assert.ElementsMatch(t, created, ids(list, func(p types.Passage) string { return p.ID }))
	assert.ElementsMatch(t, texts, ids(list, func(p types.Passage) string { return p.Text }))
	limited, err := c.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{Limit: new(2)})
	require.NoError(t, err)
	assert.Len(t, limited, 2)

	// ListIter yields every passage (the server cannot page; see
	// ArchivalMemoryListParams), whatever the limit.
	var iterated []string
	for p, err := range c.Agents.ArchivalMemory.ListIter(ctx, agent.ID, agents.ArchivalMemoryListParams{Limit: new(2)}) {
		require.NoError(t, err)
		iterated = append(iterated, p.ID)
	}
	assert.ElementsMatch(t, created, iterated)

	// An integer cursor is the server's own 400; ListIter says so.
	_, err = c.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{After: new(1)})
	apiErr := requireAPIError(t, err, 400)
	assert.Contains(t, apiErr.Detail, "Argument after does not match type")
	for _, err := range c.Agents.ArchivalMemory.ListIter(ctx, agent.ID, agents.ArchivalMemoryListParams{After: new(1)}) {
		requireAPIError(t, err, 400)
	}

	overview, err := c.Agents.Context.Retrieve(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, 3, overview.NumArchivalMemory)
	assert.Positive(t, overview.ContextWindowSizeMax)
	assert.Positive(t, overview.NumTokensSystem)
	assert.Equal(t, len(overview.Messages), overview.NumMessages)

	_, err = c.Agents.ArchivalMemory.Delete(ctx, agent.ID, created[0])
	require.NoError(t, err)
	list, err = c.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	assert.ElementsMatch(t, created[1:], ids(list, func(p types.Passage) string { return p.ID }))
	assert.False(t, slices.Contains(ids(list, func(p types.Passage) string { return p.ID }), created[0]))
}
