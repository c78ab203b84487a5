package types

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/letta-go/letta/internal/testutil"
)

// fuzzDecoders are the union decoders under fuzz, by type name.
var fuzzDecoders = []struct {
	name string
	dec  func([]byte) (any, error)
}{
	{"LettaMessage", func(b []byte) (any, error) { return UnmarshalLettaMessage(b) }},
	{"LettaStreamingResponse", func(b []byte) (any, error) { return UnmarshalLettaStreamingResponse(b) }},
	{"ToolRule", func(b []byte) (any, error) { return UnmarshalToolRule(b) }},
	{"ToolCallMessageToolCall", func(b []byte) (any, error) { return UnmarshalToolCallMessageToolCall(b) }},
	{"MessageContent", func(b []byte) (any, error) { return UnmarshalMessageContent(b) }},
	{"AgentsSearchRequestSearchItem", func(b []byte) (any, error) { return UnmarshalAgentsSearchRequestSearchItem(b) }},
	{"SandboxConfigConfig", func(b []byte) (any, error) { return UnmarshalSandboxConfigConfig(b) }},
}

// fuzzStructs are types holding union fields, decoded through encoding/json.
var fuzzStructs = []func() any{
	func() any { return new(Time) },
	func() any { return new(MessagesListResponse) },
	func() any { return new(LettaResponse) },
	func() any { return new(AgentState) },
	func() any { return new(MessageCreate) },
	func() any { return new(ToolCallMessage) },
	func() any { return new(SystemMessage) },
	func() any { return new(SandboxConfigCreate) },
}

// FuzzUnmarshalUnions feeds arbitrary bytes to every union decoder and to
// the structs that hold unions. No input may panic; a decode error must
// name the type; whatever decodes must encode, decode again to the same
// variant, and encode to the same bytes (the first encoding is canonical);
// and the fast paths must agree with encoding/json (checkFastPaths).
func FuzzUnmarshalUnions(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFastPaths(t, data)
		for _, d := range fuzzDecoders {
			v, err := d.dec(data)
			if err != nil {
				if !strings.Contains(err.Error(), "types: decoding "+d.name) {
					t.Fatalf("%s: error does not name the type: %v", d.name, err)
				}
				continue
			}
			out1, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%s: encoding %#v: %v", d.name, v, err)
			}
			v2, err := d.dec(out1)
			if err != nil {
				t.Fatalf("%s: decoding own output %s: %v", d.name, out1, err)
			}
			if reflect.TypeOf(v) != reflect.TypeOf(v2) {
				t.Fatalf("%s: variant changed from %T to %T for %s", d.name, v, v2, out1)
			}
			out2, err := json.Marshal(v2)
			if err != nil {
				t.Fatalf("%s: encoding %#v: %v", d.name, v2, err)
			}
			if !bytes.Equal(out1, out2) {
				t.Fatalf("%s: encoding not stable:\n%s\n%s", d.name, out1, out2)
			}
		}
		for _, mk := range fuzzStructs {
			v := mk()
			if json.Unmarshal(data, v) != nil {
				continue
			}
			out1, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T: encoding: %v", v, err)
			}
			v2 := mk()
			if err := json.Unmarshal(out1, v2); err != nil {
				t.Fatalf("%T: decoding own output %s: %v", v, out1, err)
			}
			out2, err := json.Marshal(v2)
			if err != nil {
				t.Fatalf("%T: encoding: %v", v2, err)
			}
			if !bytes.Equal(out1, out2) {
				t.Fatalf("%T: encoding not stable:\n%s\n%s", v, out1, out2)
			}
		}
	})
}

