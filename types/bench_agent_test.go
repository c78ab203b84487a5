package types

import (
	"encoding/json"
	"testing"

	"github.com/letta-go/letta/internal/testutil"
)

// BenchmarkUnmarshalAgentState decodes the 19 KB agent of
// agents.retrieve--1 with json.Unmarshal and by its UnmarshalJSON, and a
// list of ten of them.
func BenchmarkUnmarshalAgentState(b *testing.B) {
	body := testutil.ResponseByID(b, "agents.retrieve--1").Body
	list := append([]byte("["), body...)
	for range 9 {
		list = append(append(list, ','), body...)
	}
	list = append(list, ']')
	b.Run("agent", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var a AgentState
			if err := json.Unmarshal(body, &a); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What the SDK's core does with a result of this package.
	b.Run("agent-direct", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var a AgentState
			if err := a.UnmarshalJSON(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("list", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(list)))
		for b.Loop() {
			var a []AgentState
			if err := json.Unmarshal(list, &a); err != nil {
				b.Fatal(err)
			}
		}
	})
}
