package agents_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// fakeStreamingLetta answers POST /v1/agents/{id}/messages/stream the way
// a Letta server does: token chunks when stream_tokens is set, then the
// usage frame and [DONE].
func fakeStreamingLetta() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		const head = `data: {"id":"message-1","date":"2025-01-25T02:18:04+00:00","message_type":`
		io.WriteString(w, head+`"reasoning_message","reasoning":"Dana is checking in."}`+"\n\n")
		for _, tok := range []string{"Hi", " Dana", "! Your", " package", " moves", " tonight."} {
			io.WriteString(w, head+`"assistant_message","content":"`+tok+`"}`+"\n\n")
			w.(http.Flusher).Flush()
		}
		io.WriteString(w, `data: {"message_type":"usage_statistics","completion_tokens":31,"prompt_tokens":7342,"total_tokens":7373,"step_count":1}`+"\n\n")
		io.WriteString(w, "data: [DONE]\n\n")
	}))
}

func ExampleMessagesClient_CreateStream() {
	srv := fakeStreamingLetta()
	defer srv.Close()
	client := agents.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-…"))

	ctx := context.Background()
	stream, err := client.Messages.CreateStream(ctx, "agent-123", agents.MessagesCreateStreamParams{
		Messages: []types.MessageCreate{types.NewUserMessage("Where is my package?")},
	})
	if err != nil {
		log.Fatal(err)
	}
	defer stream.Close()
	for stream.Next() {
		switch ev := stream.Current().(type) {
		case types.ReasoningMessage:
			fmt.Println("thinking:", ev.Reasoning)
		case types.AssistantMessage:
			fmt.Print(types.ContentText(ev.Content))
		case types.LettaUsageStatistics:
			if ev.TotalTokens != nil { // optional on the wire: check before use
				fmt.Printf("\n(%d tokens)\n", *ev.TotalTokens)
			}
		}
	}
	if err := stream.Err(); err != nil {
		log.Fatal(err) // e.g. a *types.StreamError if the agent failed
	}
	// Output:
	// thinking: Dana is checking in.
	// Hi Dana! Your package moves tonight.
	// (7373 tokens)
}

func ExampleMessageAccumulator() {
	srv := fakeStreamingLetta()
	defer srv.Close()
	client := agents.NewClient(option.WithBaseURL(srv.URL))

	stream, err := client.Messages.CreateStream(context.Background(), "agent-123", agents.MessagesCreateStreamParams{
		Messages:     []types.MessageCreate{types.NewUserMessage("Where is my package?")},
		StreamTokens: new(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	var acc agents.MessageAccumulator
	for ev, err := range stream.All() {
		if err != nil {
			log.Fatal(err)
		}
		acc.Add(ev) // and show the token to the user as it comes
	}
	for _, m := range acc.Messages() {
		switch m := m.(type) {
		case types.ReasoningMessage:
			fmt.Printf("reasoning %s: %s\n", m.ID, m.Reasoning)
		case types.AssistantMessage:
			fmt.Printf("assistant %s: %s\n", m.ID, types.ContentText(m.Content))
		}
	}
	if u := acc.Usage(); u != nil && u.StepCount != nil {
		fmt.Println("steps:", *u.StepCount)
	}
	// Output:
	// reasoning message-1: Dana is checking in.
	// assistant message-1: Hi Dana! Your package moves tonight.
	// steps: 1
}
