package agents_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// streamTranscript is one recorded stream of ../testdata/streams.
type streamTranscript struct {
	ID             string            `json:"id"`
	ContentType    string            `json:"content_type"`
	ExpectedEvents []json.RawMessage `json:"expected_events"`
	Body           []byte            `json:"-"`
}

func loadStreamTranscripts(t testing.TB) []streamTranscript {
	t.Helper()
	files, err := filepath.Glob("../testdata/streams/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out []streamTranscript
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var tr streamTranscript
		require.NoError(t, json.Unmarshal(raw, &tr), f)
		tr.Body, err = os.ReadFile(strings.TrimSuffix(f, ".json") + ".sse")
		require.NoError(t, err)
		out = append(out, tr)
	}
	return out
}

// streamCanonical decodes JSON into a tree where null members are dropped
// (null and absent mean the same) and timestamps become their UTC instant.
func streamCanonical(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v), "%.200s", data)
	var walk func(any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			out := map[string]any{}
			for k, x := range v {
				if x != nil {
					out[k] = walk(x)
				}
			}
			return out
		case []any:
			for i := range v {
				v[i] = walk(v[i])
			}
		case string:
			if len(v) > 10 && strings.Contains(v, "T") {
				if ts, err := types.ParseTime(v); err == nil {
					return "time:" + ts.UTC().Format(time.RFC3339Nano)
				}
			}
		}
		return v
	}
	return walk(v)
}

// streamServer serves one stream per request with handler; it counts the
// requests.
type streamServer struct {
	*httptest.Server
	requests atomic.Int32
	lastBody atomic.Value // []byte
	lastHdr  atomic.Value // http.Header
	lastPath atomic.Value // string
}

func newStreamServer(t testing.TB, handler func(w http.ResponseWriter, r *http.Request)) *streamServer {
	t.Helper()
	s := &streamServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		body, _ := io.ReadAll(r.Body)
		s.lastBody.Store(body)
		s.lastHdr.Store(r.Header.Clone())
		s.lastPath.Store(r.URL.EscapedPath())
		handler(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// client returns a messages client for the server, with its own transport
// so that goroutine counts are not disturbed by other tests.
func (s *streamServer) client(t testing.TB, opts ...option.RequestOption) *agents.MessagesClient {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	base := []option.RequestOption{option.WithBaseURL(s.URL), option.WithToken("sk-test"), option.WithHTTPClient(&http.Client{Transport: tr})}
	return agents.NewClient(append(base, opts...)...).Messages
}

// sseHeader starts an event-stream response.
func sseHeader(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
}

// serveBytes writes body in pieces of size n (all at once when n is 0),
// flushing each.
func serveBytes(body []byte, n int) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		sseHeader(w)
		if n == 0 {
			w.Write(body)
			return
		}
		for len(body) > 0 {
			k := min(n, len(body))
			if _, err := w.Write(body[:k]); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			body = body[k:]
		}
	}
}

var streamParams = agents.MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}}

// readStream collects the events of a stream with Next and Current.
func readStream(t testing.TB, s *agents.MessageStream) ([]types.LettaStreamingResponse, error) {
	t.Helper()
	var out []types.LettaStreamingResponse
	for s.Next() {
		require.NotNil(t, s.Current())
		out = append(out, s.Current())
	}
	assert.Nil(t, s.Current(), "Current after the end")
	assert.False(t, s.Next(), "Next after the end")
	assert.NoError(t, s.Close())
	return out, s.Err()
}

// checkTranscript compares what a stream gave with the expected events:
// each event re-encodes to its expected JSON; an error frame is the
// stream's *types.StreamError; "[DONE]" is the clean end.
func checkTranscript(t *testing.T, tr streamTranscript, got []types.LettaStreamingResponse, err error) {
	t.Helper()
	i := 0
	for _, want := range tr.ExpectedEvents {
		if want[0] == '"' {
			var marker string
			require.NoError(t, json.Unmarshal(want, &marker))
			require.Equal(t, "[DONE]", marker)
			break
		}
		var frame map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(want, &frame))
		if _, isError := frame["error"]; isError {
			var serr *types.StreamError
			require.ErrorAs(t, err, &serr)
			var wantErr struct {
				Error string  `json:"error"`
				Code  *string `json:"code"`
			}
			require.NoError(t, json.Unmarshal(want, &wantErr))
			assert.Equal(t, wantErr.Error, serr.Message)
			if wantErr.Code != nil {
				assert.Equal(t, *wantErr.Code, serr.Code)
			} else {
				assert.Empty(t, serr.Code)
			}
			assert.Contains(t, err.Error(), wantErr.Error)
			assert.Equal(t, len(got), i, "the error frame ends the stream")
			return
		}
		require.Less(t, i, len(got), "event %d missing (error %v)", i, err)
		out, merr := json.Marshal(got[i])
		require.NoError(t, merr)
		assert.Equal(t, streamCanonical(t, want), streamCanonical(t, out), "event %d (%T)", i, got[i])
		i++
	}
	assert.NoError(t, err)
	assert.Len(t, got, i)
}

