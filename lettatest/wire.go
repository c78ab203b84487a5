package lettatest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/letta-go/letta/types"
)

// This file turns the types package's structs into the JSON the Letta
// server writes. The types encode optional fields with omitzero, while the
// server (pydantic's model_dump) writes every declared key, null included;
// so encode walks the Go value beside its encoding/json output and writes
// each struct field in declaration order, null when encoding/json left it
// out. It also formats timestamps the way the server does (see
// formatTime) and writes strings without Go's HTML escaping, and, for
// stream frames, with every non-ASCII character escaped as Python's
// json.dumps does.

var timeType = reflect.TypeFor[types.Time]()

// skipFill lists types written exactly as encoding/json writes them: the
// token-streaming tool-call delta, whose absent keys the server leaves out
// (exclude_none).
var skipFill = map[reflect.Type]bool{
	reflect.TypeFor[types.ToolCallDelta](): true,
}

// encodeWire returns v as the server would write it.
func encodeWire(v any) ([]byte, error) { return encodeWireOpts(v, false) }

// encodeWireASCII is encodeWire with non-ASCII text escaped as \uXXXX, as
// in stream frames.
func encodeWireASCII(v any) ([]byte, error) { return encodeWireOpts(v, true) }

func encodeWireOpts(v any, ascii bool) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	e := &wireEncoder{ascii: ascii}
	if err := e.value(reflect.ValueOf(v), raw, ""); err != nil {
		return nil, err
	}
	return e.buf.Bytes(), nil
}

// mustWire is encodeWire for values that always encode.
func mustWire(v any) []byte {
	b, err := encodeWire(v)
	if err != nil {
		panic(fmt.Sprintf("lettatest: encoding %T: %v", v, err))
	}
	return b
}

// toJSONValue returns v as the generic JSON value (maps, slices, float64,
// …) of its wire form, for embedding in free-form metadata.
func toJSONValue(v any) any {
	var out any
	if err := json.Unmarshal(mustWire(v), &out); err != nil {
		panic(err)
	}
	return out
}

type wireEncoder struct {
	buf   bytes.Buffer
	ascii bool
}

// value writes raw (the encoding/json output of rv), filling in the keys
// of struct fields that were omitted. key is the JSON key rv sits under,
// which decides how a timestamp is formatted.
func (e *wireEncoder) value(rv reflect.Value, raw []byte, key string) error {
	raw = bytes.TrimSpace(raw)
	for rv.IsValid() && (rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface) {
		if rv.IsNil() {
			rv = reflect.Value{}
			break
		}
		rv = rv.Elem()
	}
	if len(raw) == 0 {
		e.buf.WriteString("null")
		return nil
	}
	if rv.IsValid() && !skipFill[rv.Type()] {
		switch {
		case rv.Type() == timeType && raw[0] == '"':
			e.buf.WriteByte('"')
			e.buf.WriteString(formatTime(rv.Interface().(types.Time).Time, key))
			e.buf.WriteByte('"')
			return nil
		case rv.Kind() == reflect.Struct && raw[0] == '{':
			return e.structValue(rv, raw)
		case (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) && raw[0] == '[' && !isScalarKind(rv.Type().Elem().Kind()):
			return e.sliceValue(rv, raw, key)
		}
	}
	return e.generic(raw)
}

