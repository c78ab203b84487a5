package lettatest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/lettatest"
)

// These tests pin what the differential harness (package difftest) found
// the real server to answer, each with the server code that explains it.

// noRedirect sends one request and does not follow redirects.
func noRedirect(t *testing.T, method, url string, header http.Header) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, string(b)
}

func TestHealthWithoutSlash(t *testing.T) {
	srv := lettatest.NewServer()
	defer srv.Close()
	status, h, body := noRedirect(t, "GET", srv.URL+"/v1/health", nil)
	assert.Equal(t, http.StatusTemporaryRedirect, status)
	assert.Equal(t, srv.URL+"/v1/health/", h.Get("Location"))
	assert.Empty(t, body, "Starlette's redirect has no body")

	// With a password, only /v1/health/ itself is let through
	// (app.py: CheckPasswordMiddleware).
	secure := lettatest.NewServer(lettatest.WithPassword("pw"))
	defer secure.Close()
	status, _, _ = noRedirect(t, "GET", secure.URL+"/v1/health/", nil)
	assert.Equal(t, http.StatusOK, status)
	status, _, body = noRedirect(t, "GET", secure.URL+"/v1/health", nil)
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.JSONEq(t, `{"detail":"Unauthorized"}`, body)
	status, _, _ = noRedirect(t, "GET", secure.URL+"/v1/health", http.Header{"X-Bare-Password": {"password pw"}})
	assert.Equal(t, http.StatusTemporaryRedirect, status)
}

// ids returns the ids of a list answer, as names given by names.
func ids(t *testing.T, body []byte, names map[string]string) []string {
	t.Helper()
	var l []map[string]any
	require.NoError(t, json.Unmarshal(body, &l), string(body))
	out := []string{}
	for _, it := range l {
		id, _ := it["id"].(string)
		if n, ok := names[id]; ok {
			id = n
		}
		out = append(out, id)
	}
	return out
}

func TestListPagination(t *testing.T) {
	srv := lettatest.NewServer()
	defer srv.Close()
	c := rawClient{t: t, url: srv.URL}
	names := map[string]string{}
	for i := 1; i <= 4; i++ {
		id := c.id("POST", "/v1/agents/", fmt.Sprintf(`{"name":"a%d","tags":["pg"],"model":"openai/gpt-4o-mini","embedding":"openai/text-embedding-ada-002"}`, i))
		names[id] = fmt.Sprintf("a%d", i)
	}
	byName := map[string]string{}
	for id, n := range names {
		byName[n] = id
	}
	// SqlalchemyBase.list: cursors bound the window, the window is sorted
	// oldest first and cut to the first limit; with both cursors it keeps
	// the middle of 2*limit, and without a limit it fails (None * 2).
	for _, tc := range []struct {
		query  string
		status int
		want   []string
	}{
		{"", 200, []string{"a1", "a2", "a3", "a4"}},
		{"&limit=2", 200, []string{"a1", "a2"}},
		{"&after=a1", 200, []string{"a2", "a3", "a4"}},
		{"&before=a4&limit=2", 200, []string{"a1", "a2"}},
		{"&after=a1&before=a4&limit=1", 200, []string{"a3"}},
		{"&after=a1&before=a4&limit=5", 200, []string{"a2", "a3"}},
		{"&after=a1&before=a4", 500, nil},
		{"&after=a4&before=a1&limit=1", 400, nil},
		{"&after=agent-00000000-0000-4000-8000-000000000000", 404, nil},
	} {
		q := tc.query
		for n, id := range byName {
			q = strings.ReplaceAll(q, "="+n, "="+id)
		}
		status, body := c.do("GET", "/v1/agents/?tags=pg"+q, "")
		require.Equal(t, tc.status, status, "%s: %s", tc.query, body)
		if tc.want != nil {
			assert.Equal(t, tc.want, ids(t, body, names), tc.query)
		}
	}

	// No default limit on agents (the route passes limit=None); 50 on tools.
	for i := range 51 {
		c.id("POST", "/v1/agents/", fmt.Sprintf(`{"name":"m%d","tags":["many"],"model":"openai/gpt-4o-mini","embedding":"openai/text-embedding-ada-002"}`, i))
	}
	_, body := c.do("GET", "/v1/agents/?tags=many", "")
	assert.Len(t, ids(t, body, nil), 51)

	// Unknown cursors: 404 for agents and files, 500 for tools and
	// messages (routers/v1/tools.py turns every exception into a 500;
	// get_agent_recall reads created_at of None).
	status, body := c.do("GET", "/v1/agents/?after=agent-00000000-0000-4000-8000-000000000000", "")
	assert.Equal(t, 404, status)
	assert.JSONEq(t, `{"detail":"No Agent found with id agent-00000000-0000-4000-8000-000000000000"}`, string(body))
	status, body = c.do("GET", "/v1/tools/?after=tool-00000000-0000-4000-8000-000000000000", "")
	assert.Equal(t, 500, status)
	assert.JSONEq(t, `{"detail":"No Tool found with id tool-00000000-0000-4000-8000-000000000000"}`, string(body))
	status, _ = c.do("GET", "/v1/agents/"+byName["a1"]+"/messages?after=message-00000000-0000-4000-8000-000000000000", "")
	assert.Equal(t, 500, status)
	status, body = c.do("GET", "/v1/providers/?after=provider-00000000-0000-4000-8000-000000000000", "")
	assert.Equal(t, 500, status)
	assert.JSONEq(t, `{"detail":"No Provider found with id provider-00000000-0000-4000-8000-000000000000"}`, string(body))
	source := c.id("POST", "/v1/sources/", `{"name":"cursors",`+embeddingConfig+`}`)
	status, body = c.do("GET", "/v1/sources/"+source+"/files?after=file-00000000-0000-4000-8000-000000000000", "")
	assert.Equal(t, 404, status)
	assert.JSONEq(t, `{"detail":"No FileMetadata found with id file-00000000-0000-4000-8000-000000000000"}`, string(body))
}

