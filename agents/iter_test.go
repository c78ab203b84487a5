package agents_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/types"
)

// agentServer serves n agents (agent-0 … agent-<n-1>) from GET /v1/agents/,
// paging by the after cursor and limit (default pageSize); a request for
// the page after failAfter gets a 500.
func agentServer(t *testing.T, n, pageSize int, failAfter string) *recorder {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("agent-%d", i)
	}
	return newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/v1/agents/" {
			reply(w, 404, `{"detail":"Not Found"}`)
			return
		}
		after := q.Get("after")
		if failAfter != "" && after == failAfter {
			reply(w, 500, `{"detail":"database timeout"}`)
			return
		}
		start := 0
		if after != "" {
			start = slices.Index(ids, after) + 1
		}
		limit := pageSize
		if l := q.Get("limit"); l != "" {
			limit, _ = strconv.Atoi(l)
		}
		end := min(start+limit, n)
		page := []map[string]string{}
		for _, id := range ids[start:end] {
			page = append(page, map[string]string{"id": id, "name": "n-" + id})
		}
		body, _ := json.Marshal(page)
		reply(w, 200, string(body))
	})
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) ([]T, error) {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func agentIDs(list []types.AgentState) []string {
	out := []string{}
	for _, a := range list {
		out = append(out, a.ID)
	}
	return out
}

func queries(reqs []request) []string {
	out := []string{}
	for _, r := range reqs {
		out = append(out, r.RawQuery)
	}
	return out
}

func TestListIter(t *testing.T) {
	cases := []struct {
		name        string
		params      agents.ListParams
		serverPage  int
		wantIDs     []string
		wantQueries []string
	}{
		{
			name:        "short last page ends",
			params:      agents.ListParams{Limit: new(3), Tags: []string{"a", "b"}},
			serverPage:  50,
			wantIDs:     []string{"agent-0", "agent-1", "agent-2", "agent-3", "agent-4", "agent-5", "agent-6"},
			wantQueries: []string{"limit=3&tags=a&tags=b", "after=agent-2&limit=3&tags=a&tags=b", "after=agent-5&limit=3&tags=a&tags=b"},
		},
		{
			name:        "full last page needs an empty one",
			params:      agents.ListParams{Limit: new(7)},
			serverPage:  50,
			wantIDs:     []string{"agent-0", "agent-1", "agent-2", "agent-3", "agent-4", "agent-5", "agent-6"},
			wantQueries: []string{"limit=7", "after=agent-6&limit=7"},
		},
		{
			name:        "no limit follows the server's pages until an empty one",
			serverPage:  4,
			wantIDs:     []string{"agent-0", "agent-1", "agent-2", "agent-3", "agent-4", "agent-5", "agent-6"},
			wantQueries: []string{"", "after=agent-3", "after=agent-6"},
		},
		{
			name:        "starts after params.After",
			params:      agents.ListParams{After: new("agent-4"), Limit: new(2)},
			serverPage:  50,
			wantIDs:     []string{"agent-5", "agent-6"},
			wantQueries: []string{"after=agent-4&limit=2", "after=agent-6&limit=2"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := agentServer(t, 7, tc.serverPage, "")
			got, err := collect(t, rec.client().ListIter(context.Background(), tc.params))
			require.NoError(t, err)
			assert.Equal(t, tc.wantIDs, agentIDs(got))
			assert.Equal(t, tc.wantQueries, queries(rec.requests()))
		})
	}
}

func TestListIterBreakStopsFetching(t *testing.T) {
	rec := agentServer(t, 100, 50, "")
	var got []string
	for a, err := range rec.client().ListIter(context.Background(), agents.ListParams{Limit: new(3)}) {
		require.NoError(t, err)
		got = append(got, a.ID)
		if len(got) == 4 {
			break
		}
	}
	assert.Equal(t, []string{"agent-0", "agent-1", "agent-2", "agent-3"}, got)
	assert.Len(t, rec.requests(), 2)
}

func TestListIterFailingPageIsTheError(t *testing.T) {
	rec := agentServer(t, 10, 50, "agent-2")
	got, err := collect(t, rec.client().ListIter(context.Background(), agents.ListParams{Limit: new(3)}))
	assert.Equal(t, []string{"agent-0", "agent-1", "agent-2"}, agentIDs(got))
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 500, apiErr.StatusCode)
	assert.ErrorIs(t, err, types.ErrServer)
	assert.Len(t, rec.requests(), 2)
}