// Every recorded transcript decodes into exactly its expected events,
// whether it arrives whole, one byte at a time, or with CRLF or CR line
// endings.
func TestCreateStreamTranscripts(t *testing.T) {
	for _, tr := range loadStreamTranscripts(t) {
		variants := []struct {
			name  string
			body  []byte
			chunk int
		}{
			{"whole", tr.Body, 0},
			{"one-byte", tr.Body, 1},
			{"crlf", bytes.ReplaceAll(tr.Body, []byte("\n"), []byte("\r\n")), 7},
			{"cr", bytes.ReplaceAll(tr.Body, []byte("\n"), []byte("\r")), 1},
		}
		for _, v := range variants {
			t.Run(tr.ID+"/"+v.name, func(t *testing.T) {
				srv := newStreamServer(t, serveBytes(v.body, v.chunk))
				s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
				require.NoError(t, err)
				got, err := readStream(t, s)
				checkTranscript(t, tr, got, err)
			})
		}
	}
}

// The same, with All.
func TestCreateStreamAll(t *testing.T) {
	for _, tr := range loadStreamTranscripts(t) {
		t.Run(tr.ID, func(t *testing.T) {
			srv := newStreamServer(t, serveBytes(tr.Body, 0))
			s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
			require.NoError(t, err)
			var got []types.LettaStreamingResponse
			var errs []error
			for ev, err := range s.All() {
				if err != nil {
					assert.Nil(t, ev)
					errs = append(errs, err)
					continue
				}
				got = append(got, ev)
			}
			require.LessOrEqual(t, len(errs), 1, "the error is yielded once")
			checkTranscript(t, tr, got, errors.Join(errs...))
		})
	}
}

