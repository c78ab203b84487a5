package tag_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tag"
	"github.com/letta-go/letta/types"
)

// tags returns n sorted tags, as JSON strings and as cursors.
func tags(n int) (items, cursors []string) {
	for i := range n {
		s := fmt.Sprintf("tag-%02d", i)
		items = append(items, strconv.Quote(s))
		cursors = append(cursors, s)
	}
	return items, cursors
}

func TestListTagsIter(t *testing.T) {
	items, cursors := tags(5)
	ctx := context.Background()

	t.Run("follows the cursor to the end", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, cursors, 0)
		c := tag.NewClient(option.WithBaseURL(url))
		got, err := testutil.Collect(c.ListTagsIter(ctx, tag.ListTagsParams{Limit: new(2), QueryText: new("tag")}))
		require.NoError(t, err)
		assert.Equal(t, cursors, got)
		q := queries()
		require.Len(t, q, 3, "pages of 2, 2 and 1")
		assert.Equal(t, "", q[0].Get("after"))
		assert.Equal(t, "tag-01", q[1].Get("after"), "the last tag is the cursor")
		assert.Equal(t, "tag-03", q[2].Get("after"))
		for _, v := range q {
			assert.Equal(t, "2", v.Get("limit"))
			assert.Equal(t, "tag", v.Get("query_text"), "filters are kept on every page")
		}
	})
	t.Run("starts after params.After", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, cursors, 0)
		c := tag.NewClient(option.WithBaseURL(url))
		got, err := testutil.Collect(c.ListTagsIter(ctx, tag.ListTagsParams{After: new("tag-02"), Limit: new(10)}))
		require.NoError(t, err)
		assert.Equal(t, cursors[3:], got)
	})
	t.Run("without a limit it stops at an empty page", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, cursors, 0)
		c := tag.NewClient(option.WithBaseURL(url))
		got, err := testutil.Collect(c.ListTagsIter(ctx, tag.ListTagsParams{}))
		require.NoError(t, err)
		assert.Equal(t, cursors, got)
		assert.Len(t, queries(), 3, "pages of 3, 2 and 0 (server default 3 here)")
	})
	t.Run("one sequence ranged twice at once", func(t *testing.T) {
		url, _ := testutil.PagedServer(t, items, cursors, 0)
		c := tag.NewClient(option.WithBaseURL(url))
		seq := c.ListTagsIter(ctx, tag.ListTagsParams{Limit: new(2)})
		results, err := testutil.CollectConcurrently(seq, 2)
		require.NoError(t, err)
		assert.Equal(t, cursors, results[0])
		assert.Equal(t, cursors, results[1])
	})
	t.Run("break stops fetching", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, cursors, 0)
		c := tag.NewClient(option.WithBaseURL(url))
		got, err := testutil.Take(c.ListTagsIter(ctx, tag.ListTagsParams{Limit: new(2)}), 3)
		require.NoError(t, err)
		assert.Equal(t, cursors[:3], got)
		assert.Len(t, queries(), 2)
	})
	t.Run("a failing page ends the sequence with its error", func(t *testing.T) {
		url, queries := testutil.PagedServer(t, items, cursors, 2)
		c := tag.NewClient(option.WithBaseURL(url), option.WithMaxRetries(0))
		got, err := testutil.Collect(c.ListTagsIter(ctx, tag.ListTagsParams{Limit: new(2)}))
		assert.Equal(t, cursors[:2], got)
		require.ErrorIs(t, err, types.ErrServer)
		var apiErr *types.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 500, apiErr.StatusCode)
		assert.Len(t, queries(), 2)
	})
}
