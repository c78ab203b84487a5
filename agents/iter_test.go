package agents_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/types"
)

// agentServer serves n agents (agent-0 … agent-<n-1>) from GET /v1/agents/,
// paging by the after cursor and limit (default pageSize); request number
// failPage (1-based; 0: none) gets a 500.
func agentServer(t *testing.T, n, pageSize, failPage int) *recorder {
	items, ids := make([]string, n), make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("agent-%d", i)
		items[i] = fmt.Sprintf(`{"id":%q,"name":"n-%s"}`, ids[i], ids[i])
	}
	return pagedRecorder(t, "/v1/agents/", testutil.Pages{Items: items, Cursors: ids, PageSize: pageSize, FailPage: failPage})
}

// pagedRecorder is a recorder that serves p on path and 404 elsewhere.
func pagedRecorder(t *testing.T, path string, p testutil.Pages) *recorder {
	serve := p.Handler(t)
	return newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			reply(w, 404, `{"detail":"Not Found"}`)
			return
		}
		serve(w, r)
	})
}

func agentIDs(list []types.AgentState) []string {
	out := []string{}
	for _, a := range list {
		out = append(out, a.ID)
	}
	return out
}

func queries(reqs []testutil.Request) []string {
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
			rec := agentServer(t, 7, tc.serverPage, 0)
			got, err := testutil.Collect(rec.client().ListIter(context.Background(), tc.params))
			require.NoError(t, err)
			assert.Equal(t, tc.wantIDs, agentIDs(got))
			assert.Equal(t, tc.wantQueries, queries(rec.Requests()))
		})
	}
}

func TestListIterBreakStopsFetching(t *testing.T) {
	rec := agentServer(t, 100, 50, 0)
	got, err := testutil.Take(rec.client().ListIter(context.Background(), agents.ListParams{Limit: new(3)}), 4)
	require.NoError(t, err)
	assert.Equal(t, []string{"agent-0", "agent-1", "agent-2", "agent-3"}, agentIDs(got))
	assert.Len(t, rec.Requests(), 2)
}

func TestListIterFailingPageIsTheError(t *testing.T) {
	rec := agentServer(t, 10, 50, 2)
	got, err := testutil.Collect(rec.client().ListIter(context.Background(), agents.ListParams{Limit: new(3)}))
	assert.Equal(t, []string{"agent-0", "agent-1", "agent-2"}, agentIDs(got))
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 500, apiErr.StatusCode)
	assert.ErrorIs(t, err, types.ErrServer)
	assert.Len(t, rec.Requests(), 2)
}

func TestListIterHonoursContext(t *testing.T) {
	rec := agentServer(t, 10, 50, 0)
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
	assert.Len(t, rec.Requests(), 1, "no request after the context ended")
}

// passageServer serves n passages (passage-0 …) of agent-a1, all of them
// to a request without limit, reading an integer after cursor as an
// offset.
func passageServer(t *testing.T, n int) *recorder {
	items, cursors := make([]string, n), make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id":"passage-%d","text":"t"}`, i)
		cursors[i] = strconv.Itoa(i + 1) // after=k resumes at item k
	}
	return pagedRecorder(t, "/v1/agents/agent-a1/archival-memory", testutil.Pages{Items: items, Cursors: cursors, PageSize: n})
}

func passageIDs(list []types.Passage) []string {
	out := []string{}
	for _, p := range list {
		out = append(out, p.ID)
	}
	return out
}

func TestArchivalMemoryListIterFetchesEverythingInOneRequest(t *testing.T) {
	all := []string{"passage-0", "passage-1", "passage-2", "passage-3", "passage-4", "passage-5", "passage-6"}
	cases := []struct {
		name        string
		params      agents.ArchivalMemoryListParams
		wantIDs     []string
		wantQueries []string
	}{
		{
			name:        "no limit",
			wantIDs:     all,
			wantQueries: []string{""},
		},
		{
			name:        "a limit is not sent",
			params:      agents.ArchivalMemoryListParams{Limit: new(3)},
			wantIDs:     all,
			wantQueries: []string{""},
		},
		{
			name:        "after and before are sent as given",
			params:      agents.ArchivalMemoryListParams{After: new(2), Limit: new(4), Before: new(100)},
			wantIDs:     all[2:],
			wantQueries: []string{"after=2&before=100"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := passageServer(t, 7)
			seq := rec.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", tc.params)
			got, err := testutil.Collect(seq)
			require.NoError(t, err)
			assert.Equal(t, tc.wantIDs, passageIDs(got))
			assert.Equal(t, tc.wantQueries, queries(rec.Requests()))

			// The sequence can be ranged over again, from the start.
			again, err := testutil.Collect(seq)
			require.NoError(t, err)
			assert.Equal(t, tc.wantIDs, passageIDs(again))
		})
	}
}

func TestArchivalMemoryListIterBreakAndError(t *testing.T) {
	rec := passageServer(t, 50)
	taken, err := testutil.Take(rec.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", agents.ArchivalMemoryListParams{Limit: new(5)}), 7)
	require.NoError(t, err)
	assert.Len(t, taken, 7)
	assert.Len(t, rec.Requests(), 1)

	// Letta 0.6.13 answers any integer cursor with this 400: it is yielded,
	// not taken for the end of the list.
	failing := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") != "" {
			reply(w, 400, `{"detail":"Argument after does not match type typing.Optional[str]; is 2"}`)
			return
		}
		reply(w, 200, `[{"id":"passage-0","text":"a"},{"id":"passage-1","text":"b"}]`)
	})
	got, err := testutil.Collect(failing.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", agents.ArchivalMemoryListParams{After: new(2)}))
	assert.Empty(t, got)
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)

	empty, err := testutil.Collect(failing.client().ArchivalMemory.ListIter(context.Background(), "", agents.ArchivalMemoryListParams{}))
	assert.Empty(t, empty)
	assert.ErrorIs(t, err, types.ErrEmptyPathParam)
	assert.Len(t, failing.Requests(), 1)
}

// TestIteratorsCanBeRangedConcurrently ranges one sequence from several
// goroutines at once (run with -race): each range pages on its own.
func TestIteratorsCanBeRangedConcurrently(t *testing.T) {
	agentsRec := agentServer(t, 7, 50, 0)
	passagesRec := passageServer(t, 7)
	agentSeq := agentsRec.client().ListIter(context.Background(), agents.ListParams{Limit: new(2)})
	passageSeq := passagesRec.client().ArchivalMemory.ListIter(context.Background(), "agent-a1", agents.ArchivalMemoryListParams{Limit: new(2)})
	agentLists, err := testutil.CollectConcurrently(agentSeq, 4)
	require.NoError(t, err)
	passageLists, err := testutil.CollectConcurrently(passageSeq, 4)
	require.NoError(t, err)
	for i := range 4 {
		assert.Len(t, agentLists[i], 7)
		assert.Len(t, passageLists[i], 7)
	}
	assert.Len(t, agentsRec.Requests(), 4*4)
	assert.Len(t, passagesRec.Requests(), 4)
}
