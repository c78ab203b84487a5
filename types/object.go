package types

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/objectgen

// This file holds the encoding of the object types: every struct of this
// package keeps the JSON keys it does not declare in ExtraFields and writes
// them back, and free-form values (any, map[string]any) keep their numbers
// as json.Number.
//
// Decoding has two paths. The fast path walks the object once, decoding
// each member straight into its field by a decoder derived from the
// struct's fields (objectCodec), and collects the keys no field declares.
// It takes only input that it checks in full and decodes exactly as the
// general path would (TestObjectFastPathTakesEveryField, TestFastPaths and
// the fuzz test compare them);
// on anything else (a key with escapes, a number where a string belongs,
// invalid JSON) it gives up, and the general path decodes with
// encoding/json, which also reports the errors.

// objectTag is a member every encoding of a type writes: a discriminator
// (fixed) or a literal that keeps what was received (see objectTagsOf).
type objectTag struct {
	key   string
	value string // JSON
}

// objectTags are the tags of one type: fixed members are always written
// and never kept in ExtraFields; a literal is written as received (from
// ExtraFields) or, when none was, as its default.
type objectTags struct {
	fixed    []objectTag
	literals []objectTag
}

// objectTagsOf returns the tags of the object type t. (A function and not
// a map: a package-level map would form an initialization cycle through
// the decoders.)
func objectTagsOf(t reflect.Type) objectTags {
	fixed := func(key, value string) objectTags { return objectTags{fixed: []objectTag{{key, `"` + value + `"`}}} }
	switch t {
	case reflect.TypeFor[SystemMessage]():
		return fixed("message_type", MessageTypeSystemMessage)
	case reflect.TypeFor[UserMessage]():
		return fixed("message_type", MessageTypeUserMessage)
	case reflect.TypeFor[ReasoningMessage]():
		return fixed("message_type", MessageTypeReasoningMessage)
	case reflect.TypeFor[ToolCallMessage]():
		return fixed("message_type", MessageTypeToolCallMessage)
	case reflect.TypeFor[ToolReturnMessage]():
		return fixed("message_type", MessageTypeToolReturnMessage)
	case reflect.TypeFor[AssistantMessage]():
		return fixed("message_type", MessageTypeAssistantMessage)
	case reflect.TypeFor[LettaUsageStatistics]():
		return fixed("message_type", MessageTypeUsageStatistics)
	case reflect.TypeFor[ChildToolRule]():
		return fixed("type", string(ToolRuleTypeToolRule))
	case reflect.TypeFor[InitToolRule]():
		return fixed("type", string(ToolRuleTypeInitToolRule))
	case reflect.TypeFor[TerminalToolRule]():
		return fixed("type", string(ToolRuleTypeTerminalToolRule))
	case reflect.TypeFor[ConditionalToolRule]():
		return fixed("type", string(ToolRuleTypeConditional))
	case reflect.TypeFor[AgentsSearchVersion]():
		return fixed("field", "version")
	case reflect.TypeFor[AgentsSearchName]():
		return fixed("field", "name")
	case reflect.TypeFor[AgentsSearchTags]():
		return objectTags{fixed: []objectTag{{"field", `"tags"`}}, literals: []objectTag{{"operator", `"contains"`}}}
	case reflect.TypeFor[AgentsSearchOrderBy]():
		return fixed("field", "order_by")
	case reflect.TypeFor[TextContent]():
		return objectTags{literals: []objectTag{{"type", `"text"`}}}
	case reflect.TypeFor[FunctionTool](), reflect.TypeFor[ChatCompletionMessageToolCall]():
		return objectTags{literals: []objectTag{{"type", `"function"`}}}
	}
	return objectTags{}
}