func TestCreateStreamRequest(t *testing.T) {
	srv := newStreamServer(t, serveBytes([]byte("data: [DONE]\n\n"), 0))
	params := agents.MessagesCreateStreamParams{
		Messages:     []types.MessageCreate{types.NewUserMessage("hi")},
		StreamTokens: new(true),
		Config:       &types.LettaRequestConfig{UseAssistantMessage: new(false)},
	}
	s, err := srv.client(t).CreateStream(context.Background(), "agent 1/x", params)
	require.NoError(t, err)
	got, err := readStream(t, s)
	require.NoError(t, err)
	assert.Empty(t, got)
	assert.Equal(t, "/v1/agents/agent%201%2Fx/messages/stream", srv.lastPath.Load())
	hdr := srv.lastHdr.Load().(http.Header)
	assert.Equal(t, "text/event-stream", hdr.Get("Accept"))
	assert.Equal(t, "application/json", hdr.Get("Content-Type"))
	assert.Equal(t, "Bearer sk-test", hdr.Get("Authorization"))
	assert.JSONEq(t, `{"messages":[{"role":"user","content":"hi"}],"stream_tokens":true,"config":{"use_assistant_message":false}}`, string(srv.lastBody.Load().([]byte)))

	// Unset optional fields are not sent.
	s, err = srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	_, err = readStream(t, s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"messages":[{"role":"user","content":"hi"}]}`, string(srv.lastBody.Load().([]byte)))
}

func TestMessagesCreateStreamParamsRoundTrip(t *testing.T) {
	in := `{"messages":[{"role":"user","content":[{"type":"text","text":"a"}],"name":"ada"}],"config":{"use_assistant_message":true,"assistant_message_tool_name":"send_message","assistant_message_tool_kwarg":"message"},"stream_tokens":false}`
	var p agents.MessagesCreateStreamParams
	require.NoError(t, json.Unmarshal([]byte(in), &p))
	require.NotNil(t, p.StreamTokens)
	assert.False(t, *p.StreamTokens)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
}

func TestCreateStreamSkipsCommentsAndMarkers(t *testing.T) {
	body := ": keep-alive\n\n" +
		"event: message\nid: 1\nretry: 1000\ndata: {\"id\":\"message-1\",\"date\":\"2025-01-24T18:30:05+00:00\",\"message_type\":\"reasoning_message\",\"reasoning\":\"hm\"}\n\n" +
		"data: [DONE_STEP]\n\n" +
		"data:\n\n" +
		"data: [DONE_GEN]\n\n" +
		": another comment\n" +
		"data: {\"id\":\"message-2\",\"date\":\"2025-01-24T18:30:05+00:00\",\n" +
		"data: \"message_type\":\"assistant_message\",\"content\":\"hi\"}\n\n" +
		"data: [DONE]\n\n" +
		"data: {\"id\":\"after-done\",\"message_type\":\"assistant_message\",\"content\":\"ignored\"}\n\n"
	srv := newStreamServer(t, serveBytes([]byte(body), 3))
	s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	got, err := readStream(t, s)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "hm", got[0].(types.ReasoningMessage).Reasoning)
	assert.Equal(t, types.ContentString("hi"), got[1].(types.AssistantMessage).Content)
}

func TestCreateStreamKeepsUnknownMessageTypes(t *testing.T) {
	frame := `{"id":"message-9","date":"2025-01-24T18:30:05+00:00","message_type":"hidden_reasoning_message","state":"redacted"}`
	srv := newStreamServer(t, serveBytes([]byte("data: "+frame+"\n\ndata: [DONE]\n\n"), 0))
	s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	got, err := readStream(t, s)
	require.NoError(t, err)
	require.Len(t, got, 1)
	u, ok := got[0].(types.UnknownLettaStreamingResponse)
	require.True(t, ok, "%T", got[0])
	assert.Equal(t, "hidden_reasoning_message", u.MessageType)
	assert.JSONEq(t, frame, string(u.Raw))
}

func TestCreateStreamCutOff(t *testing.T) {
	const first = `data: {"id":"message-1","date":"2025-01-24T18:30:05+00:00","message_type":"reasoning_message","reasoning":"hm"}` + "\n\n"
	for name, body := range map[string]string{
		"no [DONE]":            first,
		"cut inside an event":  first + `data: {"id":"message-2","date":"2025-01-24T18:30:05+00:00","message_type":"assis`,
		"cut before the blank": first + `data: {"id":"message-2","date":"2025-01-24T18:30:05+00:00","message_type":"assistant_message","content":"x"}` + "\n",
		"cut [DONE]":           first + "data: [DONE]",
	} {
		t.Run(name, func(t *testing.T) {
			srv := newStreamServer(t, serveBytes([]byte(body), 5))
			s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
			require.NoError(t, err)
			got, err := readStream(t, s)
			require.Len(t, got, 1, "the cut-off event is not delivered")
			require.ErrorIs(t, err, io.ErrUnexpectedEOF)
			assert.Contains(t, err.Error(), "POST "+srv.URL+"/v1/agents/agent-1/messages/stream")
			assert.Contains(t, err.Error(), "before [DONE]")
		})
	}
	t.Run("empty body", func(t *testing.T) {
		srv := newStreamServer(t, serveBytes(nil, 0))
		s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
		require.NoError(t, err)
		_, err = readStream(t, s)
		require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	})
	t.Run("connection dropped", func(t *testing.T) {
		srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
			sseHeader(w)
			io.WriteString(w, first)
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // closes the connection mid-body
		})
		s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
		require.NoError(t, err)
		got, err := readStream(t, s)
		assert.Len(t, got, 1)
		require.Error(t, err)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	})
}

