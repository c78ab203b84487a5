package integration

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

// toolSource is a Python tool named name that repeats a word.
func toolSource(name string) string {
	return fmt.Sprintf(`def %s(word: str, times: int = 2) -> str:
    """
    Repeat a word.

    Args:
        word (str): The word to repeat.
        times (int): How many times to repeat it.

    Returns:
        str: The word, repeated.
    """
    return "-".join([word] * times)
`, name)
}

// toolName returns a new tool name, unique to this run: a Python
// identifier.
func toolName() string {
	return strings.ReplaceAll(unique("repeat"), "-", "_")
}

// newTool creates the tool of toolSource with a name unique to t, and
// deletes it when the test ends.
func newTool(t *testing.T, c *letta.Client, ctx context.Context) (*types.Tool, string) {
	t.Helper()
	name := toolName()
	tool, err := c.Tools.Create(ctx, tools.CreateParams{SourceCode: toolSource(name), Tags: []string{"it-" + runID}})
	require.NoError(t, err)
	t.Cleanup(func() { c.Tools.Delete(context.Background(), tool.ID) })
	return tool, name
}

func TestToolLifecycle(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "tools.create", "tools.retrieve", "tools.list", "tools.modify", "tools.upsert", "tools.delete")

	// A second after the tools of earlier tests: cursors among tools of
	// the same second are not reliable on SQLite (see TestAgentLifecycle).
	time.Sleep(1100 * time.Millisecond)
	name := toolName()
	created, err := c.Tools.Create(ctx, tools.CreateParams{SourceCode: toolSource(name), Tags: []string{"it-" + runID}})
	require.NoError(t, err)
	t.Cleanup(func() { c.Tools.Delete(context.Background(), created.ID) })

	// The server derives the name, description and JSON schema from the
	// source.
	assert.Equal(t, name, deref(created.Name))
	assert.Equal(t, "Repeat a word.", deref(created.Description))
	assert.Equal(t, "python", deref(created.SourceType))
	assert.Equal(t, []string{"it-" + runID}, created.Tags)
	assert.Equal(t, name, created.JSONSchema["name"])
	params, _ := created.JSONSchema["parameters"].(map[string]any)
	require.NotNil(t, params, "json_schema: %v", created.JSONSchema)
	props, _ := params["properties"].(map[string]any)
	assert.Contains(t, props, "word")
	assert.Contains(t, props, "times")
	// times has a default; the server adds request_heartbeat to every
	// tool's schema.
	assert.ElementsMatch(t, []any{"word", "request_heartbeat"}, params["required"])
	assert.Contains(t, props, "request_heartbeat")

	got, err := c.Tools.Retrieve(ctx, created.ID)
	require.NoError(t, err)
	assert.Equal(t, created.ID, got.ID)
	assert.Equal(t, toolSource(name), deref(got.SourceCode))

	// Page through the list one tool at a time; ours is in it once.
	found := 0
	for tl, err := range c.Tools.ListIter(ctx, tools.ListParams{Limit: new(7)}) {
		require.NoError(t, err)
		if tl.ID == created.ID {
			found++
		}
	}
	assert.Equal(t, 1, found, "ListIter yields the new tool once")
	page, err := c.Tools.List(ctx, tools.ListParams{Limit: new(1)})
	require.NoError(t, err)
	assert.Len(t, page, 1)

	modified, err := c.Tools.Modify(ctx, created.ID, tools.ModifyParams{Description: new("Repeat a word, joined by dashes."), Tags: []string{"it-" + runID, "modified"}})
	require.NoError(t, err)
	assert.Equal(t, "Repeat a word, joined by dashes.", deref(modified.Description))
	got, err = c.Tools.Retrieve(ctx, created.ID)
	require.NoError(t, err)
	assert.Equal(t, "Repeat a word, joined by dashes.", deref(got.Description))
	assert.Equal(t, []string{"it-" + runID, "modified"}, got.Tags)

	// Upsert by name updates the same tool.
	upserted, err := c.Tools.Upsert(ctx, tools.UpsertParams{SourceCode: strings.Replace(toolSource(name), `"-".join`, `"+".join`, 1), Tags: []string{"upserted"}})
	require.NoError(t, err)
	assert.Equal(t, created.ID, upserted.ID)
	got, err = c.Tools.Retrieve(ctx, created.ID)
	require.NoError(t, err)
	assert.Contains(t, deref(got.SourceCode), `"+".join`)
	assert.Equal(t, []string{"upserted"}, got.Tags)

	_, err = c.Tools.Delete(ctx, created.ID)
	require.NoError(t, err)
	_, err = c.Tools.Retrieve(ctx, created.ID)
	assert.ErrorIs(t, err, types.ErrNotFound)
	requireAPIError(t, err, 404)
}

