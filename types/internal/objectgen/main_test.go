package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGeneratedFilesUpToDate fails when an object type of package types
// was added, removed or given a hand-written JSON method without running
// go generate ./types.
func TestGeneratedFilesUpToDate(t *testing.T) {
	files, err := generate("../..")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not up to date: run go generate ./types", name)
		}
	}
}
