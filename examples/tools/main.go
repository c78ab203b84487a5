// Tools creates a tool from Python source, attaches it to an agent and
// detaches it again.
//
//	go run ./examples/tools
//
// With LETTA_BASE_URL set (and LETTA_API_KEY for Letta Cloud) it talks to
// that server; otherwise to an in-memory lettatest server.
package main

import (
	"context"
	"fmt"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/examples/internal/exampleutil"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

// The server derives the tool's name, description and JSON schema from the
// function's signature and docstring.
const source = `def roll_dice(num_dice: int, sides: int = 6) -> str:
    """
    Roll some dice and report the total.

    Args:
        num_dice (int): How many dice to roll.
        sides (int): Number of faces on each die.

    Returns:
        str: The total.
    """
    import random
    return str(sum(random.randint(1, sides) for _ in range(num_dice)))
`

func main() {
	client, stop := exampleutil.Client()
	defer stop()
	ctx := context.Background()

	tool, err := client.Tools.Upsert(ctx, tools.UpsertParams{SourceCode: source, Tags: []string{"games"}})
	exampleutil.Check(err)
	defer client.Tools.Delete(ctx, tool.ID)
	// Name and Description are optional on the wire; the server derives
	// both from the source, but check before dereferencing.
	if tool.Name != nil && tool.Description != nil {
		fmt.Printf("tool %s (%s): %s\n", *tool.Name, tool.ID, *tool.Description)
	}

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Name:      new("game-master"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
	})
	exampleutil.Check(err)
	defer client.Agents.Delete(ctx, agent.ID)
	fmt.Println("base tools:", names(agent.Tools))

	agent, err = client.Agents.Tools.Attach(ctx, agent.ID, tool.ID)
	exampleutil.Check(err)
	fmt.Println("after attach:", names(agent.Tools))

	agent, err = client.Agents.Tools.Detach(ctx, agent.ID, tool.ID)
	exampleutil.Check(err)
	fmt.Println("after detach:", names(agent.Tools))
}

func names(ts []types.Tool) []string {
	var out []string
	for _, t := range ts {
		if t.Name != nil {
			out = append(out, *t.Name)
		}
	}
	return out
}
