package letta_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/internal/jsondiff"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tools"
)

// bigInt is beyond 2^53: a float64 cannot hold it.
const bigInt = "9007199254740993"

// withUnknownKeys returns body with three keys no SDK type declares added
// to every JSON object at every level (a string, a nested object and an
// integer beyond 2^53), except the objects whose values are typed (the
// maps of strings under skipMaps).
func withUnknownKeys(t *testing.T, body []byte) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	out, err := json.Marshal(addUnknownKeys(v, ""))
	require.NoError(t, err)
	return out
}

// skipMaps are the keys whose object values are maps of strings.
var skipMaps = []string{"variables", "child_output_mapping"}

func addUnknownKeys(v any, key string) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = addUnknownKeys(x, k)
		}
		if !slices.Contains(skipMaps, key) {
			v["x_future_string"] = "from a newer server"
			v["x_future_object"] = map[string]any{"nested": []any{json.Number("1"), "two", map[string]any{"deep": true}}}
			v["x_future_big"] = json.Number(bigInt)
		}
	case []any:
		for i, x := range v {
			v[i] = addUnknownKeys(x, key)
		}
	}
	return v
}

// TestResponsesKeepUnknownKeys serves every 2xx response fixture with a
// JSON body, with unknown keys added to every object, to the method that
// receives it, and checks that the result encodes back to the same JSON:
// no key lost, the big integers exact.
func TestResponsesKeepUnknownKeys(t *testing.T) {
	calls := newFixtureCalls(t)
	total, kept := 0, 0
	for _, fx := range testutil.Responses(t, "*") {
		ep := calls.endpoints[fx.SDK]
		if fx.Status >= 300 || ep.Streaming || len(fx.Body) == 0 || string(fx.Body) == "null" || isNone(ep) {
			continue
		}
		total++
		body := withUnknownKeys(t, fx.Body)
		ok := t.Run(fx.ID, func(t *testing.T) {
			got, err := calls.serve(t, fx, body)
			require.NoError(t, err)
			enc, err := json.Marshal(got)
			require.NoError(t, err)
			diffs, err := jsondiff.Diff(body, enc)
			require.NoError(t, err)
			assert.Empty(t, diffs, "decoded %T does not re-encode to the served JSON", got)
			assert.Equal(t, bytes.Count(body, []byte(bigInt)), bytes.Count(enc, []byte(bigInt)), "big integers kept exactly")
		})
		if ok {
			kept++
		}
	}
	fmt.Printf("openworld: %d/%d response fixtures keep unknown keys through their method\n", kept, total)
	assert.Greater(t, total, 40)
}

// TestReadModifyWriteKeepsEverything reads an agent and a tool whose JSON
// carries keys the SDK does not declare and integers beyond 2^53, passes
// their parts back into Modify, and checks the request bodies the server
// receives: nothing dropped, nothing rounded.
func TestReadModifyWriteKeepsEverything(t *testing.T) {
	var agent map[string]any
	fx := testutil.ResponseByID(t, "agents.retrieve--1").Body
	dec := json.NewDecoder(bytes.NewReader(fx))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&agent))
	agent["x_future_top"] = map[string]any{"a": json.Number(bigInt)}
	llm := agent["llm_config"].(map[string]any)
	llm["max_tokens"] = json.Number("4096")
	llm["reasoning"] = map[string]any{"effort": "high"}
	agent["embedding_config"].(map[string]any)["embedding_batch_size"] = json.Number("32")
	agent["metadata"] = map[string]any{"ticket": json.Number(bigInt), "nested": []any{json.Number("-" + bigInt)}}
	tool := agent["tools"].([]any)[0].(map[string]any)
	tool["json_schema"].(map[string]any)["parameters"].(map[string]any)["properties"].(map[string]any)["count"] =
		map[string]any{"type": "integer", "maximum": json.Number(bigInt)}
	tool["x_future_tool"] = "kept"
	agentJSON, err := json.Marshal(agent)
	require.NoError(t, err)
	toolJSON, err := json.Marshal(tool)
	require.NoError(t, err)

	bodies := map[string][]byte{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		bodies[r.Method+" "+r.URL.Path] = body
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasPrefix(r.URL.Path, "/v1/tools/"):
			w.Write(toolJSON)
		default:
			w.Write(agentJSON)
		}
	}))
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(0))
	ctx := context.Background()

	got, err := client.Agents.Retrieve(ctx, "agent-1")
	require.NoError(t, err)
	assert.Equal(t, json.RawMessage("4096"), got.LLMConfig.ExtraFields["max_tokens"])
	assert.Equal(t, json.Number(bigInt), got.Metadata["ticket"])

	// json.Marshal of the retrieved agent gives back what was served.
	enc, err := json.Marshal(got)
	require.NoError(t, err)
	diffs, err := jsondiff.Diff(agentJSON, enc)
	require.NoError(t, err)
	assert.Empty(t, diffs)
	assert.Equal(t, bytes.Count(agentJSON, []byte(bigInt)), bytes.Count(enc, []byte(bigInt)))

	unset := map[string]*string{"UNSET_ME": nil, "TZ": new("UTC")}
	_, err = client.Agents.Modify(ctx, "agent-1", agents.ModifyParams{
		LLMConfig:                    &got.LLMConfig,
		EmbeddingConfig:              &got.EmbeddingConfig,
		Metadata:                     got.Metadata,
		ToolExecEnvironmentVariables: unset,
	}, option.WithBodyField(`tool_exec_environment_variables.APP\.MODE`, "prod")) // a key with a dot
	require.NoError(t, err)
	var sent struct {
		LLMConfig       map[string]json.RawMessage `json:"llm_config"`
		EmbeddingConfig map[string]json.RawMessage `json:"embedding_config"`
		Metadata        json.RawMessage            `json:"metadata"`
		Env             map[string]json.RawMessage `json:"tool_exec_environment_variables"`
	}
	require.NoError(t, json.Unmarshal(bodies["PATCH /v1/agents/agent-1"], &sent))
	assert.JSONEq(t, "4096", string(sent.LLMConfig["max_tokens"]))
	assert.JSONEq(t, `{"effort":"high"}`, string(sent.LLMConfig["reasoning"]))
	assert.JSONEq(t, `"gpt-4o-mini"`, string(sent.LLMConfig["model"]))
	assert.JSONEq(t, "32", string(sent.EmbeddingConfig["embedding_batch_size"]))
	assert.Equal(t, `{"nested":[-`+bigInt+`],"ticket":`+bigInt+`}`, string(sent.Metadata))
	assert.Equal(t, "null", string(sent.Env["UNSET_ME"]))
	assert.Equal(t, `"UTC"`, string(sent.Env["TZ"]))
	assert.Equal(t, `"prod"`, string(sent.Env["APP.MODE"]))

	// A tool's JSON schema goes back with its big maximum.
	gotTool, err := client.Tools.Retrieve(ctx, "tool-1")
	require.NoError(t, err)
	assert.Equal(t, json.RawMessage(`"kept"`), gotTool.ExtraFields["x_future_tool"])
	_, err = client.Tools.Modify(ctx, "tool-1", tools.ModifyParams{JSONSchema: gotTool.JSONSchema})
	require.NoError(t, err)
	assert.Contains(t, string(bodies["PATCH /v1/tools/tool-1"]), `"maximum":`+bigInt)
}
