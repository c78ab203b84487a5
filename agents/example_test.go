package agents_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// fakeLetta answers agent creation and messages the way a Letta server
// does, with canned data.
func fakeLetta() *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/agents/", func(w http.ResponseWriter, r *http.Request) {
		var p agents.CreateParams
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil || p.Name == nil {
			http.Error(w, `{"detail":"bad request"}`, http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(types.AgentState{ID: "agent-123", Name: *p.Name, System: "You are Letta."})
	})
	mux.HandleFunc("POST /v1/agents/{id}/messages", func(w http.ResponseWriter, r *http.Request) {
		var p agents.MessagesCreateParams
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil || len(p.Messages) == 0 {
			http.Error(w, `{"detail":"bad request"}`, http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"messages":[
			{"id":"message-1","date":"2025-01-24T18:03:04+00:00","message_type":"reasoning_message","reasoning":"Greet %[1]s back."},
			{"id":"message-1","date":"2025-01-24T18:03:04+00:00","message_type":"assistant_message","content":"Hello from %[1]s!"}
		],"usage":{"message_type":"usage_statistics","completion_tokens":12,"prompt_tokens":340,"total_tokens":352,"step_count":1}}`,
			r.PathValue("id"))
	})
	return httptest.NewServer(mux)
}

// Create an agent and send it a message.
func Example() {
	srv := fakeLetta()
	defer srv.Close()

	client := agents.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-example"))
	ctx := context.Background()

	agent, err := client.Create(ctx, agents.CreateParams{
		Name:      new("support"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-3-small"),
		MemoryBlocks: []types.CreateBlock{
			{Label: "human", Value: "Name: Ada"},
			{Label: "persona", Value: "I am a helpful support agent."},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", agent.ID, agent.Name)

	resp, err := client.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Hi!")},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range resp.Messages {
		switch m := m.(type) {
		case types.ReasoningMessage:
			fmt.Println("reasoning:", m.Reasoning)
		case types.AssistantMessage:
			fmt.Println("assistant:", types.ContentText(m.Content))
		}
	}
	if resp.Usage.TotalTokens != nil { // optional on the wire: check before use
		fmt.Println("tokens:", *resp.Usage.TotalTokens)
	}
	// Output:
	// created agent-123 support
	// reasoning: Greet agent-123 back.
	// assistant: Hello from agent-123!
	// tokens: 352
}
