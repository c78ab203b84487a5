package types

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// This file holds the small machinery shared by every union: a cheap scan
// for a discriminator key, decode errors that name the type, tagged
// encoding, and decoding of union-valued fields inside ordinary structs.

// decodeError is a decoding failure of a named type. Nested failures read
// "types: decoding AgentState: tool_rules[1]: decoding ToolRule: …".
type decodeError struct {
	typ string
	err error
}

// Error reads "types: decoding T: cause".
func (e *decodeError) Error() string { return "types: " + e.msg() }

func (e *decodeError) msg() string {
	var inner *decodeError
	if errors.As(e.err, &inner) && inner == e.err {
		return "decoding " + e.typ + ": " + inner.msg()
	}
	return "decoding " + e.typ + ": " + e.err.Error()
}

// Unwrap returns the cause.
func (e *decodeError) Unwrap() error { return e.err }

// decodeErrorf returns a decodeError for typ with a formatted cause.
func decodeErrorf(typ, format string, args ...any) error {
	return &decodeError{typ: typ, err: fmt.Errorf(format, args...)}
}

// pathError prefixes an error with the JSON key or index where it happened.
type pathError struct {
	path string
	err  error
}

// Error reads "path: cause".
func (e *pathError) Error() string {
	var inner *decodeError
	if errors.As(e.err, &inner) && inner == e.err {
		return e.path + ": " + inner.msg()
	}
	return e.path + ": " + e.err.Error()
}

// Unwrap returns the cause.
func (e *pathError) Unwrap() error { return e.err }

// jsonKind returns the first non-space byte of data, or 0 when there is none.
func jsonKind(data []byte) byte {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return c
	}
	return 0
}

// kindName describes a JSON value by its first byte, for error messages.
func kindName(c byte) string {
	switch {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "number"
	case c == 0:
		return "empty input"
	}
	return "invalid JSON"
}

// syntaxError returns encoding/json's description of why data is not a
// valid JSON value, or nil if it is one.
func syntaxError(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	return json.Unmarshal(data, &v)
}

// notAnObject is what a union decoder answers for data that is not a
// JSON object: nil for JSON null, else an error naming typ (encoding/json's
// syntax error when data is not JSON at all).
func notAnObject(typ string, data []byte) error {
	if err := syntaxError(data); err != nil {
		return &decodeError{typ: typ, err: err}
	}
	if c := jsonKind(data); c != 'n' {
		return decodeErrorf(typ, "expected a JSON object, got %s", kindName(c))
	}
	return nil
}

// keyState is what a top-level scan found for one key.
type keyState int

const (
	keyAbsent    keyState = iota // the key is missing or null
	keyString                    // the key holds a string
	keyNonString                 // the key holds a number, bool, object or array
)

var errScan = errors.New("malformed JSON object")

// scanKey looks for key among the top-level members of the JSON object in
// data, without decoding anything else. It returns the key's string value
// when it holds a string. The first occurrence wins. It only checks the
// syntax it walks over; callers decode data fully afterwards, which
// validates the rest. errScan means data is not a well-formed object up to
// the key (or to its end, when the key is absent).
func scanKey(data []byte, key string) (string, keyState, error) {
	i, more := enterContainer(data, skipSpace(data, 0), '{', '}')
	for more {
		if i >= len(data) || data[i] != '"' {
			return "", keyAbsent, errScan
		}
		end, escaped := scanString(data, i)
		if end < 0 {
			return "", keyAbsent, errScan
		}
		match := false
		if escaped {
			var k string
			if json.Unmarshal(data[i:end], &k) != nil {
				return "", keyAbsent, errScan
			}
			match = k == key
		} else {
			match = string(data[i+1:end-1]) == key
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return "", keyAbsent, errScan
		}
		i = skipSpace(data, i+1)
		if match {
			return scanKeyValue(data, i)
		}
		if i = skipValue(data, i); i < 0 {
			return "", keyAbsent, errScan
		}
		i, more = nextItem(data, i, '}')
	}
	if i < 0 {
		return "", keyAbsent, errScan
	}
	return "", keyAbsent, nil
}

