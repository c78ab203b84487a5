package testutil

import (
	"errors"
	"iter"
	"sync"
)

// Collect drains an iterator sequence: it returns the items yielded before
// the first error, and that error (nil when the sequence ended without
// one).
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Take ranges over seq until it has n items and then stops, as a break
// in the loop does. It returns the items, fewer when the sequence ends or
// fails first, and the error it failed with.
func Take[T any](seq iter.Seq2[T, error], n int) ([]T, error) {
	var out []T
	if n <= 0 {
		return out, nil
	}
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		if out = append(out, v); len(out) == n {
			break
		}
	}
	return out, nil
}

// CollectConcurrently ranges over seq from n goroutines at once, each
// draining it as Collect does. It returns what each goroutine collected,
// and the errors they ended with, joined (nil when none failed).
func CollectConcurrently[T any](seq iter.Seq2[T, error], n int) ([][]T, error) {
	results := make([][]T, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { results[i], errs[i] = Collect(seq) })
	}
	wg.Wait()
	return results, errors.Join(errs...)
}
