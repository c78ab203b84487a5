package types

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"testing"
)

// jsonDiff compares two JSON documents semantically and returns the
// differences: key order does not matter, numbers compare by value, a null
// member equals an absent one, and two strings that are both timestamps
// compare by instant.
func jsonDiff(t testing.TB, want, got []byte) []string {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("want is not JSON: %v", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got is not JSON: %v\n%s", err, got)
	}
	var diffs []string
	diffValues("$", w, g, &diffs)
	return diffs
}

func diffValues(path string, w, g any, diffs *[]string) {
	switch wv := w.(type) {
	case map[string]any:
		gv, ok := g.(map[string]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: want object, got %T", path, g))
			return
		}
		keys := map[string]bool{}
		for k := range wv {
			keys[k] = true
		}
		for k := range gv {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			diffValues(path+"."+k, wv[k], gv[k], diffs) // absent reads as nil, like null
		}
	case []any:
		gv, ok := g.([]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: want array, got %T (%v)", path, g, g))
			return
		}
		if len(wv) != len(gv) {
			*diffs = append(*diffs, fmt.Sprintf("%s: want %d elements, got %d", path, len(wv), len(gv)))
			return
		}
		for i := range wv {
			diffValues(fmt.Sprintf("%s[%d]", path, i), wv[i], gv[i], diffs)
		}
	case string:
		gv, ok := g.(string)
		if ok && gv == wv {
			return
		}
		if ok {
			wt, werr := ParseTime(wv)
			gt, gerr := ParseTime(gv)
			if werr == nil && gerr == nil && wt.Equal(gt) {
				return
			}
		}
		*diffs = append(*diffs, fmt.Sprintf("%s: want %q, got %v", path, wv, g))
	default: // float64, bool, nil
		if w != g {
			*diffs = append(*diffs, fmt.Sprintf("%s: want %v, got %v", path, w, g))
		}
	}
}

// assertLossless fails the test when got differs from want as JSON.
func assertLossless(t testing.TB, name string, want, got []byte) {
	t.Helper()
	if diffs := jsonDiff(t, want, got); len(diffs) > 0 {
		if len(diffs) > 10 {
			diffs = append(diffs[:10], fmt.Sprintf("… and %d more", len(diffs)-10))
		}
		t.Errorf("%s: re-encoded JSON differs:\n  %s", name, joinLines(diffs))
	}
}

func joinLines(lines []string) string {
	var b bytes.Buffer
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n  ")
		}
		b.WriteString(l)
	}
	return b.String()
}
