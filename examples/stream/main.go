// Stream sends a message to an agent and prints the reply as it streams
// in, token by token.
//
//	go run ./examples/stream
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
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/types"
)

func main() {
	// On the in-memory server, pause 40 ms before each token, as a model
	// would, so that the reply visibly streams in.
	client, stop := exampleutil.Client(lettatest.WithTokenDelay(40 * time.Millisecond))
	defer stop()
	ctx := context.Background()

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Name:      new("storyteller"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
	})
	exampleutil.Check(err)
	defer client.Agents.Delete(ctx, agent.ID)

	stream, err := client.Agents.Messages.CreateStream(ctx, agent.ID, agents.MessagesCreateStreamParams{
		Messages:     []types.MessageCreate{types.NewUserMessage("Tell me a very short story about a lighthouse.")},
		StreamTokens: new(true),
	})
	exampleutil.Check(err)
	defer stream.Close()

	// The chunks of one message share its id and type; a new message
	// starts a new line.
	current := ""
	start := func(key, label string) {
		if key != current {
			if current != "" {
				fmt.Println()
			}
			fmt.Print(label)
			current = key
		}
	}
	for stream.Next() {
		switch ev := stream.Current().(type) {
		case types.ReasoningMessage:
			start(ev.ID+"/reasoning", "thinking: ")
			fmt.Print(ev.Reasoning)
		case types.AssistantMessage:
			start(ev.ID+"/assistant", "agent: ")
			fmt.Print(types.ContentText(ev.Content))
		case types.LettaUsageStatistics:
			fmt.Println()
			if ev.TotalTokens != nil && ev.StepCount != nil {
				fmt.Printf("usage: %d tokens in %d step(s)\n", *ev.TotalTokens, *ev.StepCount)
			}
		}
	}
	exampleutil.Check(stream.Err())
}
