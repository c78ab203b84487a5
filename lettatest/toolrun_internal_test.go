package lettatest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/types"
)

// Without python3 on PATH, running a tool's source fails and says why;
// nothing is made up.
func TestRunToolWithoutPython(t *testing.T) {
	old := lookPython
	lookPython = func() (string, error) { return "", errors.New(`exec: "python3": executable file not found in $PATH`) }
	defer func() { lookPython = old }()

	srv := NewServer()
	defer srv.Close()
	body := `{"source_code": "def f(x: int):\n    \"\"\"Doc.\n\n    Args:\n        x: the x\n    \"\"\"\n    return x\n", "args": {"x": 1}}`
	resp, err := http.Post(srv.URL+"/v1/tools/run", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var msg types.ToolReturnMessage
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&msg))
	assert.Equal(t, types.ToolReturnMessageStatusError, msg.Status)
	assert.Equal(t, "Error executing function f: RuntimeError: lettatest cannot run the tool's Python source: python3 is not on PATH (give the tool a Go implementation with lettatest.WithToolRunner)", msg.ToolReturn)
	assert.Equal(t, "null", msg.ID)
	assert.NotEmpty(t, msg.Stderr)
}

// WithTokenDelay pauses before each token chunk of a token stream, and
// only there.
func TestTokenDelayPausesPerChunk(t *testing.T) {
	const delay = 7 * time.Millisecond
	var mu sync.Mutex
	pauses := 0
	count := func(ctx context.Context, stop <-chan struct{}, d time.Duration) bool {
		if d == delay {
			mu.Lock()
			pauses++
			mu.Unlock()
		}
		return ctx.Err() == nil
	}
	counted := func() int {
		mu.Lock()
		defer mu.Unlock()
		n := pauses
		pauses = 0
		return n
	}
	srv := NewServer(WithTokenDelay(delay), func(o *options) { o.pause = count })
	defer srv.Close()

	post := func(path, body string) []byte {
		t.Helper()
		resp, err := http.Post(srv.URL+path, "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		var buf bytes.Buffer
		_, err = buf.ReadFrom(resp.Body)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, buf.String())
		return buf.Bytes()
	}
	var agent types.AgentState
	require.NoError(t, json.Unmarshal(post("/v1/agents/", `{"model": "openai/gpt-4o-mini", "embedding": "openai/text-embedding-ada-002"}`), &agent))

	stream := post("/v1/agents/"+agent.ID+"/messages/stream", `{"messages": [{"role": "user", "content": "one two three"}], "stream_tokens": true}`)
	frames := strings.Count(string(stream), "data: ")
	messageFrames := frames - 2 // the usage frame and [DONE]
	require.Greater(t, messageFrames, 2)
	assert.Equal(t, messageFrames, counted(), "one pause per token chunk")

	post("/v1/agents/"+agent.ID+"/messages/stream", `{"messages": [{"role": "user", "content": "one two three"}]}`)
	assert.Zero(t, counted(), "a step stream does not pause per token")
}
