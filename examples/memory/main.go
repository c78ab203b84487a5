// Memory edits an agent's core memory (the blocks in its context window)
// and its archival memory (passages stored outside it).
//
//	go run ./examples/memory
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
		Name:      new("memory-demo"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
		MemoryBlocks: []types.CreateBlock{
			{Label: "persona", Value: "I am a helpful assistant."},
			{Label: "human", Value: "Name: Dana", Limit: new(1000)},
		},
	})
	exampleutil.Check(err)
	defer client.Agents.Delete(ctx, agent.ID)

	// Core memory: blocks are addressed by label.
	human, err := client.Agents.CoreMemory.RetrieveBlock(ctx, agent.ID, "human")
	exampleutil.Check(err)
	fmt.Printf("human block: %q (%d characters)\n", human.Value, len(human.Value))
	if human.Limit != nil {
		fmt.Printf("  limit: %d characters\n", *human.Limit)
	}
	human, err = client.Agents.CoreMemory.ModifyBlock(ctx, agent.ID, "human", agents.CoreMemoryModifyBlockParams{
		Value: new(human.Value + "\nFavourite colour: green"),
	})
	exampleutil.Check(err)
	fmt.Printf("human block now: %q\n", human.Value)
	memory, err := client.Agents.CoreMemory.Retrieve(ctx, agent.ID)
	exampleutil.Check(err)
	for _, b := range memory.Blocks {
		label := "(no label)"
		if b.Label != nil {
			label = *b.Label
		}
		fmt.Printf("  core memory block %-8s %d characters\n", label+":", len(b.Value))
	}

	// Archival memory: insert passages, list them all, delete one.
	for _, text := range []string{
		"Dana's order #4412 shipped on January 20.",
		"Dana prefers email over phone calls.",
		"Dana asked about the winter sale.",
	} {
		_, err := client.Agents.ArchivalMemory.Create(ctx, agent.ID, agents.ArchivalMemoryCreateParams{Text: text})
		exampleutil.Check(err)
	}
	var first string
	// ListIter yields every passage or stops with an error: the server
	// cannot page archival memory, so it fetches them in one request.
	for p, err := range client.Agents.ArchivalMemory.ListIter(ctx, agent.ID, agents.ArchivalMemoryListParams{}) {
		exampleutil.Check(err)
		if first == "" {
			first = p.ID
		}
		fmt.Println("  archival:", p.Text)
	}
	_, err = client.Agents.ArchivalMemory.Delete(ctx, agent.ID, first)
	exampleutil.Check(err)
	left, err := client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	exampleutil.Check(err)
	fmt.Printf("deleted one passage, %d left\n", len(left))
}
