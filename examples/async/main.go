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
	"log"
	"os"
	"time"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/types"
)

func main() {
	client, stop := connect()
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Name:      new("background-worker"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
	})
	check(err)
	defer client.Agents.Delete(ctx, agent.ID)

	run, err := client.Agents.Messages.CreateAsync(ctx, agent.ID, agents.MessagesCreateAsyncParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Summarize our return policy in one sentence.")},
	})
	check(err)
	fmt.Printf("started run %s (%s)\n", run.ID, *run.Status)

	run, err = client.Runs.Wait(ctx, run.ID)
	check(err)
	fmt.Printf("run %s\n", *run.Status)

	msgs, err := client.Runs.ListRunMessages(ctx, run.ID, runs.ListRunMessagesParams{Order: new("asc")})
	check(err)
	for _, m := range msgs {
		if m, ok := m.(types.AssistantMessage); ok {
			fmt.Println("agent:", types.ContentText(m.Content))
		}
	}
	usage, err := client.Runs.RetrieveRunUsage(ctx, run.ID)
	check(err)
	fmt.Printf("usage: %d tokens\n", *usage.TotalTokens)
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
