package lettatest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/types"
)

func TestEncodeWire(t *testing.T) {
	at := types.NewTime(time.Date(2025, 1, 24, 18, 3, 4, 406651000, time.UTC))
	whole := types.NewTime(time.Date(2025, 1, 24, 18, 3, 4, 0, time.UTC))
	for _, tc := range []struct {
		name string
		v    any
		want string
	}{
		{"omitted fields are null", types.Block{Value: "v", ID: "block-1"},
			`{"value":"v","limit":null,"name":null,"is_template":null,"label":null,"description":null,"metadata":null,"id":"block-1","created_by_id":null,"last_updated_by_id":null,"organization_id":null}`},
		{"message_type after id and date", types.ReasoningMessage{ID: "message-1", Date: at, Reasoning: "<b> & é"},
			`{"id":"message-1","date":"2025-01-24T18:03:04+00:00","message_type":"reasoning_message","reasoning":"<b> & é"}`},
		{"usage", types.LettaUsageStatistics{StepCount: new(1)},
			`{"message_type":"usage_statistics","completion_tokens":null,"prompt_tokens":null,"total_tokens":null,"step_count":1}`},
		{"timestamps", types.Job{CreatedAt: &at, UpdatedAt: &whole, CompletedAt: &at, ID: "job-1"},
			`{"created_by_id":null,"last_updated_by_id":null,"created_at":"2025-01-24T18:03:04.406651Z","updated_at":"2025-01-24T18:03:04Z","status":null,"completed_at":"2025-01-24T18:03:04.406651","metadata":null,"job_type":null,"id":"job-1","user_id":null}`},
		{"tool call deltas keep only their keys", types.ToolCallMessage{ID: "m", Date: whole, ToolCall: types.ToolCallDelta{Arguments: new("{")}},
			`{"id":"m","date":"2025-01-24T18:03:04+00:00","message_type":"tool_call_message","tool_call":{"arguments":"{"}}`},
		{"unknown union variants are written as received", types.UnknownToolRule{Type: "continue_loop", Raw: json.RawMessage(`{"tool_name":"x","type":"continue_loop"}`)},
			`{"tool_name":"x","type":"continue_loop"}`},
		{"free-form maps", map[string]any{"b": []any{1, "<"}, "a": nil},
			`{"a":null,"b":[1,"<"]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := encodeWire(tc.v)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}

	ascii, err := encodeWireASCII(types.AssistantMessage{ID: "m", Date: whole, Content: types.ContentString("é 🎲\u007f")})
	require.NoError(t, err)
	assert.Equal(t, `{"id":"m","date":"2025-01-24T18:03:04+00:00","message_type":"assistant_message","content":"\u00e9 \ud83c\udfb2\u007f"}`, string(ascii))
}

func TestPyJSON(t *testing.T) {
	assert.Equal(t, "{\n  \"type\": \"user_message\",\n  \"message\": \"héllo \\\"x\\\"\",\n  \"time\": null\n}",
		pyJSON(true, kv{"type", "user_message"}, kv{"message", `héllo "x"`}, kv{"time", nil}))
	assert.Equal(t, `{"type": "system_alert", "message": "m"}`, pyJSON(false, kv{"type", "system_alert"}, kv{"message", "m"}))
	assert.Equal(t, "2025-01-24 06:03:11 PM UTC+0000", packedTime(time.Date(2025, 1, 24, 18, 3, 11, 0, time.UTC)))
}

func TestChunkText(t *testing.T) {
	assert.Nil(t, chunkText("   ", 300))
	assert.Equal(t, []string{"short"}, chunkText(" short ", 300))
	chunks := chunkText("aaaa bbbb cccc dddd", 2) // at most 8 characters each
	assert.Equal(t, []string{"aaaa", "bbbb", "cccc", "dddd"}, chunks)
}
