package agents_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/types"
)

// calls maps the agents methods that TestErrors answers with errors to a
// call of the method.
var calls = map[string]func(ctx context.Context, c *agents.Client) (any, error){
	"agents.search": func(ctx context.Context, c *agents.Client) (any, error) {
		return nil, c.Search(ctx, agents.SearchParams{})
	},
	"agents.templates.create_version": func(ctx context.Context, c *agents.Client) (any, error) {
		return nil, c.Templates.CreateVersion(ctx, "agent-a1", agents.TemplatesCreateVersionParams{})
	},
	"agents.templates.create": func(ctx context.Context, c *agents.Client) (any, error) {
		return nil, c.Templates.Create(ctx, "agent-a1", agents.TemplatesCreateParams{})
	},
	"agents.templates.migrate": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Templates.Migrate(ctx, "agent-a1", agents.TemplatesMigrateParams{ToTemplate: "support:v2", PreserveCoreMemories: true})
	},
	"agents.memory_variables.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.MemoryVariables.List(ctx, "agent-a1")
	},
	"agents.retrieve": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Retrieve(ctx, "agent-a1")
	},
	"agents.modify": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Modify(ctx, "agent-a1", agents.ModifyParams{Name: new("renamed")})
	},
	"agents.messages.create": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Messages.Create(ctx, "agent-a1", agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	},
	"agents.archival_memory.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.ArchivalMemory.List(ctx, "agent-a1", agents.ArchivalMemoryListParams{})
	},
}

// sentinels maps an error status to the sentinel it must match.
var sentinels = map[int]error{
	404: types.ErrNotFound,
	409: types.ErrConflict,
	422: types.ErrUnprocessable,
	429: types.ErrRateLimited,
	500: types.ErrServer,
}

// TestResponseVariants checks that union-valued responses decode into the
// intended Go types, not merely losslessly.
func TestResponseVariants(t *testing.T) {
	serve := func(t *testing.T, id string) *agents.Client {
		fx := testutil.ResponseByID(t, id)
		rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) { reply(w, fx.Status, string(fx.Body)) })
		return rec.client()
	}
	ctx := context.Background()

	agent, err := serve(t, "agents.retrieve--1").Retrieve(ctx, "agent-a1")
	require.NoError(t, err)
	require.Len(t, agent.ToolRules, 4)
	assert.IsType(t, types.InitToolRule{}, agent.ToolRules[0])
	assert.IsType(t, types.TerminalToolRule{}, agent.ToolRules[3])

	resp, err := serve(t, "agents.messages.create--1").Messages.Create(ctx, "agent-a1", agents.MessagesCreateParams{})
	require.NoError(t, err)
	require.NotEmpty(t, resp.Messages)
	assert.IsType(t, types.ReasoningMessage{}, resp.Messages[0])

	history, err := serve(t, "agents.messages.list--1").Messages.List(ctx, "agent-a1", agents.MessagesListParams{})
	require.NoError(t, err)
	assert.NotEmpty(t, history.LettaMessages)
	assert.Empty(t, history.Messages)

	stored, err := serve(t, "agents.messages.list--2").Messages.List(ctx, "agent-a1", agents.MessagesListParams{MsgObject: new(true)})
	require.NoError(t, err)
	assert.Len(t, stored.Messages, 6)
	assert.Empty(t, stored.LettaMessages)

	deleted, err := serve(t, "agents.delete--1").Delete(ctx, "agent-a1")
	require.NoError(t, err)
	require.IsType(t, map[string]any{}, deleted)
	assert.Contains(t, deleted.(map[string]any)["message"], "successfully deleted")
}

// TestErrors checks that error answers, among them a self-hosted server's
// answers to the Letta-Cloud-only methods, become *types.APIError values
// that match their sentinel.
func TestErrors(t *testing.T) {
	cases := []struct {
		sdk    string
		status int
		body   string
		detail string
	}{
		{"agents.search", http.StatusMethodNotAllowed, `{"detail":"Method Not Allowed"}`, "Method Not Allowed"},
		{"agents.templates.create_version", 404, `{"detail":"Not Found"}`, "Not Found"},
		{"agents.templates.create", 404, `{"detail":"Not Found"}`, "Not Found"},
		{"agents.templates.migrate", 409, `{"message":"Agent is being migrated"}`, "Agent is being migrated"},
		{"agents.memory_variables.list", 404, `{"detail":"Not Found"}`, "Not Found"},
		{"agents.retrieve", 404, `{"detail":"Agent not found"}`, "Agent not found"},
		{"agents.modify", 422, `{"detail":[{"loc":["body"],"msg":"Field required","type":"missing"}]}`, ""},
		{"agents.messages.create", 500, `{"detail":"An internal server error occurred"}`, "An internal server error occurred"},
		{"agents.archival_memory.list", 429, `{"detail":"slow down"}`, "slow down"},
	}
	for _, tc := range cases {
		t.Run(tc.sdk, func(t *testing.T) {
			rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) { reply(w, tc.status, tc.body) })
			_, err := calls[tc.sdk](context.Background(), rec.client())
			var apiErr *types.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, tc.detail, apiErr.Detail)
			if s, ok := sentinels[tc.status]; ok {
				assert.ErrorIs(t, err, s)
			}
			for _, other := range sentinels {
				if other != sentinels[tc.status] {
					assert.NotErrorIs(t, err, other)
				}
			}
			if tc.status == 422 {
				require.Len(t, apiErr.ValidationErrors, 1)
			}
			assert.Len(t, rec.Requests(), 1, "not retried with WithMaxRetries(0)")
		})
	}
}

// TestEmptyIDIsRejectedBeforeSending checks that an empty path parameter
// fails before any request.
func TestEmptyIDIsRejectedBeforeSending(t *testing.T) {
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) { reply(w, 200, `{}`) })
	c := rec.client()
	ctx := context.Background()
	errs := map[string]error{}
	_, errs["Retrieve"] = c.Retrieve(ctx, "")
	_, errs["Delete"] = c.Delete(ctx, "")
	_, errs["Modify"] = c.Modify(ctx, "", agents.ModifyParams{Name: new("x")})
	_, errs["Tools.Attach(tool)"] = c.Tools.Attach(ctx, "agent-a1", "")
	_, errs["CoreMemory.RetrieveBlock(label)"] = c.CoreMemory.RetrieveBlock(ctx, "agent-a1", "")
	_, errs["ArchivalMemory.Delete(memory)"] = c.ArchivalMemory.Delete(ctx, "agent-a1", "")
	_, errs["Messages.Create"] = c.Messages.Create(ctx, "", agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	_, errs["Messages.Modify(message)"] = c.Messages.Modify(ctx, "agent-a1", "", agents.MessagesModifyParams{})
	errs["Templates.CreateVersion"] = c.Templates.CreateVersion(ctx, "", agents.TemplatesCreateVersionParams{})
	for name, err := range errs {
		assert.ErrorIs(t, err, types.ErrEmptyPathParam, name)
	}
	for _, err := range []error{
		func() error { _, err := c.Retrieve(ctx, ".."); return err }(),
		func() error { _, err := c.Sources.Detach(ctx, "agent-a1", "."); return err }(),
	} {
		require.Error(t, err)
		assert.False(t, errors.Is(err, types.ErrEmptyPathParam))
	}
	assert.Empty(t, rec.Requests())
}
