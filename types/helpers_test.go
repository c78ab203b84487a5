package types

import (
	"fmt"
	"strings"
	"testing"

	"github.com/letta-go/letta/internal/jsondiff"
)

// assertLossless fails the test when got differs from want as JSON, by the
// rules of jsondiff.Diff.
func assertLossless(t testing.TB, name string, want, got []byte) {
	t.Helper()
	diffs, err := jsondiff.Diff(want, got)
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, got)
	}
	if len(diffs) > 0 {
		if len(diffs) > 10 {
			diffs = append(diffs[:10], fmt.Sprintf("… and %d more", len(diffs)-10))
		}
		t.Errorf("%s: re-encoded JSON differs:\n  %s", name, strings.Join(diffs, "\n  "))
	}
}
