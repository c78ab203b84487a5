package types_test

import (
	"encoding/json"
	"fmt"

	"github.com/letta-go/letta/types"
)

func ExampleUnmarshalLettaStreamingResponse() {
	frames := []string{
		`{"id":"message-1","date":"2025-01-24T18:03:04+00:00","message_type":"reasoning_message","reasoning":"Dana asks about her order."}`,
		`{"id":"message-1","date":"2025-01-24T18:03:04+00:00","message_type":"assistant_message","content":"It ships today!"}`,
		`{"message_type":"usage_statistics","completion_tokens":48,"prompt_tokens":2390,"total_tokens":2438,"step_count":1}`,
	}
	for _, frame := range frames {
		ev, err := types.UnmarshalLettaStreamingResponse([]byte(frame))
		if err != nil {
			panic(err)
		}
		switch ev := ev.(type) {
		case types.ReasoningMessage:
			fmt.Println("thinking:", ev.Reasoning)
		case types.AssistantMessage:
			fmt.Println("reply:", types.ContentText(ev.Content))
		case types.LettaUsageStatistics:
			if ev.TotalTokens != nil { // optional on the wire: check before use
				fmt.Println("tokens:", *ev.TotalTokens)
			}
		}
	}
	// Output:
	// thinking: Dana asks about her order.
	// reply: It ships today!
	// tokens: 2438
}

func ExampleNewUserMessage() {
	body, _ := json.Marshal([]types.MessageCreate{
		types.NewUserMessage("Where is my order?"),
		types.NewUserMessageParts(types.NewTextContent("Order #4412")),
	})
	fmt.Println(string(body))
	// Output:
	// [{"role":"user","content":"Where is my order?"},{"role":"user","content":[{"type":"text","text":"Order #4412"}]}]
}

func ExampleToolRule() {
	rules := []types.ToolRule{
		types.InitToolRule{ToolName: "core_memory_append"},
		types.ChildToolRule{ToolName: "get_weather", Children: []string{"send_message"}},
		types.TerminalToolRule{ToolName: "send_message"},
	}
	body, _ := json.Marshal(rules)
	fmt.Println(string(body))

	decoded, _ := types.UnmarshalToolRules(body)
	fmt.Printf("%T\n", decoded[2])
	// Output:
	// [{"type":"InitToolRule","tool_name":"core_memory_append"},{"type":"ToolRule","tool_name":"get_weather","children":["send_message"]},{"type":"TerminalToolRule","tool_name":"send_message"}]
	// types.TerminalToolRule
}