func TestCreateStreamErrorFrame(t *testing.T) {
	const msg = `data: {"id":"message-1","date":"2025-01-24T18:30:05+00:00","message_type":"reasoning_message","reasoning":"hm"}` + "\n\n"
	tests := []struct {
		frame, message, code string
	}{
		{`{"error":"Stream failed: RATE_LIMIT_EXCEEDED: slow down","code":"RATE_LIMIT_EXCEEDED"}`, "Stream failed: RATE_LIMIT_EXCEEDED: slow down", "RATE_LIMIT_EXCEEDED"},
		{`{"error":"Stream failed (internal error occured)"}`, "Stream failed (internal error occured)", ""},
		{`{"error":"boom","code":null}`, "boom", ""},
		{`{"error":{"message":"nested"}}`, "nested", ""},
		{`{ "error" : "spaced", "code" : "X" }`, "spaced", "X"},
	}
	for _, tt := range tests {
		t.Run(tt.message, func(t *testing.T) {
			srv := newStreamServer(t, serveBytes([]byte(msg+"data: "+tt.frame+"\n\ndata: [DONE]\n\n"), 0))
			s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
			require.NoError(t, err)
			got, err := readStream(t, s)
			assert.Len(t, got, 1, "the error frame is not an event")
			var serr *types.StreamError
			require.ErrorAs(t, err, &serr)
			assert.Equal(t, tt.message, serr.Message)
			assert.Equal(t, tt.code, serr.Code)
			assert.JSONEq(t, tt.frame, string(serr.Raw))
			assert.Contains(t, err.Error(), tt.message)
		})
	}
	t.Run("a null error is not an error frame", func(t *testing.T) {
		frame := `{"error":null,"message_type":"usage_statistics","step_count":1}`
		srv := newStreamServer(t, serveBytes([]byte("data: "+frame+"\n\ndata: [DONE]\n\n"), 0))
		s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
		require.NoError(t, err)
		got, err := readStream(t, s)
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.IsType(t, types.LettaUsageStatistics{}, got[0])
	})
	t.Run("the word error in a message is not an error frame", func(t *testing.T) {
		frame := `{"id":"message-3","date":"2025-01-24T18:30:05+00:00","message_type":"tool_return_message","tool_return":"{\"error\": 1}","status":"error","tool_call_id":"call_1","stdout":null,"stderr":null}`
		srv := newStreamServer(t, serveBytes([]byte("data: "+frame+"\n\ndata: [DONE]\n\n"), 0))
		s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
		require.NoError(t, err)
		got, err := readStream(t, s)
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, types.ToolReturnMessageStatus("error"), got[0].(types.ToolReturnMessage).Status)
	})
}

// A payload that is neither a marker nor a JSON object ends the stream
// with a *types.DecodeError: the SDK does not drop data silently.
func TestCreateStreamUndecodableEvent(t *testing.T) {
	for name, payload := range map[string]string{
		"not JSON":           "hello",
		"broken JSON":        `{"id":"message-1","message_type":"assistant_message","content":"x"`,
		"a string":           `"text"`,
		"null":               `null`,
		"wrong field type":   `{"id":"message-1","date":"2025-01-24T18:30:05+00:00","message_type":"reasoning_message","reasoning":5}`,
		"not an object":      `42`,
		"error frame broken": `{"error": "x",}`,
	} {
		t.Run(name, func(t *testing.T) {
			srv := newStreamServer(t, serveBytes([]byte("data: "+payload+"\n\ndata: [DONE]\n\n"), 0))
			s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
			require.NoError(t, err)
			got, err := readStream(t, s)
			assert.Empty(t, got)
			var derr *types.DecodeError
			require.ErrorAs(t, err, &derr)
			assert.Contains(t, err.Error(), "event 1")
			assert.Contains(t, err.Error(), "/v1/agents/agent-1/messages/stream")
		})
	}
}

// goroutinesSettle waits until the number of goroutines is back to at
// most n.
func goroutinesSettle(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines, want at most %d:\n%s", runtime.NumGoroutine(), n, buf)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// endless sends one event, then another every interval until the client
// goes away; it reports on gone when it sees the request's context end.
func endless(interval time.Duration, gone chan<- struct{}) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		sseHeader(w)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for i := 0; ; i++ {
			fmt.Fprintf(w, `data: {"id":"message-%d","date":"2025-01-24T18:30:05+00:00","message_type":"reasoning_message","reasoning":"tick"}`+"\n\n", i)
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				if gone != nil {
					close(gone)
				}
				return
			case <-tick.C:
			}
		}
	}
}

func TestCreateStreamCancel(t *testing.T) {
	gone := make(chan struct{})
	srv := newStreamServer(t, endless(time.Hour, gone))
	client := srv.client(t)
	before := runtime.NumGoroutine()

	ctx, cancel := context.WithCancel(context.Background())
	s, err := client.CreateStream(ctx, "agent-1", streamParams)
	require.NoError(t, err)
	require.True(t, s.Next())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	assert.False(t, s.Next(), "blocked in Next until the cancel")
	assert.Less(t, time.Since(start), 2*time.Second)
	err = s.Err()
	require.ErrorIs(t, err, context.Canceled)
	assert.NotErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Contains(t, err.Error(), "/v1/agents/agent-1/messages/stream")
	select {
	case <-gone:
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not see the client go away")
	}
	require.NoError(t, s.Close())
	goroutinesSettle(t, before)
}

