package types

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/internal/testutil"
)

// objectTypes maps reference type names (as python_type spells them) to a
// constructor of the Go type they decode into.
var objectTypes = map[string]func() any{
	"ActionModel":                 func() any { return new(ActionModel) },
	"AgentState":                  func() any { return new(AgentState) },
	"AppModel":                    func() any { return new(AppModel) },
	"Block":                       func() any { return new(Block) },
	"ContextWindowOverview":       func() any { return new(ContextWindowOverview) },
	"EmbeddingConfig":             func() any { return new(EmbeddingConfig) },
	"FileMetadata":                func() any { return new(FileMetadata) },
	"Health":                      func() any { return new(Health) },
	"Job":                         func() any { return new(Job) },
	"LettaResponse":               func() any { return new(LettaResponse) },
	"LlmConfig":                   func() any { return new(LLMConfig) },
	"Memory":                      func() any { return new(Memory) },
	"MemoryVariablesListResponse": func() any { return new(MemoryVariablesListResponse) },
	"Message":                     func() any { return new(Message) },
	"MessagesListResponse":        func() any { return new(MessagesListResponse) },
	"Passage":                     func() any { return new(Passage) },
	"Provider":                    func() any { return new(Provider) },
	"Run":                         func() any { return new(Run) },
	"Source":                      func() any { return new(Source) },
	"TemplatesMigrateResponse":    func() any { return new(TemplatesMigrateResponse) },
	"Tool":                        func() any { return new(Tool) },
	"ToolReturnMessage":           func() any { return new(ToolReturnMessage) },
	"UsageStatistics":             func() any { return new(UsageStatistics) },
	"str":                         func() any { return new(string) },
	"typing.Optional[typing.Any]": func() any { return new(any) },
}

// unionDecoders decodes the union types a fixture may name.
var unionDecoders = map[string]func([]byte) (any, error){
	"LettaMessageUnion": func(b []byte) (any, error) { return UnmarshalLettaMessage(b) },
	"LettaStreamingResponse": func(b []byte) (any, error) {
		return UnmarshalLettaStreamingResponse(b)
	},
}

// decodeAs decodes body into the Go type for a reference type name,
// including typing.List[X]. It returns the decoded value, ready to encode.
func decodeAs(pythonType string, body []byte) (any, error) {
	if inner, ok := strings.CutPrefix(pythonType, "typing.List["); ok {
		inner = strings.TrimSuffix(inner, "]")
		if dec, ok := unionDecoders[inner]; ok {
			var items []json.RawMessage
			if err := json.Unmarshal(body, &items); err != nil {
				return nil, err
			}
			out := make([]any, len(items))
			for i, item := range items {
				v, err := dec(item)
				if err != nil {
					return nil, err
				}
				out[i] = v
			}
			return out, nil
		}
		mk, ok := objectTypes[inner]
		if !ok {
			return nil, fmt.Errorf("no Go type for %s", inner)
		}
		elem := reflect.TypeOf(mk()).Elem()
		slice := reflect.New(reflect.SliceOf(elem))
		if err := json.Unmarshal(body, slice.Interface()); err != nil {
			return nil, err
		}
		return slice.Interface(), nil
	}
	if dec, ok := unionDecoders[pythonType]; ok {
		return dec(body)
	}
	mk, ok := objectTypes[pythonType]
	if !ok {
		return nil, fmt.Errorf("no Go type for %s", pythonType)
	}
	v := mk()
	if err := json.Unmarshal(body, v); err != nil {
		return nil, err
	}
	return v, nil
}

// TestResponseFixtures decodes every server response fixture into the Go
// type the reference client uses and checks that encoding it again gives
// the same JSON: nothing the server sends is dropped.
func TestResponseFixtures(t *testing.T) {
	fixtures := testutil.Responses(t, "*")
	counted := 0
	for _, fx := range fixtures {
		t.Run(fx.ID, func(t *testing.T) {
			counted++
			switch {
			case fx.Status == 204:
				// No body on the wire; nothing to decode.
				return
			case fx.Status < 200 || fx.Status > 299:
				// An error body: FastAPI's {"detail": …}. The HTTP layer
				// decodes it into APIError; here it must be a JSON object
				// that survives a generic round trip.
				var body map[string]any
				require.NoError(t, json.Unmarshal(fx.Body, &body))
				require.Contains(t, body, "detail")
				out, err := json.Marshal(body)
				require.NoError(t, err)
				assertLossless(t, fx.ID, fx.Body, out)
				return
			case fx.PythonType == "None":
				// The reference client does not read this body (or it is null).
				assert.Equal(t, "null", string(bytes.TrimSpace(fx.Body)))
				return
			}
			v, err := decodeAs(fx.PythonType, fx.Body)
			require.NoError(t, err)
			out, err := json.Marshal(v)
			require.NoError(t, err)
			assertLossless(t, fx.ID, fx.Body, out)
		})
	}
	assert.Equal(t, len(fixtures), counted)
}

