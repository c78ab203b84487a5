package lettatest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/types"
)

// fixture is one recorded response of the real server
// (../testdata/responses/*.json).
type fixture struct {
	ID      string          `json:"id"`
	SDK     string          `json:"sdk"`
	Status  int             `json:"status"`
	Body    json.RawMessage `json:"body"`
	Request struct {
		Method string `json:"method"`
		Path   string `json:"path"`
	} `json:"request"`
}

func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	paths, err := filepath.Glob("../testdata/responses/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var out []fixture
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		var f fixture
		require.NoError(t, json.Unmarshal(b, &f), p)
		out = append(out, f)
	}
	return out
}

// rawClient sends raw HTTP requests to a lettatest server.
type rawClient struct {
	t   *testing.T
	url string
}

func (c rawClient) do(method, path, body string) (int, []byte) {
	c.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.url+path, r)
	require.NoError(c.t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return resp.StatusCode, b
}

// json sends a request that must succeed and decodes its JSON answer.
func (c rawClient) json(method, path, body string) map[string]any {
	c.t.Helper()
	status, b := c.do(method, path, body)
	require.Equal(c.t, 200, status, "%s %s: %s", method, path, b)
	var v map[string]any
	require.NoError(c.t, json.Unmarshal(b, &v), "%s %s: %s", method, path, b)
	return v
}

func (c rawClient) id(method, path, body string) string {
	c.t.Helper()
	return c.json(method, path, body)["id"].(string)
}

func (c rawClient) upload(sourceID, name, content string) string {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	require.NoError(c.t, err)
	_, _ = fw.Write([]byte(content))
	require.NoError(c.t, mw.Close())
	resp, err := http.Post(c.url+"/v1/sources/"+sourceID+"/upload", mw.FormDataContentType(), &buf)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	require.Equal(c.t, 200, resp.StatusCode, string(b))
	var job map[string]any
	require.NoError(c.t, json.Unmarshal(b, &job))
	return job["id"].(string)
}