// checkFastPaths fails when a fast path takes data and decodes it other
// than the general path (encoding/json) does: the object decoder of every
// object type, every union decoder, and parseTimeFast (on data as a
// string, and as a JSON string's content).
func checkFastPaths(t *testing.T, data []byte) {
	t.Helper()
	if !json.Valid(data) {
		// Called directly, as decodeVariant and the core call them, the
		// decoders reject what encoding/json would not hand them.
		for _, typ := range directTypes {
			if err := reflect.New(typ).Interface().(json.Unmarshaler).UnmarshalJSON(data); err == nil {
				t.Fatalf("%v.UnmarshalJSON took invalid JSON %q", typ, data)
			}
		}
	}
	for _, typ := range allObjectTypes {
		fast := reflect.New(typ)
		if !codecOf(typ).decodeFast(fast.Elem(), data) {
			continue
		}
		slow := reflect.New(typ)
		err := generalOnly(func() error { return json.Unmarshal(data, slow.Interface()) })
		if err != nil || !reflect.DeepEqual(fast.Interface(), slow.Interface()) {
			t.Fatalf("%v fast path on %q = %#v, encoding/json: %#v, %v", typ, data, fast.Elem(), slow.Elem(), err)
		}
	}
	for mt, typ := range handWritten {
		if got, ok := messageFast(mt, data); ok {
			want := reflect.New(typ)
			err := generalOnly(func() error { return json.Unmarshal(data, want.Interface()) })
			if err != nil || !reflect.DeepEqual(got, want.Elem().Interface()) {
				t.Fatalf("messageFast(%s, %q) = %#v, encoding/json: %#v, %v", mt, data, got, want.Elem(), err)
			}
		}
	}
	if got, ok := toolCallFast(data); ok {
		var want ToolCallDelta
		err := generalOnly(func() error { return json.Unmarshal(data, &want) })
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("toolCallFast(%q) = %#v, encoding/json: %#v, %v", data, got, want, err)
		}
	}
	for _, d := range fuzzDecoders {
		fast, ferr := d.dec(data)
		var slow any
		serr := generalOnly(func() (err error) { slow, err = d.dec(data); return err })
		if (ferr == nil) != (serr == nil) || ferr == nil && !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%s on %q: fast path %#v, %v; encoding/json %#v, %v", d.name, data, fast, ferr, slow, serr)
		}
	}
	for _, s := range []string{string(data), string(bytes.Trim(data, `"`))} {
		if got, ok := parseTimeFast(s); ok {
			want, err := parseTime(s)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("parseTimeFast(%q) = %v, parseTime: %v, %v", s, got, want, err)
			}
		}
	}
}

// directTypes are the types whose UnmarshalJSON is called without
// encoding/json's check of the input first.
var directTypes = append([]reflect.Type{
	reflect.TypeFor[Time](), reflect.TypeFor[ToolRuleList](), reflect.TypeFor[LettaMessageList](),
	reflect.TypeFor[MessagesListResponse](), reflect.TypeFor[AgentsSearchRequestSearchItemList](),
	reflect.TypeFor[UnknownLettaMessage](), reflect.TypeFor[UnknownLettaStreamingResponse](),
	reflect.TypeFor[UnknownToolRule](), reflect.TypeFor[UnknownAgentsSearchRequestSearchItem](),
}, allObjectTypes...)

// handWritten are the message variants messageFast decodes.
var handWritten = map[string]reflect.Type{
	MessageTypeSystemMessage:     reflect.TypeFor[SystemMessage](),
	MessageTypeUserMessage:       reflect.TypeFor[UserMessage](),
	MessageTypeAssistantMessage:  reflect.TypeFor[AssistantMessage](),
	MessageTypeReasoningMessage:  reflect.TypeFor[ReasoningMessage](),
	MessageTypeToolCallMessage:   reflect.TypeFor[ToolCallMessage](),
	MessageTypeToolReturnMessage: reflect.TypeFor[ToolReturnMessage](),
}

// generalOnly runs f with the fast decoding paths turned off.
func generalOnly(f func() error) error {
	fastDecoding = false
	defer func() { fastDecoding = true }()
	return f()
}

