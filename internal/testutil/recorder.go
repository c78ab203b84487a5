package testutil

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Request is what a Recorder saw of one request.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the escaped path, as sent.
	Path string
	// RawQuery is the query as sent, without "?".
	RawQuery string
	// Header is a copy of the request's header.
	Header http.Header
	// Body is the whole request body.
	Body []byte
}

// Recorder is a test server that records every request and answers it
// with its handler.
type Recorder struct {
	// URL is the server's base URL.
	URL string

	t    testing.TB
	mu   sync.Mutex
	reqs []Request
}

// NewRecorder starts a Recorder, closed when the test ends, that answers
// each request with handle after recording it (handle sees the request
// with its body already read).
func NewRecorder(t testing.TB, handle http.HandlerFunc) *Recorder {
	t.Helper()
	rec := &Recorder{t: t}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, Request{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), body})
		rec.mu.Unlock()
		handle(w, r)
	}))
	t.Cleanup(srv.Close)
	rec.URL = srv.URL
	return rec
}

// Requests returns the requests received so far, in order.
func (rec *Recorder) Requests() []Request {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]Request(nil), rec.reqs...)
}

// Last returns the request received last. It fails the test at once when
// there was none.
func (rec *Recorder) Last() Request {
	rec.t.Helper()
	reqs := rec.Requests()
	if len(reqs) == 0 {
		rec.t.Fatal("testutil.Recorder: no request")
	}
	return reqs[len(reqs)-1]
}

// AssertRequest checks a recorded request: its method, escaped path and
// raw query, and its body: none and no Content-Type when body is "",
// otherwise a JSON document equal to body, sent as application/json.
// msgAndArgs are added to a failure's message. It reports whether all
// checks passed.
func AssertRequest(t testing.TB, got Request, method, path, query, body string, msgAndArgs ...any) bool {
	t.Helper()
	ok := assert.Equal(t, method, got.Method, msgAndArgs...)
	ok = assert.Equal(t, path, got.Path, msgAndArgs...) && ok
	ok = assert.Equal(t, query, got.RawQuery, msgAndArgs...) && ok
	if body == "" {
		ok = assert.Empty(t, got.Body, msgAndArgs...) && ok
		return assert.Empty(t, got.Header.Get("Content-Type"), msgAndArgs...) && ok
	}
	ok = assert.JSONEq(t, body, string(got.Body), msgAndArgs...) && ok
	return assert.Equal(t, "application/json", got.Header.Get("Content-Type"), msgAndArgs...) && ok
}