// scanKeyValue classifies the value starting at data[i].
func scanKeyValue(data []byte, i int) (string, keyState, error) {
	if i >= len(data) {
		return "", keyAbsent, errScan
	}
	switch data[i] {
	case '"':
		end, escaped := scanString(data, i)
		if end < 0 {
			return "", keyAbsent, errScan
		}
		if !escaped {
			return string(data[i+1 : end-1]), keyString, nil
		}
		var s string
		if json.Unmarshal(data[i:end], &s) != nil {
			return "", keyAbsent, errScan
		}
		return s, keyString, nil
	case 'n':
		if bytes.HasPrefix(data[i:], []byte("null")) {
			return "", keyAbsent, nil
		}
		return "", keyAbsent, errScan
	}
	if skipValue(data, i) < 0 {
		return "", keyAbsent, errScan
	}
	return "", keyNonString, nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// scanString returns the index just past the JSON string starting at
// data[i] (which is '"') and whether it contains escapes; -1 if unterminated.
func scanString(data []byte, i int) (int, bool) {
	escaped := false
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			return j + 1, escaped
		}
	}
	return -1, escaped
}

// skipValue returns the index just past the JSON value starting at data[i],
// or -1. Nested containers are matched by bracket counting only.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		end, _ := scanString(data, i)
		return end
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				end, _ := scanString(data, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(data) {
		switch data[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			if j == i {
				return -1
			}
			return j
		}
		j++
	}
	return -1
}

// hasKeys reports, for a JSON object given as a raw member map, whether
// every key is present with a non-null value.
func hasKeys(members map[string]json.RawMessage, keys ...string) bool {
	for _, k := range keys {
		v, ok := members[k]
		if !ok || string(v) == "null" {
			return false
		}
	}
	return true
}

// objectMembers decodes a JSON object into its raw members.
func objectMembers(typ string, data []byte) (map[string]json.RawMessage, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return nil, &decodeError{typ: typ, err: err}
	}
	return members, nil
}

// cloneRaw copies data so a kept json.RawMessage does not alias a buffer
// the caller may reuse.
func cloneRaw(data []byte) json.RawMessage {
	return append(json.RawMessage(nil), trimSpace(data)...)
}

// keepRaw is the UnmarshalJSON of an unknown variant: it keeps a copy of
// data, which must be valid JSON, as *raw and the string at key (its
// discriminator) as *tag.
func keepRaw(typ string, data []byte, raw *json.RawMessage, key string, tag *string) error {
	if err := syntaxError(data); err != nil {
		return &decodeError{typ: typ, err: err}
	}
	*raw = cloneRaw(data)
	*tag, _, _ = scanKey(data, key)
	return nil
}

// decodeVariant decodes data into a new V, naming typ in errors.
func decodeVariant[V any](typ string, data []byte) (V, error) {
	var v V
	var err error
	if u, ok := any(&v).(json.Unmarshaler); ok {
		// Every UnmarshalJSON of this package validates all of data
		// itself; calling it directly saves encoding/json a second pass.
		err = u.UnmarshalJSON(data)
	} else {
		err = json.Unmarshal(data, &v)
	}
	if err != nil {
		if de, ok := err.(*decodeError); ok && de.typ == typ {
			return v, err
		}
		return v, &decodeError{typ: typ, err: err}
	}
	return v, nil
}

// marshalRaw returns raw, or null when it is empty.
func marshalRaw(raw json.RawMessage) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}

// setUnion decodes one union-valued field into *dst. As encoding/json does
// for ordinary fields, an absent key leaves *dst unchanged and null sets it
// to nil.
func setUnion[T any](dst *T, key string, raw json.RawMessage, dec func([]byte) (T, error)) error {
	if len(raw) == 0 {
		return nil
	}
	v, err := dec(raw)
	if err != nil {
		return &pathError{path: key, err: err}
	}
	*dst = v
	return nil
}

