package core

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// Paginate yields every item of a cursor-paginated list. fetch gets one
// page starting after the given cursor (nil: the first page, or the
// caller's own start); cursor gives an item's cursor value (the zero value,
// for an item without one, ends the sequence with an error). It stops after
// an empty page, after a page shorter than limit when limit is set, when
// the consumer stops, or at the first error, which it yields. A server
// that returns the same page again ends the sequence with an error instead
// of looping.
func Paginate[T any, C comparable](ctx context.Context, start *C, limit *int, fetch func(after *C) ([]T, error), cursor func(T) C) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		after := start
		for {
			var zero T
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			page, err := fetch(after)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range page {
				if !yield(item, nil) {
					return
				}
			}
			if len(page) == 0 || limit != nil && len(page) < *limit {
				return
			}
			next := cursor(page[len(page)-1])
			var none C
			if next == none {
				yield(zero, errors.New("letta: the last item of the page has no cursor to continue from"))
				return
			}
			if after != nil && next == *after {
				yield(zero, fmt.Errorf("letta: pagination cursor %v did not advance", next))
				return
			}
			after = &next
		}
	}
}

// Deref returns *p, or the zero value for nil.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
