package letta_test

import (
	"context"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/types"
)

func init() {
	register("agents.messages.create_stream", func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error) {
		stream, err := c.Agents.Messages.CreateStream(ctx, a.path("agent_id"), decodeParams[agents.MessagesCreateStreamParams](a), a.opts...)
		if err != nil {
			return nil, err
		}
		var events []types.LettaStreamingResponse
		for ev, err := range stream.All() {
			if err != nil {
				return events, err
			}
			events = append(events, ev)
		}
		return events, nil
	})
}
