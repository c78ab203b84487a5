package lettatest_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

func ExampleNewServer() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Model:        new("openai/gpt-4o-mini"),
		Embedding:    new("openai/text-embedding-ada-002"),
		MemoryBlocks: []types.CreateBlock{{Label: "human", Value: "Name: Dana"}},
	})
	if err != nil {
		panic(err)
	}
	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("hello")},
	})
	if err != nil {
		panic(err)
	}
	for _, m := range resp.Messages {
		if m, ok := m.(types.AssistantMessage); ok {
			fmt.Println(types.ContentText(m.Content))
		}
	}
	// Output: Echo: hello
}

// A test of a client's resilience: the next two requests under /v1/agents/
// fail with 503 (asking for a 1 ms wait), the SDK retries, and the third
// attempt succeeds.
func ExampleServer_FailNext() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))

	srv.FailNext(2, lettatest.Fault{
		Status:     http.StatusServiceUnavailable,
		Header:     http.Header{"Retry-After-Ms": {"1"}},
		PathPrefix: "/v1/agents/",
	})
	list, err := client.Agents.List(context.Background(), agents.ListParams{})
	fmt.Println(len(list), err)
	fmt.Println("attempts:", srv.CountRequests("GET", "/v1/agents/"))

	// Other faults: a slow server, a dropped connection, a broken stream.
	srv.FailNext(1, lettatest.Fault{Delay: 2 * time.Second})
	srv.FailNext(1, lettatest.Fault{DropConnection: true, Method: "POST"})
	srv.FailNext(1, lettatest.Fault{StreamError: "Stream failed (internal error occured)"})
	fmt.Println("armed:", srv.PendingFaults())
	srv.ClearFaults()
	// Output:
	// 0 <nil>
	// attempts: 3
	// armed: 3
}

// A scripted LLM: the agent looks something up with a tool, then answers.
func ExampleWithResponder() {
	srv := lettatest.NewServer(lettatest.WithResponder(func(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage {
		out := lettatest.CallTool("Look it up.", "archival_memory_search", map[string]any{"query": lettatest.UserText(input)}, "No results.")
		return append(out, lettatest.Reply("Nothing found.", "Sorry, I don't know.")...)
	}))
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	agent, err := client.Agents.Create(ctx, agents.CreateParams{Model: new("openai/gpt-4o-mini"), Embedding: new("openai/text-embedding-ada-002")})
	if err != nil {
		panic(err)
	}
	resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("What is the capital of Atlantis?")},
	})
	if err != nil {
		panic(err)
	}
	for _, m := range resp.Messages {
		switch m := m.(type) {
		case types.ReasoningMessage:
			fmt.Println("reasoning:", m.Reasoning)
		case types.ToolCallMessage:
			fmt.Println("call:", m.ToolCall.(types.ToolCall).Name)
		case types.ToolReturnMessage:
			fmt.Println("return:", m.ToolReturn)
		case types.AssistantMessage:
			fmt.Println("reply:", types.ContentText(m.Content))
		}
	}
	if resp.Usage.StepCount != nil { // optional on the wire: check before use
		fmt.Println("steps:", *resp.Usage.StepCount)
	}
	// Output:
	// reasoning: Look it up.
	// call: archival_memory_search
	// return: No results.
	// reasoning: Nothing found.
	// reply: Sorry, I don't know.
	// steps: 2
}
