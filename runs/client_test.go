package runs_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/runs"
	"github.com/letta-go/letta/types"
)

// TestListRunMessagesVariants: each element becomes its variant, and an
// unknown message_type is kept, not dropped.
func TestListRunMessagesVariants(t *testing.T) {
	items := []string{
		`{"id":"m1","date":"2025-01-24T23:31:24+00:00","message_type":"reasoning_message","reasoning":"r"}`,
		`{"id":"m1","date":"2025-01-24T23:31:24+00:00","message_type":"tool_call_message","tool_call":{"name":"f","arguments":"{}","tool_call_id":"c"}}`,
		`{"id":"m2","date":"2025-01-24T23:31:25+00:00","message_type":"hologram_message","beam":1}`,
	}
	url, queries := testutil.PagedServer(t, items, []string{"m1", "m1", "m2"}, 0)
	c := runs.NewClient(option.WithBaseURL(url))
	got, err := c.ListRunMessages(context.Background(), "run-1", runs.ListRunMessagesParams{Order: new("asc"), Role: new(types.MessageRoleAssistant), Limit: new(10)})
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.IsType(t, types.ReasoningMessage{}, got[0])
	assert.IsType(t, types.ToolCallMessage{}, got[1])
	unknown, ok := got[2].(types.UnknownLettaMessage)
	require.True(t, ok, "%T", got[2])
	assert.Equal(t, "hologram_message", unknown.MessageType)
	assert.JSONEq(t, items[2], string(unknown.Raw))
	q := queries()[0]
	assert.Equal(t, "asc", q.Get("order"))
	assert.Equal(t, "assistant", q.Get("role"))
	assert.Equal(t, "10", q.Get("limit"))
}

func TestListRunMessagesIter(t *testing.T) {
	// Seven messages from five stored messages: LettaMessages of one stored
	// message share its id; the last one is of a type this SDK does not
	// know, and must still give its id as the cursor.
	ids := []string{"m0", "m1", "m1", "m2", "m3", "m3", "m4"}
	var items []string
	for i, id := range ids {
		switch {
		case i == len(ids)-1:
			items = append(items, fmt.Sprintf(`{"id":%q,"date":"2025-01-24T23:31:24+00:00","message_type":"future_message"}`, id))
		case i%2 == 0:
			items = append(items, fmt.Sprintf(`{"id":%q,"date":"2025-01-24T23:31:24+00:00","message_type":"assistant_message","content":"hi %d"}`, id, i))
		default:
			items = append(items, fmt.Sprintf(`{"id":%q,"date":"2025-01-24T23:31:24+00:00","message_type":"reasoning_message","reasoning":"r%d"}`, id, i))
		}
	}
	// The fake server resumes after the item whose cursor equals "after".
	// Only the last LettaMessage of each stored message carries the stored
	// id as its cursor, so the server resumes after the whole stored
	// message, as the real server (which pages stored messages) does.
	cursors := []string{"m0", "m1-a", "m1", "m2", "m3-a", "m3", "m4"}
	ctx := context.Background()

	t.Run("follows the id cursor until an empty page", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, cursors, 0)
		c := runs.NewClient(option.WithBaseURL(url))
		got, err := testutil.Collect(c.ListRunMessagesIter(ctx, "run-1", runs.ListRunMessagesParams{Limit: new(3), Order: new("asc")}))
		require.NoError(t, err)
		require.Len(t, got, len(items))
		assert.IsType(t, types.UnknownLettaMessage{}, got[6])
		q := queries()
		var afters []string
		for _, v := range q {
			afters = append(afters, v.Get("after"))
			assert.Equal(t, "asc", v.Get("order"))
		}
		// Pages: [m0 m1 m1] [m2 m3 m3] [m4] [] — a short page does not end
		// the sequence, an empty one does.
		assert.Equal(t, []string{"", "m1", "m3", "m4"}, afters)
	})
	t.Run("one sequence ranged twice at once", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, cursors, 0)
		c := runs.NewClient(option.WithBaseURL(url))
		seq := c.ListRunMessagesIter(ctx, "run-1", runs.ListRunMessagesParams{Limit: new(3)})
		results, err := testutil.CollectConcurrently(seq, 2)
		require.NoError(t, err)
		assert.Len(t, results[0], len(items))
		assert.Equal(t, results[0], results[1])
	})
	t.Run("break stops fetching", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, cursors, 0)
		c := runs.NewClient(option.WithBaseURL(url))
		got, err := testutil.Take(c.ListRunMessagesIter(ctx, "run-1", runs.ListRunMessagesParams{Limit: new(3)}), 4)
		require.NoError(t, err)
		assert.Len(t, got, 4)
		assert.Len(t, queries(), 2)
	})
	t.Run("a failing page ends the sequence with its error", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, cursors, 2)
		c := runs.NewClient(option.WithBaseURL(url), option.WithMaxRetries(0))
		got, err := testutil.Collect(c.ListRunMessagesIter(ctx, "run-1", runs.ListRunMessagesParams{Limit: new(3)}))
		assert.Len(t, got, 3)
		require.ErrorIs(t, err, types.ErrServer)
	})
	t.Run("an empty run id fails before sending", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, cursors, 0)
		c := runs.NewClient(option.WithBaseURL(url))
		got, err := testutil.Collect(c.ListRunMessagesIter(ctx, "", runs.ListRunMessagesParams{}))
		assert.Empty(t, got)
		require.Error(t, err)
		assert.Empty(t, queries())
	})
}

