package tag_test

// Test helpers for the iterators (each resource package with a …Iter
// method has the same copy).

import (
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// pagedServer serves items (raw JSON values) as a cursor-paginated list:
// a page holds the items after the one whose cursor is the "after" query
// parameter, at most "limit" of them (default 3). The page numbered
// failPage (1-based; 0: none) answers 500 instead. It returns the
// server's URL and the query of every request it received.
func pagedServer(t *testing.T, items []string, cursors []string, failPage int) (string, func() []url.Values) {
	t.Helper()
	require.Len(t, cursors, len(items))
	var mu sync.Mutex
	var queries []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		queries = append(queries, q)
		n := len(queries)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if n == failPage {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"detail":"An internal server error occurred"}`)
			return
		}
		start := 0
		if after := q.Get("after"); after != "" {
			start = len(items)
			for i, c := range cursors {
				if c == after {
					start = i + 1
				}
			}
		}
		limit := 3
		if l := q.Get("limit"); l != "" {
			var err error
			limit, err = strconv.Atoi(l)
			require.NoError(t, err)
		}
		end := min(start+limit, len(items))
		_, _ = io.WriteString(w, "["+strings.Join(items[start:end], ",")+"]")
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []url.Values {
		mu.Lock()
		defer mu.Unlock()
		return append([]url.Values(nil), queries...)
	}
}

// collect drains an iterator sequence into its items and its error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}