// structValue writes a struct's fields in declaration order: each present
// key as encoded, each missing one as null. Keys that belong to no field
// (a union's discriminator) come first, except message_type, which the
// server writes after id and date.
func (e *wireEncoder) structValue(rv reflect.Value, raw []byte) error {
	pairs, err := objectPairs(raw)
	if err != nil {
		return err
	}
	fields := structFields(rv.Type())
	byName := make(map[string]json.RawMessage, len(pairs))
	var extras []pair
	for _, p := range pairs {
		if _, ok := fields.index[p.key]; ok {
			byName[p.key] = p.raw
		} else {
			extras = append(extras, p)
		}
	}
	var msgType *pair
	e.buf.WriteByte('{')
	first := true
	sep := func() {
		if !first {
			e.buf.WriteByte(',')
		}
		first = false
	}
	for i := range extras {
		if extras[i].key == "message_type" {
			msgType = &extras[i]
			continue
		}
		sep()
		e.writeString(extras[i].key)
		e.buf.WriteByte(':')
		if err := e.generic(extras[i].raw); err != nil {
			return err
		}
	}
	if msgType != nil && (len(fields.list) == 0 || fields.list[0].name != "id") {
		sep()
		e.writeString(msgType.key)
		e.buf.WriteByte(':')
		e.buf.Write(msgType.raw)
		msgType = nil
	}
	for _, f := range fields.list {
		sep()
		e.writeString(f.name)
		e.buf.WriteByte(':')
		if r, ok := byName[f.name]; ok {
			if err := e.value(rv.FieldByIndex(f.index), r, f.name); err != nil {
				return err
			}
		} else {
			e.buf.WriteString("null")
		}
		if msgType != nil && f.name == "date" {
			e.buf.WriteByte(',')
			e.writeString(msgType.key)
			e.buf.WriteByte(':')
			e.buf.Write(msgType.raw)
			msgType = nil
		}
	}
	if msgType != nil {
		sep()
		e.writeString(msgType.key)
		e.buf.WriteByte(':')
		e.buf.Write(msgType.raw)
	}
	e.buf.WriteByte('}')
	return nil
}

func (e *wireEncoder) sliceValue(rv reflect.Value, raw []byte, key string) error {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return err
	}
	if len(items) != rv.Len() {
		return e.generic(raw)
	}
	e.buf.WriteByte('[')
	for i, item := range items {
		if i > 0 {
			e.buf.WriteByte(',')
		}
		if err := e.value(rv.Index(i), item, key); err != nil {
			return err
		}
	}
	e.buf.WriteByte(']')
	return nil
}

func isScalarKind(k reflect.Kind) bool {
	switch k {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	}
	return false
}

// generic rewrites any JSON value compactly, keeping key order and
// writing strings with writeString.
func (e *wireEncoder) generic(raw []byte) error {
	switch raw[0] {
	case '{', '[':
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		e.writeString(s)
		return nil
	default: // numbers, true, false, null
		e.buf.Write(raw)
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return e.genericFrom(dec)
}

func (e *wireEncoder) genericFrom(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			e.buf.WriteByte('{')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					e.buf.WriteByte(',')
				}
				k, err := dec.Token()
				if err != nil {
					return err
				}
				e.writeString(k.(string))
				e.buf.WriteByte(':')
				if err := e.genericFrom(dec); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			e.buf.WriteByte('}')
		case '[':
			e.buf.WriteByte('[')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					e.buf.WriteByte(',')
				}
				if err := e.genericFrom(dec); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			e.buf.WriteByte(']')
		}
	case string:
		e.writeString(t)
	case json.Number:
		e.buf.WriteString(t.String())
	case bool:
		e.buf.WriteString(strconv.FormatBool(t))
	case nil:
		e.buf.WriteString("null")
	}
	return nil
}

// writeString writes s as a JSON string the way Python's json.dumps does:
// no HTML escaping; with ascii, every non-ASCII rune as \uXXXX (UTF-16
// surrogate pairs beyond the BMP).
func (e *wireEncoder) writeString(s string) {
	e.buf.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			e.buf.WriteString(`\"`)
		case r == '\\':
			e.buf.WriteString(`\\`)
		case r == '\n':
			e.buf.WriteString(`\n`)
		case r == '\r':
			e.buf.WriteString(`\r`)
		case r == '\t':
			e.buf.WriteString(`\t`)
		case r == '\b':
			e.buf.WriteString(`\b`)
		case r == '\f':
			e.buf.WriteString(`\f`)
		case r < 0x20 || r == 0x7f && e.ascii:
			fmt.Fprintf(&e.buf, `\u%04x`, r)
		case r < utf8.RuneSelf:
			e.buf.WriteByte(byte(r))
		case !e.ascii:
			e.buf.WriteRune(r)
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&e.buf, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			fmt.Fprintf(&e.buf, `\u%04x`, r)
		}
	}
	e.buf.WriteByte('"')
}

