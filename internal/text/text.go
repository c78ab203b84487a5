// Package text renders server bytes for error messages. It imports
// nothing from this module, so both types and the HTTP core use it.
package text

import (
	"encoding/json"
	"strings"
)

// Snippet returns the start of a body as printable text: at most 200
// bytes, cut at a rune boundary, with "…" when it was cut.
func Snippet(body []byte) string {
	const max = 200
	if len(body) <= max {
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	cut := max
	for cut > max-4 && cut > 0 && body[cut]&0xC0 == 0x80 {
		cut--
	}
	return strings.ToValidUTF8(string(body[:cut]), "\uFFFD") + "…"
}

// Message renders a JSON error value as text: a string as itself, an
// object by its "message" key when it has one, null as "", anything else
// as JSON.
func Message(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s // null too: it leaves s empty
	}
	var obj struct {
		Message *string `json:"message"`
	}
	if json.Unmarshal(raw, &obj) == nil && obj.Message != nil {
		return *obj.Message
	}
	return string(raw)
}
