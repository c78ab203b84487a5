package letta_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// Execute calls any endpoint, here one the SDK has a method for, with a
// result type of the caller's choosing; errors are *types.APIError as
// everywhere.
func ExampleClient_Execute() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	var health struct {
		Status string `json:"status"`
	}
	if err := client.Execute(ctx, http.MethodGet, "v1/health/", nil, &health); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(health.Status)

	err := client.Execute(ctx, http.MethodGet, "v1/agents/agent-00000000-0000-4000-8000-000000000000", nil, nil)
	fmt.Println(errors.Is(err, types.ErrNotFound))
	// Output:
	// ok
	// true
}

// Get sends params as the query: a struct with url tags, or url.Values.
func ExampleClient_Get() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	for _, label := range []string{"human", "persona"} {
		if err := client.Post(ctx, "v1/blocks/", map[string]any{"label": label, "value": "…"}, nil); err != nil {
			fmt.Println("error:", err)
			return
		}
	}
	var blocks []struct {
		Label string `json:"label"`
	}
	if err := client.Get(ctx, "v1/blocks/", url.Values{"label": {"persona"}, "templates_only": {"false"}}, &blocks); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(len(blocks), blocks[0].Label)
	// Output: 1 persona
}

// Post sends params as the JSON body; res may be any type that fits the
// response, such as json.RawMessage.
func ExampleClient_Post() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))

	var block map[string]json.RawMessage
	err := client.Post(context.Background(), "v1/blocks/", map[string]any{
		"label": "human",
		"value": "Name: Dana",
		"limit": 2000,
	}, &block)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(string(block["label"]), string(block["limit"]))
	// Output: "human" 2000
}

// Put creates or replaces a tool from its source code.
func ExampleClient_Put() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))

	var tool types.Tool
	err := client.Put(context.Background(), "v1/tools/", map[string]any{
		"source_code": "def roll_d20() -> int:\n    \"\"\"Roll a 20-sided die.\"\"\"\n    return 4\n",
	}, &tool)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(*tool.Name)
	// Output: roll_d20
}

// Patch changes some fields of an object.
func ExampleClient_Patch() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	var block types.Block
	if err := client.Post(ctx, "v1/blocks/", map[string]any{"label": "human", "value": "Name: ?"}, &block); err != nil {
		fmt.Println("error:", err)
		return
	}
	if err := client.Patch(ctx, "v1/blocks/"+block.ID, map[string]any{"value": "Name: Dana"}, &block); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(block.Value)
	// Output: Name: Dana
}

// Delete sends params, if any, as the query; a nil res discards the
// response.
func ExampleClient_Delete() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	var block types.Block
	if err := client.Post(ctx, "v1/blocks/", map[string]any{"label": "human", "value": "…"}, &block); err != nil {
		fmt.Println("error:", err)
		return
	}
	if err := client.Delete(ctx, "v1/blocks/"+block.ID, nil, nil); err != nil {
		fmt.Println("error:", err)
		return
	}
	err := client.Get(ctx, "v1/blocks/"+block.ID, nil, &block)
	fmt.Println(errors.Is(err, types.ErrNotFound))
	// Output: true
}

// ExecuteStream reads an event stream the SDK has no method for, event by
// event, undecoded.
func ExampleClient_ExecuteStream() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	var agent types.AgentState
	if err := client.Post(ctx, "v1/agents/", map[string]any{
		"model":     "openai/gpt-4o-mini",
		"embedding": "openai/text-embedding-ada-002",
	}, &agent); err != nil {
		fmt.Println("error:", err)
		return
	}
	stream, err := client.ExecuteStream(ctx, http.MethodPost, "v1/agents/"+agent.ID+"/messages/stream", map[string]any{
		"messages": []map[string]any{{"role": "user", "content": "hi"}},
	})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer stream.Close()
	for stream.Next() {
		var ev struct {
			MessageType string `json:"message_type"`
		}
		if err := json.Unmarshal(stream.Current(), &ev); err != nil {
			fmt.Println(string(stream.Current())) // the [DONE] marker
			continue
		}
		fmt.Println(ev.MessageType)
	}
	if err := stream.Err(); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// reasoning_message
	// assistant_message
	// usage_statistics
	// [DONE]
}
