package types

import (
	"encoding/json"
	"testing"
)

// A typical frame of a step-mode stream (simple-reply--steps).
var assistantFrame = []byte(`{"id":"message-5ceb4d85-ffb5-4643-ac07-6f887013902d","date":"2025-01-24T18:03:10+00:00","message_type":"assistant_message","content":"I'm sorry about the delay, Dana! Storms near the Memphis hub are slowing UPS deliveries. I've noted it and will follow up."}`)

// A token-mode frame (multi-step--tokens).
var tokenFrame = []byte(`{"id":"message-0aac6f57-508f-43c3-9a89-4e47b0cc2652","date":"2025-01-25T05:04:43+00:00","message_type":"reasoning_message","reasoning":" address"}`)

func BenchmarkUnmarshalLettaStreamingResponse(b *testing.B) {
	b.Run("assistant_message", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(assistantFrame)))
		for b.Loop() {
			ev, err := UnmarshalLettaStreamingResponse(assistantFrame)
			if err != nil {
				b.Fatal(err)
			}
			if _, ok := ev.(AssistantMessage); !ok {
				b.Fatalf("got %T", ev)
			}
		}
	})
	b.Run("reasoning_token", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(tokenFrame)))
		for b.Loop() {
			if _, err := UnmarshalLettaStreamingResponse(tokenFrame); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Baseline: decoding the discriminator with encoding/json first, then
	// the variant (what the scan replaces).
	b.Run("baseline_two_pass", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(assistantFrame)))
		for b.Loop() {
			var head struct {
				MessageType string `json:"message_type"`
			}
			if err := json.Unmarshal(assistantFrame, &head); err != nil {
				b.Fatal(err)
			}
			var m AssistantMessage
			if err := json.Unmarshal(assistantFrame, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