func TestMessagesWindow(t *testing.T) {
	srv := lettatest.NewServer()
	defer srv.Close()
	c := rawClient{t: t, url: srv.URL}
	agent := c.id("POST", "/v1/agents/", `{"model":"openai/gpt-4o-mini","embedding":"openai/text-embedding-ada-002","initial_message_sequence":[]}`)
	msgs := "/v1/agents/" + agent + "/messages"
	for _, text := range []string{"one", "two", "three"} {
		c.json("POST", msgs, `{"messages":[{"role":"user","content":"`+text+`"}]}`)
	}
	var all []map[string]any
	_, body := c.do("GET", msgs+"?limit=100&msg_object=true", "")
	require.NoError(t, json.Unmarshal(body, &all))
	require.Len(t, all, 10, "the system message, then user, assistant and tool per step")
	id := func(i int) string { return all[i]["id"].(string) }
	window := func(query string) []string {
		var l []map[string]any
		_, body := c.do("GET", msgs+"?msg_object=true&"+query, "")
		require.NoError(t, json.Unmarshal(body, &l), string(body))
		out := []string{}
		for _, m := range l {
			out = append(out, m["id"].(string))
		}
		return out
	}
	// get_agent_recall: the newest limit rows after the cursor, oldest
	// first.
	assert.Equal(t, []string{id(7), id(8), id(9)}, window("after="+id(3)+"&limit=3"))
	assert.Equal(t, []string{id(1), id(2), id(3)}, window("before="+id(4)+"&limit=3"))
	assert.Equal(t, []string{id(4), id(5), id(6)}, window("after="+id(3)+"&before="+id(7)))
	assert.Equal(t, []string{id(7), id(8), id(9)}, window("limit=3"))
	assert.Len(t, window(""), 10, "10 by default")
	// An unknown agent has no messages and no archival memory.
	status, body := c.do("GET", "/v1/agents/agent-00000000-0000-4000-8000-000000000000/messages", "")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `[]`, string(body))
	status, body = c.do("GET", "/v1/agents/agent-00000000-0000-4000-8000-000000000000/archival-memory", "")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `[]`, string(body))
}

