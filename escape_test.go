package letta_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

// newLetta starts lettatest and returns a client for it with an agent.
func newLetta(t *testing.T) (*lettatest.Server, *letta.Client, *types.AgentState) {
	t.Helper()
	srv := lettatest.NewServer()
	t.Cleanup(srv.Close)
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	agent, err := client.Agents.Create(context.Background(), agents.CreateParams{
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
	})
	require.NoError(t, err)
	return srv, client, agent
}

var hi = agents.MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}}

func TestWithResponseInto(t *testing.T) {
	_, client, agent := newLetta(t)
	ctx := context.Background()

	var resp *http.Response
	_, err := client.Agents.Retrieve(ctx, agent.ID, option.WithResponseInto(&resp))
	require.NoError(t, err)
	require.NotNil(t, resp)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Type"), "application/json")
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Empty(t, body, "the SDK read the body; the response carries status and headers")

	resp = nil
	_, err = client.Agents.Retrieve(ctx, "agent-00000000-0000-4000-8000-000000000000", option.WithResponseInto(&resp))
	require.ErrorIs(t, err, types.ErrNotFound)
	require.NotNil(t, resp, "an API error has a response too")
	assert.Equal(t, 404, resp.StatusCode)

	resp = nil
	stream, err := client.Agents.Messages.CreateStream(ctx, agent.ID, hi, option.WithResponseInto(&resp))
	require.NoError(t, err)
	defer stream.Close()
	require.NotNil(t, resp, "a stream's response is there once its headers are in")
	assert.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Type"), "text/event-stream")
	n := 0
	for stream.Next() {
		n++
	}
	require.NoError(t, stream.Err())
	assert.Positive(t, n, "the stream still has its events")
}

