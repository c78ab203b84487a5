package core

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/letta-go/letta/types"
)

// bodyDoer answers every request with a fixed status and body, without a
// network.
type bodyDoer struct {
	status int
	body   []byte
}

func (d bodyDoer) Do(r *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: d.status,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(string(d.body))),
		Request:    r,
	}, nil
}

// decoders decode a body, as a response with the given status, into
// each of the response types the methods use.
var decoders = []func(ctx context.Context, c Core, req Request){
	func(ctx context.Context, c Core, req Request) { Call[*types.AgentState](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[[]types.AgentState](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[*types.LettaResponse](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[types.MessagesListResponse](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[*types.Run](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[*types.ContextWindowOverview](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[*types.ToolReturnMessage](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[[]types.Tool](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[any](ctx, c, req, nil) },
	func(ctx context.Context, c Core, req Request) { Call[string](ctx, c, req, nil) },
}

// decode runs decoder number which (modulo their count) on body, as a 200
// or (odd which) a 422. It must never panic.
func decode(which uint8, body []byte) {
	status := 200
	if which%2 == 1 {
		status = 422
	}
	c := NewCore([]RequestOption{func(c *Config) {
		c.BaseURL = "http://fuzz.invalid"
		c.HTTPClient = bodyDoer{status, body}
		c.MaxRetries = 0
	}})
	decoders[int(which/2)%len(decoders)](context.Background(), c, Request{Method: http.MethodGet, Path: "v1/x"})
}

// goldenBodies returns the body of every response fixture.
func goldenBodies(tb testing.TB) [][]byte {
	files, err := filepath.Glob("../../testdata/responses/*.json")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no fixtures: %v", err)
	}
	var bodies [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var fx struct {
			Body json.RawMessage `json:"body"`
		}
		if json.Unmarshal(data, &fx) == nil && len(fx.Body) > 0 {
			bodies = append(bodies, fx.Body)
		}
	}
	return bodies
}

// FuzzDecodeResponse feeds arbitrary bodies to the response decoding of
// a result type chosen by the input, as a success or an error response.
func FuzzDecodeResponse(f *testing.F) {
	for i, b := range goldenBodies(f) {
		if len(b) < 8<<10 { // small seeds keep the fuzzer fast
			f.Add(uint8(i), b)
		}
	}
	for i, s := range []string{``, `null`, `[null]`, `{"detail":[{"loc":[1.5,{}],"msg":3}]}`, `{"messages":[{"message_type":7}]}`,
		`[{"message_type":"tool_call_message","tool_call":[]}]`, `{"tool_rules":[{"type":null}]}`, `"\ud800"`, `1e999`} {
		f.Add(uint8(i), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) { decode(which, body) })
}

// TestDecodersSurviveTruncation feeds every golden body cut at many points
// (the shapes a dropped connection leaves) to every decoder.
func TestDecodersSurviveTruncation(t *testing.T) {
	for _, b := range goldenBodies(t) {
		step := max(1, len(b)/10)
		for i := 0; i < len(b); i += step {
			for which := range 2 * len(decoders) {
				decode(uint8(which), b[:i])
			}
		}
	}
}