// unionDecoderOf returns the decode function of the union interface t, or
// nil when t is not one.
func unionDecoderOf(t reflect.Type) func([]byte) (any, error) {
	switch t {
	case reflect.TypeFor[MessageContent]():
		return func(b []byte) (any, error) { return UnmarshalMessageContent(b) }
	case reflect.TypeFor[ToolCallMessageToolCall]():
		return func(b []byte) (any, error) { return UnmarshalToolCallMessageToolCall(b) }
	case reflect.TypeFor[SandboxConfigConfig]():
		return func(b []byte) (any, error) { return UnmarshalSandboxConfigConfig(b) }
	case reflect.TypeFor[ToolRule]():
		return func(b []byte) (any, error) { return UnmarshalToolRule(b) }
	case reflect.TypeFor[LettaMessage]():
		return func(b []byte) (any, error) { return UnmarshalLettaMessage(b) }
	case reflect.TypeFor[LettaStreamingResponse]():
		return func(b []byte) (any, error) { return UnmarshalLettaStreamingResponse(b) }
	case reflect.TypeFor[AgentsSearchRequestSearchItem]():
		return func(b []byte) (any, error) { return UnmarshalAgentsSearchRequestSearchItem(b) }
	}
	return nil
}

// decodeFunc decodes the JSON value that starts at data[i] into v
// (addressable) and returns the index just past it, or -1 when it gives up
// (see the fast path above). Values are parsed once, in place: no decoder
// looks for the end of a value before decoding it, except where the value
// goes to a function that takes it whole (unions, Time, the list types).
type decodeFunc func(v reflect.Value, data []byte, i int) int

// objectField is one declared member of an object type.
type objectField struct {
	name     string
	index    int
	required bool // a slice or map without omitzero: nil encodes as empty
	dec      decodeFunc
}

// objectCodec describes how an object type is decoded and encoded.
type objectCodec struct {
	name   string
	fields map[string]*objectField
	names  []string // the JSON names of the fields
	extra  int      // index of ExtraFields
	tags   objectTags
	// numbers says whether the general path must decode numbers as
	// json.Number (a free-form value is somewhere among the fields).
	numbers bool
}

// fastDecoding is false only in tests that compare the two paths.
var fastDecoding = true

var (
	codecs  sync.Map // reflect.Type → *objectCodec
	codecMu sync.Mutex
)

var (
	rawMapType     = reflect.TypeFor[map[string]json.RawMessage]()
	unmarshalerTyp = reflect.TypeFor[json.Unmarshaler]()
	anyType        = reflect.TypeFor[any]()
)

// codecOf returns the codec of the object type t, building it (and those of
// the object types among its fields) on first use.
func codecOf(t reflect.Type) *objectCodec {
	if c, ok := codecs.Load(t); ok {
		return c.(*objectCodec)
	}
	codecMu.Lock()
	defer codecMu.Unlock()
	building := map[reflect.Type]*objectCodec{}
	c := buildCodec(t, building)
	for t, c := range building {
		codecs.Store(t, c)
	}
	return c
}

// isObjectType reports whether t is a struct of this package that keeps
// its extra fields.
func isObjectType(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	f, ok := t.FieldByName("ExtraFields")
	return ok && f.Type == rawMapType
}

func buildCodec(t reflect.Type, building map[reflect.Type]*objectCodec) *objectCodec {
	if c, ok := codecs.Load(t); ok {
		return c.(*objectCodec)
	}
	if c, ok := building[t]; ok {
		return c
	}
	c := &objectCodec{name: t.Name(), fields: map[string]*objectField{}, extra: -1, tags: objectTagsOf(t)}
	building[t] = c
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Name == "ExtraFields" && sf.Type == rawMapType {
			c.extra = i
			continue
		}
		tag := sf.Tag.Get("json")
		if !sf.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		k := sf.Type.Kind()
		f := &objectField{
			name:     name,
			index:    i,
			required: (k == reflect.Slice || k == reflect.Map) && !strings.Contains(","+opts+",", ",omitzero,"),
			dec:      decoderOf(sf.Type, building),
		}
		c.fields[name] = f
		c.names = append(c.names, name)
		c.numbers = c.numbers || hasFreeForm(sf.Type, map[reflect.Type]bool{})
	}
	return c
}

