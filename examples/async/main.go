// Async sends a message without waiting for the reply, then waits for the
// run and prints what the agent said.
//
//	go run ./examples/async
//
// With LETTA_BASE_URL set (and LETTA_API_KEY for Letta Cloud) it talks to
// that server; otherwise to an in-memory lettatest server.
package main

import (
	"context"
	"fmt"
	"time"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/examples/internal/exampleutil"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/types"
)

func main() {
	client, stop := exampleutil.Client()
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Name:      new("background-worker"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
	})
	exampleutil.Check(err)
	defer client.Agents.Delete(ctx, agent.ID)

	run, err := client.Agents.Messages.CreateAsync(ctx, agent.ID, agents.MessagesCreateAsyncParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Summarize our return policy in one sentence.")},
	})
	exampleutil.Check(err)
	fmt.Printf("started run %s (%s)\n", run.ID, status(run))

	run, err = client.Runs.Wait(ctx, run.ID)
	exampleutil.Check(err)
	fmt.Printf("run %s\n", status(run))

	msgs, err := client.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Order: new("asc")})
	exampleutil.Check(err)
	for _, m := range msgs {
		if m, ok := m.(types.AssistantMessage); ok {
			fmt.Println("agent:", types.ContentText(m.Content))
		}
	}
	usage, err := client.Runs.RetrieveRunUsage(ctx, run.ID)
	exampleutil.Check(err)
	if usage.TotalTokens != nil {
		fmt.Printf("usage: %d tokens\n", *usage.TotalTokens)
	}
}

// status returns the run's status; Status is optional on the wire.
func status(run *types.Run) types.JobStatus {
	if run.Status == nil {
		return "unknown"
	}
	return *run.Status
}
