package letta_test

import (
	"context"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/tools"
)

func init() {
	register("health.check", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Health.Check(ctx, a.opts...)
		return err
	})
	register("tools.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.Retrieve(ctx, a.path("tool_id"), a.opts...)
		return err
	})
	register("tools.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.Delete(ctx, a.path("tool_id"), a.opts...)
		return err
	})
	register("tools.modify", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.Modify(ctx, a.path("tool_id"), decodeParams[tools.ModifyParams](a), a.opts...)
		return err
	})
	register("tools.list", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.List(ctx, decodeParams[tools.ListParams](a), a.opts...)
		return err
	})
	register("tools.create", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.Create(ctx, decodeParams[tools.CreateParams](a), a.opts...)
		return err
	})
	register("tools.upsert", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.Upsert(ctx, decodeParams[tools.UpsertParams](a), a.opts...)
		return err
	})
	register("tools.add_base_tool", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.AddBaseTool(ctx, a.opts...)
		return err
	})
	register("tools.run_tool_from_source", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.RunToolFromSource(ctx, decodeParams[tools.RunToolFromSourceParams](a), a.opts...)
		return err
	})
	register("tools.list_composio_apps", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.ListComposioApps(ctx, a.opts...)
		return err
	})
	register("tools.list_composio_actions_by_app", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.ListComposioActionsByApp(ctx, a.path("composio_app_name"), a.opts...)
		return err
	})
	register("tools.add_composio_tool", func(ctx context.Context, c *letta.Client, a *caseArgs) error {
		_, err := c.Tools.AddComposioTool(ctx, a.path("composio_action_name"), a.opts...)
		return err
	})
}