// waitStatus polls path until its "status" is completed.
func (c rawClient) waitStatus(path string) {
	c.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if c.json("GET", path, "")["status"] == "completed" {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.t.Fatalf("%s did not complete", path)
}

const diceSource = `def roll_dice(num_dice: int, sides: int = 6, advantage: bool = False, modifier: float = 0.0) -> str:
    """
    Roll some dice and report the total.

    Args:
        num_dice (int): How many dice to roll.
        sides (int): Number of faces on each die.
        advantage (bool): Roll twice and keep the higher total.
        modifier (float): Value added to the final total.

    Returns:
        str: The rolls and the total.
    """
    import random
    return str(sum(random.randint(1, sides) for _ in range(num_dice)) + modifier)
`

func toolSource(name string) string {
	return strings.Replace(diceSource, "roll_dice", name, 1)
}

// toolResponder calls roll_dice, then core_memory_append, then replies, so
// that histories hold every kind of message.
func toolResponder(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage {
	var out []types.LettaMessage
	out = append(out, lettatest.CallTool("Let me roll.", "roll_dice", map[string]any{"num_dice": 2}, "7")...)
	out = append(out, lettatest.CallTool("Note it.", "core_memory_append", map[string]any{"label": "human", "content": "Rolled a 7."}, "None")...)
	out = append(out, lettatest.Reply("Report the total.", "You rolled 7 for: "+lettatest.UserText(input))...)
	return out
}

func jsonStr(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestResponseShapesMatchServer checks, for every recorded response of the
// real server, that lettatest's answer to the same method has the same
// status and the same JSON shape: the same keys (recursively), and values
// of the same JSON kinds. Exceptions: a null on either side matches any
// value (nullable fields); free-form objects (metadata, json_schema, …)
// are only checked to be objects; array elements are compared with the
// fixture's elements of the same message_type / type; empty arrays match
// any array.
// embeddingConfig is the embedding_config member a source is created with.
const embeddingConfig = `"embedding_config":{"embedding_endpoint_type":"openai","embedding_endpoint":"https://api.openai.com/v1","embedding_model":"text-embedding-ada-002","embedding_dim":1536,"embedding_chunk_size":300}`

func TestResponseShapesMatchServer(t *testing.T) {
	srv := lettatest.NewServer(lettatest.WithResponder(toolResponder))
	defer srv.Close()
	c := rawClient{t: t, url: srv.URL}

	// The world the requests below act on.
	toolID := c.id("POST", "/v1/tools/", jsonStr(map[string]any{"source_code": diceSource}))
	tool2 := c.id("POST", "/v1/tools/", jsonStr(map[string]any{"source_code": toolSource("flip_coin")}))
	tool3 := c.id("POST", "/v1/tools/", jsonStr(map[string]any{"source_code": toolSource("spin_wheel")}))
	sourceID := c.id("POST", "/v1/sources/", `{"name":"handbook","description":"Employee handbook",`+embeddingConfig+`}`)
	source2 := c.id("POST", "/v1/sources/", `{"name":"returns",`+embeddingConfig+`}`)
	source3 := c.id("POST", "/v1/sources/", `{"name":"scratch",`+embeddingConfig+`}`)
	jobID := c.upload(sourceID, "handbook.txt", strings.Repeat("Shipping takes three to five days. ", 200))
	job2 := c.upload(source2, "returns.md", "Returns are accepted within 30 days.")
	c.waitStatus("/v1/jobs/" + jobID)
	c.waitStatus("/v1/jobs/" + job2)
	var files []map[string]any
	_, b := c.do("GET", "/v1/sources/"+source2+"/files", "")
	require.NoError(t, json.Unmarshal(b, &files))
	require.Len(t, files, 1)
	fileID := files[0]["id"].(string)
	templateBlock := c.id("POST", "/v1/blocks/", `{"label":"human","value":"The customer has not shared any details yet.","name":"customer-default","is_template":true}`)
	block2 := c.id("POST", "/v1/blocks/", `{"label":"notes","value":"Running notes.","description":"Open orders","metadata":{"pinned":true}}`)
	block3 := c.id("POST", "/v1/blocks/", `{"label":"scratch","value":"tmp"}`)
	agentBody := jsonStr(map[string]any{
		"name":  "support-bot",
		"model": "openai/gpt-4o-mini", "embedding": "openai/text-embedding-ada-002",
		"memory_blocks": []any{
			map[string]any{"label": "persona", "value": "I am Sam, the support agent."},
			map[string]any{"label": "human", "value": "Name: Dana", "limit": 2000, "description": "The customer", "metadata": map[string]any{"source": "crm"}},
		},
		"tools":      []string{"roll_dice"},
		"source_ids": []string{sourceID},
		"tool_rules": []any{
			map[string]any{"type": "InitToolRule", "tool_name": "core_memory_append"},
			map[string]any{"type": "conditional", "tool_name": "roll_dice", "default_child": "send_message", "child_output_mapping": map[string]any{"7": "send_message"}, "require_output_mapping": false},
			map[string]any{"type": "ToolRule", "tool_name": "roll_dice", "children": []string{"send_message"}},
			map[string]any{"type": "TerminalToolRule", "tool_name": "send_message"},
		},
		"tags":                            []string{"support", "tier-1"},
		"description":                     "Tier-1 support agent",
		"metadata":                        map[string]any{"team": "cx", "version": 3},
		"tool_exec_environment_variables": map[string]any{"TICKETS_URL": "https://tickets.example"},
	})
	agentID := c.id("POST", "/v1/agents/", agentBody)
	agent2 := c.id("POST", "/v1/agents/", `{"name":"doomed","model":"anthropic/claude-3.5-sonnet","embedding":"letta/letta-free"}`)
	agent3 := c.id("POST", "/v1/agents/", `{"name":"resettable","model":"letta/letta-free","embedding":"letta/letta-free","source_ids":["`+source2+`"],"block_ids":["`+block3+`"]}`)
	c.json("PATCH", "/v1/agents/"+agentID+"/core-memory/blocks/attach/"+block2, "")
	c.json("POST", "/v1/agents/"+agentID+"/messages", `{"messages":[{"role":"user","content":"Roll 2d6 please"}]}`)
	c.json("POST", "/v1/agents/"+agentID+"/messages", `{"messages":[{"role":"system","content":"The user joined table 3."},{"role":"user","content":"Again!"}]}`)
	var passages []map[string]any
	_, b = c.do("POST", "/v1/agents/"+agentID+"/archival-memory", `{"text":"Dana likes dice."}`)
	require.NoError(t, json.Unmarshal(b, &passages))
	_, b = c.do("POST", "/v1/agents/"+agentID+"/archival-memory", `{"text":"To be deleted."}`)
	require.NoError(t, json.Unmarshal(b, &passages))
	passage2 := passages[0]["id"].(string)
	runID := c.id("POST", "/v1/agents/"+agentID+"/messages/async", `{"messages":[{"role":"user","content":"Roll in the background"}]}`)
	run2 := c.id("POST", "/v1/agents/"+agentID+"/messages/async", `{"messages":[{"role":"user","content":"And again"}]}`)
	c.waitStatus("/v1/runs/" + runID)
	c.waitStatus("/v1/runs/" + run2)
	providerID := c.id("POST", "/v1/providers/", `{"name":"anthropic","api_key":"sk-ant-test"}`)
	provider2 := c.id("POST", "/v1/providers/", `{"name":"openai","api_key":"sk-test"}`)
	var msgs []map[string]any
	_, b = c.do("GET", "/v1/agents/"+agentID+"/messages?msg_object=true&limit=100", "")
	require.NoError(t, json.Unmarshal(b, &msgs))
	var userMsg string
	for _, m := range msgs {
		if m["role"] == "user" {
			userMsg = m["id"].(string)
		}
	}
	require.NotEmpty(t, userMsg)

	a := "/v1/agents/" + agentID
	type req struct{ method, path, body string }
	requests := map[string]req{
		"agents.archival_memory.create":      {"POST", a + "/archival-memory", `{"text":"Dana prefers email."}`},
		"agents.archival_memory.delete":      {"DELETE", a + "/archival-memory/" + passage2, ""},
		"agents.archival_memory.list":        {"GET", a + "/archival-memory", ""},
		"agents.context.retrieve":            {"GET", a + "/context", ""},
		"agents.core_memory.attach_block":    {"PATCH", a + "/core-memory/blocks/attach/" + block3, ""},
		"agents.core_memory.detach_block":    {"PATCH", "/v1/agents/" + agent3 + "/core-memory/blocks/detach/" + block3, ""},
		"agents.core_memory.list_blocks":     {"GET", a + "/core-memory/blocks", ""},
		"agents.core_memory.modify_block":    {"PATCH", a + "/core-memory/blocks/human", `{"value":"Name: Dana Whitfield"}`},
		"agents.core_memory.retrieve":        {"GET", a + "/core-memory", ""},
		"agents.core_memory.retrieve_block":  {"GET", a + "/core-memory/blocks/human", ""},
		"agents.create":                      {"POST", "/v1/agents/", strings.Replace(agentBody, "support-bot", "support-bot-2", 1)},
		"agents.delete":                      {"DELETE", "/v1/agents/" + agent2, ""},
		"agents.list":                        {"GET", "/v1/agents/", ""},
		"agents.messages.create":             {"POST", a + "/messages", `{"messages":[{"role":"user","content":"Hi"}]}`},
		"agents.messages.create_async":       {"POST", a + "/messages/async", `{"messages":[{"role":"user","content":"Hi"}]}`},
		"agents.messages.create_stream--1":   {"POST", "/v1/agents/agent-259f0c4b-5ed9-4645-8dcb-e6262849a0ba/messages/stream", `{"messages":[{"role":"user","content":"Hi"}]}`},
		"agents.messages.list--1":            {"GET", a + "/messages?limit=50", ""},
		"agents.messages.list--2":            {"GET", a + "/messages?msg_object=true", ""},
		"agents.messages.list--3":            {"GET", a + "/messages", ""},
		"agents.messages.modify":             {"PATCH", a + "/messages/" + userMsg, `{"content":"edited"}`},
		"agents.modify":                      {"PATCH", a, `{"description":"Tier-2 support agent","tags":["support","tier-2"],"metadata":{"team":"cx"}}`},
		"agents.reset_messages":              {"PATCH", "/v1/agents/" + agent3 + "/reset-messages", ""},
		"agents.retrieve":                    {"GET", a, ""},
		"agents.sources.attach":              {"PATCH", a + "/sources/attach/" + source2, ""},
		"agents.sources.detach":              {"PATCH", "/v1/agents/" + agent3 + "/sources/detach/" + source2, ""},
		"agents.sources.list":                {"GET", a + "/sources", ""},
		"agents.tools.attach":                {"PATCH", a + "/tools/attach/" + tool2, ""},
		"agents.tools.detach":                {"PATCH", a + "/tools/detach/" + tool2, ""},
		"agents.tools.list":                  {"GET", a + "/tools", ""},
		"blocks.create":                      {"POST", "/v1/blocks/", `{"label":"persona","value":"I am Sam.","name":"sam","is_template":true}`},
		"blocks.delete":                      {"DELETE", "/v1/blocks/" + block3, ""},
		"blocks.list":                        {"GET", "/v1/blocks/", ""},
		"blocks.list_agents_for_block":       {"GET", "/v1/blocks/" + block2 + "/agents", ""},
		"blocks.modify":                      {"PATCH", "/v1/blocks/" + block2, `{"value":"Running notes. More."}`},
		"blocks.retrieve--1":                 {"GET", "/v1/blocks/" + templateBlock, ""},
		"blocks.retrieve--2":                 {"GET", "/v1/blocks/block-00000000-0000-4000-8000-000000000000", ""},
		"health.check":                       {"GET", "/v1/health/", ""},
		"jobs.delete":                        {"DELETE", "/v1/jobs/" + job2, ""},
		"jobs.list":                          {"GET", "/v1/jobs/", ""},
		"jobs.list_active":                   {"GET", "/v1/jobs/active", ""},
		"jobs.retrieve--1":                   {"GET", "/v1/jobs/" + jobID, ""},
		"jobs.retrieve--2":                   {"GET", "/v1/jobs/job-00000000-0000-4000-8000-000000000000", ""},
		"models.list_embedding_models":       {"GET", "/v1/models/embedding", ""},
		"models.list_llms":                   {"GET", "/v1/models/", ""},
		"providers.create_provider":          {"POST", "/v1/providers/", `{"name":"groq","api_key":"gsk-test"}`},
		"providers.delete_provider":          {"DELETE", "/v1/providers/?provider_id=" + provider2, ""},
		"providers.list_providers":           {"GET", "/v1/providers/", ""},
		"providers.modify_provider":          {"PATCH", "/v1/providers/", `{"id":"` + providerID + `","api_key":"sk-ant-rotated"}`},
		"runs.delete_run":                    {"DELETE", "/v1/runs/" + run2, ""},
		"runs.list_active_runs":              {"GET", "/v1/runs/active", ""},
		"runs.list_run_messages--1":          {"GET", "/v1/runs/" + runID + "/messages", ""},
		"runs.list_run_messages--2":          {"GET", "/v1/runs/" + runID + "/messages?order=asc", ""},
		"runs.list_runs":                     {"GET", "/v1/runs/", ""},
		"runs.retrieve_run":                  {"GET", "/v1/runs/" + runID, ""},
		"runs.retrieve_run_usage":            {"GET", "/v1/runs/" + runID + "/usage", ""},
		"sources.create":                     {"POST", "/v1/sources/", `{"name":"policies",` + embeddingConfig + `}`},
		"sources.delete":                     {"DELETE", "/v1/sources/" + source3, ""},
		"sources.files.delete":               {"DELETE", "/v1/sources/" + source2 + "/file-00000000-0000-4000-8000-000000000000", ""},
		"sources.files.list":                 {"GET", "/v1/sources/" + sourceID + "/files", ""},
		"sources.files.upload":               {"UPLOAD", sourceID, ""},
		"sources.get_by_name":                {"GET", "/v1/sources/name/handbook", ""},
		"sources.list":                       {"GET", "/v1/sources/", ""},
		"sources.modify":                     {"PATCH", "/v1/sources/" + sourceID, `{"description":"Handbook (2025 edition)"}`},
		"sources.passages.list":              {"GET", "/v1/sources/" + sourceID + "/passages", ""},
		"sources.retrieve":                   {"GET", "/v1/sources/" + sourceID, ""},
		"tag.list_tags":                      {"GET", "/v1/tags/", ""},
		"tools.add_base_tool":                {"POST", "/v1/tools/add-base-tools", ""},
		"tools.add_composio_tool":            {"POST", "/v1/tools/composio/GITHUB_STAR_A_REPOSITORY_FOR_THE_AUTHENTICATED_USER", ""},
		"tools.create":                       {"POST", "/v1/tools/", jsonStr(map[string]any{"source_code": toolSource("deal_cards")})},
		"tools.delete":                       {"DELETE", "/v1/tools/" + tool3, ""},
		"tools.list":                         {"GET", "/v1/tools/", ""},
		"tools.list_composio_actions_by_app": {"GET", "/v1/tools/composio/apps/github/actions", ""},
		"tools.list_composio_apps":           {"GET", "/v1/tools/composio/apps", ""},
		"tools.modify":                       {"PATCH", "/v1/tools/" + toolID, `{"description":"Roll dice.","tags":["games"]}`},
		"tools.retrieve":                     {"GET", "/v1/tools/" + toolID, ""},
		"tools.run_tool_from_source":         {"POST", "/v1/tools/run", jsonStr(map[string]any{"source_code": diceSource, "args": map[string]any{"num_dice": 3}})},
		"tools.upsert":                       {"PUT", "/v1/tools/", jsonStr(map[string]any{"source_code": diceSource, "description": "Roll dice (v2)."})},
	}
	// The deletion of a file needs the file.
	requests["sources.files.delete"] = req{"DELETE", "/v1/sources/" + source2 + "/" + fileID, ""}

	compared, empty := 0, 0
	cached := map[string][]byte{}
	cachedStatus := map[string]int{}
	for _, f := range loadFixtures(t) {
		switch f.SDK {
		case "agents.search", "agents.templates.create", "agents.templates.create_version",
			"agents.templates.migrate", "agents.memory_variables.list":
			continue // Letta Cloud only; see TestCloudOnlyRoutes
		}
		r, ok := requests[f.ID]
		key := f.ID
		if !ok {
			r, ok = requests[f.SDK]
			key = f.SDK
		}
		if !ok {
			t.Errorf("%s: no request for this fixture", f.ID)
			continue
		}
		// Methods with several fixtures are called once.
		status, body := cachedStatus[key], cached[key]
		if body == nil && status == 0 {
			if r.method == "UPLOAD" {
				jid := c.upload(r.path, "policy.txt", "Be kind.")
				status, body = c.do("GET", "/v1/jobs/"+jid, "")
				_ = jid
			} else {
				status, body = c.do(r.method, r.path, r.body)
			}
			cachedStatus[key], cached[key] = status, body
		}
		if f.Status == 204 {
			require.Equal(t, 204, status, "%s: %s", f.ID, body)
			require.Empty(t, body, f.ID)
			compared++
			continue
		}
		if compareFixture(t, f, status, body) {
			compared++
		} else {
			empty++
		}
	}
	t.Logf("compared %d fixtures, %d with an empty list", compared, empty)
	require.GreaterOrEqual(t, compared, 70)
}

// TestActiveShapesMatchServer compares the fixtures of active jobs and
// runs, which need a server whose jobs and runs stay pending.
func TestActiveShapesMatchServer(t *testing.T) {
	srv := lettatest.NewServer(lettatest.WithJobDelay(time.Hour), lettatest.WithRunDelay(time.Hour))
	defer srv.Close()
	c := rawClient{t: t, url: srv.URL}
	sourceID := c.id("POST", "/v1/sources/", `{"name":"handbook",`+embeddingConfig+`}`)
	c.upload(sourceID, "a.txt", "hello")
	agentID := c.id("POST", "/v1/agents/", `{"model":"openai/gpt-4o","embedding":"openai/text-embedding-ada-002"}`)
	c.json("POST", "/v1/agents/"+agentID+"/messages/async", `{"messages":[{"role":"user","content":"Hi"}]}`)
	for _, f := range loadFixtures(t) {
		var path string
		switch f.ID {
		case "jobs.list_active--1":
			path = "/v1/jobs/active"
		case "runs.list_active_runs--1":
			path = "/v1/runs/active"
		default:
			continue
		}
		status, body := c.do("GET", path, "")
		require.True(t, compareFixture(t, f, status, body), "%s: nothing to compare: %s", f.ID, body)
	}
}

// compareFixture checks lettatest's answer against the fixture's status
// and shape. It returns false when one side is an empty list, which
// leaves nothing to compare.
func compareFixture(t *testing.T, f fixture, status int, body []byte) bool {
	t.Helper()
	if f.Status != status {
		t.Errorf("%s: status %d, the real server's is %d (body %s)", f.ID, status, f.Status, body)
		return true
	}
	var want, got any
	require.NoError(t, json.Unmarshal(f.Body, &want), f.ID)
	require.NoError(t, json.Unmarshal(body, &got), "%s: %s", f.ID, body)
	if isEmptyArray(want) || isEmptyArray(got) {
		if isEmptyArray(got) && !isEmptyArray(want) {
			t.Logf("%s: lettatest answered [] (fixture has items): shape not compared", f.ID)
		}
		return false
	}
	for _, d := range shapeDiff("$", want, got) {
		t.Errorf("%s: %s", f.ID, d)
	}
	return true
}

func TestShapeDiff(t *testing.T) {
	var want, got any
	require.NoError(t, json.Unmarshal([]byte(`{"a":1,"b":{"c":"x"},"n":null,"l":[{"message_type":"x","k":1},{"message_type":"y","j":true}],"metadata":{"q":1}}`), &want))
	require.NoError(t, json.Unmarshal([]byte(`{"a":"1","b":{},"n":[1],"l":[{"message_type":"y","j":"no"},{"message_type":"z"}],"metadata":{},"extra":0}`), &got))
	require.Equal(t, []string{
		`$.a: string, the real server sends number`,
		`$.b: key "c" missing`,
		`$.l[0].j: string, the real server sends bool`,
		`$: key "extra" not sent by the real server`,
	}, shapeDiff("$", want, got))
}

func isEmptyArray(v any) bool {
	a, ok := v.([]any)
	return ok && len(a) == 0
}

// freeForm lists the keys whose objects hold data, not a fixed set of
// fields.
var freeForm = map[string]bool{
	"metadata": true, "json_schema": true, "properties": true, "meta": true,
	"proxy": true, "child_output_mapping": true, "variables": true, "args": true,
	"parameters": true, "result": true,
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "bool"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// shapeDiff lists how got's shape differs from want's.
func shapeDiff(path string, want, got any) []string {
	if want == nil || got == nil {
		return nil
	}
	if kindOf(want) != kindOf(got) {
		return []string{fmt.Sprintf("%s: %s, the real server sends %s", path, kindOf(got), kindOf(want))}
	}
	switch w := want.(type) {
	case map[string]any:
		g := got.(map[string]any)
		if freeForm[lastKey(path)] {
			return nil
		}
		var diffs []string
		for _, k := range sortedKeys(w) {
			if _, ok := g[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s: key %q missing", path, k))
				continue
			}
			diffs = append(diffs, shapeDiff(path+"."+k, w[k], g[k])...)
		}
		for _, k := range sortedKeys(g) {
			if _, ok := w[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s: key %q not sent by the real server", path, k))
			}
		}
		return diffs
	case []any:
		g := got.([]any)
		if len(w) == 0 || len(g) == 0 {
			return nil
		}
		// Merge the fixture's elements per discriminator.
		merged := map[string]any{}
		for _, e := range w {
			d := discriminator(e)
			merged[d] = mergeShape(merged[d], e)
		}
		var diffs []string
		for i, e := range g {
			m, ok := merged[discriminator(e)]
			if !ok {
				continue // a variant the fixture does not show
			}
			diffs = append(diffs, shapeDiff(fmt.Sprintf("%s[%d]", path, i), m, e)...)
		}
		return diffs
	}
	return nil
}

func lastKey(path string) string {
	i := strings.LastIndexByte(path, '.')
	return path[i+1:]
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// discriminator names an array element's variant.
func discriminator(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return kindOf(v)
	}
	for _, k := range []string{"message_type", "type"} {
		if s, ok := m[k].(string); ok {
			return k + "=" + s
		}
	}
	return "object"
}

// mergeShape combines two examples of one shape: the union of their keys,
// with non-null values preferred.
func mergeShape(a, b any) any {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		out := map[string]any{}
		for k, v := range am {
			out[k] = v
		}
		for k, v := range bm {
			out[k] = mergeShape(out[k], v)
		}
		return out
	}
	aa, aok := a.([]any)
	ba, bok := b.([]any)
	if aok && bok {
		return append(append([]any{}, aa...), ba...)
	}
	return a
}