// setUnionSlice decodes a JSON array of union values into *dst; an absent
// key leaves *dst unchanged, null sets it to nil, [] to an empty slice.
func setUnionSlice[T any](dst *[]T, key string, raw json.RawMessage, dec func([]byte) (T, error)) error {
	if len(raw) == 0 {
		return nil
	}
	v, err := unionSlice(key, raw, dec)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// unionSlice decodes a JSON array of union values in one pass over each
// element (each decoder checks its element); null gives nil and [] an
// empty, non-nil slice (so it encodes back as []); anything else that is
// not an array of such values, empty input included, is an error. key
// names the array in errors ("" for a top-level array).
func unionSlice[T any](key string, raw json.RawMessage, dec func([]byte) (T, error)) ([]T, error) {
	if isNull(raw) {
		return nil, nil
	}
	if n, ok := countElements(raw); ok {
		out := make([]T, 0, n)
		if eachElement(raw, func(item []byte) bool {
			v, err := dec(item)
			out = append(out, v)
			return err == nil
		}) {
			return out, nil
		}
	}
	// Invalid JSON, or an element that does not decode: encoding/json
	// checks the whole array first, so the error is the one it reports.
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		if key == "" {
			return nil, err
		}
		return nil, &pathError{path: key, err: err}
	}
	out := make([]T, len(items))
	for i, item := range items {
		v, err := dec(item)
		if err != nil {
			return nil, &pathError{path: key + "[" + strconv.Itoa(i) + "]", err: err}
		}
		out[i] = v
	}
	return out, nil
}

// The fast paths below decode the common shapes of the stream's objects
// without encoding/json, into fresh values. Each takes only input that it
// checks in full and decodes exactly as encoding/json would (TestFastPaths
// and FuzzUnmarshalUnions compare them); on anything else it gives up (ok
// false), and the caller decodes with encoding/json, which also reports
// the errors.

// eachMember calls set with the key (without quotes) and the raw value of
// each member of the JSON object in data, in order. It reports whether data
// is such an object, with keys free of escapes and control characters, and
// set accepted every member. It checks the punctuation around the values,
// not the values: set must check each value it accepts.
func eachMember(data []byte, set func(key, value []byte) bool) bool {
	end := parseObject(data, skipSpace(data, 0), func(key []byte, i int) int {
		end := skipValue(data, i)
		if end < 0 || !set(key, data[i:end]) {
			return -1
		}
		return end
	})
	return end >= 0 && skipSpace(data, end) == len(data)
}

// fastTime decodes a JSON timestamp string, or null, into *dst. The strings
// Time.UnmarshalJSON takes are valid JSON; numbers are left to
// encoding/json, which checks them first.
func fastTime(dst *Time, value []byte) bool {
	return len(value) > 0 && (value[0] == '"' || string(value) == "null") && dst.UnmarshalJSON(value) == nil
}

// jsonString returns the value of the JSON string tok (quotes included);
// ok is false when tok is not a valid JSON string.
func jsonString(tok []byte) (string, bool) {
	if s, ok := plainString(tok); ok {
		return s, true
	}
	var s string
	if len(tok) == 0 || tok[0] != '"' || json.Unmarshal(tok, &s) != nil {
		return "", false
	}
	return s, true
}

// plainString returns the value of a JSON string that needs no unescaping
// (no backslash, no control character, valid UTF-8), without calling
// encoding/json; ok is false when data is anything else.
func plainString(data []byte) (string, bool) {
	if !isPlainString(data) {
		return "", false
	}
	return string(data[1 : len(data)-1]), true
}

// isPlainString reports whether data is a JSON string that needs no
// unescaping (see plainString).
func isPlainString(data []byte) bool {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return false
	}
	body := data[1 : len(data)-1]
	for _, c := range body {
		if c < 0x20 || c == '\\' || c == '"' {
			return false
		}
	}
	return utf8.Valid(body)
}
