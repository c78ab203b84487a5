package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"slices"
	"strings"
	"time"
)

// session plays the script against one target.
type session struct {
	*target
	tok string // unique to the run: scopes agents (tag), blocks (label), names
	// baseTools are the names of the tools a fresh lettatest has; on the
	// real server, other tools in the baseline list are foreign.
	baseTools map[string]bool
}

// Missing ids, well-formed but never handed out.
const (
	missingAgent   = "agent-00000000-0000-4000-8000-00000000dead"
	missingTool    = "tool-00000000-0000-4000-8000-00000000dead"
	missingBlock   = "block-00000000-0000-4000-8000-00000000dead"
	missingSource  = "source-00000000-0000-4000-8000-00000000dead"
	missingFile    = "file-00000000-0000-4000-8000-00000000dead"
	missingJob     = "job-00000000-0000-4000-8000-00000000dead"
	missingRun     = "run-00000000-0000-4000-8000-00000000dead"
	missingMessage = "message-00000000-0000-4000-8000-00000000dead"
	missingPassage = "passage-00000000-0000-4000-8000-00000000dead"
)

func (s *session) get(label, path string) *exchange {
	return s.do(label, req{method: "GET", path: path})
}

func (s *session) list(label, path string) *exchange {
	return s.do(label, req{method: "GET", path: path, list: true})
}

// listAll lists what the API cannot scope to the harness's objects.
func (s *session) listAll(label, path string) *exchange {
	return s.do(label, req{method: "GET", path: path, list: true, unscoped: true})
}

// src puts the run's token into the function names of a tool source, so
// that a shared server's unique tool names do not collide.
func (s *session) src(code string) map[string]any {
	return map[string]any{"source_code": strings.ReplaceAll(code, "_TOK(", "_"+s.tok+"(")}
}

func (s *session) post(label, path string, body any) *exchange {
	return s.do(label, req{method: "POST", path: path, body: body})
}

func (s *session) patch(label, path string, body any) *exchange {
	return s.do(label, req{method: "PATCH", path: path, body: body})
}

func (s *session) put(label, path string, body any) *exchange {
	return s.do(label, req{method: "PUT", path: path, body: body})
}

func (s *session) del(label, path string) *exchange {
	return s.do(label, req{method: "DELETE", path: path})
}

// sym returns the symbol of the id at key in an answer ("" if none).
func (s *session) sym(v any, key string) string {
	if id := field(v, key); id != "" {
		return s.symbol(id)
	}
	return ""
}

// pause separates creations whose order is compared: the real server's
// SQLite stores created_at to the second.
func (s *session) pause() { time.Sleep(s.tick) }

// fetch GETs path without recording an exchange (helpers, polling).
func (s *session) fetch(path string) any {
	resp, err := s.hc.Get(s.base + s.resolve(path))
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	var v any
	d := json.NewDecoder(resp.Body)
	d.UseNumber()
	if d.Decode(&v) != nil {
		return nil
	}
	return v
}

