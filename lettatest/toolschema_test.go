package lettatest_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/lettatest"
)

// recordToolSchemas rewrites testdata/tool_schemas/*.json from the server
// at LETTA_INTEGRATION_URL:
//
//	URL=$(../shared/letta-server/run.sh start)
//	LETTA_INTEGRATION_URL=$URL go test ./lettatest -run TestToolSchemas -record-tool-schemas
var recordToolSchemas = flag.Bool("record-tool-schemas", false, "record testdata/tool_schemas/*.json from the server at LETTA_INTEGRATION_URL")

// toolCreateOutcome is what tools.create answers for one source: the
// status and either the derived name, description and JSON schema, or the
// error detail (or raw body, when it is not JSON).
type toolCreateOutcome struct {
	Status      int             `json:"status"`
	Name        *string         `json:"name,omitempty"`
	Description *string         `json:"description,omitempty"`
	JSONSchema  json.RawMessage `json:"json_schema,omitempty"`
	Detail      json.RawMessage `json:"detail,omitempty"`
	Body        string          `json:"body,omitempty"`
}

// writeGolden writes v as indented JSON, with <, > and & as they are.
func writeGolden(t *testing.T, path string, v any) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(v))
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
}

// postJSON posts body on a connection of its own: the real server may
// drop a kept-alive connection after a 500, and a POST is not retried.
func postJSON(url string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Close = true
	return http.DefaultClient.Do(req)
}