func TestListIterHonoursContext(t *testing.T) {
	rec := agentServer(t, 10, 50, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []string
	var iterErr error
	for a, err := range rec.client().ListIter(ctx, agents.ListParams{Limit: new(2)}) {
		if err != nil {
			iterErr = err
			break
		}
		got = append(got, a.ID)
		cancel()
	}
	assert.Equal(t, []string{"agent-0", "agent-1"}, got, "the page already fetched is delivered")
	assert.ErrorIs(t, iterErr, context.Canceled)
	assert.Len(t, rec.requests(), 1, "no request after the context ended")
}

// passageServer serves n passages (passage-0 …) of agent-a1, reading the
// integer after cursor as an offset when offsets is true, or (like a
// server that looks the integer up as a passage id) answering [] to any
// after when it is false.
func passageServer(t *testing.T, n int, offsets bool) *recorder {
	return newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/agents/agent-a1/archival-memory" {
			reply(w, 404, `{"detail":"Not Found"}`)
			return
		}
		q := r.URL.Query()
		start := 0
		if a := q.Get("after"); a != "" {
			if !offsets {
				reply(w, 200, `[]`)
				return
			}
			start, _ = strconv.Atoi(a)
		}
		end := n
		if l := q.Get("limit"); l != "" {
			limit, _ := strconv.Atoi(l)
			end = min(start+limit, n)
		}
		page := []map[string]string{}
		for i := start; i < end; i++ {
			page = append(page, map[string]string{"id": fmt.Sprintf("passage-%d", i), "text": "t"})
		}
		body, _ := json.Marshal(page)
		reply(w, 200, string(body))
	})
}

func passageIDs(list []types.Passage) []string {
	out := []string{}
	for _, p := range list {
		out = append(out, p.ID)
	}
	return out
}

func TestArchivalMemoryListIterUsesAnOffsetCursor(t *testing.T) {
	all := []string{"passage-0", "passage-1", "passage-2", "passage-3", "passage-4", "passage-5", "passage-6"}
	cases := []struct {
		name        string
		offsets     bool
		params      agents.ArchivalMemoryListParams
		wantIDs     []string
		wantQueries []string
	}{
		{
			name:        "pages by offset",
			offsets:     true,
			params:      agents.ArchivalMemoryListParams{Limit: new(3)},
			wantIDs:     all,
			wantQueries: []string{"limit=3", "after=3&limit=3", "after=6&limit=3"},
		},
		{
			name:        "starts at params.After",
			offsets:     true,
			params:      agents.ArchivalMemoryListParams{After: new(2), Limit: new(4), Before: new(100)},
			wantIDs:     all[2:],
			wantQueries: []string{"after=2&before=100&limit=4", "after=6&before=100&limit=4"},
		},
		{
			name:        "no limit: everything, then an empty page",
			offsets:     true,
			wantIDs:     all,
			wantQueries: []string{"", "after=7"},
		},
		{
			name:        "a server that cannot resolve the cursor ends after one page",
			offsets:     false,
			params:      agents.ArchivalMemoryListParams{Limit: new(3)},
			wantIDs:     all[:3],
			wantQueries: []string{"limit=3", "after=3&limit=3"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := passageServer(t, 7, tc.offsets)
			seq := rec.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", tc.params)
			got, err := collect(t, seq)
			require.NoError(t, err)
			assert.Equal(t, tc.wantIDs, passageIDs(got))
			assert.Equal(t, tc.wantQueries, queries(rec.requests()))

			// The sequence can be ranged over again, from the start.
			again, err := collect(t, seq)
			require.NoError(t, err)
			assert.Equal(t, tc.wantIDs, passageIDs(again))
		})
	}
}

func TestArchivalMemoryListIterBreakAndError(t *testing.T) {
	rec := passageServer(t, 50, true)
	n := 0
	for _, err := range rec.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", agents.ArchivalMemoryListParams{Limit: new(5)}) {
		require.NoError(t, err)
		if n++; n == 7 {
			break
		}
	}
	assert.Len(t, rec.requests(), 2)

	failing := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") != "" {
			reply(w, 422, `{"detail":[{"loc":["query","after"],"msg":"Input should be a valid integer","type":"int_parsing"}]}`)
			return
		}
		reply(w, 200, `[{"id":"passage-0","text":"a"},{"id":"passage-1","text":"b"}]`)
	})
	got, err := collect(t, failing.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", agents.ArchivalMemoryListParams{Limit: new(2)}))
	assert.Equal(t, []string{"passage-0", "passage-1"}, passageIDs(got))
	assert.ErrorIs(t, err, types.ErrUnprocessable)

	empty, err := collect(t, failing.client().ArchivalMemory.ListIter(context.Background(), "", agents.ArchivalMemoryListParams{}))
	assert.Empty(t, empty)
	assert.ErrorIs(t, err, types.ErrEmptyPathParam)
	assert.Len(t, failing.requests(), 2)
}

// TestIteratorsCanBeRangedConcurrently ranges one sequence from several
// goroutines at once (run with -race): each range pages on its own.
func TestIteratorsCanBeRangedConcurrently(t *testing.T) {
	agentsRec := agentServer(t, 7, 50, "")
	passagesRec := passageServer(t, 7, true)
	agentSeq := agentsRec.client().ListIter(context.Background(), agents.ListParams{Limit: new(2)})
	passageSeq := passagesRec.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", agents.ArchivalMemoryListParams{Limit: new(2)})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, err := collect(t, agentSeq)
			assert.NoError(t, err)
			assert.Len(t, got, 7)
		})
		wg.Go(func() {
			got, err := collect(t, passageSeq)
			assert.NoError(t, err)
			assert.Len(t, got, 7)
		})
	}
	wg.Wait()
	assert.Len(t, agentsRec.requests(), 4*4)
	assert.Len(t, passagesRec.requests(), 4*4)
}