func TestExecuteAnyEndpoint(t *testing.T) {
	var rec *testutil.Recorder
	rec = testutil.NewRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && len(rec.Requests()) == 2 {
			w.Header().Set("Retry-After-Ms", "1")
			http.Error(w, `{"detail":"busy"}`, http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"thing-1","n":9007199254740993}`)
	})
	client := letta.NewClient(option.WithBaseURL(rec.URL+"/proxy/letta"), option.WithToken("sk-test"))
	ctx := context.Background()

	// Get: base-URL prefix, a query from a struct or url.Values.
	type query struct {
		Limit int    `url:"limit"`
		After string `url:"after,omitempty"`
	}
	var res struct {
		ID string      `json:"id"`
		N  json.Number `json:"n"`
	}
	require.NoError(t, client.Get(ctx, "v1/agents/agent-1/new-thing", query{Limit: 5, After: "a b"}, &res))
	assert.Equal(t, "thing-1", res.ID)
	got := rec.Requests()
	assert.Equal(t, "/proxy/letta/v1/agents/agent-1/new-thing", got[0].Path)
	q, err := url.ParseQuery(got[0].RawQuery)
	require.NoError(t, err)
	assert.Equal(t, url.Values{"limit": {"5"}, "after": {"a b"}}, q)
	assert.Equal(t, "Bearer sk-test", got[0].Header.Get("Authorization"))

	// Post: a 503 is retried with the same JSON body.
	require.NoError(t, client.Post(ctx, "v1/new-things", map[string]any{"name": "x"}, nil))
	got = rec.Requests()
	require.Len(t, got, 3)
	assert.Equal(t, `{"name":"x"}`, string(got[1].Body))
	assert.Equal(t, got[1].Body, got[2].Body)
	assert.Equal(t, "application/json", got[2].Header.Get("Content-Type"))

	// Delete with url.Values; Put and Patch send their params as the body.
	require.NoError(t, client.Delete(ctx, "v1/things/t", url.Values{"force": {"true"}}, nil))
	assert.Equal(t, "force=true", rec.Last().RawQuery)
	require.NoError(t, client.Put(ctx, "v1/things/t", struct {
		A int `json:"a"`
	}{1}, nil))
	require.NoError(t, client.Patch(ctx, "v1/things/t", nil, nil))
	got = rec.Requests()
	assert.Equal(t, []string{"PUT", "PATCH"}, []string{got[4].Method, got[5].Method})
	assert.Equal(t, `{"a":1}`, string(got[4].Body))
	assert.Empty(t, got[5].Body, "a nil params sends no body")

	// res must be a pointer.
	err = client.Get(ctx, "v1/x", nil, res)
	assert.ErrorContains(t, err, "res must be a non-nil pointer")
}

func TestExecuteErrorsAreAPIErrors(t *testing.T) {
	_, client, _ := newLetta(t)
	var agent types.AgentState
	err := client.Execute(context.Background(), http.MethodGet, "v1/agents/agent-00000000-0000-4000-8000-000000000000", nil, &agent)
	require.ErrorIs(t, err, types.ErrNotFound)
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 404, apiErr.StatusCode)
}

func TestExecuteStream(t *testing.T) {
	srv, client, agent := newLetta(t)
	srv.FailNext(1, lettatest.Fault{Status: 503, Header: http.Header{"Retry-After-Ms": {"1"}}})
	stream, err := client.ExecuteStream(context.Background(), http.MethodPost, "v1/agents/"+agent.ID+"/messages/stream", hi)
	require.NoError(t, err, "a 503 before the stream opened is retried")
	defer stream.Close()
	var types_ []string
	var last string
	for stream.Next() {
		last = string(stream.Current())
		var ev struct {
			MessageType string `json:"message_type"`
		}
		if json.Unmarshal(stream.Current(), &ev) == nil {
			types_ = append(types_, ev.MessageType)
		}
	}
	require.NoError(t, stream.Err())
	assert.Contains(t, types_, "assistant_message")
	assert.Equal(t, "[DONE]", last, "markers are events like any other")
	assert.False(t, stream.Next())
	assert.NoError(t, stream.Close())
}

func TestCreateStreamIsRetriedBeforeItOpens(t *testing.T) {
	srv, client, agent := newLetta(t)
	srv.FailNext(1, lettatest.Fault{Status: 503, Header: http.Header{"Retry-After-Ms": {"1"}}, PathPrefix: "/v1/agents/" + agent.ID + "/messages/stream"})
	stream, err := client.Agents.Messages.CreateStream(context.Background(), agent.ID, hi)
	require.NoError(t, err)
	defer stream.Close()
	n := 0
	for stream.Next() {
		n++
	}
	require.NoError(t, stream.Err())
	assert.Positive(t, n)
	streams := 0
	for _, r := range srv.Requests() {
		if strings.HasSuffix(r.Path, "/messages/stream") {
			streams++
		}
	}
	assert.Equal(t, 2, streams)

	// A connection that never opened is retried too.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	var attempts atomic.Int32
	count := option.WithMiddleware(func(r *http.Request, next option.MiddlewareNext) (*http.Response, error) {
		attempts.Add(1)
		return next(r)
	})
	_, err = letta.NewClient(option.WithBaseURL("http://"+addr), count).Agents.Messages.CreateStream(context.Background(), "agent-1", hi)
	require.Error(t, err)
	assert.EqualValues(t, 3, attempts.Load())
	assert.ErrorContains(t, err, "(after 3 attempts in", "the error says it retried")
}

// TestRequestTimeoutBoundsSilenceNotProgress: a transfer that keeps
// moving outlives the request timeout; a server that goes silent does not.
func TestRequestTimeoutBoundsSilenceNotProgress(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1/sources/src-1/upload":
			n, _ := io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"id":"job-1","status":"created","metadata":{"read":`+strconv.FormatInt(n, 10)+`}}`)
		case "/v1/tools/":
			// A long body, 30 KB every 100 ms for about 3 s.
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, "[")
			for i := range 30 {
				if i > 0 {
					io.WriteString(w, ",")
				}
				io.WriteString(w, `{"id":"tool-`+strconv.Itoa(i)+`","description":"`+strings.Repeat("x", 30<<10)+`"}`)
				w.(http.Flusher).Flush()
				time.Sleep(100 * time.Millisecond)
			}
			io.WriteString(w, "]")
		default: // silent for longer than the timeout
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}
	}))
	t.Cleanup(srv.Close)
	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithRequestTimeout(time.Second), option.WithMaxRetries(0))
	ctx := context.Background()

	t.Run("slow upload", func(t *testing.T) {
		t.Parallel()
		// 2 MB sent 32 KB every 50 ms: about 3 s, three times the
		// request timeout.
		job, err := client.Sources.Files.Upload(ctx, "src-1", sources.FilesUploadParams{
			File: &slowReader{left: 2 << 20, chunk: 32 << 10, every: 50 * time.Millisecond}, Filename: "big.bin",
		})
		require.NoError(t, err)
		assert.Equal(t, "job-1", job.ID)
		read, _ := strconv.ParseFloat(fmt.Sprint(job.Metadata["read"]), 64)
		assert.Greater(t, read, float64(2<<20), "the whole file arrived")
	})
	t.Run("slow download", func(t *testing.T) {
		t.Parallel()
		list, err := client.Tools.List(ctx, tools.ListParams{})
		require.NoError(t, err)
		assert.Len(t, list, 30)
	})
	t.Run("silent server", func(t *testing.T) {
		t.Parallel()
		_, err := client.Health.Check(ctx, option.WithRequestTimeout(200*time.Millisecond))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.ErrorContains(t, err, "request timeout")
	})
}

