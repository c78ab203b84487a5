package lettatest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

const weatherSource = `def get_weather(city: str) -> str:
    """Get the weather in a city.

    Args:
        city: The city's name.
    """
    raise NotImplementedError("calls a weather service")
`

// A Go implementation stands in for a tool whose Python source the test
// cannot run: it answers both run_tool_from_source and the agent's calls.
func ExampleWithToolRunner() {
	weather := func(ctx context.Context, args map[string]any) (string, error) {
		return fmt.Sprintf("Sunny in %v", args["city"]), nil
	}
	srv := lettatest.NewServer(
		lettatest.WithToolRunner("get_weather", weather),
		lettatest.WithResponder(func(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage {
			city := strings.TrimPrefix(lettatest.UserText(input), "Weather in ")
			return append(lettatest.RunTool("", "get_weather", map[string]any{"city": city}),
				lettatest.Reply("", "Looked it up.")...)
		}),
	)
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	ret, err := client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{
		SourceCode: weatherSource,
		Args:       map[string]any{"city": "Oslo"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(ret.Status, ret.ToolReturn)

	tool, err := client.Tools.Create(ctx, tools.CreateParams{SourceCode: weatherSource})
	if err != nil {
		panic(err)
	}
	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
		ToolIDs:   []string{tool.ID},
	})
	if err != nil {
		panic(err)
	}
	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Weather in Lima")},
	})
	if err != nil {
		panic(err)
	}
	for _, m := range resp.Messages {
		if m, ok := m.(types.ToolReturnMessage); ok {
			fmt.Println(m.Status, m.ToolReturn)
		}
	}
	// Output:
	// success Sunny in Oslo
	// success Sunny in Lima
}