// waitFor polls path until its status is one of the final ones.
func (s *session) waitFor(path string, final ...string) {
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		st := field(s.fetch(path), "status")
		for _, f := range final {
			if st == f {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// embedding returns the target's configuration for text-embedding-ada-002.
func (s *session) embedding() any {
	l, _ := s.fetch("/v1/models/embedding").([]any)
	for _, e := range l {
		if fmt.Sprint(e.(map[string]any)["embedding_model"]) == "text-embedding-ada-002" {
			return e
		}
	}
	return item(l, 0)
}

func (s *session) upload(label, sourceSym, name, content string) *exchange {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.Close()
	return s.do(label, req{method: "POST", path: "/v1/sources/" + sourceSym + "/upload", raw: buf.Bytes(), contentType: mw.FormDataContentType()})
}

func withTags(m map[string]any, tags ...string) map[string]any {
	m["tags"] = tags
	return m
}

func userMessage(text string) map[string]any {
	return map[string]any{"messages": []any{map[string]any{"role": "user", "content": text}}}
}

// Tool sources: valid ones and ones the server rejects
// (functions/functions.py, functions/schema_generator.py).
const (
	toolAdd = `def add_numbers_TOK(a: int, b: int) -> int:
    """
    Add two numbers.

    Args:
        a (int): The first number.
        b (int): The second number.

    Returns:
        int: The sum.
    """
    return a + b
`
	toolGreet = `def greet_TOK(name: str) -> str:
    """
    Greet someone by name.

    Args:
        name (str): Who to greet.

    Returns:
        str: The greeting.
    """
    return "Hello, " + name
`
	toolTwoFuncs = `def helper_first_TOK(x: int) -> int:
    """
    The first function.

    Args:
        x (int): A number.

    Returns:
        int: The number.
    """
    return x


def second_function_TOK(y: str) -> str:
    """
    The last function in the source.

    Args:
        y (str): A word.

    Returns:
        str: The word.
    """
    return y
`
	toolOptional = `from typing import Optional, List

def optional_args_TOK(count: Optional[int], words: list, names: List[str], flag: bool = False) -> str:
    """
    Take optional and list arguments.
    This second line of the summary is not part of the description.

    Args:
        count (Optional[int]): How many, or none.
        words (list): Some words.
        names (List[str]): Some names.
        flag (bool): A flag.

    Returns:
        str: A summary.
    """
    return str(count)
`
	toolNoDocstring = `def no_doc_TOK(x: int) -> int:
    return x
`
	toolNoAnnotation = `def no_annotation_TOK(x) -> int:
    """
    No annotation.

    Args:
        x: A value.

    Returns:
        int: The value.
    """
    return x
`
	toolNoArgDescription = `def no_arg_description_TOK(x: int, y: int) -> int:
    """
    An argument without a description.

    Args:
        x (int): A value.

    Returns:
        int: The value.
    """
    return x
`
	toolSyntaxError = `def broken_TOK(x: int) -> int
    return x
`
)

// script is the sequence of calls played against every target. It uses
// symbols (agent#1) for ids; each target resolves them to its own ids.
func (s *session) script() {
	tok := s.tok
	tagged := "/v1/agents/?tags=" + tok

	// Health, the redirect of the path without its slash, models.
	s.get("health", "/v1/health/")
	s.get("health without slash", "/v1/health")
	s.get("unknown path", "/v1/nothing-here/")
	s.list("llm models", "/v1/models/")
	s.list("embedding models", "/v1/models/embedding")

	// The tools of a fresh server.
	s.baselineTools()

	// Tool creation: valid and rejected sources.
	t1 := s.sym(s.post("create tool add_numbers", "/v1/tools/", s.src(toolAdd)).body, "id")
	s.pause()
	t2 := s.sym(s.post("create tool greet", "/v1/tools/", withTags(s.src(toolGreet), tok)).body, "id")
	s.pause()
	t3 := s.sym(s.post("create tool from two functions", "/v1/tools/", s.src(toolTwoFuncs)).body, "id")
	s.pause()
	s.post("create tool with optional and list args", "/v1/tools/", s.src(toolOptional))
	s.post("create tool without docstring", "/v1/tools/", s.src(toolNoDocstring))
	s.post("create tool with unannotated arg", "/v1/tools/", s.src(toolNoAnnotation))
	s.post("create tool with undescribed arg", "/v1/tools/", s.src(toolNoArgDescription))
	s.post("create tool with syntax error", "/v1/tools/", s.src(toolSyntaxError))
	s.do("create tool twice", req{method: "POST", path: "/v1/tools/", body: s.src(toolAdd), unique: true})
	s.post("create tool without source", "/v1/tools/", map[string]any{})
	s.get("retrieve tool", "/v1/tools/"+t1)
	s.patch("modify tool", "/v1/tools/"+t2, map[string]any{"description": "Greets."})
	s.put("upsert tool", "/v1/tools/", s.src(toolGreet))
	s.listAll("list tools", "/v1/tools/")
	s.listAll("list tools after", "/v1/tools/?after="+t1)
	s.listAll("list tools after limit 1", "/v1/tools/?after="+t1+"&limit=1")
	s.listAll("list tools after last", "/v1/tools/?after="+t3)
	s.list("list tools unknown cursor", "/v1/tools/?after="+missingTool)
	s.get("retrieve missing tool", "/v1/tools/"+missingTool)
	s.patch("modify missing tool", "/v1/tools/"+missingTool, map[string]any{"description": "x"})
	s.del("delete missing tool", "/v1/tools/"+missingTool)
	run1 := s.src(toolAdd)
	run1["args"] = map[string]any{"a": 2, "b": 3}
	s.do("run tool from source", req{method: "POST", path: "/v1/tools/run", body: run1, exact: []string{"tool_return", "stdout", "stderr"}})
	s.do("run tool from source that raises", req{method: "POST", path: "/v1/tools/run", exact: []string{"tool_return"}, body: map[string]any{"source_code": "def boom(x: int) -> int:\n    \"\"\"\n    Fail.\n\n    Args:\n        x (int): Ignored.\n\n    Returns:\n        int: Nothing.\n    \"\"\"\n    raise ValueError('boom')\n", "args": map[string]any{"x": 1}}})

	// Blocks, scoped by a label unique to the run.
	label := "lab-" + tok
	b1 := s.sym(s.post("create block", "/v1/blocks/", map[string]any{"label": label, "value": "first", "limit": 20, "name": "n1-" + tok}).body, "id")
	s.pause()
	b2 := s.sym(s.post("create second block, same label", "/v1/blocks/", map[string]any{"label": label, "value": "second"}).body, "id")
	s.pause()
	b3 := s.sym(s.post("create block, other label", "/v1/blocks/", map[string]any{"label": "other-" + tok, "value": "third"}).body, "id")
	s.post("create block over its limit", "/v1/blocks/", map[string]any{"label": label, "value": "too long for the limit", "limit": 5})
	s.post("create block without value", "/v1/blocks/", map[string]any{"label": label})
	s.list("list blocks by label", "/v1/blocks/?templates_only=false&label="+label)
	s.list("list blocks by name", "/v1/blocks/?templates_only=false&name=n1-"+tok)
	s.list("list template blocks by label", "/v1/blocks/?label="+label)
	s.get("retrieve block", "/v1/blocks/"+b1)
	s.patch("modify block", "/v1/blocks/"+b1, map[string]any{"value": "changed"})
	s.patch("modify block over its limit", "/v1/blocks/"+b1, map[string]any{"value": strings.Repeat("x", 30)})
	s.patch("modify block, value and limit", "/v1/blocks/"+b1, map[string]any{"value": strings.Repeat("x", 30), "limit": 40})
	s.patch("modify block over 5000 chars", "/v1/blocks/"+b2, map[string]any{"value": strings.Repeat("y", 5001)})
	s.get("retrieve missing block", "/v1/blocks/"+missingBlock)
	s.patch("modify missing block", "/v1/blocks/"+missingBlock, map[string]any{"value": "x"})
	s.del("delete missing block", "/v1/blocks/"+missingBlock)
	s.list("agents for missing block", "/v1/blocks/"+missingBlock+"/agents")

	// Agents, scoped by a tag unique to the run.
	newAgent := func(name string, tags []string) map[string]any {
		return map[string]any{
			"name": name, "tags": tags, "model": "openai/gpt-4o-mini", "embedding": "openai/text-embedding-ada-002",
			"memory_blocks": []any{
				map[string]any{"label": "human", "value": "The human is a test."},
				map[string]any{"label": "persona", "value": "I am a test agent."},
			},
		}
	}
	a1 := s.sym(s.post("create agent 1", "/v1/agents/", newAgent("a1-"+tok, []string{tok, "x-" + tok})).body, "id")
	s.pause()
	a2 := s.sym(s.post("create agent 2", "/v1/agents/", newAgent("a2-"+tok, []string{tok})).body, "id")
	s.pause()
	a3 := s.sym(s.post("create agent 3", "/v1/agents/", newAgent("a3-"+tok, []string{tok, "y-" + tok})).body, "id")
	s.pause()
	a4 := s.sym(s.post("create agent 4", "/v1/agents/", newAgent("a4-"+tok, []string{tok})).body, "id")
	s.post("create agent without model", "/v1/agents/", map[string]any{"name": "bad-" + tok})
	s.list("list agents", tagged)
	s.list("list agents limit 2", tagged+"&limit=2")
	s.list("list agents after", tagged+"&after="+a1)
	s.list("list agents after limit 2", tagged+"&after="+a1+"&limit=2")
	s.list("list agents before", tagged+"&before="+a4)
	s.list("list agents before limit 2", tagged+"&before="+a4+"&limit=2")
	s.list("list agents after and before", tagged+"&after="+a1+"&before="+a4)
	s.list("list agents after and before limit 1", tagged+"&after="+a1+"&before="+a4+"&limit=1")
	s.list("list agents after and before limit 5", tagged+"&after="+a1+"&before="+a4+"&limit=5")
	s.list("list agents after last", tagged+"&after="+a4)
	s.list("list agents unknown after", tagged+"&after="+missingAgent)
	s.list("list agents unknown before", tagged+"&before="+missingAgent)
	s.list("list agents by name", "/v1/agents/?name=a2-"+tok)
	s.list("list agents by query text", "/v1/agents/?query_text=a3-"+tok)
	s.list("list agents matching all tags", tagged+"&tags=x-"+tok+"&match_all_tags=true")
	s.list("list agents matching any tag", "/v1/agents/?tags=x-"+tok+"&tags=y-"+tok)
	s.list("list tags", "/v1/tags/?query_text="+tok)
	s.list("list tags limit 1", "/v1/tags/?query_text="+tok+"&limit=1")
	s.list("list tags after", "/v1/tags/?query_text="+tok+"&after="+tok)
	s.get("retrieve agent", "/v1/agents/"+a1)
	s.patch("modify agent", "/v1/agents/"+a2, map[string]any{"description": "second agent"})
	s.get("agent context window", "/v1/agents/"+a1+"/context")
	s.get("retrieve missing agent", "/v1/agents/"+missingAgent)
	s.patch("modify missing agent", "/v1/agents/"+missingAgent, map[string]any{"name": "x"})
	s.del("delete missing agent", "/v1/agents/"+missingAgent)
	s.get("context window of missing agent", "/v1/agents/"+missingAgent+"/context")

	// Agent tools.
	s.do("list agent tools", req{method: "GET", path: "/v1/agents/" + a1 + "/tools", list: true, unordered: "tools"})
	s.patch("attach tool", "/v1/agents/"+a1+"/tools/attach/"+t1, map[string]any{})
	s.patch("attach tool again", "/v1/agents/"+a1+"/tools/attach/"+t1, map[string]any{})
	s.patch("attach missing tool", "/v1/agents/"+a1+"/tools/attach/"+missingTool, map[string]any{})
	s.patch("detach tool", "/v1/agents/"+a1+"/tools/detach/"+t1, map[string]any{})
	s.patch("detach never-attached tool", "/v1/agents/"+a1+"/tools/detach/"+t2, map[string]any{})
	s.patch("detach missing tool", "/v1/agents/"+a1+"/tools/detach/"+missingTool, map[string]any{})
	s.patch("attach tool to missing agent", "/v1/agents/"+missingAgent+"/tools/attach/"+t1, map[string]any{})
	s.list("list tools of missing agent", "/v1/agents/"+missingAgent+"/tools")

	// Core memory.
	s.get("core memory", "/v1/agents/"+a1+"/core-memory")
	s.do("core memory blocks", req{method: "GET", path: "/v1/agents/" + a1 + "/core-memory/blocks", list: true, unordered: "blocks"})
	s.get("core memory block", "/v1/agents/"+a1+"/core-memory/blocks/human")
	s.get("missing core memory block", "/v1/agents/"+a1+"/core-memory/blocks/nolabel")
	s.patch("modify core memory block", "/v1/agents/"+a1+"/core-memory/blocks/human", map[string]any{"value": "The human likes tests."})
	s.patch("modify core memory block over 5000 chars", "/v1/agents/"+a1+"/core-memory/blocks/human", map[string]any{"value": strings.Repeat("z", 5001)})
	s.patch("modify missing core memory block", "/v1/agents/"+a1+"/core-memory/blocks/nolabel", map[string]any{"value": "x"})
	s.patch("attach block", "/v1/agents/"+a1+"/core-memory/blocks/attach/"+b1, map[string]any{})
	s.do("attach block with a label in use", req{method: "PATCH", path: "/v1/agents/" + a1 + "/core-memory/blocks/attach/" + b2, body: map[string]any{}, unique: true})
	s.do("attach block again", req{method: "PATCH", path: "/v1/agents/" + a1 + "/core-memory/blocks/attach/" + b1, body: map[string]any{}, unique: true})
	s.patch("attach missing block", "/v1/agents/"+a1+"/core-memory/blocks/attach/"+missingBlock, map[string]any{})
	s.patch("detach never-attached block", "/v1/agents/"+a1+"/core-memory/blocks/detach/"+b3, map[string]any{})
	s.patch("detach missing block", "/v1/agents/"+a1+"/core-memory/blocks/detach/"+missingBlock, map[string]any{})
	s.list("agents for block", "/v1/blocks/"+b1+"/agents")
	s.patch("detach block", "/v1/agents/"+a1+"/core-memory/blocks/detach/"+b1, map[string]any{})
	s.get("core memory of missing agent", "/v1/agents/"+missingAgent+"/core-memory")
	s.list("core memory blocks of missing agent", "/v1/agents/"+missingAgent+"/core-memory/blocks")

	// Archival memory: integer cursors.
	p1 := s.post("insert passage 1", "/v1/agents/"+a1+"/archival-memory", map[string]any{"text": "alpha passage"})
	s.pause()
	s.post("insert passage 2", "/v1/agents/"+a1+"/archival-memory", map[string]any{"text": "beta passage"})
	s.pause()
	s.post("insert passage 3", "/v1/agents/"+a1+"/archival-memory", map[string]any{"text": "gamma passage"})
	s.list("list archival", "/v1/agents/"+a1+"/archival-memory")
	s.list("list archival limit 2", "/v1/agents/"+a1+"/archival-memory?limit=2")
	s.list("list archival after 1", "/v1/agents/"+a1+"/archival-memory?after=1")
	s.list("list archival before 2", "/v1/agents/"+a1+"/archival-memory?before=2")
	s.list("list archival of missing agent", "/v1/agents/"+missingAgent+"/archival-memory")
	s.post("insert passage into missing agent", "/v1/agents/"+missingAgent+"/archival-memory", map[string]any{"text": "x"})
	s.del("delete passage", "/v1/agents/"+a1+"/archival-memory/"+s.sym(item(p1.body, 0), "id"))
	s.del("delete missing passage", "/v1/agents/"+a1+"/archival-memory/"+missingPassage)

	// Messages: three steps a second apart, then cursors on step boundaries.
	msgs := "/v1/agents/" + a2 + "/messages"
	s.list("initial messages", msgs)
	s.pause()
	s.post("send message 1", msgs, userMessage("first"))
	step1 := s.list("messages after step 1", msgs+"?limit=3")
	s.pause()
	s.post("send message 2", msgs, userMessage("second"))
	s.pause()
	s.do("stream message 3", req{method: "POST", path: msgs + "/stream", body: userMessage("third"), stream: true})
	step3 := s.list("messages after step 3", msgs+"?limit=3")
	s.pause()
	body := userMessage("fourth")
	body["stream_tokens"] = true
	s.do("stream message 4 by tokens", req{method: "POST", path: msgs + "/stream", body: body, stream: true})
	endOf1 := s.sym(item(step1.body, -1), "id")
	startOf3 := s.sym(item(step3.body, 0), "id")
	s.list("list messages", msgs)
	s.list("list messages limit 6", msgs+"?limit=6")
	s.list("list messages limit 100", msgs+"?limit=100")
	s.list("list messages after", msgs+"?after="+endOf1)
	s.list("list messages after limit 3", msgs+"?after="+endOf1+"&limit=3")
	// (With a before= cursor, SQLite also lists the rows of the cursor's
	// second; a limit would cut a different window, so none is given.)
	s.list("list messages before", msgs+"?before="+startOf3+"&limit=100")
	s.list("list messages after and before", msgs+"?after="+endOf1+"&before="+startOf3+"&limit=100")
	s.list("list messages as objects", msgs+"?limit=3&msg_object=true")
	s.list("list messages unknown after", msgs+"?after="+missingMessage)
	s.list("list messages of missing agent", "/v1/agents/"+missingAgent+"/messages")
	s.post("send message to missing agent", "/v1/agents/"+missingAgent+"/messages", userMessage("x"))
	s.do("stream to missing agent", req{method: "POST", path: "/v1/agents/" + missingAgent + "/messages/stream", body: userMessage("x"), stream: true})
	s.post("send message without messages", msgs, map[string]any{})
	s.patch("modify message", msgs+"/"+startOf3, map[string]any{"role": "user", "content": "third, edited"})
	s.patch("modify missing message", msgs+"/"+missingMessage, map[string]any{"role": "user", "content": "x"})

	// Runs.
	run := s.sym(s.post("send message async", "/v1/agents/"+a3+"/messages/async", userMessage("async")).body, "id")
	s.waitFor("/v1/runs/"+run, "completed", "failed")
	s.get("retrieve run", "/v1/runs/"+run)
	rm := s.list("run messages", "/v1/runs/"+run+"/messages")
	s.list("run messages limit 1", "/v1/runs/"+run+"/messages?limit=1")
	s.list("run messages descending", "/v1/runs/"+run+"/messages?order=desc")
	s.list("run messages after", "/v1/runs/"+run+"/messages?after="+s.sym(item(rm.body, 0), "id"))
	s.list("run messages by role", "/v1/runs/"+run+"/messages?role=assistant")
	s.list("run messages unknown cursor", "/v1/runs/"+run+"/messages?after="+missingMessage)
	s.get("run usage", "/v1/runs/"+run+"/usage")
	s.listAll("list runs", "/v1/runs/")
	s.listAll("list active runs", "/v1/runs/active")
	s.get("retrieve missing run", "/v1/runs/"+missingRun)
	s.list("messages of missing run", "/v1/runs/"+missingRun+"/messages")
	s.get("usage of missing run", "/v1/runs/"+missingRun+"/usage")
	s.del("delete missing run", "/v1/runs/"+missingRun)
	s.patch("reset messages", "/v1/agents/"+a3+"/reset-messages", map[string]any{})

	// Sources, uploads and jobs.
	emb := s.embedding()
	s.post("create source without embedding", "/v1/sources/", map[string]any{"name": "bare-" + tok})
	src1 := s.sym(s.post("create source", "/v1/sources/", map[string]any{"name": "src1-" + tok, "embedding_config": emb}).body, "id")
	s.pause()
	src2 := s.sym(s.post("create source 2", "/v1/sources/", map[string]any{"name": "src2-" + tok, "embedding_config": emb}).body, "id")
	s.post("create source with a taken name", "/v1/sources/", map[string]any{"name": "src1-" + tok, "embedding_config": emb})
	s.listAll("list sources", "/v1/sources/")
	s.get("retrieve source", "/v1/sources/"+src1)
	s.get("source id by name", "/v1/sources/name/src1-"+tok)
	s.get("source id by missing name", "/v1/sources/name/none-"+tok)
	s.patch("modify source", "/v1/sources/"+src2, map[string]any{"description": "second"})
	s.get("retrieve missing source", "/v1/sources/"+missingSource)
	s.patch("modify missing source", "/v1/sources/"+missingSource, map[string]any{"description": "x"})
	job := s.sym(s.upload("upload file", src1, "notes.txt", "one two three four five six seven eight nine ten").body, "id")
	s.waitFor("/v1/jobs/"+job, "completed", "failed")
	s.pause()
	job2 := s.sym(s.upload("upload second file", src1, "more notes.md", "eleven twelve thirteen").body, "id")
	s.waitFor("/v1/jobs/"+job2, "completed", "failed")
	s.upload("upload to missing source", missingSource, "x.txt", "x")
	s.get("retrieve job", "/v1/jobs/"+job)
	s.list("list jobs of source", "/v1/jobs/?source_id="+src1)
	s.listAll("list active jobs", "/v1/jobs/active")
	s.get("retrieve missing job", "/v1/jobs/"+missingJob)
	s.del("delete missing job", "/v1/jobs/"+missingJob)
	files := s.list("list files", "/v1/sources/"+src1+"/files")
	f1 := s.sym(item(files.body, 0), "id")
	s.list("list files limit 1", "/v1/sources/"+src1+"/files?limit=1")
	s.list("list files after", "/v1/sources/"+src1+"/files?after="+f1)
	s.list("list files unknown cursor", "/v1/sources/"+src1+"/files?after="+missingFile)
	s.list("list files of missing source", "/v1/sources/"+missingSource+"/files")
	s.list("list passages", "/v1/sources/"+src1+"/passages")
	s.list("list passages of missing source", "/v1/sources/"+missingSource+"/passages")
	s.patch("attach source", "/v1/agents/"+a1+"/sources/attach/"+src1, map[string]any{})
	s.do("list agent sources", req{method: "GET", path: "/v1/agents/" + a1 + "/sources", list: true, unordered: "sources"})
	s.patch("attach missing source", "/v1/agents/"+a1+"/sources/attach/"+missingSource, map[string]any{})
	s.patch("detach source", "/v1/agents/"+a1+"/sources/detach/"+src1, map[string]any{})
	s.patch("detach missing source", "/v1/agents/"+a1+"/sources/detach/"+missingSource, map[string]any{})
	s.patch("detach never-attached source", "/v1/agents/"+a1+"/sources/detach/"+src2, map[string]any{})
	s.del("delete file", "/v1/sources/"+src1+"/"+f1)
	s.del("delete missing file", "/v1/sources/"+src1+"/"+missingFile)
	s.del("delete job", "/v1/jobs/"+job)

	// Providers.
	s.listAll("list providers", "/v1/providers/")
	s.listAll("list providers unknown cursor", "/v1/providers/?after=provider-00000000-0000-4000-8000-00000000dead")

	// Deletes.
	s.del("delete source", "/v1/sources/"+src2)
	s.del("delete source again", "/v1/sources/"+src2)
	s.del("delete block", "/v1/blocks/"+b3)
	s.del("delete tool", "/v1/tools/"+t3)
	s.del("delete tool again", "/v1/tools/"+t3)
	s.del("delete agent", "/v1/agents/"+a3)
	s.get("retrieve deleted agent", "/v1/agents/"+a3)
	s.list("list agents after deletes", tagged)
}

// baselineTools lists the tools of the server as it started: Letta's base
// tools. They are registered (numbered) here; on the shared real server,
// any tool that is not one of lettatest's base tools is foreign.
func (s *session) baselineTools() {
	ex := s.do("baseline tools", req{method: "GET", path: "/v1/tools/", list: true, unscoped: true, unordered: "tools"})
	ex.foreign = nil
	l, _ := ex.body.([]any)
	l = slices.Clone(l)
	slices.SortFunc(l, func(x, y any) int { return strings.Compare(field(x, "name"), field(y, "name")) })
	for _, t := range l {
		switch name := field(t, "name"); {
		case !s.integration:
			s.baseTools[name] = true
			s.register(t)
		case s.baseTools[name]:
			s.register(t)
			// Tools carry no created_at; the server made these at startup,
			// within a second or two, so on SQLite their order in a list
			// is a tie (see alignTies).
			s.secs[s.symbol(field(t, "id"))] = "startup"
		default:
			ex.foreign = append(ex.foreign, field(t, "id"))
		}
	}
}
