package tools_test

import (
	"context"
	"fmt"
	"log"

	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tools"
)

const shippingSource = `def shipping_cost(weight_kg: float, express: bool = False) -> str:
    """Quote the shipping cost of a parcel.

    Args:
        weight_kg: The parcel's weight in kilograms.
        express: Whether to ship by express delivery.
    """
    return f"{weight_kg * (9 if express else 4):.2f} EUR"
`

// Create a tool from Python source; the server derives its name and JSON
// schema from the function. Attach it to an agent with
// agents.ToolsClient.Attach.
func ExampleClient_Create() {
	srv := lettatest.NewServer() // stands in for a Letta server
	defer srv.Close()
	client := tools.NewClient(option.WithBaseURL(srv.URL))

	tool, err := client.Create(context.Background(), tools.CreateParams{
		SourceCode: shippingSource,
		Tags:       []string{"shop"},
	})
	if err != nil {
		log.Fatal(err)
	}
	if tool.Name != nil { // optional on the wire
		fmt.Println(*tool.Name, tool.Tags)
	}
	// Output: shipping_cost [shop]
}

// Try a tool's source without saving it: the server runs the function
// and returns what it returned. lettatest runs it with python3 when that
// is on PATH; here a Go implementation given with
// lettatest.WithToolRunner stands in for it, so it runs anywhere.
func ExampleClient_RunToolFromSource() {
	srv := lettatest.NewServer(lettatest.WithToolRunner("shipping_cost",
		func(ctx context.Context, args map[string]any) (string, error) {
			weight, _ := args["weight_kg"].(float64)
			rate := 4.0
			if express, _ := args["express"].(bool); express {
				rate = 9
			}
			return fmt.Sprintf("%.2f EUR", weight*rate), nil
		}))
	defer srv.Close()
	client := tools.NewClient(option.WithBaseURL(srv.URL))

	ret, err := client.RunToolFromSource(context.Background(), tools.RunToolFromSourceParams{
		SourceCode: shippingSource,
		Args:       map[string]any{"weight_kg": 2.5, "express": true},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ret.Status, ret.ToolReturn)
	// Output: success 22.50 EUR
}

// Walk all tools, page by page (the iterator follows the after cursor).
func ExampleClient_ListIter() {
	srv := lettatest.NewServer() // a new server has Letta's base tools
	defer srv.Close()
	client := tools.NewClient(option.WithBaseURL(srv.URL))

	for tool, err := range client.ListIter(context.Background(), tools.ListParams{Limit: new(3)}) {
		if err != nil {
			log.Fatal(err)
		}
		if tool.Name != nil {
			fmt.Println(*tool.Name)
		}
	}
	// Output:
	// archival_memory_insert
	// archival_memory_search
	// conversation_search
	// core_memory_append
	// core_memory_replace
	// send_message
	// send_message_to_agents_matching_all_tags
	// send_message_to_specific_agent
}