// TestResponseFixtureVariants checks that union-valued fixtures decode into
// the intended variants, not just losslessly.
func TestResponseFixtureVariants(t *testing.T) {
	var agent AgentState
	readFixtureBody(t, "agents.retrieve--1", &agent)
	require.Len(t, agent.ToolRules, 4)
	assert.IsType(t, InitToolRule{}, agent.ToolRules[0])
	assert.IsType(t, ConditionalToolRule{}, agent.ToolRules[1])
	assert.IsType(t, ChildToolRule{}, agent.ToolRules[2])
	assert.IsType(t, TerminalToolRule{}, agent.ToolRules[3])
	assert.NotNil(t, agent.OrganizationID)

	var resp LettaResponse
	readFixtureBody(t, "agents.messages.create--1", &resp)
	require.NotEmpty(t, resp.Messages)
	assert.IsType(t, ReasoningMessage{}, resp.Messages[0])
	call, ok := resp.Messages[1].(ToolCallMessage)
	require.True(t, ok)
	assert.IsType(t, ToolCall{}, call.ToolCall)
	require.NotNil(t, resp.Usage.StepCount)
	assert.Equal(t, 4, *resp.Usage.StepCount)

	var letta MessagesListResponse
	readFixtureBody(t, "agents.messages.list--1", &letta)
	assert.Empty(t, letta.Messages)
	assert.NotEmpty(t, letta.LettaMessages)
	for _, m := range letta.LettaMessages {
		assert.NotPanics(t, func() { _ = m.(LettaMessage) })
		_, unknown := m.(UnknownLettaMessage)
		assert.False(t, unknown, "%#v", m)
	}

	var stored MessagesListResponse
	readFixtureBody(t, "agents.messages.list--2", &stored)
	assert.Empty(t, stored.LettaMessages)
	assert.Len(t, stored.Messages, 6)
	assert.Equal(t, 6, stored.Len())

	var job Job
	readFixtureBody(t, "jobs.retrieve--1", &job)
	assert.NotNil(t, job.UserID)
}

func readFixtureBody(t *testing.T, id string, into any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(testutil.ResponseByID(t, id).Body, into))
}

// streamFixture is the metadata file next to each .sse transcript.
type streamFixture struct {
	ID             string            `json:"id"`
	ExpectedEvents []json.RawMessage `json:"expected_events"`
}

// sseData returns the data payloads of an SSE transcript, in order.
func sseData(t *testing.T, path string) [][]byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if data, ok := bytes.CutPrefix(sc.Bytes(), []byte("data: ")); ok {
			out = append(out, bytes.Clone(data))
		}
	}
	require.NoError(t, sc.Err())
	return out
}

var variantOf = map[string]reflect.Type{
	"system_message":      reflect.TypeFor[SystemMessage](),
	"user_message":        reflect.TypeFor[UserMessage](),
	"reasoning_message":   reflect.TypeFor[ReasoningMessage](),
	"tool_call_message":   reflect.TypeFor[ToolCallMessage](),
	"tool_return_message": reflect.TypeFor[ToolReturnMessage](),
	"assistant_message":   reflect.TypeFor[AssistantMessage](),
	"usage_statistics":    reflect.TypeFor[LettaUsageStatistics](),
}

// TestStreamFixtures decodes every event of every stream transcript (the
// raw bytes of the .sse file, \u escapes included) and checks the variant
// and that it re-encodes to the expected event.
func TestStreamFixtures(t *testing.T) {
	files, err := filepath.Glob("../testdata/streams/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		var fx streamFixture
		require.NoError(t, json.Unmarshal(raw, &fx))
		t.Run(fx.ID, func(t *testing.T) {
			frames := sseData(t, strings.TrimSuffix(file, ".json")+".sse")
			require.Len(t, frames, len(fx.ExpectedEvents))
			for i, frame := range frames {
				want := fx.ExpectedEvents[i]
				if want[0] == '"' { // a marker such as "[DONE]"
					var marker string
					require.NoError(t, json.Unmarshal(want, &marker))
					assert.Equal(t, marker, string(frame))
					continue
				}
				ev, err := UnmarshalLettaStreamingResponse(frame)
				require.NoError(t, err, "frame %d", i)
				mt, _, _ := scanKey(frame, "message_type")
				if typ, ok := variantOf[mt]; ok {
					assert.Equal(t, typ, reflect.TypeOf(ev), "frame %d", i)
				} else {
					// An error frame: the stream layer turns it into a
					// StreamError before calling the decoder; decoded
					// anyway, it is kept whole.
					u, ok := ev.(UnknownLettaStreamingResponse)
					require.True(t, ok, "frame %d: %T", i, ev)
					assert.Equal(t, string(frame), string(u.Raw))
				}
				out, err := json.Marshal(ev)
				require.NoError(t, err)
				assertLossless(t, fmt.Sprintf("%s frame %d", fx.ID, i), want, out)

				// The decoded event of the metadata file gives the same.
				ev2, err := UnmarshalLettaStreamingResponse(want)
				require.NoError(t, err, "expected event %d", i)
				assert.Equal(t, reflect.TypeOf(ev), reflect.TypeOf(ev2))
				out2, err := json.Marshal(ev2)
				require.NoError(t, err)
				assertLossless(t, fmt.Sprintf("%s expected event %d", fx.ID, i), want, out2)
			}
		})
	}
}
