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
		Name:      new("storyteller"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
	})
	check(err)
	defer client.Agents.Delete(ctx, agent.ID)

	stream, err := client.Agents.Messages.CreateStream(ctx, agent.ID, agents.MessagesCreateStreamParams{
		Messages:     []types.MessageCreate{types.NewUserMessage("Tell me a very short story about a lighthouse.")},
		StreamTokens: new(true),
	})
	check(err)
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
			fmt.Printf("\nusage: %d tokens in %d step(s)\n", *ev.TotalTokens, *ev.StepCount)
		}
	}
	check(stream.Err())
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
