package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sync"

	"github.com/letta-go/letta/internal/text"
	"github.com/letta-go/letta/types"
)

// decodeJSON decodes the whole body into v, a pointer. A list longer than
// maxPooledBuffer, or of unknown length, is decoded element by element as
// it arrives, so a long list costs its decoded items and not also a copy
// of its JSON; anything else is read into a pooled buffer and unmarshalled
// in one pass, which is faster. Trailing data is rejected, and so is null
// unless v points to an interface.
func decodeJSON(resp *http.Response, p *prepared, v any) error {
	rv := reflect.ValueOf(v).Elem()
	small := resp.ContentLength >= 0 && resp.ContentLength <= maxPooledBuffer
	if !small && rv.Kind() == reflect.Slice && !reflect.PointerTo(rv.Type()).Implements(unmarshalerType) {
		return decodeList(resp, p, rv)
	}
	return decodeValue(resp, p, v)
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	bufPool         = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// typesPkg is the import path of package types.
var typesPkg = reflect.TypeFor[types.Time]().PkgPath()

// maxPooledBuffer is the largest buffer kept for reuse.
const maxPooledBuffer = 1 << 20

func decodeValue(resp *http.Response, p *prepared, v any) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			bufPool.Put(buf)
		}
	}()
	if n := resp.ContentLength; n > 0 && n <= maxPooledBuffer {
		buf.Grow(int(n) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return readError(err)
	}
	data := buf.Bytes()
	fail := func(err error) error { return decodeError(resp, p, typeName(v), data, err) }
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(errors.New("empty body"))
	}
	if err := unmarshal(data, v); err != nil {
		return fail(err)
	}
	if rv := reflect.ValueOf(v).Elem(); rv.Kind() != reflect.Interface && isNil(rv) {
		return fail(errors.New("body is null"))
	}
	return nil
}

// unmarshal is json.Unmarshal, except that a free-form result (*any)
// keeps its numbers as json.Number, exact beyond 2^53, as the free-form
// fields of package types do, and that a type of package types decodes
// itself directly: its UnmarshalJSON checks all of data, and going
// through json.Unmarshal would scan the body twice more first.
func unmarshal(data []byte, v any) error {
	if rv := reflect.ValueOf(v).Elem(); rv.Kind() == reflect.Pointer && rv.Type().Elem().PkgPath() == typesPkg &&
		rv.Type().Implements(unmarshalerType) && string(bytes.TrimSpace(data)) != "null" {
		p := reflect.New(rv.Type().Elem())
		if err := p.Interface().(json.Unmarshaler).UnmarshalJSON(data); err != nil {
			return err
		}
		rv.Set(p)
		return nil
	}
	if u, ok := v.(json.Unmarshaler); ok && reflect.TypeOf(v).Elem().PkgPath() == typesPkg {
		return u.UnmarshalJSON(data)
	}
	if _, ok := v.(*any); !ok {
		return json.Unmarshal(data, v)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		var x any
		return json.Unmarshal(data, &x) // reports the trailing data
	}
	return nil
}

// decodeList decodes a JSON array into the slice rv one element at a time.
func decodeList(resp *http.Response, p *prepared, rv reflect.Value) error {
	rec := &prefixRecorder{r: resp.Body}
	dec := json.NewDecoder(rec)
	fail := func(err error) error {
		if rec.err != nil && !errors.Is(rec.err, io.EOF) {
			return readError(rec.err)
		}
		return decodeError(resp, p, typeName(rv.Addr().Interface()), rec.prefix, err)
	}
	tok, err := dec.Token()
	switch {
	case errors.Is(err, io.EOF):
		return fail(errors.New("empty body"))
	case err != nil:
		return fail(err)
	case tok == nil:
		return fail(errors.New("body is null"))
	case tok != json.Delim('['):
		return fail(fmt.Errorf("json: cannot unmarshal %s into Go value of type %s", jsonKind(tok), rv.Type()))
	}
	list := reflect.MakeSlice(rv.Type(), 0, 8)
	for i := 0; dec.More(); i++ {
		elem := reflect.New(rv.Type().Elem())
		if err := dec.Decode(elem.Interface()); err != nil {
			return fail(fmt.Errorf("element %d: %w", i, err))
		}
		list = reflect.Append(list, elem.Elem())
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return fail(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fail(errors.New("unexpected data after the JSON value"))
	}
	rv.Set(list)
	return nil
}

// jsonKind names the JSON kind a token starts.
func jsonKind(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		return "object"
	case string:
		return "string"
	case bool:
		return "bool"
	default:
		return "number"
	}
}

// decodeError reports a 2xx body that is not the wanted type (a Go type
// name, or a media type), quoting its start.
func decodeError(resp *http.Response, p *prepared, typ string, body []byte, err error) error {
	return &types.DecodeError{
		StatusCode:  resp.StatusCode,
		Method:      p.method,
		URL:         p.redactedURL(),
		ContentType: resp.Header.Get("Content-Type"),
		Type:        typ,
		Snippet:     text.Snippet(p.redact(body)),
		Err:         err,
	}
}

func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		return v.IsNil()
	}
	return false
}

func typeName(v any) string {
	t := reflect.TypeOf(v).Elem()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Interface && t.NumMethod() == 0 {
		return "JSON value"
	}
	return t.String()
}

// prefixRecorder keeps the first bytes read through it, for error
// messages, and the first read error.
type prefixRecorder struct {
	r      io.Reader
	prefix []byte
	err    error
}

func (p *prefixRecorder) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if len(p.prefix) < snippetSize {
		p.prefix = append(p.prefix, b[:min(n, snippetSize-len(p.prefix))]...)
	}
	if err != nil && p.err == nil {
		p.err = err
	}
	return n, err
}
