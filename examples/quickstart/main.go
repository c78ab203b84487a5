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
	"log"
	"os"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

func main() {
	client, stop := connect()
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
	check(err)
	defer client.Agents.Delete(ctx, agent.ID)
	fmt.Printf("created agent %s (%s)\n", agent.Name, agent.ID)

	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Hi! What is my name?")},
	})
	check(err)
	for _, m := range resp.Messages {
		switch m := m.(type) {
		case types.ReasoningMessage:
			fmt.Println("thinking:", m.Reasoning)
		case types.AssistantMessage:
			fmt.Println("agent:", types.ContentText(m.Content))
		}
	}
	fmt.Printf("usage: %d tokens in %d step(s)\n", *resp.Usage.TotalTokens, *resp.Usage.StepCount)
}

// connect returns a client for the server at LETTA_BASE_URL or, when that
// is not set, for an in-memory lettatest server, and a func that stops it.
func connect() (*letta.Client, func()) {
	if os.Getenv("LETTA_BASE_URL") != "" {
		return letta.NewClient(), func() {}
	}
	fmt.Println("LETTA_BASE_URL is not set: using the in-memory lettatest server")
	srv := lettatest.NewServer()
	return letta.NewClient(option.WithBaseURL(srv.URL)), srv.Close
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
