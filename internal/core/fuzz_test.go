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

// decodeAll decodes body, as a 200 and as a 422, into every response
// type the methods use. It must never panic.
func decodeAll(body []byte) {
	ctx := context.Background()
	for _, status := range []int{200, 422} {
		c := NewCore([]RequestOption{func(c *Config) {
			c.BaseURL = "http://fuzz.invalid"
			c.HTTPClient = bodyDoer{status, body}
			c.MaxRetries = 0
		}})
		req := Request{Method: http.MethodGet, Path: "v1/x"}
		Call[*types.AgentState](ctx, c, req, nil)
		Call[[]types.AgentState](ctx, c, req, nil)
		Call[*types.LettaResponse](ctx, c, req, nil)
		Call[types.MessagesListResponse](ctx, c, req, nil)
		Call[[]types.LettaMessage](ctx, c, req, nil)
		Call[*types.Run](ctx, c, req, nil)
		Call[*types.ContextWindowOverview](ctx, c, req, nil)
		Call[*types.ToolReturnMessage](ctx, c, req, nil)
		Call[[]types.Tool](ctx, c, req, nil)
		Call[any](ctx, c, req, nil)
		Call[string](ctx, c, req, nil)
	}
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
// every result type, as success and as error responses.
func FuzzDecodeResponse(f *testing.F) {
	for _, b := range goldenBodies(f) {
		f.Add(b)
	}
	for _, s := range []string{``, `null`, `[null]`, `{"detail":[{"loc":[1.5,{}],"msg":3}]}`, `{"messages":[{"message_type":7}]}`,
		`[{"message_type":"tool_call_message","tool_call":[]}]`, `{"tool_rules":[{"type":null}]}`, `"\ud800"`, `1e999`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) { decodeAll(body) })
}

// TestDecodersSurviveTruncation feeds every golden body cut at many points
// (the shapes a dropped connection leaves) to every decoder.
func TestDecodersSurviveTruncation(t *testing.T) {
	for _, b := range goldenBodies(t) {
		step := max(1, len(b)/10)
		for i := 0; i < len(b); i += step {
			decodeAll(b[:i])
		}
	}
}