type pair struct {
	key string
	raw json.RawMessage
}

// objectPairs splits a JSON object into its members, in order.
func objectPairs(raw []byte) ([]pair, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var out []pair
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, pair{key: k.(string), raw: v})
	}
	return out, nil
}

type fieldInfo struct {
	name  string
	index []int
}

type fieldList struct {
	list  []fieldInfo
	index map[string]int
}

var fieldCache sync.Map // reflect.Type → *fieldList

// structFields lists the JSON fields of a struct type in declaration
// order.
func structFields(t reflect.Type) *fieldList {
	if fl, ok := fieldCache.Load(t); ok {
		return fl.(*fieldList)
	}
	fl := &fieldList{index: map[string]int{}}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		// Untagged fields (the Raw of an Unknown… union variant) are not
		// wire fields.
		tag, ok := f.Tag.Lookup("json")
		if !ok || tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fl.index[name] = len(fl.list)
		fl.list = append(fl.list, fieldInfo{name: name, index: f.Index})
	}
	fieldCache.Store(t, fl)
	return fl
}

// formatTime writes t as the server does, by the key it sits under:
//   - "date" (LettaMessage dates): seconds and a numeric offset,
//     "2025-01-24T18:03:04+00:00";
//   - "completed_at" (a column without time zone): naive,
//     "2025-01-24T17:59:37.406651";
//   - anything else (created_at, updated_at): UTC with Z,
//     "2025-01-24T18:03:11.123456Z".
//
// Microseconds are written only when not zero, as pydantic does.
func formatTime(t time.Time, key string) string {
	t = t.UTC()
	switch key {
	case "date":
		return t.Format("2006-01-02T15:04:05") + "+00:00"
	case "completed_at":
		return t.Format(microLayout(t))
	}
	return t.Format(microLayout(t)) + "Z"
}

func microLayout(t time.Time) string {
	if t.Nanosecond()/1000 == 0 {
		return "2006-01-02T15:04:05"
	}
	return "2006-01-02T15:04:05.000000"
}

// writeJSON writes v, encoded as the server would, with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := encodeWire(v)
	if err != nil {
		writeDetail(w, http.StatusInternalServerError, internalDetail)
		return
	}
	writeRawJSON(w, status, b)
}

// writeRawJSON writes an already encoded JSON body.
func writeRawJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeDetail writes FastAPI's error body {"detail": "<message>"}.
func writeDetail(w http.ResponseWriter, status int, detail string) {
	writeJSON(w, status, map[string]string{"detail": detail})
}

// httpError is an error that becomes a {"detail": …} response.
type httpError struct {
	status int
	detail any // a string, or a validation error list
}

func (e *httpError) Error() string { return fmt.Sprintf("%d: %v", e.status, e.detail) }

func errNotFound(format string, args ...any) *httpError {
	return &httpError{status: http.StatusNotFound, detail: fmt.Sprintf(format, args...)}
}

func errStatus(status int, format string, args ...any) *httpError {
	return &httpError{status: status, detail: fmt.Sprintf(format, args...)}
}

// internalDetail is the detail of the server's generic 500, its answer to
// an unhandled exception (server/rest_api/app.py: generic_error_handler).
const internalDetail = "An internal server error occurred"

var errInternal = errStatus(http.StatusInternalServerError, internalDetail)

// writeError writes err as the server would: an *httpError as its status
// and detail, anything else as a generic 500.
func writeError(w http.ResponseWriter, err error) {
	he, ok := err.(*httpError)
	if !ok {
		writeDetail(w, http.StatusInternalServerError, internalDetail)
		return
	}
	writeJSON(w, he.status, map[string]any{"detail": he.detail})
}
