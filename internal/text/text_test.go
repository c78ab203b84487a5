package text

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	a199 := strings.Repeat("a", 199)
	for _, c := range []struct{ in, want string }{
		{"short", "short"},
		{strings.Repeat("a", 200), strings.Repeat("a", 200)},
		{strings.Repeat("a", 201), strings.Repeat("a", 200) + "…"},
		// the cut falls inside "é": it moves back to the rune's start
		{a199 + "é", a199 + "…"},
		{a199[1:] + "éb", a199[1:] + "é…"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := Snippet([]byte(c.in)); got != c.want {
			t.Errorf("Snippet(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMessage(t *testing.T) {
	for in, want := range map[string]string{
		`"agent not found"`:          "agent not found",
		`{"message":"m","code":"c"}`: "m",
		`{"code":"c"}`:               `{"code":"c"}`,
		`null`:                       "",
		`42`:                         "42",
		`["a"]`:                      `["a"]`,
	} {
		if got := Message(json.RawMessage(in)); got != want {
			t.Errorf("Message(%s) = %q, want %q", in, got, want)
		}
	}
}