func TestCrossHostRedirectCarriesNoCredential(t *testing.T) {
	var leaked sync.Map
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range r.Header {
			leaked.Store(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":"ok","version":"x"}`)
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// 127.0.0.1 vs localhost: another host, same machine.
		http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/v1/health/", http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	creds := []option.RequestOption{
		option.WithBaseURL(srv.URL), option.WithToken("sk-secret"), option.WithServerPassword("pw-secret"),
		option.WithHeader("X-Api-Secret", "hdr-secret"), option.WithHeader("user_id", "user-1"),
	}
	ownRedirects := 0
	clients := map[string]*letta.Client{
		"default": letta.NewClient(creds...),
		"own http.Client": letta.NewClient(append(creds, option.WithHTTPClient(&http.Client{
			CheckRedirect: func(*http.Request, []*http.Request) error { ownRedirects++; return nil },
		}))...),
	}
	for name, client := range clients {
		leaked.Clear()
		h, err := client.Health.Check(context.Background())
		require.NoError(t, err, name)
		assert.Equal(t, "ok", h.Status)
		leaked.Range(func(k, v any) bool {
			for _, s := range v.([]string) {
				assert.NotContains(t, s, "secret", "%s: header %s followed the redirect", name, k)
			}
			assert.NotEqual(t, "User_id", k, name)
			return true
		})
		_, ua := leaked.Load("User-Agent")
		assert.True(t, ua, "the SDK's own headers follow")
	}
	assert.Equal(t, 1, ownRedirects, "the user's CheckRedirect still decides")
}

func TestEmptyIDNamesMethodAndArgument(t *testing.T) {
	client := letta.NewClient(option.WithBaseURL("http://127.0.0.1:1"))
	ctx := context.Background()
	_, err := client.Agents.Retrieve(ctx, "")
	require.ErrorIs(t, err, types.ErrEmptyPathParam)
	assert.EqualError(t, err, "letta: agents.Client.Retrieve: agentID is empty: an id is required")
	_, err = client.Agents.Messages.Modify(ctx, "agent-1", "", agents.MessagesModifyParams{})
	assert.EqualError(t, err, "letta: agents.MessagesClient.Modify: messageID is empty: an id is required")
	_, err = client.Agents.CoreMemory.RetrieveBlock(ctx, "agent-1", "..")
	assert.EqualError(t, err, `letta: agents.CoreMemoryClient.RetrieveBlock: blockLabel is "..", which is not a valid id`)
	for _, err := range client.Agents.ArchivalMemory.ListIter(ctx, "", agents.ArchivalMemoryListParams{}) {
		assert.ErrorContains(t, err, "agents.ArchivalMemoryClient.List: agentID is empty")
		break
	}
}

func TestServerPassword(t *testing.T) {
	s := &seen{}
	srv := s.server(t, `{"status":"ok","version":"x"}`)
	ctx := context.Background()

	_, err := letta.NewClient(option.WithBaseURL(srv.URL), option.WithServerPassword("hunter2")).Health.Check(ctx)
	require.NoError(t, err)
	assert.Equal(t, "password hunter2", s.last().Header.Get("X-BARE-PASSWORD"))

	t.Setenv("LETTA_SERVER_PASSWORD", "from-env")
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	_, err = client.Health.Check(ctx)
	require.NoError(t, err)
	assert.Equal(t, "password from-env", s.last().Header.Get("X-BARE-PASSWORD"))
	_, err = client.Health.Check(ctx, option.WithServerPassword("per-call"))
	require.NoError(t, err)
	assert.Equal(t, "password per-call", s.last().Header.Get("X-BARE-PASSWORD"))
}

func TestLoggerRecordsEveryAttemptWithoutCredentials(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if n.Add(1) == 1 {
			// A server that echoes the credentials it got.
			w.Header().Set("Retry-After-Ms", "1")
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(map[string]any{"detail": "busy: " + r.Header.Get("Authorization") + " " + r.Header.Get("X-Bare-Password")})
			return
		}
		io.WriteString(w, `{"status":"ok","version":"x"}`)
	}))
	defer srv.Close()
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	u, _ := url.Parse(srv.URL)
	u.User = url.UserPassword("me", "url-secret")
	client := letta.NewClient(option.WithBaseURL(u.String()), option.WithToken("sk-secret"),
		option.WithServerPassword("pw-secret"), option.WithLogger(logger))
	_, err := client.Health.Check(context.Background())
	require.NoError(t, err)

	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 2, "one record per attempt:\n%s", buf.String())
	for i, want := range []string{"status=503", "status=200"} {
		assert.Contains(t, lines[i], "level=DEBUG")
		assert.Contains(t, lines[i], "method=GET")
		assert.Contains(t, lines[i], "/v1/health/")
		assert.Contains(t, lines[i], want)
		assert.Contains(t, lines[i], "attempt="+strconv.Itoa(i+1))
		assert.Contains(t, lines[i], "duration=")
	}
	assert.Contains(t, lines[0], "retry=")
	assert.NotContains(t, lines[1], "retry=")
	assert.NotContains(t, buf.String(), "secret", "no credential is logged")
}

