package lettatest_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// createToolFromSource posts src to POST /v1/tools/ at base, deletes the
// tool it made (if any) and returns the outcome.
func createToolFromSource(t *testing.T, base, src string) toolCreateOutcome {
	t.Helper()
	body, err := json.Marshal(map[string]string{"source_code": src})
	require.NoError(t, err)
	resp, err := http.Post(base+"/v1/tools/", "application/json", bytes.NewReader(body))
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

// TestToolSchemas creates a tool from each testdata/tool_schemas/*.py and
// compares what lettatest derives (name, description, JSON schema, or
// the 400 and its detail) with what the real server answered, recorded
// next to it in *.json. With LETTA_INTEGRATION_URL set it also checks the
// recordings against that server.
func TestToolSchemas(t *testing.T) {
	sources, err := filepath.Glob("testdata/tool_schemas/*.py")
	require.NoError(t, err)
	require.NotEmpty(t, sources)
	live := os.Getenv("LETTA_INTEGRATION_URL")
	if *recordToolSchemas && live == "" {
		t.Fatal("-record-tool-schemas needs LETTA_INTEGRATION_URL")
	}
	srv := lettatest.NewServer()
	defer srv.Close()

	for _, path := range sources {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		golden := strings.TrimSuffix(path, ".py") + ".json"
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			if *recordToolSchemas {
				rec := createToolFromSource(t, strings.TrimSuffix(live, "/"), string(src))
				b, err := json.MarshalIndent(rec, "", "  ")
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(golden, append(b, '\n'), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no recording: run with -record-tool-schemas")

			got := createToolFromSource(t, srv.URL, string(src))
			gotJSON, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(gotJSON), "lettatest differs from the server's recorded answer")

			if live != "" && !*recordToolSchemas {
				server := createToolFromSource(t, strings.TrimSuffix(live, "/"), string(src))
				serverJSON, err := json.Marshal(server)
				require.NoError(t, err)
				assert.JSONEq(t, string(want), string(serverJSON), "the server no longer answers what was recorded")
			}
		})
	}
}