// hasFreeForm reports whether a value of type t can hold a free-form JSON
// value directly (not inside another object type, which decodes its own).
func hasFreeForm(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] || isObjectType(t) {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Interface:
		return t.NumMethod() == 0
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return hasFreeForm(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if hasFreeForm(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// decoderOf returns the fast decoder for values of type t. Types it does
// not handle get a decoder that always gives up.
func decoderOf(t reflect.Type, building map[reflect.Type]*objectCodec) decodeFunc {
	if isObjectType(t) {
		c := buildCodec(t, building)
		return func(v reflect.Value, data []byte, i int) int {
			if isNullAt(data, i) {
				return i + 4
			}
			return c.parse(v, data, i)
		}
	}
	if dec := unionDecoderOf(t); dec != nil {
		return whole(func(v reflect.Value, value []byte) bool {
			u, err := dec(value)
			if err != nil {
				return false
			}
			if u == nil {
				v.SetZero()
			} else {
				v.Set(reflect.ValueOf(u))
			}
			return true
		})
	}
	if t == reflect.TypeFor[Time]() {
		return whole(func(v reflect.Value, value []byte) bool {
			return fastTime(v.Addr().Interface().(*Time), value)
		})
	}
	if reflect.PointerTo(t).Implements(unmarshalerTyp) {
		// The list types of this package (ToolRuleList, …), which check
		// all of data themselves.
		if t.PkgPath() != reflect.TypeFor[Time]().PkgPath() {
			return giveUp
		}
		return whole(func(v reflect.Value, value []byte) bool {
			return v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(value) == nil
		})
	}
	switch t.Kind() {
	case reflect.String:
		return decodeString
	case reflect.Bool:
		return decodeBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return decodeInt
	case reflect.Float32, reflect.Float64:
		return floatDecoder(t.Bits())
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return decodeAny
		}
	case reflect.Pointer:
		return pointerDecoder(t, building)
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Uint8 { // []byte is base64 in encoding/json
			return sliceDecoder(t, building)
		}
	case reflect.Map:
		if t.Key().Kind() == reflect.String && !t.Key().Implements(reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()) {
			return mapDecoder(t, building)
		}
	}
	return giveUp
}

// decodeString decodes a JSON string (null leaves v unchanged).
func decodeString(v reflect.Value, data []byte, i int) int {
	if isNullAt(data, i) {
		return i + 4
	}
	if data[i] != '"' {
		return -1
	}
	end, _ := scanString(data, i)
	if end < 0 {
		return -1
	}
	str, ok := jsonString(data[i:end])
	if !ok {
		return -1
	}
	v.SetString(str)
	return end
}

// decodeBool decodes a JSON boolean (null leaves v unchanged).
func decodeBool(v reflect.Value, data []byte, i int) int {
	switch {
	case bytes.HasPrefix(data[i:], []byte("true")):
		v.SetBool(true)
		return i + 4
	case bytes.HasPrefix(data[i:], []byte("false")):
		v.SetBool(false)
		return i + 5
	case isNullAt(data, i):
		return i + 4
	}
	return -1
}

// decodeInt decodes a JSON integer (null leaves v unchanged).
func decodeInt(v reflect.Value, data []byte, i int) int {
	if isNullAt(data, i) {
		return i + 4
	}
	end := numberEnd(data, i)
	if end < 0 {
		return -1
	}
	n, err := strconv.ParseInt(string(data[i:end]), 10, 64)
	if err != nil || v.OverflowInt(n) {
		return -1
	}
	v.SetInt(n)
	return end
}

// floatDecoder decodes a JSON number into a float of the given bits
// (null leaves v unchanged).
func floatDecoder(bits int) decodeFunc {
	return func(v reflect.Value, data []byte, i int) int {
		if isNullAt(data, i) {
			return i + 4
		}
		end := numberEnd(data, i)
		if end < 0 {
			return -1
		}
		f, err := strconv.ParseFloat(string(data[i:end]), bits)
		if err != nil || v.OverflowFloat(f) {
			return -1
		}
		v.SetFloat(f)
		return end
	}
}

// decodeAny decodes a free-form JSON value (see parseAny).
func decodeAny(v reflect.Value, data []byte, i int) int {
	x, end := parseAny(data, i)
	if end < 0 {
		return -1
	}
	if x == nil {
		v.SetZero()
	} else {
		v.Set(reflect.ValueOf(x))
	}
	return end
}

// pointerDecoder decodes into a *T; null sets it to nil.
func pointerDecoder(t reflect.Type, building map[reflect.Type]*objectCodec) decodeFunc {
	elem := decoderOf(t.Elem(), building)
	return func(v reflect.Value, data []byte, i int) int {
		if isNullAt(data, i) {
			v.SetZero()
			return i + 4
		}
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		return elem(v.Elem(), data, i)
	}
}

// sliceDecoder decodes a JSON array into a []T; null sets it to nil.
func sliceDecoder(t reflect.Type, building map[reflect.Type]*objectCodec) decodeFunc {
	elem := decoderOf(t.Elem(), building)
	return func(v reflect.Value, data []byte, i int) int {
		if isNullAt(data, i) {
			v.SetZero()
			return i + 4
		}
		if !v.IsNil() {
			v.SetLen(0)
		}
		end := parseArray(data, i, func(j int) int {
			n := v.Len()
			if n == v.Cap() {
				v.Grow(1)
			}
			v.SetLen(n + 1)
			item := v.Index(n)
			item.SetZero()
			return elem(item, data, j)
		})
		if end >= 0 && v.IsNil() {
			v.Set(reflect.MakeSlice(t, 0, 0))
		}
		return end
	}
}

// mapDecoder decodes a JSON object into a map with string keys; null sets
// it to nil.
func mapDecoder(t reflect.Type, building map[reflect.Type]*objectCodec) decodeFunc {
	if t.Elem() == anyType && t.Key() == reflect.TypeFor[string]() {
		return func(v reflect.Value, data []byte, i int) int {
			if isNullAt(data, i) {
				v.SetZero()
				return i + 4
			}
			if v.IsNil() {
				v.Set(reflect.MakeMap(t))
			}
			return parseAnyObject(v.Interface().(map[string]any), data, i)
		}
	}
	elem := decoderOf(t.Elem(), building)
	return func(v reflect.Value, data []byte, i int) int {
		if isNullAt(data, i) {
			v.SetZero()
			return i + 4
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
		item := reflect.New(t.Elem()).Elem()
		return parseObject(data, i, func(key []byte, j int) int {
			item.SetZero()
			end := elem(item, data, j)
			if end >= 0 {
				v.SetMapIndex(reflect.ValueOf(string(key)).Convert(t.Key()), item)
			}
			return end
		})
	}
}

func giveUp(reflect.Value, []byte, int) int { return -1 }

// whole makes a decoder of a function that takes the value whole (and
// checks all of it).
func whole(dec func(v reflect.Value, value []byte) bool) decodeFunc {
	return func(v reflect.Value, data []byte, i int) int {
		end := skipValue(data, i)
		if end < 0 || !dec(v, data[i:end]) {
			return -1
		}
		return end
	}
}

func isNullAt(data []byte, i int) bool { return bytes.HasPrefix(data[i:], []byte("null")) }

// decodeFast decodes the JSON object data into v (addressable, of the
// codec's type) without encoding/json.
func (c *objectCodec) decodeFast(v reflect.Value, data []byte) bool {
	end := c.parse(v, data, skipSpace(data, 0))
	return end >= 0 && skipSpace(data, end) == len(data)
}

// parse decodes the JSON object at data[i] into v and returns the index
// just past it, or -1.
func (c *objectCodec) parse(v reflect.Value, data []byte, i int) int {
	var extra map[string]json.RawMessage
	end := parseObject(data, i, func(key []byte, j int) int {
		if f := c.fields[string(key)]; f != nil {
			return f.dec(v.Field(f.index), data, j)
		}
		end := skipValue(data, j)
		if end < 0 || !c.otherMember(&extra, key, data[j:end]) {
			return -1
		}
		return end
	})
	if end >= 0 && c.extra >= 0 {
		setExtra(v.Field(c.extra), extra)
	}
	return end
}

// parseObject walks the JSON object at data[i], calling member with each
// key (without quotes) and the index of its value; member returns the
// index just past the value, or -1. parseObject returns the index just
// past the object, or -1 when it is not one, has a key with escapes or
// control characters, or member gave up.
func parseObject(data []byte, i int, member func(key []byte, j int) int) int {
	i, more := enterContainer(data, i, '{', '}')
	for more {
		if i >= len(data) || data[i] != '"' {
			return -1
		}
		end, escaped := scanString(data, i)
		if end < 0 || escaped {
			return -1
		}
		key := data[i+1 : end-1]
		if !plainKey(key) {
			return -1
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return -1
		}
		i = skipSpace(data, i+1)
		if i >= len(data) {
			return -1
		}
		if i = member(key, i); i < 0 {
			return -1
		}
		i, more = nextItem(data, i, '}')
	}
	return i
}

// enterContainer steps into the object or array that opens at data[i]
// (with open): it returns the index of the first member or element (more),
// the index just past an empty one (not more), or -1.
func enterContainer(data []byte, i int, open, closer byte) (int, bool) {
	if i >= len(data) || data[i] != open {
		return -1, false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == closer {
		return i + 1, false
	}
	return i, true
}

// nextItem steps past what follows a member or element that ends at
// data[i]: after a ',' it returns the index of the next one (more), after
// the closer the index just past it (not more), else -1.
func nextItem(data []byte, i int, closer byte) (int, bool) {
	i = skipSpace(data, i)
	if i < len(data) {
		switch data[i] {
		case ',':
			return skipSpace(data, i+1), true
		case closer:
			return i + 1, false
		}
	}
	return -1, false
}

// validJSON is json.Valid, quicker for a plain string (a discriminator).
func validJSON(value []byte) bool {
	return isPlainString(value) || json.Valid(value)
}

// plainKey reports whether an object key (already free of escapes) reads
// the same to encoding/json: no control character, valid UTF-8.
func plainKey(key []byte) bool {
	ascii := true
	for _, c := range key {
		if c < 0x20 {
			return false
		}
		ascii = ascii && c < 0x80
	}
	return ascii || utf8.Valid(key)
}

// parseArray walks the JSON array at data[i] as parseObject walks an
// object, calling elem with the index of each element.
func parseArray(data []byte, i int, elem func(j int) int) int {
	i, more := enterContainer(data, i, '[', ']')
	for more {
		if i >= len(data) {
			return -1
		}
		if i = elem(i); i < 0 {
			return -1
		}
		i, more = nextItem(data, i, ']')
	}
	return i
}

// numberEnd returns the index just past the JSON number at data[i], or -1
// when there is none.
func numberEnd(data []byte, i int) int {
	j := i
	for j < len(data) {
		c := data[j]
		if '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			j++
			continue
		}
		break
	}
	if !validNumber(data[i:j]) {
		return -1
	}
	return j
}

// otherMember takes, for a fast path, a member that is not one of the
// fields it decodes: a discriminator is checked and skipped, any other key
// is kept in *extra, and a key that matches a field only ignoring case
// makes the fast path give up (encoding/json decides what it means).
func (c *objectCodec) otherMember(extra *map[string]json.RawMessage, key, value []byte) bool {
	switch c.classify(key, value) {
	case memberField:
		return false
	case memberTag:
		return validJSON(value)
	}
	if !validJSON(value) {
		return false
	}
	if *extra == nil {
		*extra = map[string]json.RawMessage{}
	}
	(*extra)[string(key)] = cloneRaw(value)
	return true
}

func setExtra(v reflect.Value, extra map[string]json.RawMessage) {
	if extra == nil {
		v.SetZero()
	} else {
		v.Set(reflect.ValueOf(extra))
	}
}

// memberKind is what a key of an object is to its type.
type memberKind int

const (
	memberExtra memberKind = iota // kept in ExtraFields
	memberField                   // a declared field (encoding/json matches ignoring case)
	memberTag                     // a discriminator, or a literal with its default value
)

// classify tells what the member key (with its value) is to the type.
func (c *objectCodec) classify(key, value []byte) memberKind {
	if _, ok := c.fields[string(key)]; ok {
		return memberField
	}
	for _, t := range c.tags.fixed {
		if string(key) == t.key {
			return memberTag
		}
	}
	for _, t := range c.tags.literals {
		if string(key) == t.key && string(value) == t.value {
			return memberTag
		}
	}
	for _, n := range c.names {
		if bytes.EqualFold(key, []byte(n)) {
			return memberField
		}
	}
	return memberExtra
}

// decodeObject decodes the JSON object data into v: by the fast path when
// it can, else with encoding/json into plain (v seen as its method-free
// copy), followed by the collection of the keys no field declares. JSON
// null leaves v unchanged.
func decodeObject[T any](data []byte, v *T, plain any) error {
	return decodeObjectWith(data, v, func() error {
		return decodeJSON(data, plain, codecOf(reflect.TypeFor[T]()).numbers)
	})
}

// decodeObjectWith is decodeObject for a type with union fields: general
// decodes the declared fields with encoding/json (each union field through
// a json.RawMessage) and reports the errors.
func decodeObjectWith[T any](data []byte, v *T, general func() error) error {
	c := codecOf(reflect.TypeFor[T]())
	rv := reflect.ValueOf(v).Elem()
	if fastDecoding {
		saved := *v
		if c.decodeFast(rv, data) {
			return nil
		}
		*v = saved
	}
	if isNull(data) {
		return nil
	}
	if err := general(); err != nil {
		return &decodeError{typ: c.name, err: renamePlain(err, reflect.TypeFor[T]())}
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return &decodeError{typ: c.name, err: err}
	}
	var extra map[string]json.RawMessage
	for k, val := range members {
		if c.classify([]byte(k), val) == memberExtra {
			if extra == nil {
				extra = map[string]json.RawMessage{}
			}
			extra[k] = cloneRaw(val)
		}
	}
	setExtra(rv.Field(c.extra), extra)
	return nil
}

// renamePlain makes an encoding/json error about the general path's
// target, the method-free copy of the type t (named plain) or the struct
// embedding it that shadows a union field, name t instead.
func renamePlain(err error, t reflect.Type) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	if te.Struct == "plain" || te.Struct == "" && strings.HasPrefix(te.Field, "plain.") {
		te.Struct = t.Name()
		te.Field = strings.TrimPrefix(te.Field, "plain.")
	}
	if te.Type != nil && (te.Type.Name() == "plain" || embedsPlain(te.Type)) {
		te.Type = t
	}
	return err
}

// embedsPlain reports whether t is a struct whose first field embeds a
// *plain (the shadowing struct of a type with a union field).
func embedsPlain(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.Name() != "" || t.NumField() == 0 {
		return false
	}
	f := t.Field(0)
	return f.Anonymous && f.Type.Kind() == reflect.Pointer && f.Type.Elem().Name() == "plain"
}

func isNull(data []byte) bool { return string(trimSpace(data)) == "null" }

// trimSpace drops the JSON whitespace around data (bytes.TrimSpace would
// also drop what JSON does not allow, such as \v).
func trimSpace(data []byte) []byte { return bytes.Trim(data, " \t\r\n") }

// decodeJSON decodes data into v with encoding/json, numbers in free-form
// values as json.Number when numbers is set.
func decodeJSON(data []byte, v any, numbers bool) error {
	if !numbers {
		return json.Unmarshal(data, v)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		if serr := syntaxError(data); serr != nil {
			return serr
		}
		return err
	}
	if len(trimSpace(data[dec.InputOffset():])) > 0 {
		return syntaxError(data)
	}
	return nil
}

// encodeObject encodes v (a copy the caller owns) through plain, its
// method-free copy: tags first, then the declared fields (a nil required
// slice or map as empty), then ExtraFields in key order, leaving out the
// keys a field or a discriminator declares.
func encodeObject[T any](v *T, plain any) ([]byte, error) {
	c := codecOf(reflect.TypeFor[T]())
	rv := reflect.ValueOf(v).Elem()
	for _, f := range c.fields {
		if fv := rv.Field(f.index); f.required && fv.IsNil() {
			if fv.Kind() == reflect.Slice {
				fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
			} else {
				fv.Set(reflect.MakeMap(fv.Type()))
			}
		}
	}
	body, err := json.Marshal(plain)
	if err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	if c.extra >= 0 {
		extra = rv.Field(c.extra).Interface().(map[string]json.RawMessage)
	}
	if len(extra) == 0 && len(c.tags.fixed) == 0 && len(c.tags.literals) == 0 {
		return body, nil
	}
	out := make([]byte, 0, len(body)+64)
	out = append(out, '{')
	member := func(key string, value []byte) {
		if len(out) > 1 {
			out = append(out, ',')
		}
		k, _ := json.Marshal(key)
		out = append(out, k...)
		out = append(out, ':')
		out = append(out, value...)
	}
	for _, t := range c.tags.fixed {
		member(t.key, []byte(t.value))
	}
	for _, t := range c.tags.literals {
		raw, ok := extra[t.key]
		switch {
		case !ok:
			member(t.key, []byte(t.value))
		case json.Valid(raw):
			member(t.key, raw)
		default:
			return nil, c.invalidExtra(t.key)
		}
	}
	if len(body) > 2 {
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, body[1:len(body)-1]...)
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if c.declares(k) {
			continue
		}
		raw := extra[k]
		if len(raw) == 0 {
			raw = json.RawMessage("null")
		}
		if !json.Valid(raw) {
			return nil, c.invalidExtra(k)
		}
		member(k, raw)
	}
	out = append(out, '}')
	return out, nil
}

func (c *objectCodec) invalidExtra(key string) error {
	return errors.New("types: " + c.name + ".ExtraFields[" + strconv.Quote(key) + "] is not valid JSON")
}

// declares reports whether an encoding of the type writes key itself: a
// field (matched as encoding/json matches, ignoring case) or a tag.
func (c *objectCodec) declares(key string) bool {
	for _, t := range c.tags.literals {
		if key == t.key {
			return true // whatever its value
		}
	}
	return c.classify([]byte(key), nil) != memberExtra
}

// parseAny decodes the JSON value at data[i] as encoding/json decodes into
// an any with UseNumber: objects as map[string]any, arrays as []any,
// numbers as json.Number. It returns the index just past the value, or -1
// for invalid JSON and for object keys with escapes (left to
// encoding/json).
func parseAny(data []byte, i int) (any, int) {
	switch data[i] {
	case '{':
		m := map[string]any{}
		return m, parseAnyObject(m, data, i)
	case '[':
		a := []any{}
		end := parseArray(data, i, func(j int) int {
			x, end := parseAny(data, j)
			a = append(a, x)
			return end
		})
		return a, end
	case '"':
		end, _ := scanString(data, i)
		if end < 0 {
			return nil, -1
		}
		s, ok := jsonString(data[i:end])
		if !ok {
			return nil, -1
		}
		return s, end
	case 't':
		if bytes.HasPrefix(data[i:], []byte("true")) {
			return true, i + 4
		}
	case 'f':
		if bytes.HasPrefix(data[i:], []byte("false")) {
			return false, i + 5
		}
	case 'n':
		if isNullAt(data, i) {
			return nil, i + 4
		}
	default:
		if end := numberEnd(data, i); end >= 0 {
			return json.Number(data[i:end]), end
		}
	}
	return nil, -1
}

// parseAnyObject decodes the members of the JSON object at data[i] into m.
func parseAnyObject(m map[string]any, data []byte, i int) int {
	return parseObject(data, i, func(key []byte, j int) int {
		x, end := parseAny(data, j)
		m[string(key)] = x
		return end
	})
}

// validNumber reports whether data is exactly one JSON number.
func validNumber(data []byte) bool {
	i := 0
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(data) && data[i] == '.' {
		i++
		start := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		start := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(data)
}

// eachElement calls set with each element of the JSON array data, in
// order. It reports whether data is such an array and set accepted every
// element; like eachMember, it checks the punctuation, not the values.
func eachElement(data []byte, set func(item []byte) bool) bool {
	end := parseArray(data, skipSpace(data, 0), func(i int) int {
		end := skipValue(data, i)
		if end < 0 || !set(data[i:end]) {
			return -1
		}
		return end
	})
	return end >= 0 && skipSpace(data, end) == len(data)
}

// countElements returns the number of elements of the JSON array data,
// judged by its punctuation only.
func countElements(data []byte) (int, bool) {
	n := 0
	ok := eachElement(data, func([]byte) bool { n++; return true })
	return n, ok
}