func TestCreateStreamCancelBetweenEvents(t *testing.T) {
	srv := newStreamServer(t, endless(time.Millisecond, nil))
	ctx, cancel := context.WithCancel(context.Background())
	s, err := srv.client(t).CreateStream(ctx, "agent-1", streamParams)
	require.NoError(t, err)
	require.True(t, s.Next())
	time.Sleep(20 * time.Millisecond) // events are buffered meanwhile
	cancel()
	assert.False(t, s.Next(), "a cancelled stream ends at once, buffered events or not")
	require.ErrorIs(t, s.Err(), context.Canceled)
}

func TestCreateStreamCloseReleasesTheConnection(t *testing.T) {
	gone := make(chan struct{})
	srv := newStreamServer(t, endless(10*time.Millisecond, gone))
	client := srv.client(t)
	before := runtime.NumGoroutine()
	s, err := client.CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	require.True(t, s.Next())
	require.True(t, s.Next())
	require.NoError(t, s.Close())
	require.NoError(t, s.Close(), "Close twice")
	assert.False(t, s.Next(), "Next after Close")
	assert.NoError(t, s.Err(), "closing is not an error")
	select {
	case <-gone:
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not see the client go away")
	}
	goroutinesSettle(t, before)
}

// Close from another goroutine while Next waits for the server.
func TestCreateStreamCloseWhileBlocked(t *testing.T) {
	gone := make(chan struct{})
	srv := newStreamServer(t, endless(time.Hour, gone))
	s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	require.True(t, s.Next())
	time.AfterFunc(50*time.Millisecond, func() { s.Close() })
	start := time.Now()
	assert.False(t, s.Next())
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.NoError(t, s.Err())
	<-gone
}

func TestCreateStreamBreakOutOfAllCloses(t *testing.T) {
	gone := make(chan struct{})
	srv := newStreamServer(t, endless(10*time.Millisecond, gone))
	s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	n := 0
	for _, err := range s.All() {
		require.NoError(t, err)
		if n++; n == 3 {
			break
		}
	}
	select {
	case <-gone:
	case <-time.After(5 * time.Second):
		t.Fatal("breaking out of All did not close the stream")
	}
	assert.False(t, s.Next())
}

// WithRequestTimeout bounds only the wait for the headers: a healthy
// stream that runs five times longer succeeds.
func TestCreateStreamOutlivesRequestTimeout(t *testing.T) {
	srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
		sseHeader(w)
		for i := range 10 {
			time.Sleep(50 * time.Millisecond)
			fmt.Fprintf(w, `data: {"id":"message-%d","date":"2025-01-24T18:30:05+00:00","message_type":"reasoning_message","reasoning":"tick"}`+"\n\n", i)
			w.(http.Flusher).Flush()
		}
		io.WriteString(w, "data: [DONE]\n\n")
	})
	start := time.Now()
	s, err := srv.client(t, option.WithRequestTimeout(100*time.Millisecond)).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	got, err := readStream(t, s)
	require.NoError(t, err)
	assert.Len(t, got, 10)
	assert.GreaterOrEqual(t, time.Since(start), 500*time.Millisecond)
}

// ... but the headers must come within it.
func TestCreateStreamRequestTimeoutBoundsHeaders(t *testing.T) {
	srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	start := time.Now()
	_, err := srv.client(t, option.WithRequestTimeout(100*time.Millisecond)).CreateStream(context.Background(), "agent-1", streamParams)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), time.Second)
	assert.EqualValues(t, 1, srv.requests.Load(), "a 500 is not retried: the agent may have acted")
}

func TestCreateStreamIdleTimeout(t *testing.T) {
	gone := make(chan struct{})
	srv := newStreamServer(t, endless(time.Hour, gone))
	s, err := srv.client(t, option.WithStreamIdleTimeout(100*time.Millisecond)).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	require.True(t, s.Next())
	start := time.Now()
	assert.False(t, s.Next())
	assert.Less(t, time.Since(start), 2*time.Second)
	err = s.Err()
	require.ErrorIs(t, err, agents.ErrStreamIdle)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, "letta: POST "+srv.URL+"/v1/agents/agent-1/messages/stream: stream idle for 100ms", err.Error())
	<-gone
}

// A stream that keeps talking is not idle, however long it runs.
func TestCreateStreamIdleTimeoutSparesALiveStream(t *testing.T) {
	srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
		sseHeader(w)
		for range 20 {
			time.Sleep(20 * time.Millisecond)
			io.WriteString(w, ": still thinking\n\n") // comments count as traffic
			w.(http.Flusher).Flush()
		}
		io.WriteString(w, "data: [DONE]\n\n")
	})
	s, err := srv.client(t, option.WithStreamIdleTimeout(150*time.Millisecond)).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	_, err = readStream(t, s)
	require.NoError(t, err)
}

