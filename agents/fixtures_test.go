package agents_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/types"
)

// Path parameter values used by the calls below, by the name the fixtures'
// route templates give them.
var pathValues = map[string]string{
	"agent_id":    "agent-a1",
	"tool_id":     "tool-t1",
	"source_id":   "source-s1",
	"block_label": "human",
	"block_id":    "block-b1",
	"memory_id":   "passage-p1",
	"message_id":  "message-m1",
}

// noBody marks a method whose response body the SDK does not read.
type noBody struct{}

// methodCall calls one agents method with the path values above.
type methodCall func(ctx context.Context, c *agents.Client) (any, error)

func none(err error) (any, error) { return noBody{}, err }

// calls maps every agents reference method (except the stream) to a call.
var calls = map[string]methodCall{
	"agents.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.List(ctx, agents.ListParams{})
	},
	"agents.create": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Create(ctx, agents.CreateParams{Name: new("support-bot")})
	},
	"agents.retrieve": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Retrieve(ctx, "agent-a1")
	},
	"agents.delete": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Delete(ctx, "agent-a1")
	},
	"agents.modify": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Modify(ctx, "agent-a1", agents.ModifyParams{Name: new("renamed")})
	},
	"agents.reset_messages": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.ResetMessages(ctx, "agent-a1", agents.ResetMessagesParams{})
	},
	"agents.search": func(ctx context.Context, c *agents.Client) (any, error) {
		return none(c.Search(ctx, agents.SearchParams{}))
	},
	"agents.context.retrieve": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Context.Retrieve(ctx, "agent-a1")
	},
	"agents.tools.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Tools.List(ctx, "agent-a1")
	},
	"agents.tools.attach": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Tools.Attach(ctx, "agent-a1", "tool-t1")
	},
	"agents.tools.detach": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Tools.Detach(ctx, "agent-a1", "tool-t1")
	},
	"agents.sources.attach": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Sources.Attach(ctx, "agent-a1", "source-s1")
	},
	"agents.sources.detach": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Sources.Detach(ctx, "agent-a1", "source-s1")
	},
	"agents.sources.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Sources.List(ctx, "agent-a1")
	},
	"agents.core_memory.retrieve": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.CoreMemory.Retrieve(ctx, "agent-a1")
	},
	"agents.core_memory.retrieve_block": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.CoreMemory.RetrieveBlock(ctx, "agent-a1", "human")
	},
	"agents.core_memory.modify_block": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.CoreMemory.ModifyBlock(ctx, "agent-a1", "human", agents.CoreMemoryModifyBlockParams{Value: new("Name: Ada")})
	},
	"agents.core_memory.list_blocks": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.CoreMemory.ListBlocks(ctx, "agent-a1")
	},
	"agents.core_memory.attach_block": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.CoreMemory.AttachBlock(ctx, "agent-a1", "block-b1")
	},
	"agents.core_memory.detach_block": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.CoreMemory.DetachBlock(ctx, "agent-a1", "block-b1")
	},
	"agents.archival_memory.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.ArchivalMemory.List(ctx, "agent-a1", agents.ArchivalMemoryListParams{})
	},
	"agents.archival_memory.create": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.ArchivalMemory.Create(ctx, "agent-a1", agents.ArchivalMemoryCreateParams{Text: "Ada likes 42."})
	},
	"agents.archival_memory.delete": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.ArchivalMemory.Delete(ctx, "agent-a1", "passage-p1")
	},
	"agents.messages.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Messages.List(ctx, "agent-a1", agents.MessagesListParams{})
	},
	"agents.messages.create": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Messages.Create(ctx, "agent-a1", agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	},
	"agents.messages.modify": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Messages.Modify(ctx, "agent-a1", "message-m1", agents.MessagesModifyParams{Content: types.ContentString("fixed")})
	},
	"agents.messages.create_async": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Messages.CreateAsync(ctx, "agent-a1", agents.MessagesCreateAsyncParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
	},
	"agents.templates.create_version": func(ctx context.Context, c *agents.Client) (any, error) {
		return none(c.Templates.CreateVersion(ctx, "agent-a1", agents.TemplatesCreateVersionParams{}))
	},
	"agents.templates.migrate": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.Templates.Migrate(ctx, "agent-a1", agents.TemplatesMigrateParams{ToTemplate: "support:v2", PreserveCoreMemories: true})
	},
	"agents.templates.create": func(ctx context.Context, c *agents.Client) (any, error) {
		return none(c.Templates.Create(ctx, "agent-a1", agents.TemplatesCreateParams{}))
	},
	"agents.memory_variables.list": func(ctx context.Context, c *agents.Client) (any, error) {
		return c.MemoryVariables.List(ctx, "agent-a1")
	},
}

func TestEveryMethodHasACall(t *testing.T) {
	assert.Len(t, calls, 31, "the 32 agents.* reference methods but CreateStream")
	for _, fx := range loadFixtures(t) {
		assert.Contains(t, calls, fx.SDK)
	}
}

// expandRoute fills a fixture's route template with pathValues.
func expandRoute(t *testing.T, route string) string {
	for name, v := range pathValues {
		route = strings.ReplaceAll(route, "{"+name+"}", v)
	}
	require.NotContains(t, route, "{", "unknown path parameter in %s", route)
	return "/" + route
}

// sentinels maps an error status to the sentinel it must match.
var sentinels = map[int]error{
	404: types.ErrNotFound,
	409: types.ErrConflict,
	422: types.ErrUnprocessable,
	429: types.ErrRateLimited,
	500: types.ErrServer,
}

// TestResponseFixtures serves every agents response fixture to its method
// and checks that the method sends the fixture's route and that the result
// encodes back to the body: nothing the server sends is lost.
func TestResponseFixtures(t *testing.T) {
	for _, fx := range loadFixtures(t) {
		t.Run(fx.ID, func(t *testing.T) {
			call := calls[fx.SDK]
			require.NotNil(t, call, fx.SDK)
			rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", fx.ContentType)
				w.WriteHeader(fx.Status)
				if fx.Status != http.StatusNoContent {
					w.Write(fx.Body)
				}
			})
			got, err := call(context.Background(), rec.client())

			reqs := rec.requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, fx.Request.Method, reqs[0].Method)
			assert.Equal(t, expandRoute(t, fx.Request.Path), reqs[0].Path)

			if fx.Status < 200 || fx.Status > 299 {
				var apiErr *types.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, fx.Status, apiErr.StatusCode)
				if s, ok := sentinels[fx.Status]; ok {
					assert.ErrorIs(t, err, s)
				}
				return
			}
			require.NoError(t, err)
			if _, ok := got.(noBody); ok {
				return
			}
			out, err := json.Marshal(got)
			require.NoError(t, err)
			assert.Equal(t, canonical(t, fx.Body), canonical(t, out))
		})
	}
}

// TestResponseVariants checks that union-valued responses decode into the
// intended Go types, not merely losslessly.
func TestResponseVariants(t *testing.T) {
	serve := func(t *testing.T, id string) *agents.Client {
		for _, fx := range loadFixtures(t) {
			if fx.ID == id {
				rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) { reply(w, fx.Status, string(fx.Body)) })
				return rec.client()
			}
		}
		t.Fatalf("no fixture %s", id)
		return nil
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
			assert.Len(t, rec.requests(), 1, "not retried with WithMaxRetries(0)")
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
	assert.Empty(t, rec.requests())
}
