package lettatest

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault describes how an injected failure answers a request, for testing
// how a client copes with a misbehaving server (retries, timeouts, broken
// connections). Arm it with Server.FailNext.
//
// The fields combine: Delay comes first, then the connection is dropped
// (DropConnection) or the Status is written; with neither, the request is
// served normally after the delay, which makes a slow server.
type Fault struct {
	// Status is the HTTP status to answer with, e.g. 500, 503 or 429.
	Status int
	// Body is the response body. When empty, a FastAPI-style
	// {"detail": "..."} body for Status is sent.
	Body string
	// Header holds extra response headers, such as Retry-After.
	Header http.Header
	// Delay is how long to wait before answering (or before serving the
	// request normally when Status is 0 and DropConnection is false). A
	// client that gives up first sees a timeout.
	Delay time.Duration
	// DropConnection closes the connection without sending any response,
	// as a crashed server or a broken proxy does.
	DropConnection bool
	// PathPrefix limits the fault to requests whose path starts with it,
	// e.g. "/v1/agents/". Empty matches every path.
	PathPrefix string
	// Method limits the fault to one HTTP method, e.g. "POST". Empty
	// matches every method.
	Method string

	// StreamError applies to the message stream
	// (POST /v1/agents/{agent_id}/messages/stream): the stream starts
	// normally (status 200, message frames) and then ends with the error
	// frame {"error": StreamError} and [DONE] instead of the usage frame,
	// as when the agent fails mid-run.
	StreamError string
	// TruncateStream applies to the message stream: the connection is
	// closed after the message frames, without the usage frame or
	// [DONE], as when a proxy cuts a long response.
	//
	// A fault that sets StreamError or TruncateStream, and neither Status
	// nor DropConnection, matches only message-stream requests.
	TruncateStream bool
}

type faultRule struct {
	f    Fault
	left int
}

// FailNext makes the next n requests that match f (by PathPrefix and
// Method) fail as f describes. Rules are consulted in the order they were
// added; each request consumes at most one rule's count.
//
//	srv.FailNext(2, lettatest.Fault{Status: 503, PathPrefix: "/v1/agents/"})
//	// the next two requests under /v1/agents/ get 503, the third succeeds
func (s *Server) FailNext(n int, f Fault) {
	if n <= 0 {
		return
	}
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.faults = append(s.faults, &faultRule{f: f, left: n})
}

// ClearFaults removes every armed fault.
func (s *Server) ClearFaults() {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.faults = nil
}

// PendingFaults returns how many injected failures are still armed.
func (s *Server) PendingFaults() int {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	n := 0
	for _, r := range s.faults {
		n += r.left
	}
	return n
}

// takeFault consumes and returns the first fault matching r.
func (s *Server) takeFault(r *http.Request) (Fault, bool) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	for i, rule := range s.faults {
		if rule.f.Method != "" && !strings.EqualFold(rule.f.Method, r.Method) {
			continue
		}
		if !strings.HasPrefix(r.URL.Path, rule.f.PathPrefix) {
			continue
		}
		if rule.f.streamOnly() && !isStreamRequest(r) {
			continue
		}
		rule.left--
		if rule.left == 0 {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		}
		return rule.f, true
	}
	return Fault{}, false
}

func (f Fault) streamOnly() bool {
	return (f.StreamError != "" || f.TruncateStream) && f.Status == 0 && !f.DropConnection
}

func isStreamRequest(r *http.Request) bool {
	return r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/messages/stream")
}

// applyFault answers r with an armed fault, if one matches. It returns
// true when the request has been dealt with; otherwise the request to
// serve, which carries a stream fault for the stream handler.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request) (*http.Request, bool) {
	f, ok := s.takeFault(r)
	if !ok {
		return r, false
	}
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return r, true
		case <-s.closing:
			t.Stop()
			return r, true
		}
	}
	if f.DropConnection {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return r, true
			}
		}
		// Without hijacking, abort the handler: net/http then closes
		// the connection without a response.
		panic(http.ErrAbortHandler)
	}
	if f.Status == 0 {
		if f.StreamError != "" || f.TruncateStream {
			r = r.WithContext(context.WithValue(r.Context(), streamFaultKey{}, f))
		}
		return r, false
	}
	for k, vs := range f.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	body := []byte(f.Body)
	if f.Body == "" {
		detail := http.StatusText(f.Status)
		if f.Status == http.StatusInternalServerError {
			detail = internalDetail
		}
		body = mustWire(map[string]string{"detail": detail})
	}
	if w.Header().Get("Content-Type") == "" {
		ct := "text/plain; charset=utf-8"
		if t := bytes.TrimSpace(body); len(t) > 0 && (t[0] == '{' || t[0] == '[' || t[0] == '"') {
			ct = "application/json"
		}
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(f.Status)
	_, _ = w.Write(body)
	return r, true
}

// Request is a request the server received, as Server.Requests reports it.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the URL path, e.g. "/v1/agents/".
	Path string
	// RawQuery is the encoded query string, without '?'.
	RawQuery string
	// Header holds the request headers.
	Header http.Header
}

func (s *Server) record(r *http.Request) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone()})
}

// Requests returns every request received so far, oldest first, faulted
// ones included: a retried call shows up once per attempt.
func (s *Server) Requests() []Request {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	return append([]Request(nil), s.requests...)
}

// CountRequests returns how many requests with this method (any method
// when empty) and a path starting with pathPrefix have been received.
func (s *Server) CountRequests(method, pathPrefix string) int {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	n := 0
	for _, r := range s.requests {
		if (method == "" || strings.EqualFold(method, r.Method)) && strings.HasPrefix(r.Path, pathPrefix) {
			n++
		}
	}
	return n
}