func TestCreateStreamHTTPErrors(t *testing.T) {
	t.Run("500", func(t *testing.T) {
		srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			io.WriteString(w, `{"detail":"Agent agent-1 not found"}`)
		})
		s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
		assert.Nil(t, s)
		var apiErr *types.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 500, apiErr.StatusCode)
		assert.Equal(t, "Agent agent-1 not found", apiErr.Detail)
		assert.ErrorIs(t, err, types.ErrServer)
		assert.EqualValues(t, 1, srv.requests.Load(), "a 500 is not retried: the agent may have acted")
	})
	t.Run("422", func(t *testing.T) {
		srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnprocessableEntity)
			io.WriteString(w, `{"detail":[{"loc":["body","messages"],"msg":"Field required","type":"missing"}]}`)
		})
		_, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
		assert.ErrorIs(t, err, types.ErrUnprocessable)
	})
	t.Run("503 is retried before any event", func(t *testing.T) {
		srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After-Ms", "1")
			w.WriteHeader(http.StatusServiceUnavailable)
		})
		_, err := srv.client(t, option.WithMaxRetries(2)).CreateStream(context.Background(), "agent-1", streamParams)
		var apiErr *types.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.EqualValues(t, 3, srv.requests.Load())
	})
	t.Run("200 application/json", func(t *testing.T) {
		srv := newStreamServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"messages":[],"usage":{}}`)
		})
		s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
		assert.Nil(t, s)
		var derr *types.DecodeError
		require.ErrorAs(t, err, &derr)
		assert.Contains(t, err.Error(), "application/json")
	})
	t.Run("empty agent id", func(t *testing.T) {
		srv := newStreamServer(t, serveBytes([]byte("data: [DONE]\n\n"), 0))
		s, err := srv.client(t).CreateStream(context.Background(), "", streamParams)
		assert.Nil(t, s)
		require.Error(t, err)
		assert.EqualValues(t, 0, srv.requests.Load(), "nothing is sent")
	})
	t.Run("cancelled context", func(t *testing.T) {
		srv := newStreamServer(t, serveBytes([]byte("data: [DONE]\n\n"), 0))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := srv.client(t).CreateStream(ctx, "agent-1", streamParams)
		assert.ErrorIs(t, err, context.Canceled)
		assert.EqualValues(t, 0, srv.requests.Load())
	})
}

func TestCreateStreamEventTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 17 MiB")
	}
	big := `{"id":"message-1","date":"2025-01-24T18:30:05+00:00","message_type":"tool_return_message","tool_return":"` +
		strings.Repeat("x", 17<<20) + `","status":"success","tool_call_id":"c","stdout":null,"stderr":null}`
	srv := newStreamServer(t, serveBytes([]byte("data: "+big+"\n\ndata: [DONE]\n\n"), 0))
	s, err := srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	got, err := readStream(t, s)
	assert.Empty(t, got)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "stream event larger than 16 MiB")

	// 8 MiB is fine.
	fits := strings.Replace(big, strings.Repeat("x", 17<<20), strings.Repeat("x", 8<<20), 1)
	srv = newStreamServer(t, serveBytes([]byte("data: "+fits+"\n\ndata: [DONE]\n\n"), 0))
	s, err = srv.client(t).CreateStream(context.Background(), "agent-1", streamParams)
	require.NoError(t, err)
	got, err = readStream(t, s)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Len(t, got[0].(types.ToolReturnMessage).ToolReturn, 8<<20)
}

func TestCreateStreamReusesTheConnectionAfterDone(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sseHeader(w)
		io.WriteString(w, "data: {\"message_type\":\"usage_statistics\",\"total_tokens\":3}\n\ndata: [DONE]\n\n")
		w.(http.Flusher).Flush()
		time.Sleep(20 * time.Millisecond) // the body ends a moment after [DONE]
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := agents.NewClient(option.WithBaseURL(srv.URL), option.WithHTTPClient(&http.Client{Transport: tr})).Messages
	for range 5 {
		s, err := c.CreateStream(context.Background(), "agent-1", agents.MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}})
		require.NoError(t, err)
		for s.Next() {
		}
		require.NoError(t, s.Err())
		s.Close()
	}
	assert.EqualValues(t, 1, conns.Load(), "five streams that end at [DONE] share one connection")
}
