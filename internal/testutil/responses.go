package testutil

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Response is one recorded server response of testdata/responses (the
// format is described in testdata/responses/README.md).
type Response struct {
	// ID is the file name without ".json", e.g. "agents.retrieve--1".
	ID string `json:"id"`
	// SDK is the reference client method that receives the response.
	SDK string `json:"sdk"`
	// Status is the HTTP status.
	Status int `json:"status"`
	// ContentType is the Content-Type header.
	ContentType string `json:"content_type"`
	// Body is the JSON body as served (null for a 204: no body).
	Body json.RawMessage `json:"body"`
	// PythonType is what the reference client decodes a 2xx body into.
	PythonType string `json:"python_type"`
	// Request is the route that answers: its method and path template.
	Request struct {
		Method string `json:"method"`
		Path   string `json:"path"`
	} `json:"request"`
}

// Responses returns the response fixtures whose IDs match pattern (a
// filepath.Match pattern such as "agents.*"), in ID order. It fails the
// test when a file cannot be read or decoded, or no fixture matches.
func Responses(t testing.TB, pattern string) []Response {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Testdata(t, "responses"), pattern+".json"))
	if err != nil {
		t.Fatalf("testutil.Responses(%q): %v", pattern, err)
	}
	if len(files) == 0 {
		t.Fatalf("testutil.Responses(%q): no fixture", pattern)
	}
	out := make([]Response, len(files))
	for i, file := range files {
		out[i] = readResponse(t, file)
	}
	return out
}

// ResponseByID returns the response fixture with the given ID, failing the
// test when there is none.
func ResponseByID(t testing.TB, id string) Response {
	t.Helper()
	return readResponse(t, filepath.Join(Testdata(t, "responses"), id+".json"))
}

func readResponse(t testing.TB, file string) Response {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var r Response
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return r
}

// Testdata returns the path of the module's testdata directory joined
// with elem: it looks for go.mod in the working directory (a test's
// package directory) and its parents. It fails the test when there is no
// go.mod above the working directory.
func Testdata(t testing.TB, elem ...string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(append([]string{dir, "testdata"}, elem...)...)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testutil.Testdata: no go.mod above the working directory")
		}
		dir = parent
	}
}
