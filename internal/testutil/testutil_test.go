package testutil_test

import (
	"context"
	"errors"
	"io"
	"iter"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/testutil"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), "GET", url, nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

func TestPagedServer(t *testing.T) {
	items := []string{`"a"`, `"b1"`, `"b2"`, `"c"`, `"d"`}
	cursors := []string{"a", "b", "b", "c", "d"}
	url, queries := testutil.PagedServer(t, items, cursors, 5)
	for _, tc := range []struct {
		query  string
		status int
		want   string
	}{
		{"", 200, `["a","b1","b2"]`},                                        // default page size 3
		{"?after=a&limit=1", 200, `["b1"]`},                                 // after the item with the cursor
		{"?after=b&limit=9", 200, `["c","d"]`},                              // after the last item sharing it
		{"?after=nope", 200, `[]`},                                          // an unknown cursor
		{"?after=a", 500, `{"detail":"An internal server error occurred"}`}, // request 5
		{"?after=d&limit=2", 200, `[]`},                                     // the end
	} {
		status, body := get(t, url+"/any/path"+tc.query)
		assert.Equal(t, tc.status, status, tc.query)
		assert.Equal(t, tc.want, body, tc.query)
	}
	q := queries()
	require.Len(t, q, 6)
	assert.Equal(t, "b", q[2].Get("after"))
	assert.Equal(t, "9", q[2].Get("limit"))
}

func TestPagesPageSize(t *testing.T) {
	rec := testutil.NewRecorder(t, testutil.Pages{Items: []string{"1", "2", "3", "4"}, Cursors: []string{"1", "2", "3", "4"}, PageSize: 4}.Handler(t))
	_, body := get(t, rec.URL)
	assert.Equal(t, `[1,2,3,4]`, body)
}

func TestRecorder(t *testing.T) {
	rec := testutil.NewRecorder(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	req, err := http.NewRequestWithContext(context.Background(), "POST", rec.URL+"/v1/a%2Fb/?x=1&x=2", strings.NewReader(`{"k": [1]}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	get(t, rec.URL+"/second")

	reqs := rec.Requests()
	require.Len(t, reqs, 2)
	assert.True(t, testutil.AssertRequest(t, reqs[0], "POST", "/v1/a%2Fb/", "x=1&x=2", `{"k":[1]}`))
	assert.True(t, testutil.AssertRequest(t, rec.Last(), "GET", "/second", "", ""))

	// Each difference is reported.
	for _, tc := range []struct{ method, path, query, body string }{
		{"GET", "/v1/a%2Fb/", "x=1&x=2", `{"k":[1]}`},
		{"POST", "/v1/a/b/", "x=1&x=2", `{"k":[1]}`},
		{"POST", "/v1/a%2Fb/", "x=2&x=1", `{"k":[1]}`},
		{"POST", "/v1/a%2Fb/", "x=1&x=2", `{"k":[2]}`},
		{"POST", "/v1/a%2Fb/", "x=1&x=2", ``},
	} {
		ct := &countingT{}
		assert.False(t, testutil.AssertRequest(ct, reqs[0], tc.method, tc.path, tc.query, tc.body), "%+v", tc)
		assert.NotZero(t, ct.failures, "%+v", tc)
	}
	ct := &countingT{}
	assert.False(t, testutil.AssertRequest(ct, reqs[1], "GET", "/second", "", `{}`))
	assert.Equal(t, 2, ct.failures, "no body, no Content-Type")
}

// countingT is a testing.TB that counts the failures reported to it.
type countingT struct {
	testing.TB
	failures int
}

func (c *countingT) Helper()                        {}
func (c *countingT) Errorf(format string, a ...any) { c.failures++ }
func (c *countingT) Name() string                   { return "countingT" }

func seq(n int, err error) iter.Seq2[int, error] {
	return func(yield func(int, error) bool) {
		for i := range n {
			if !yield(i, nil) {
				return
			}
		}
		if err != nil {
			yield(0, err)
		}
	}
}

func TestCollect(t *testing.T) {
	got, err := testutil.Collect(seq(3, nil))
	assert.Equal(t, []int{0, 1, 2}, got)
	assert.NoError(t, err)
	boom := errors.New("boom")
	got, err = testutil.Collect(seq(2, boom))
	assert.Equal(t, []int{0, 1}, got)
	assert.ErrorIs(t, err, boom)

	got, err = testutil.Take(seq(5, nil), 2)
	assert.Equal(t, []int{0, 1}, got)
	assert.NoError(t, err)
	got, err = testutil.Take(seq(1, boom), 2)
	assert.Equal(t, []int{0}, got)
	assert.ErrorIs(t, err, boom)
	got, err = testutil.Take(seq(1, nil), 2)
	assert.Equal(t, []int{0}, got)
	assert.NoError(t, err)
	got, err = testutil.Take(seq(2, boom), 2)
	assert.Equal(t, []int{0, 1}, got)
	assert.NoError(t, err, "stops before the error")

	all, err := testutil.CollectConcurrently(seq(2, nil), 3)
	assert.NoError(t, err)
	assert.Equal(t, [][]int{{0, 1}, {0, 1}, {0, 1}}, all)
	_, err = testutil.CollectConcurrently(seq(2, boom), 2)
	assert.ErrorIs(t, err, boom)
}

func TestResponses(t *testing.T) {
	all := testutil.Responses(t, "*")
	assert.Len(t, all, 106, "the .json files of testdata/responses")
	blocks := testutil.Responses(t, "blocks.*")
	require.NotEmpty(t, blocks)
	for _, r := range blocks {
		assert.True(t, strings.HasPrefix(r.SDK, "blocks."), r.ID)
	}
	r := testutil.ResponseByID(t, "blocks.retrieve--2")
	assert.Equal(t, "blocks.retrieve", r.SDK)
	assert.Equal(t, 404, r.Status)
	assert.Equal(t, "GET", r.Request.Method)
	assert.Equal(t, "v1/blocks/{block_id}", r.Request.Path)
	assert.JSONEq(t, `{"detail":"Block not found"}`, string(r.Body))
}