func TestBaseTools(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "tools.add_base_tool")
	base, err := c.Tools.AddBaseTool(ctx)
	require.NoError(t, err)
	names := map[string]bool{}
	for _, tl := range base {
		names[deref(tl.Name)] = true
		assert.NotEmpty(t, tl.ID)
	}
	for _, want := range []string{"send_message", "conversation_search", "archival_memory_insert", "archival_memory_search", "core_memory_append", "core_memory_replace"} {
		assert.True(t, names[want], "base tools lack %s: %v", want, names)
	}
}

func TestRunToolFromSource(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "tools.run_tool_from_source")

	// The server runs the code and returns str(result).
	ret, err := c.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{
		SourceCode: toolSource("repeat"),
		Args:       map[string]any{"word": "ho", "times": 3},
	})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatus("success"), ret.Status)
	assert.Equal(t, "ho-ho-ho", ret.ToolReturn)

	// An exception is a return with status "error" and its message.
	ret, err = c.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{
		SourceCode: `def explode(why: str) -> str:
    """
    Raise an error.

    Args:
        why (str): The message.

    Returns:
        str: Never.
    """
    print("about to fail")
    raise ValueError(why)
`,
		Args: map[string]any{"why": "on purpose"},
	})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatus("error"), ret.Status)
	assert.Contains(t, ret.ToolReturn, "on purpose")
	assert.Contains(t, strings.Join(ret.Stdout, ""), "about to fail")
}

// TestAgentTools attaches a tool to an agent and detaches it.
func TestAgentTools(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "agents.tools.attach", "agents.tools.list", "agents.tools.detach")
	tool, name := newTool(t, c, ctx)
	agent := newAgent(t, c, ctx, nil)
	toolNames := func(list []types.Tool) []string {
		return ids(list, func(tl types.Tool) string { return deref(tl.Name) })
	}
	require.Contains(t, toolNames(agent.Tools), "send_message", "base tools by default")
	require.NotContains(t, toolNames(agent.Tools), name)

	attached, err := c.Agents.Tools.Attach(ctx, agent.ID, tool.ID)
	require.NoError(t, err)
	assert.Contains(t, toolNames(attached.Tools), name)
	assert.Len(t, attached.Tools, len(agent.Tools)+1)
	listed, err := c.Agents.Tools.List(ctx, agent.ID)
	require.NoError(t, err)
	assert.Contains(t, toolNames(listed), name)
	assert.ElementsMatch(t, toolNames(attached.Tools), toolNames(listed))

	detached, err := c.Agents.Tools.Detach(ctx, agent.ID, tool.ID)
	require.NoError(t, err)
	assert.NotContains(t, toolNames(detached.Tools), name)
	listed, err = c.Agents.Tools.List(ctx, agent.ID)
	require.NoError(t, err)
	assert.ElementsMatch(t, toolNames(agent.Tools), toolNames(listed))

	// Detaching a tool that is not attached changes nothing; the server
	// does not complain.
	again, err := c.Agents.Tools.Detach(ctx, agent.ID, tool.ID)
	require.NoError(t, err)
	assert.ElementsMatch(t, toolNames(agent.Tools), toolNames(again.Tools))

	// The agent calls an attached tool when asked to.
	_, err = c.Agents.Tools.Attach(ctx, agent.ID, tool.ID)
	require.NoError(t, err)
	resp, err := c.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage(`call tool ` + name + ` {"word": "la", "times": 3}`)},
	})
	require.NoError(t, err)
	var returns []string
	for _, m := range resp.Messages {
		if r, ok := m.(types.ToolReturnMessage); ok {
			returns = append(returns, r.ToolReturn)
		}
	}
	assert.Contains(t, strings.Join(returns, "\n"), "la-la-la", "the tool ran: %v", returns)
}
