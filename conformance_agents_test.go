package letta_test

import (
	"context"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
)

func init() {
	register("agents.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.List(ctx, decodeParams[agents.ListParams](a), a.opts...)
	})
	register("agents.create", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Create(ctx, decodeParams[agents.CreateParams](a), a.opts...)
	})
	register("agents.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Retrieve(ctx, a.path("agent_id"), a.opts...)
	})
	register("agents.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Delete(ctx, a.path("agent_id"), a.opts...)
	})
	register("agents.modify", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Modify(ctx, a.path("agent_id"), decodeParams[agents.ModifyParams](a), a.opts...)
	})
	register("agents.reset_messages", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.ResetMessages(ctx, a.path("agent_id"), decodeParams[agents.ResetMessagesParams](a), a.opts...)
	})
	register("agents.search", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return nil, c.Agents.Search(ctx, decodeParams[agents.SearchParams](a), a.opts...)
	})
	register("agents.context.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Context.Retrieve(ctx, a.path("agent_id"), a.opts...)
	})
	register("agents.tools.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Tools.List(ctx, a.path("agent_id"), a.opts...)
	})
	register("agents.tools.attach", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Tools.Attach(ctx, a.path("agent_id"), a.path("tool_id"), a.opts...)
	})
	register("agents.tools.detach", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Tools.Detach(ctx, a.path("agent_id"), a.path("tool_id"), a.opts...)
	})
	register("agents.sources.attach", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Sources.Attach(ctx, a.path("agent_id"), a.path("source_id"), a.opts...)
	})
	register("agents.sources.detach", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Sources.Detach(ctx, a.path("agent_id"), a.path("source_id"), a.opts...)
	})
	register("agents.sources.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Sources.List(ctx, a.path("agent_id"), a.opts...)
	})
	register("agents.core_memory.retrieve", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.CoreMemory.Retrieve(ctx, a.path("agent_id"), a.opts...)
	})
	register("agents.core_memory.retrieve_block", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.CoreMemory.RetrieveBlock(ctx, a.path("agent_id"), a.path("block_label"), a.opts...)
	})
	register("agents.core_memory.modify_block", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.CoreMemory.ModifyBlock(ctx, a.path("agent_id"), a.path("block_label"), decodeParams[agents.CoreMemoryModifyBlockParams](a), a.opts...)
	})
	register("agents.core_memory.list_blocks", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.CoreMemory.ListBlocks(ctx, a.path("agent_id"), a.opts...)
	})
	register("agents.core_memory.attach_block", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.CoreMemory.AttachBlock(ctx, a.path("agent_id"), a.path("block_id"), a.opts...)
	})
	register("agents.core_memory.detach_block", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.CoreMemory.DetachBlock(ctx, a.path("agent_id"), a.path("block_id"), a.opts...)
	})
	register("agents.archival_memory.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.ArchivalMemory.List(ctx, a.path("agent_id"), decodeParams[agents.ArchivalMemoryListParams](a), a.opts...)
	})
	register("agents.archival_memory.create", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.ArchivalMemory.Create(ctx, a.path("agent_id"), decodeParams[agents.ArchivalMemoryCreateParams](a), a.opts...)
	})
	register("agents.archival_memory.delete", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.ArchivalMemory.Delete(ctx, a.path("agent_id"), a.path("memory_id"), a.opts...)
	})
	register("agents.messages.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Messages.List(ctx, a.path("agent_id"), decodeParams[agents.MessagesListParams](a), a.opts...)
	})
	register("agents.messages.create", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Messages.Create(ctx, a.path("agent_id"), decodeParams[agents.MessagesCreateParams](a), a.opts...)
	})
	register("agents.messages.modify", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Messages.Modify(ctx, a.path("agent_id"), a.path("message_id"), decodeParams[agents.MessagesModifyParams](a), a.opts...)
	})
	register("agents.messages.create_async", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Messages.CreateAsync(ctx, a.path("agent_id"), decodeParams[agents.MessagesCreateAsyncParams](a), a.opts...)
	})
	register("agents.templates.create_version", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return nil, c.Agents.Templates.CreateVersion(ctx, a.path("agent_id"), decodeParams[agents.TemplatesCreateVersionParams](a), a.opts...)
	})
	register("agents.templates.migrate", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.Templates.Migrate(ctx, a.path("agent_id"), decodeParams[agents.TemplatesMigrateParams](a), a.opts...)
	})
	register("agents.templates.create", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return nil, c.Agents.Templates.Create(ctx, a.path("agent_id"), decodeParams[agents.TemplatesCreateParams](a), a.opts...)
	})
	register("agents.memory_variables.list", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		return c.Agents.MemoryVariables.List(ctx, a.path("agent_id"), a.opts...)
	})
}
