package difftest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests check the comparison itself, without a server.

func decode(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v))
	return v
}

// pair makes the two targets of a comparison and one exchange on each.
func pair(t *testing.T, path string, statusA int, bodyA string, statusB int, bodyB string) (*comparer, *exchange, *exchange) {
	t.Helper()
	ta, tb := newTarget("lettatest", "http://a", false, 0), newTarget("server", "http://b", true, 0)
	a := &exchange{path: path, status: statusA, body: canonical("", decode(t, bodyA))}
	b := &exchange{path: path, status: statusB, body: canonical("", decode(t, bodyB))}
	ta.register(chronological(a.body))
	tb.register(chronological(b.body))
	ta.noteTimes(a.body)
	tb.noteTimes(b.body)
	return &comparer{ta: ta, tb: tb}, a, b
}

func counted(ds []difference) []string {
	var out []string
	for _, d := range ds {
		if d.known == "" {
			out = append(out, d.path+": "+d.msg)
		}
	}
	return out
}

func knownOf(ds []difference) []string {
	var out []string
	for _, d := range ds {
		if d.known != "" {
			out = append(out, d.known)
		}
	}
	return out
}

const (
	idA1 = "agent-11111111-1111-4111-8111-111111111111"
	idA2 = "agent-22222222-2222-4222-8222-222222222222"
	idB1 = "agent-aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
	idB2 = "agent-bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
)

func TestCompareAgreesOnEqualShapes(t *testing.T) {
	c, a, b := pair(t, "/v1/agents/"+idA1, 200,
		`{"id":"`+idA1+`","name":"x","created_at":"2025-01-24T18:03:11.123456Z","tags":["b","a"],"description":"one"}`, 200,
		`{"id":"`+idB1+`","name":"x","created_at":"2025-01-24T18:03:11","tags":["a","b"],"description":"two"}`)
	ds := c.compareExchange(a, b)
	assert.Equal(t, []string{`$.description: "one" vs "two"`}, counted(ds), "ids by symbol, tags unordered, values of exact keys compared")
	assert.Equal(t, []string{"naive-timestamps"}, knownOf(ds))
}

func TestCompareFindsDifferences(t *testing.T) {
	c, a, b := pair(t, "/v1/x", 200, `{"name":"x","limit":5,"extra":1,"v":"s"}`, 200, `{"name":"y","limit":6,"v":null}`)
	got := counted(c.compareExchange(a, b))
	assert.Contains(t, got, `$.name: "x" vs "y"`)
	assert.Contains(t, got, `$.limit: 5 vs 6`)
	assert.Contains(t, got, `$.extra: key missing on server (lettatest: 1)`)
	assert.Contains(t, got, `$.v: string "s" vs null null`)

	c, a, b = pair(t, "/v1/x", 404, `{"detail":"x"}`, 400, `{"detail":"x"}`)
	assert.Len(t, counted(c.compareExchange(a, b)), 1, "status")

	c, a, b = pair(t, "/v1/x", 422, `{"detail":[{"type":"missing","loc":["body","a"]}]}`, 422, `{"detail":[{"type":"missing","loc":["body","b"]}]}`)
	assert.Equal(t, []string{`$.detail[0].loc[1]: "a" vs "b"`}, counted(c.compareExchange(a, b)))

	c, a, b = pair(t, "/v1/x", 200, `[{"file_name":"a_0123456789abcdef0123456789abcdef.txt"}]`, 200, `[{"file_name":"a.txt"}]`)
	assert.Equal(t, []string{`$[0].file_name: "a_<32 hex>.txt" vs "a.txt"`}, counted(c.compareExchange(a, b)))
}

func TestCompareOrdersByCreation(t *testing.T) {
	// Two agents a second apart: the order counts.
	c, a, b := pair(t, "/v1/agents/", 200,
		`[{"id":"`+idA1+`","created_at":"2025-01-24T18:03:11Z"},{"id":"`+idA2+`","created_at":"2025-01-24T18:03:12Z"}]`, 200,
		`[{"id":"`+idB1+`","created_at":"2025-01-24T18:03:11"},{"id":"`+idB2+`","created_at":"2025-01-24T18:03:12"}]`)
	c.ta.register(decode(t, `[{"id":"`+idA1+`"}]`))
	assert.Empty(t, counted(c.compareExchange(a, b)))
	swapped := &exchange{path: b.path, status: 200, body: decode(t,
		`[{"id":"`+idB2+`","created_at":"2025-01-24T18:03:11"},{"id":"`+idB1+`","created_at":"2025-01-24T18:03:12"}]`)}
	assert.NotEmpty(t, counted(c.compareExchange(a, swapped)))

	// The same second on SQLite: a tie, any order, known.
	tied := &exchange{path: b.path, status: 200, body: decode(t,
		`[{"id":"`+idB2+`","created_at":"2025-01-24T18:03:11"},{"id":"`+idB1+`","created_at":"2025-01-24T18:03:11"}]`)}
	ds := c.compareExchange(a, tied)
	assert.Empty(t, counted(ds))
	assert.Equal(t, []string{"created-at-ties", "naive-timestamps", "naive-timestamps"}, knownOf(ds))
}

func TestCompareSQLiteCursor(t *testing.T) {
	// before=agent#2: SQLite lists the cursor's own second as well.
	c, a, b := pair(t, "/v1/agents/?before=agent#2", 200,
		`[{"id":"`+idA1+`","created_at":"2025-01-24T18:03:11Z"}]`, 200,
		`[{"id":"`+idB1+`","created_at":"2025-01-24T18:03:11"},{"id":"`+idB2+`","created_at":"2025-01-24T18:03:12"}]`)
	c.ta.register(idA2)
	c.ta.noteTimes(decode(t, `{"id":"`+idA2+`","created_at":"2025-01-24T18:03:12Z"}`))
	ds := c.compareExchange(a, b)
	assert.Empty(t, counted(ds))
	assert.Contains(t, knownOf(ds), "sqlite-text-cursor")

	// Anything else still counts.
	other := &exchange{path: b.path, status: 200, body: decode(t, `[]`)}
	assert.NotEmpty(t, counted(c.compareExchange(a, other)))
}

func TestUniqueViolationIsKnownOnlyWhereMarked(t *testing.T) {
	a := &exchange{status: 409, body: map[string]any{"detail": "Tool with name x already exists."}}
	b := &exchange{status: 500, text: "Internal Server Error", unique: true}
	c := &comparer{ta: newTarget("a", "", false, 0), tb: newTarget("b", "", true, 0)}
	assert.Equal(t, []string{"unique-violation-500"}, knownOf(c.compareExchange(a, b)))
	b.unique = false
	assert.NotEmpty(t, counted(c.compareExchange(a, b)))
}

func TestSSEFramesCollapseTokenChunks(t *testing.T) {
	frames := sseFrames([]byte("data: {\"id\":\"m1\",\"message_type\":\"assistant_message\",\"content\":\"He\"}\n\n" +
		"data: {\"id\":\"m1\",\"message_type\":\"assistant_message\",\"content\":\"llo\"}\n\n" +
		"data: {\"message_type\":\"usage_statistics\"}\n\ndata: [DONE]\n\n"))
	require.Len(t, frames, 3)
	assert.Equal(t, "[DONE]", frames[2])
}
