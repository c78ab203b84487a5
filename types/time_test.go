package types

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return v
}

func TestTimeUnmarshal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`"2025-01-24T18:03:11.123456Z"`, "2025-01-24T18:03:11.123456Z"},
		{`"2025-01-24T18:03:11Z"`, "2025-01-24T18:03:11Z"},
		{`"2025-01-24T18:03:04+00:00"`, "2025-01-24T18:03:04Z"},
		{`"2025-01-24T20:03:04+02:00"`, "2025-01-24T18:03:04Z"},
		{`"2025-01-24T13:03:04.5-05:00"`, "2025-01-24T18:03:04.5Z"},
		{`"2025-01-24T17:59:37.406651"`, "2025-01-24T17:59:37.406651Z"}, // naive: UTC
		{`"2025-01-24T19:04:41"`, "2025-01-24T19:04:41Z"},
		{`"2025-01-24T19:04:41.1"`, "2025-01-24T19:04:41.1Z"},
		{`"2025-01-24T19:04:41.123456789123"`, "2025-01-24T19:04:41.123456789Z"}, // >9 digits truncated
		{`"2025-01-24 19:04:41"`, "2025-01-24T19:04:41Z"},
		{`"2025-01-24t19:04:41z"`, "2025-01-24T19:04:41Z"},
		{`"2025-01-24"`, "2025-01-24T00:00:00Z"},
		{`1737741784`, "2025-01-24T18:03:04Z"},
		{`1737741784.5`, "2025-01-24T18:03:04.5Z"},
	} {
		var got Time
		require.NoError(t, json.Unmarshal([]byte(tc.in), &got), tc.in)
		assert.True(t, got.Equal(mustTime(t, tc.want)), "%s: got %v", tc.in, got)
	}

	// The offset is kept, and encoding writes RFC 3339.
	var tz Time
	require.NoError(t, json.Unmarshal([]byte(`"2025-01-24T20:03:04.25+02:00"`), &tz))
	out, err := json.Marshal(tz)
	require.NoError(t, err)
	assert.Equal(t, `"2025-01-24T20:03:04.25+02:00"`, string(out))
	require.NoError(t, json.Unmarshal([]byte(`"2025-01-24T17:59:37.406651"`), &tz))
	out, err = json.Marshal(tz)
	require.NoError(t, err)
	assert.Equal(t, `"2025-01-24T17:59:37.406651Z"`, string(out))

	// null leaves the value alone; through a pointer it stays nil.
	keep := NewTime(mustTime(t, "2025-01-24T18:03:04Z"))
	require.NoError(t, json.Unmarshal([]byte(`null`), &keep))
	assert.Equal(t, 2025, keep.Year())
	var holder struct {
		At *Time `json:"at,omitzero"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"at":null}`), &holder))
	assert.Nil(t, holder.At)
	out, err = json.Marshal(holder)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(out))
}

func TestTimeRejectsBadInput(t *testing.T) {
	for _, in := range []string{
		`""`, `"yesterday"`, `"2025-01-24T"`, `"2025-13-01T00:00:00Z"`, `"2025-01-24T25:00:00Z"`,
		`"2025-01-24T18:03:04+25:00"`, `"2025-01-24T18:03:04 PM"`, `"2025-01-24T18:03:04\u005a"`,
		`true`, `{}`, `[]`, `1e400`, `-1e20`, `"2025-1-24"`, `"\u0000"`,
	} {
		var got Time
		err := json.Unmarshal([]byte(in), &got)
		if assert.Error(t, err, in) {
			assert.Contains(t, err.Error(), "types: decoding Time", in)
		}
	}
	// Called directly (not through encoding/json, which validates first).
	var got Time
	for _, in := range []string{``, `"`, `-`, `"\"`, `nul`, `"2025-01-24T18:03:04Z`} {
		assert.Error(t, got.UnmarshalJSON([]byte(in)), in)
	}
}

// TestTimeDecodesASQLiteServersJob decodes a job as Letta 0.6.13 with
// SQLite sent it: no timestamp has a zone, created_at has whole seconds and
// the others microseconds. All read as UTC.
func TestTimeDecodesASQLiteServersJob(t *testing.T) {
	body := `{"created_by_id": "user-00000000-0000-4000-8000-000000000000", "created_at": "2026-12-06T21:35:56",
		"updated_at": "2026-12-06T21:35:56.238534", "status": "completed", "completed_at": "2026-12-06T21:35:56.238447",
		"metadata": {"type": "embedding", "filename": "handbook.txt", "num_passages": 1}, "job_type": "job",
		"id": "job-87e7a4e8-bb8b-489a-8d21-0a4985f830a9", "user_id": "user-00000000-0000-4000-8000-000000000000"}`
	var job Job
	require.NoError(t, json.Unmarshal([]byte(body), &job))
	require.NotNil(t, job.CreatedAt)
	require.NotNil(t, job.UpdatedAt)
	require.NotNil(t, job.CompletedAt)
	assert.True(t, job.CreatedAt.Equal(mustTime(t, "2026-12-06T21:35:56Z")), "created_at %v", job.CreatedAt)
	assert.True(t, job.UpdatedAt.Equal(mustTime(t, "2026-12-06T21:35:56.238534Z")), "updated_at %v", job.UpdatedAt)
	assert.True(t, job.CompletedAt.Equal(mustTime(t, "2026-12-06T21:35:56.238447Z")), "completed_at %v", job.CompletedAt)
	assert.Equal(t, time.UTC, job.CompletedAt.Location())
	assert.False(t, job.CompletedAt.Before(job.CreatedAt.Time))
}
