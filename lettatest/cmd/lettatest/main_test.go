package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines, which
// tells when a line has been written.
type syncBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	lines chan struct{}
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{lines: make(chan struct{}, 100)} }

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	for range bytes.Count(p, []byte("\n")) {
		select {
		case b.lines <- struct{}{}:
		default:
		}
	}
	return n, err
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRunServesLogsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := newSyncBuffer(), newSyncBuffer()
	stopped := false
	errc := make(chan error, 1)
	go func() {
		errc <- run(ctx, []string{"-addr", "localhost:0", "-log"}, stdout, stderr, func() { stopped = true })
	}()
	select {
	case <-stdout.lines:
	case err := <-errc:
		t.Fatalf("run ended before serving: %v", err)
	}

	line := stdout.String()
	prefix := "lettatest: in-memory Letta server listening on "
	require.True(t, strings.HasPrefix(line, prefix), line)
	url := strings.Fields(strings.TrimPrefix(line, prefix))[0]
	assert.True(t, strings.HasPrefix(url, "http://localhost:"), "the host as given: %s", url)

	resp, err := http.Get(url + "/v1/health/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, err = http.Get(url + "/v1/agents/agent-nope?x=1")
	require.NoError(t, err)
	resp.Body.Close()
	<-stderr.lines
	<-stderr.lines
	logs := stderr.String()
	assert.Contains(t, logs, "msg=request method=GET path=/v1/health/ status=200 duration=")
	assert.Contains(t, logs, "method=GET path=\"/v1/agents/agent-nope?x=1\" status=404")

	cancel()
	require.NoError(t, <-errc)
	assert.True(t, stopped, "signal handling is restored")
	assert.Contains(t, stderr.String(), "lettatest: interrupted, finishing the requests in flight")
	assert.Contains(t, stderr.String(), "lettatest: stopped")
}

func TestRunReportsBusyAddress(t *testing.T) {
	l, err := net.Listen("tcp", "localhost:0")
	require.NoError(t, err)
	defer l.Close()
	err = run(context.Background(), []string{"-addr", l.Addr().String()}, newSyncBuffer(), newSyncBuffer(), func() {})
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "listening on "+l.Addr().String()), err.Error())
}

func TestRunRejectsBadArguments(t *testing.T) {
	err := run(context.Background(), []string{"-addr", "nocolon"}, newSyncBuffer(), newSyncBuffer(), func() {})
	assert.ErrorContains(t, err, `-addr "nocolon"`)
	err = run(context.Background(), []string{"extra"}, newSyncBuffer(), newSyncBuffer(), func() {})
	assert.ErrorContains(t, err, `unexpected argument "extra"`)
}

func TestBaseURL(t *testing.T) {
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8283}
	assert.Equal(t, "http://localhost:8283", baseURL("localhost", addr))
	assert.Equal(t, "http://127.0.0.1:8283", baseURL("127.0.0.1", addr))
	assert.Equal(t, "http://localhost:8283", baseURL("", addr))
	assert.Equal(t, "http://[::1]:8283", baseURL("::1", addr))
}