func TestCancelDuringBackoffIsContextCanceled(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		http.Error(w, `{"detail":"busy"}`, http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMiddleware(func(r *http.Request, next option.MiddlewareNext) (*http.Response, error) {
		resp, err := next(r)
		cancel() // the caller gives up while the SDK waits to retry
		return resp, err
	}))
	_, err := client.Health.Check(ctx)
	require.ErrorIs(t, err, context.Canceled)
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr, "the last API error is kept")
	assert.Equal(t, 503, apiErr.StatusCode)
}

func TestNewcomerBaseURLErrors(t *testing.T) {
	ctx := context.Background()
	s := &seen{}
	srv := s.server(t, `{"status":"ok","version":"x"}`)

	// A base URL ending in /v1 works: the paths start with v1/ already.
	_, err := letta.NewClient(option.WithBaseURL(srv.URL + "/v1/")).Health.Check(ctx)
	require.NoError(t, err)
	assert.Equal(t, "/v1/health/", s.last().URL.Path)

	for base, want := range map[string]string{
		"not a url":       `letta: WithBaseURL: invalid base URL "not a url": no scheme; want "http://" or "https://", e.g. "http://not a url"`,
		"localhost:8283":  `letta: WithBaseURL: invalid base URL "localhost:8283": no scheme; want "http://" or "https://", e.g. "http://localhost:8283"`,
		"ftp://host":      `letta: WithBaseURL: invalid base URL "ftp://host": scheme "ftp" is not http or https`,
		"http://":         `letta: WithBaseURL: invalid base URL "http://": no host`,
		"http://a:b@h:x/": `letta: WithBaseURL: invalid base URL "http://a:b@h:x/": invalid port ":x" after host`,
	} {
		_, err := letta.NewClient(option.WithBaseURL(base)).Health.Check(ctx)
		assert.EqualError(t, err, want)
	}
	t.Setenv("LETTA_BASE_URL", "localhost:8283")
	_, err = letta.NewClient().Health.Check(ctx)
	assert.ErrorContains(t, err, `letta: LETTA_BASE_URL: invalid base URL "localhost:8283"`)
}

// slowReader yields left zero bytes, chunk at a time, one chunk every
// interval: an upload from a slow source.
type slowReader struct {
	left, chunk int
	every       time.Duration
}

func (r *slowReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	time.Sleep(r.every)
	n := min(len(p), r.chunk, r.left)
	clear(p[:n])
	r.left -= n
	return n, nil
}

// TestRequestTimeoutAllowsAServerThatReadsSlowly sends 2 MB to a server that
// reads 64 KB every 100 ms (about 3 s) with a 1 s request timeout. Both
// socket buffers are 32 KB, so the kernel cannot take the whole upload
// at once: the client's body is read only as fast as the server reads, and
// each read is progress that keeps the attempt alive.
func TestRequestTimeoutAllowsAServerThatReadsSlowly(t *testing.T) {
	const size, chunk = 2 << 20, 64 << 10
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, chunk)
		var n int64
		for {
			time.Sleep(100 * time.Millisecond)
			m, err := io.ReadFull(r.Body, buf)
			n += int64(m)
			if err != nil {
				break
			}
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":"job-1","status":"created","metadata":{"read":%d}}`, n)
	}))
	srv.Config.ConnState = func(c net.Conn, state http.ConnState) {
		if tc, ok := c.(*net.TCPConn); ok && state == http.StateNew {
			require.NoError(t, tc.SetReadBuffer(32<<10))
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	dialer := &net.Dialer{}
	transport := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dialer.DialContext(ctx, network, addr)
		if tc, ok := c.(*net.TCPConn); ok {
			err = tc.SetWriteBuffer(32 << 10)
		}
		return c, err
	}}
	t.Cleanup(transport.CloseIdleConnections)
	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithHTTPClient(&http.Client{Transport: transport}),
		option.WithRequestTimeout(time.Second), option.WithMaxRetries(0))

	started := time.Now()
	job, err := client.Sources.Files.Upload(context.Background(), "src-1", sources.FilesUploadParams{
		File: bytes.NewReader(make([]byte, size)), Filename: "big.bin",
	})
	require.NoError(t, err)
	assert.Equal(t, "job-1", job.ID)
	read, _ := strconv.ParseFloat(fmt.Sprint(job.Metadata["read"]), 64)
	assert.Greater(t, read, float64(size), "the whole multipart body arrived")
	t.Logf("the upload took %s with a 1s request timeout", time.Since(started).Round(time.Millisecond))
}
