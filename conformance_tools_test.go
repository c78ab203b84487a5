package letta_test

import (
	"context"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/tools"
)

func init() {
	register("health.check", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Health.Check(ctx, a.opts...)
	})
	register("tools.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.Retrieve(ctx, a.path("tool_id"), a.opts...)
	})
	register("tools.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.Delete(ctx, a.path("tool_id"), a.opts...)
	})
	register("tools.modify", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.Modify(ctx, a.path("tool_id"), decodeParams[tools.ModifyParams](a), a.opts...)
	})
	register("tools.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.List(ctx, decodeParams[tools.ListParams](a), a.opts...)
	})
	register("tools.create", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.Create(ctx, decodeParams[tools.CreateParams](a), a.opts...)
	})
	register("tools.upsert", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.Upsert(ctx, decodeParams[tools.UpsertParams](a), a.opts...)
	})
	register("tools.add_base_tool", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.AddBaseTool(ctx, a.opts...)
	})
	register("tools.run_tool_from_source", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.RunToolFromSource(ctx, decodeParams[tools.RunToolFromSourceParams](a), a.opts...)
	})
	register("tools.list_composio_apps", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.ListComposioApps(ctx, a.opts...)
	})
	register("tools.list_composio_actions_by_app", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.ListComposioActionsByApp(ctx, a.path("composio_app_name"), a.opts...)
	})
	register("tools.add_composio_tool", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Tools.AddComposioTool(ctx, a.path("composio_action_name"), a.opts...)
	})
}