// createToolFromSource posts src to POST /v1/tools/ at base, deletes the
// tool it made (if any) and returns the outcome.
func createToolFromSource(t *testing.T, base, src string) toolCreateOutcome {
	t.Helper()
	body, err := json.Marshal(map[string]string{"source_code": src})
	require.NoError(t, err)
	resp, err := postJSON(base+"/v1/tools/", body)
	require.NoError(t, err)
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	out := toolCreateOutcome{Status: resp.StatusCode}
	var parsed struct {
		ID          string          `json:"id"`
		Name        *string         `json:"name"`
		Description *string         `json:"description"`
		JSONSchema  json.RawMessage `json:"json_schema"`
		Detail      json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(raw, &parsed) != nil {
		out.Body = string(raw)
		return out
	}
	if resp.StatusCode != http.StatusOK {
		out.Detail = parsed.Detail
		return out
	}
	out.Name, out.Description, out.JSONSchema = parsed.Name, parsed.Description, parsed.JSONSchema
	req, err := http.NewRequest(http.MethodDelete, base+"/v1/tools/"+parsed.ID, nil)
	require.NoError(t, err)
	del, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	del.Body.Close()
	return out
}

// recordings are answers of the real server recorded next to their
// inputs, in <case><suffix> and <case>.json.
type recordings struct {
	pattern, suffix string // pattern globs the inputs; suffix ends their names
	record          *bool  // set by -<flag>: record from LETTA_INTEGRATION_URL
	flag            string
	// answer is the answer of the server at base to input.
	answer func(t *testing.T, base string, input []byte) any
	// compare checks lettatest's answer against the recording; nil is
	// JSONEq.
	compare func(t *testing.T, want, got []byte)
}

// check runs a subtest per input: with -<flag> it first records the real
// server's answer, then compares lettatest's answer with the recording
// and, with LETTA_INTEGRATION_URL set, the real server's too.
func (rc recordings) check(t *testing.T) {
	inputs, err := filepath.Glob(rc.pattern)
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	live := strings.TrimSuffix(os.Getenv("LETTA_INTEGRATION_URL"), "/")
	if *rc.record && live == "" {
		t.Fatalf("-%s needs LETTA_INTEGRATION_URL", rc.flag)
	}
	srv := lettatest.NewServer()
	defer srv.Close()

	for _, path := range inputs {
		golden := strings.TrimSuffix(path, rc.suffix) + ".json"
		t.Run(strings.TrimSuffix(filepath.Base(path), rc.suffix), func(t *testing.T) {
			input, err := os.ReadFile(path)
			require.NoError(t, err)
			if *rc.record {
				writeGolden(t, golden, rc.answer(t, live, input))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no recording: run with -%s", rc.flag)

			got, err := json.Marshal(rc.answer(t, srv.URL, input))
			require.NoError(t, err)
			if rc.compare != nil {
				rc.compare(t, want, got)
			} else {
				assert.JSONEq(t, string(want), string(got), "lettatest differs from the server's recorded answer")
			}
			if live != "" && !*rc.record {
				server, err := json.Marshal(rc.answer(t, live, input))
				require.NoError(t, err)
				assert.JSONEq(t, string(want), string(server), "the server no longer answers what was recorded")
			}
		})
	}
}

// TestToolSchemas creates a tool from each testdata/tool_schemas/*.py and
// compares what lettatest derives (name, description, JSON schema, or
// the 400 and its detail) with what the real server answered, recorded
// next to it in *.json. With LETTA_INTEGRATION_URL set it also checks the
// recordings against that server.
func TestToolSchemas(t *testing.T) {
	recordings{
		pattern: "testdata/tool_schemas/*.py", suffix: ".py",
		record: recordToolSchemas, flag: "record-tool-schemas",
		answer: func(t *testing.T, base string, src []byte) any { return createToolFromSource(t, base, string(src)) },
	}.check(t)
}

// toolLifecycle creates, upserts and modifies a tool at base and checks
// each answer against what the real server (0.6.13) answers; suffix keeps
// the tool names unique on a server that already has tools.
func toolLifecycle(t *testing.T, base, suffix string) {
	type tool struct {
		ID              string          `json:"id"`
		Name            string          `json:"name"`
		Description     *string         `json:"description"`
		Tags            []string        `json:"tags"`
		ReturnCharLimit int             `json:"return_char_limit"`
		JSONSchema      json.RawMessage `json:"json_schema"`
		Detail          any             `json:"detail"`
	}
	call := func(method, path string, body any) (int, tool) {
		t.Helper()
		b, err := json.Marshal(body)
		require.NoError(t, err)
		req, err := http.NewRequest(method, base+path, bytes.NewReader(b))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Close = true // the real server may drop a kept-alive connection after a 500
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var out tool
		raw, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		if json.Unmarshal(raw, &out) != nil {
			out.Detail = string(raw)
		}
		return resp.StatusCode, out
	}
	name := "lifecycle_" + suffix
	v1 := "def " + name + "(x: int):\n    \"\"\"One.\n\n    Args:\n        x: the x\n    \"\"\"\n    return x\n"
	v2 := "def " + name + "(x: int, y: str = \"a\"):\n    \"\"\"Two.\n\n    Args:\n        x: the x\n        y: the y\n    \"\"\"\n    return x\n"
	bad := "def " + name + "(x):\n    \"\"\"Bad.\"\"\"\n"

	status, created := call(http.MethodPost, "/v1/tools/", map[string]any{"source_code": v1, "tags": []string{"t1"}, "return_char_limit": 100, "description": "mine"})
	require.Equal(t, 200, status, created.Detail)
	assert.Equal(t, name, created.Name)
	assert.Equal(t, "mine", *created.Description)
	defer call(http.MethodDelete, "/v1/tools/"+created.ID, nil)

	// Upsert answers the tool as it was, and replaces every field with
	// the body's or its default.
	status, up := call(http.MethodPut, "/v1/tools/", map[string]any{"source_code": v2})
	require.Equal(t, 200, status, up.Detail)
	assert.Equal(t, created.ID, up.ID)
	assert.Equal(t, "mine", *up.Description)
	assert.Equal(t, []string{"t1"}, up.Tags)
	status, got := call(http.MethodGet, "/v1/tools/"+created.ID, nil)
	require.Equal(t, 200, status)
	assert.Equal(t, "Two.", *got.Description)
	assert.Equal(t, []string{}, got.Tags)
	assert.Equal(t, 6000, got.ReturnCharLimit)
	assert.Contains(t, string(got.JSONSchema), `"y"`)

	// A bad source: upsert's 500 carries the generator's message; modify
	// answers the generic 500.
	status, res := call(http.MethodPut, "/v1/tools/", map[string]any{"source_code": bad})
	assert.Equal(t, 500, status)
	assert.Equal(t, "An unexpected error occurred: Schema generation failed: Type error in schema generation: Parameter 'x' in function '"+name+"' lacks a type annotation", res.Detail)
	status, res = call(http.MethodPatch, "/v1/tools/"+created.ID, map[string]any{"source_code": bad})
	assert.Equal(t, 500, status)
	assert.Equal(t, "An internal server error occurred", res.Detail)

	// A custom tool's schema comes from its source: a json_schema alone
	// changes nothing that shows.
	status, mod := call(http.MethodPatch, "/v1/tools/"+created.ID, map[string]any{"json_schema": map[string]any{"name": "other", "description": "d", "parameters": map[string]any{}}})
	require.Equal(t, 200, status, mod.Detail)
	assert.Equal(t, name, mod.Name)
	assert.JSONEq(t, string(got.JSONSchema), string(mod.JSONSchema))

	// On create, a custom tool's json_schema is ignored; with the
	// "composio" tag it is kept and names the tool.
	schema := map[string]any{"name": "named_" + suffix, "description": "d3", "parameters": map[string]any{}}
	status, withSchema := call(http.MethodPost, "/v1/tools/", map[string]any{"source_code": strings.ReplaceAll(v1, name, name+"_b"), "json_schema": schema})
	require.Equal(t, 200, status, withSchema.Detail)
	defer call(http.MethodDelete, "/v1/tools/"+withSchema.ID, nil)
	assert.Equal(t, name+"_b", withSchema.Name)
	assert.Equal(t, "One.", *withSchema.Description)
	status, composio := call(http.MethodPost, "/v1/tools/", map[string]any{"source_code": strings.ReplaceAll(v1, name, name+"_c"), "tags": []string{"composio"}, "json_schema": schema})
	require.Equal(t, 200, status, composio.Detail)
	defer call(http.MethodDelete, "/v1/tools/"+composio.ID, nil)
	assert.Equal(t, "named_"+suffix, composio.Name)
	assert.Equal(t, "d3", *composio.Description)
	status, res = call(http.MethodPost, "/v1/tools/", map[string]any{"source_code": strings.ReplaceAll(v1, name, name+"_d"), "tags": []string{"composio"}})
	assert.Equal(t, 500, status)
	assert.Contains(t, res.Detail, "An unexpected error occurred: 1 validation error for Tool\n  Value error, Tool with id=tool-")
	assert.Contains(t, res.Detail, "name=None tool_type=ToolType.CUSTOM is missing a json_schema.")
}

func TestToolUpsertAndModify(t *testing.T) {
	srv := lettatest.NewServer()
	defer srv.Close()
	toolLifecycle(t, srv.URL, "lettatest")
	if live := os.Getenv("LETTA_INTEGRATION_URL"); live != "" {
		t.Run("server", func(t *testing.T) {
			toolLifecycle(t, strings.TrimSuffix(live, "/"), strconv.FormatInt(time.Now().UnixNano(), 36))
		})
	}
}
