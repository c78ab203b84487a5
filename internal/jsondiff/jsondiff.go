// Package jsondiff compares JSON documents by meaning, for tests: key
// order does not matter, numbers compare by value, a null member equals an
// absent one, and two strings that are both timestamps compare by instant.
package jsondiff

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Diff returns the differences between two JSON documents, one line each,
// or an error when either is not JSON.
func Diff(want, got []byte) ([]string, error) {
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		return nil, fmt.Errorf("want is not JSON: %w", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return nil, fmt.Errorf("got is not JSON: %w", err)
	}
	var diffs []string
	diff("$", w, g, &diffs)
	return diffs, nil
}

func diff(path string, w, g any, diffs *[]string) {
	switch wv := w.(type) {
	case map[string]any:
		gv, ok := g.(map[string]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: want an object, got %v", path, g))
			return
		}
		keys := make([]string, 0, len(wv)+len(gv))
		for k := range wv {
			keys = append(keys, k)
		}
		for k := range gv {
			if _, ok := wv[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			diff(path+"."+k, wv[k], gv[k], diffs) // absent reads as nil, like null
		}
	case []any:
		gv, ok := g.([]any)
		if !ok || len(wv) != len(gv) {
			*diffs = append(*diffs, fmt.Sprintf("%s: want %d elements, got %v", path, len(wv), g))
			return
		}
		for i := range wv {
			diff(fmt.Sprintf("%s[%d]", path, i), wv[i], gv[i], diffs)
		}
	case string:
		if gv, ok := g.(string); ok && (gv == wv || sameInstant(wv, gv)) {
			return
		}
		*diffs = append(*diffs, fmt.Sprintf("%s: want %q, got %v", path, wv, g))
	default: // float64, bool, nil
		if w != g {
			*diffs = append(*diffs, fmt.Sprintf("%s: want %v, got %v", path, w, g))
		}
	}
}

// sameInstant reports whether both strings are timestamps (RFC 3339, or
// naive ones read as UTC) of the same instant.
func sameInstant(a, b string) bool {
	ta, oka := parse(a)
	tb, okb := parse(b)
	return oka && okb && ta.Equal(tb)
}

func parse(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
