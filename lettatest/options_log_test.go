package lettatest_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/lettatest"
)

// logRecords collects WithLogger's JSON records; the server logs from its
// own goroutines.
type logRecords struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logRecords) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// statuses returns the logged status of each request to path, in order.
func (l *logRecords) statuses(t *testing.T, path string) []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []int
	for line := range strings.Lines(l.buf.String()) {
		var rec struct {
			Msg, Method, Path string
			Status            int
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		if rec.Path == path {
			out = append(out, rec.Status)
		}
	}
	return out
}

// await waits for a record of path (the server logs a request once its
// handler returns, possibly after the client has the answer) and returns
// the statuses of path's records.
func (l *logRecords) await(t *testing.T, path string) []int {
	t.Helper()
	require.Eventually(t, func() bool { return len(l.statuses(t, path)) > 0 }, 5*time.Second, 5*time.Millisecond, "no record of %s", path)
	return l.statuses(t, path)
}

// TestWithLogger: each request is logged once with the status it got; a
// connection a Fault drops logs status 0; a stream is logged when it ends,
// and its frames still arrive one by one (the logger keeps the Flusher).
func TestWithLogger(t *testing.T) {
	logs := &logRecords{}
	srv, client := setup(t,
		lettatest.WithLogger(slog.New(slog.NewJSONHandler(logs, nil))),
		lettatest.WithStreamDelay(100*time.Millisecond))
	agent := newAgent(t, client, agents.CreateParams{})

	resp, err := http.Get(srv.URL + "/v1/health/?x=1")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, []int{200}, logs.await(t, "/v1/health/?x=1"))

	srv.FailNext(1, lettatest.Fault{Status: 503, PathPrefix: "/v1/tools/"})
	srv.FailNext(1, lettatest.Fault{DropConnection: true, PathPrefix: "/v1/blocks/"})
	resp, err = http.Get(srv.URL + "/v1/tools/")
	require.NoError(t, err)
	resp.Body.Close()
	_, err = http.Get(srv.URL + "/v1/blocks/")
	require.Error(t, err)
	assert.Equal(t, []int{503}, logs.await(t, "/v1/tools/"))
	assert.Equal(t, []int{0}, logs.await(t, "/v1/blocks/"))

	path := "/v1/agents/" + agent.ID + "/messages/stream"
	resp, err = http.Post(srv.URL+path, "application/json", strings.NewReader(`{"messages":[{"role":"user","content":"hi"}]}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	first, err := bufio.NewReader(resp.Body).ReadString('\n')
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(first, "data: "), first)
	assert.Empty(t, logs.statuses(t, path), "the first frame arrives while the stream goes on")
	assert.Equal(t, []int{200}, logs.await(t, path))
}
