package testutil

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Pages is a cursor-paginated list as a fake server serves it: a request
// gets the items after the one whose cursor is its "after" query
// parameter (all items when it has none, no items when no item has that
// cursor), at most "limit" of them, as a JSON array.
type Pages struct {
	// Items are the list's elements as raw JSON values, in order.
	Items []string
	// Cursors[i] is the cursor of Items[i]. When several items share a
	// cursor, a page resumes after the last of them.
	Cursors []string
	// PageSize is the length of a page for a request without "limit";
	// zero means 3.
	PageSize int
	// FailPage is the 1-based number of the request that is answered with
	// a 500 instead of a page; zero means none.
	FailPage int
}

// Handler returns a handler that serves p. It counts the requests it
// answers (for FailPage) and reports a malformed "limit" as a test error.
// It fails the test at once if p has not one cursor per item.
func (p Pages) Handler(t testing.TB) http.HandlerFunc {
	t.Helper()
	if len(p.Cursors) != len(p.Items) {
		t.Fatalf("testutil.Pages: %d items but %d cursors", len(p.Items), len(p.Cursors))
	}
	pageSize := p.PageSize
	if pageSize == 0 {
		pageSize = 3
	}
	var served atomic.Int64
	return func(w http.ResponseWriter, r *http.Request) {
		n := served.Add(1)
		q := r.URL.Query()
		w.Header().Set("Content-Type", "application/json")
		if n == int64(p.FailPage) {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"detail":"An internal server error occurred"}`)
			return
		}
		start := 0
		if after := q.Get("after"); after != "" {
			start = len(p.Items)
			for i, c := range p.Cursors {
				if c == after {
					start = i + 1
				}
			}
		}
		limit := pageSize
		if l := q.Get("limit"); l != "" {
			var err error
			if limit, err = strconv.Atoi(l); err != nil || limit < 0 {
				t.Errorf("testutil.Pages: limit %q", l)
				w.WriteHeader(http.StatusUnprocessableEntity)
				_, _ = io.WriteString(w, `{"detail":"bad limit"}`)
				return
			}
		}
		end := min(start+limit, len(p.Items))
		_, _ = io.WriteString(w, "["+strings.Join(p.Items[start:end], ",")+"]")
	}
}

// PagedServer starts a server, closed when the test ends, that serves
// Pages{Items: items, Cursors: cursors, FailPage: failPage} on every path
// (pages of 3 items by default). It returns the server's URL and a
// function that returns the query of every request received so far, in
// order.
func PagedServer(t testing.TB, items, cursors []string, failPage int) (string, func() []url.Values) {
	t.Helper()
	handle := Pages{Items: items, Cursors: cursors, FailPage: failPage}.Handler(t)
	var mu sync.Mutex
	var queries []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.Query())
		mu.Unlock()
		handle(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []url.Values {
		mu.Lock()
		defer mu.Unlock()
		return append([]url.Values(nil), queries...)
	}
}
