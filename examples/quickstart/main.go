// Quickstart creates an agent with two memory blocks, sends it a message
// and prints its reply.
//
//	go run ./examples/quickstart
//
// With LETTA_BASE_URL set (and LETTA_API_KEY for Letta Cloud) it talks to
// that server; otherwise to an in-memory lettatest server.
package main

import (
	"context"
	"fmt"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/examples/internal/exampleutil"
	"github.com/letta-go/letta/types"
)

func main() {
	client, stop := exampleutil.Client()
	defer stop()
	ctx := context.Background()

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Name:      new("quickstart"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
		MemoryBlocks: []types.CreateBlock{
			{Label: "persona", Value: "I am Sam, a friendly and concise assistant."},
			{Label: "human", Value: "Name: Dana"},
		},
	})
	exampleutil.Check(err)
	defer client.Agents.Delete(ctx, agent.ID)
	fmt.Printf("created agent %s (%s)\n", agent.Name, agent.ID)

	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Hi! What is my name?")},
	})
	exampleutil.Check(err)
	for _, m := range resp.Messages {
		switch m := m.(type) {
		case types.ReasoningMessage:
			fmt.Println("thinking:", m.Reasoning)
		case types.AssistantMessage:
			fmt.Println("agent:", types.ContentText(m.Content))
		}
	}
	// Usage fields are optional on the wire: check before dereferencing.
	if u := resp.Usage; u.TotalTokens != nil && u.StepCount != nil {
		fmt.Printf("usage: %d tokens in %d step(s)\n", *u.TotalTokens, *u.StepCount)
	}
}