// TestFastPaths checks the fast paths against the general ones on the fuzz
// seeds and on inputs at their edges.
func TestFastPaths(t *testing.T) {
	const head = `{"id":"m","date":"2025-01-24T18:03:04+00:00","message_type":`
	edges := []string{
		head + `"reasoning_message","reasoning":"a\"b\u00e9\ud83d\ude00","reasoning":null,"date":null}`,
		head + `"reasoning_message","REASONING":"x"}`,        // folded key: general path
		head + `"reasoning_message","reaſoning":"x"}`,        // folds to reasoning
		head + `"reasoning_message","extra":{"a":[1,null]}}`, // kept
		head + `"reasoning_message","extra":{"a":[1,nul]}}`,
		head + `"reasoning_message","reasoning":"\ud83d"}`,
		head + `"reasoning_message","reasoning":"\x"}`,
		head + `"reasoning_message","reasoning":"` + "\xff\x01" + `"}`,
		head + `"assistant_message","content":[{"type":"text","text":"a"}]}`,
		head + `"assistant_message","content":[{"type":"image","text":"a","url":"u"}]}`,
		head + `"assistant_message","content":{}}`,
		head + `"tool_call_message","tool_call":{"name":"a","arguments":"{}","tool_call_id":"c"}}`,
		head + `"tool_call_message","tool_call":{"name":"a","name":null}}`,
		head + `"tool_call_message","tool_call":{"Name":"a"}}`,
		head + `"tool_call_message","tool_call":{"name":"a"},}`,
		head + `"tool_return_message","tool_return":"x","status":"error","tool_call_id":"c","stdout":["o"],"stderr":null}`,
		head + `"tool_return_message","stdout":[1]}`,
		`{"metadata":{"a":1},"metadata":{"b":9007199254740993,"c":[1.5e3,-0,{"d":null}]},"name":"x"}`,
		`{"metadata":{"a":01}}`, `{"metadata":{"a":1.}}`, `{"metadata":{"a":"\u00e9"}}`, `{"metadata":{"\u00e9":1}}`,
		`{"context_window":1e3}`, `{"context_window":-0}`, `{"context_window":99999999999999999999}`,
		`{"temperature":1e400}`, `{"temperature":-0.5E-3}`, `{"children":["a",null]}`,
		`{"child_output_mapping":{"a":"b","a":null}}`, `{"tags":[1]}`, `{"tool_rules":[{"type":"InitToolRule","tool_name":"a"}]}`,
		`"2025-01-24T18:03:04.123456789-05:30"`, `"2024-02-29 18:03:04z"`, `"2025-02-29T18:03:04Z"`,
		`"2025-01-24T18:03:04.1234567891Z"`, `"2025-01-24T18:03:04+24:00"`, `"2025-01-24T17:59:37.406651"`,
	}
	for _, in := range edges {
		checkFastPaths(t, []byte(in))
	}
	for _, seed := range fuzzSeeds(t) {
		checkFastPaths(t, seed)
	}
	// The fast paths do take the stream's frames.
	frame := []byte(head + `"tool_call_message","tool_call":{"arguments":"{\"label\":\""}}`)
	if !codecOf(reflect.TypeFor[ToolCallMessage]()).decodeFast(reflect.New(reflect.TypeFor[ToolCallMessage]()).Elem(), frame) {
		t.Errorf("the fast path gave up on %s", frame)
	}
	if _, ok := parseTimeFast("2025-01-24T18:03:04.406651+00:00"); !ok {
		t.Error("parseTimeFast gave up")
	}
}

// fuzzSeeds collects JSON values from the fixtures: every response body,
// every list element and every stream frame, plus a few edge cases.
func fuzzSeeds(tb testing.TB) [][]byte {
	seeds := [][]byte{
		[]byte(`null`), []byte(`{}`), []byte(`[]`), []byte(`""`), []byte(`"2025-01-24T17:59:37.406651"`),
		[]byte(`"2025-01-24T18:03:04+00:00"`), []byte(`1737741784.5`),
		[]byte(`{"message_type":"hologram_message"}`), []byte(`{"id":"m","date":"2025-01-24","content":"x"}`),
		[]byte(`{"tool_name":"a","children":["b"]}`), []byte(`{"tool_name":"a","type":"continue_loop"}`),
		[]byte(`{"field":"tags","operator":"contains","value":["a"]}`), []byte(`{"sandbox_dir":"/s"}`),
		[]byte(`[{"type":"text","text":"a"}]`), []byte(`{"name":"f","arguments":"{}","tool_call_id":"c"}`),
		[]byte(`{"error":"Stream failed","code":"X"}`), []byte(`["body",0]`),
	}
	for _, fx := range testutil.Responses(tb, "*") {
		if len(fx.Body) == 0 {
			continue
		}
		if len(fx.Body) < 8<<10 { // keep the corpus small: big inputs slow the fuzzer
			seeds = append(seeds, fx.Body)
		}
		var items []json.RawMessage
		if json.Unmarshal(fx.Body, &items) == nil {
			for _, item := range items {
				if len(item) < 8<<10 {
					seeds = append(seeds, item)
				}
			}
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(fx.Body, &obj) == nil {
			for _, k := range []string{"tool_rules", "messages", "tool_call", "content"} {
				if v, ok := obj[k]; ok && len(v) < 8<<10 {
					seeds = append(seeds, v)
				}
			}
		}
	}
	streams, _ := filepath.Glob("../testdata/streams/*.sse")
	for _, file := range streams {
		raw, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		for line := range bytes.SplitSeq(raw, []byte("\n")) {
			if data, ok := bytes.CutPrefix(line, []byte("data: ")); ok {
				seeds = append(seeds, bytes.Clone(data))
			}
		}
	}
	return seeds
}

// TestFuzzSeedsDecode runs the fuzz property over the seeds in ordinary
// test runs (go test also runs the seed corpus, this makes it explicit that
// the seeds are non-trivial).
func TestFuzzSeedsDecode(t *testing.T) {
	seeds := fuzzSeeds(t)
	if len(seeds) < 100 {
		t.Fatalf("only %d fuzz seeds", len(seeds))
	}
}