func TestBlockConstraints(t *testing.T) {
	srv := lettatest.NewServer()
	defer srv.Close()
	c := rawClient{t: t, url: srv.URL}
	agent := c.id("POST", "/v1/agents/", `{"model":"openai/gpt-4o-mini","embedding":"openai/text-embedding-ada-002","memory_blocks":[{"label":"human","value":"h"}]}`)
	b1 := c.id("POST", "/v1/blocks/", `{"label":"notes","value":"first","limit":20}`)
	b2 := c.id("POST", "/v1/blocks/", `{"label":"notes","value":"second"}`)
	b3 := c.id("POST", "/v1/blocks/", `{"label":"other","value":"third"}`)
	assert.Nil(t, c.json("GET", "/v1/blocks/"+b1, "")["created_by_id"], "the server leaves it null")

	// Over the stored limit: the database check, 400.
	status, body := c.do("PATCH", "/v1/blocks/"+b1, `{"value":"`+strings.Repeat("x", 30)+`"}`)
	assert.Equal(t, 400, status)
	assert.JSONEq(t, `{"detail":"Value length (30) exceeds the limit (20) for block with label 'notes' and id '`+b1+`'."}`, string(body))
	// Over 5000 without a limit: BlockUpdate's validator, 422 on the body.
	long := strings.Repeat("y", 5001)
	status, body = c.do("PATCH", "/v1/blocks/"+b2, `{"value":"`+long+`"}`)
	assert.Equal(t, 422, status)
	var verr struct {
		Detail []struct {
			Loc   []any `json:"loc"`
			Input any   `json:"input"`
		} `json:"detail"`
	}
	require.NoError(t, json.Unmarshal(body, &verr))
	require.Len(t, verr.Detail, 1)
	assert.Equal(t, []any{"body"}, verr.Detail[0].Loc)
	assert.Equal(t, map[string]any{"value": long}, verr.Detail[0].Input)

	attach := "/v1/agents/" + agent + "/core-memory/blocks/attach/"
	detach := "/v1/agents/" + agent + "/core-memory/blocks/detach/"
	status, _ = c.do("PATCH", attach+b1, `{}`)
	assert.Equal(t, 200, status)
	// The (agent, label) unique constraint: what Postgres answers, 500.
	status, body = c.do("PATCH", attach+b2, `{}`)
	assert.Equal(t, 500, status)
	assert.JSONEq(t, `{"detail":"An internal server error occurred"}`, string(body))
	// Detaching a block the agent does not have: 404.
	status, body = c.do("PATCH", detach+b3, `{}`)
	assert.Equal(t, 404, status)
	assert.Contains(t, string(body), "No block with id '"+b3+"' found for agent '"+agent+"'")
	// Tools: detaching checks nothing; deleting an unknown tool is a 400
	// (delete_tool_by_id raises ValueError).
	status, _ = c.do("PATCH", "/v1/agents/"+agent+"/tools/detach/tool-00000000-0000-4000-8000-000000000000", `{}`)
	assert.Equal(t, 200, status)
	status, _ = c.do("DELETE", "/v1/tools/tool-00000000-0000-4000-8000-000000000000", "")
	assert.Equal(t, 400, status)
}

func TestUploadsAndSources(t *testing.T) {
	srv := lettatest.NewServer()
	defer srv.Close()
	c := rawClient{t: t, url: srv.URL}
	status, _ := c.do("POST", "/v1/sources/", `{"name":"bare"}`)
	assert.Equal(t, 400, status, "embedding_config is required")
	src := c.id("POST", "/v1/sources/", `{"name":"docs",`+embeddingConfig+`}`)
	c.id("POST", "/v1/sources/", `{"name":"docs",`+embeddingConfig+`}`) // names need not be unique
	job := c.upload(src, "my notes.md", "alpha beta")
	c.waitStatus("/v1/jobs/" + job)
	var files []map[string]any
	_, body := c.do("GET", "/v1/sources/"+src+"/files", "")
	require.NoError(t, json.Unmarshal(body, &files))
	require.Len(t, files, 1)
	assert.Regexp(t, `^my notes_[0-9a-f]{32}\.md$`, files[0]["file_name"])
	assert.Equal(t, "text/markdown", files[0]["file_type"])

	status, _ = c.do("GET", "/v1/sources/"+src+"/files?after=file-00000000-0000-4000-8000-000000000000", "")
	assert.Equal(t, 404, status)
	status, body = c.do("GET", "/v1/sources/source-00000000-0000-4000-8000-000000000000/files", "")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `[]`, string(body))
	status, _ = c.do("POST", "/v1/sources/source-00000000-0000-4000-8000-000000000000/upload", "")
	assert.Equal(t, 422, status, "no file")
}
