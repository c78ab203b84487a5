package integration

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/blocks"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

func TestErrors(t *testing.T) {
	c, ctx := setup(t)

	t.Run("404 for a missing id", func(t *testing.T) {
		uses(t, "agents.retrieve", "tools.retrieve", "sources.retrieve", "blocks.retrieve", "jobs.retrieve", "runs.retrieve_run", "sources.get_by_name")
		missing := "-00000000-0000-4000-8000-000000000000"
		_, err := c.Agents.Retrieve(ctx, "agent"+missing)
		apiErr := requireAPIError(t, err, 404)
		assert.ErrorIs(t, err, types.ErrNotFound)
		assert.Contains(t, apiErr.Detail, "agent"+missing)
		assert.Equal(t, "GET", apiErr.Method)
		_, err = c.Tools.Retrieve(ctx, "tool"+missing)
		assert.ErrorIs(t, err, types.ErrNotFound)
		_, err = c.Sources.Retrieve(ctx, "source"+missing)
		assert.ErrorIs(t, err, types.ErrNotFound)
		_, err = c.Blocks.Retrieve(ctx, "block"+missing)
		assert.ErrorIs(t, err, types.ErrNotFound)
		_, err = c.Jobs.Retrieve(ctx, "job"+missing)
		assert.ErrorIs(t, err, types.ErrNotFound)
		_, err = c.Runs.RetrieveRun(ctx, "run"+missing)
		assert.ErrorIs(t, err, types.ErrNotFound)
		_, err = c.Sources.GetByName(ctx, unique("nosuchsource"))
		assert.ErrorIs(t, err, types.ErrNotFound)
	})

	t.Run("422 from request validation", func(t *testing.T) {
		uses(t, "blocks.create", "agents.messages.modify", "agents.create")
		// A wrong type, sent with the escape hatch.
		_, err := c.Blocks.Create(ctx, blocks.CreateParams{Label: unique("label"), Value: "v"}, option.WithBodyField("limit", "lots"))
		apiErr := requireAPIError(t, err, 422)
		assert.ErrorIs(t, err, types.ErrUnprocessable)
		require.NotEmpty(t, apiErr.ValidationErrors)
		assert.Contains(t, apiErr.ValidationErrors[0].String(), "limit")

		// The server requires "content" in a message update.
		agent := newAgent(t, c, ctx, nil)
		_, err = c.Agents.Messages.Modify(ctx, agent.ID, agent.MessageIDs[0], agents.MessagesModifyParams{Name: new("x")})
		apiErr = requireAPIError(t, err, 422)
		require.NotEmpty(t, apiErr.ValidationErrors)
		assert.Contains(t, apiErr.ValidationErrors[0].String(), "content")

		// A name over 50 characters.
		_, err = c.Agents.Create(ctx, agents.CreateParams{Name: new(strings.Repeat("n", 51)), Model: new(model), Embedding: new(embedding)})
		apiErr = requireAPIError(t, err, 422)
		assert.Contains(t, apiErr.Error(), "Name length must be between 1 and 50 characters")
	})

	t.Run("400 from the server's own checks", func(t *testing.T) {
		uses(t, "tools.create", "tools.run_tool_from_source", "tools.delete", "agents.create")
		// A tool without a docstring cannot get a JSON schema.
		_, err := c.Tools.Create(ctx, tools.CreateParams{SourceCode: "def " + toolName() + "(x: int) -> int:\n    return x\n"})
		apiErr := requireAPIError(t, err, 400)
		assert.NotEmpty(t, apiErr.Detail)
		_, err = c.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: "def f(x: int) -> int:\n    return x\n", Args: map[string]any{"x": 1}})
		requireAPIError(t, err, 400)
		// Deleting a tool that does not exist.
		_, err = c.Tools.Delete(ctx, "tool-00000000-0000-4000-8000-000000000000")
		requireAPIError(t, err, 400)
		// A model the server does not have.
		_, err = c.Agents.Create(ctx, agents.CreateParams{Name: new(unique("agent")), Model: new("openai/no-such-model"), Embedding: new(embedding)})
		requireAPIError(t, err, 400)
	})

	t.Run("lists of a missing agent are empty", func(t *testing.T) {
		uses(t, "agents.archival_memory.list", "agents.messages.list")
		// The server does not look the agent up for these lists.
		missing := "agent-00000000-0000-4000-8000-000000000000"
		passages, err := c.Agents.ArchivalMemory.List(ctx, missing, agents.ArchivalMemoryListParams{})
		require.NoError(t, err)
		assert.Empty(t, passages)
		messages, err := c.Agents.Messages.List(ctx, missing, agents.MessagesListParams{})
		require.NoError(t, err)
		assert.Empty(t, messages.LettaMessages)
		assert.Empty(t, messages.Messages)
	})

	t.Run("an empty id never reaches the server", func(t *testing.T) {
		uses(t, "agents.retrieve")
		_, err := c.Agents.Retrieve(ctx, "")
		assert.ErrorIs(t, err, types.ErrEmptyPathParam)
	})
}