// TestListRunMessagesIterCursorOfEveryVariant: one message per page, so
// each variant's id must serve as the cursor.
func TestListRunMessagesIterCursorOfEveryVariant(t *testing.T) {
	items := []string{
		`{"id":"m-system","date":"2025-01-24T23:31:20+00:00","message_type":"system_message","content":"You are Letta."}`,
		`{"id":"m-user","date":"2025-01-24T23:31:21+00:00","message_type":"user_message","content":[{"type":"text","text":"hi"}]}`,
		`{"id":"m-reasoning","date":"2025-01-24T23:31:22+00:00","message_type":"reasoning_message","reasoning":"r"}`,
		`{"id":"m-call","date":"2025-01-24T23:31:23+00:00","message_type":"tool_call_message","tool_call":{"name":"f","arguments":"{}","tool_call_id":"c"}}`,
		`{"id":"m-return","date":"2025-01-24T23:31:24+00:00","message_type":"tool_return_message","tool_return":"ok","status":"success","tool_call_id":"c","stdout":null,"stderr":null}`,
		`{"id":"m-assistant","date":"2025-01-24T23:31:25+00:00","message_type":"assistant_message","content":"hello"}`,
		`{"id":"m-future","message_type":"future_message"}`,
	}
	ids := []string{"m-system", "m-user", "m-reasoning", "m-call", "m-return", "m-assistant", "m-future"}
	url, queries := testutil.PagedServer(t, items, ids, 0)
	c := runs.NewClient(option.WithBaseURL(url))
	got, err := testutil.Collect(c.ListRunMessagesIter(context.Background(), "run-1", runs.ListRunMessagesParams{Limit: new(1)}))
	require.NoError(t, err)
	require.Len(t, got, len(items))
	want := []any{types.SystemMessage{}, types.UserMessage{}, types.ReasoningMessage{}, types.ToolCallMessage{}, types.ToolReturnMessage{}, types.AssistantMessage{}, types.UnknownLettaMessage{}}
	for i := range want {
		assert.IsType(t, want[i], got[i])
	}
	var afters []string
	for _, q := range queries() {
		afters = append(afters, q.Get("after"))
	}
	assert.Equal(t, append([]string{""}, ids...), afters)
}

func TestListRunMessagesDecodeErrors(t *testing.T) {
	for _, body := range []string{`{}`, `null`, `[1]`, `[{"message_type":"assistant_message","id":5}]`, `"x"`} {
		t.Run(body, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, body)
			}))
			defer srv.Close()
			got, err := runs.NewClient(option.WithBaseURL(srv.URL)).ListRunMessages(context.Background(), "run-1", runs.ListRunMessagesParams{})
			assert.Nil(t, got)
			var decErr *types.DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.Equal(t, 200, decErr.StatusCode)
		})
	}
}
