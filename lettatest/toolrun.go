package lettatest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/letta-go/letta/types"
)

// Running tools: with a Go implementation given by WithToolRunner, or
// with python3 as the server's local sandbox runs them
// (letta/services/tool_execution_sandbox.py, run_local_dir_sandbox_runpy).

// DefaultToolTimeout bounds one tool execution unless WithToolTimeout
// says otherwise.
const DefaultToolTimeout = 30 * time.Second

// maxErrorMessage is the server's MAX_ERROR_MESSAGE_CHAR_LIMIT: error
// texts of failed tools are cut to this many characters.
const maxErrorMessage = 500

// lookPython finds the interpreter; tests replace it.
var lookPython = func() (string, error) { return exec.LookPath("python3") }

//go:embed sandbox.py
var sandboxScript string

// toolResult is the outcome of one tool execution, as the server's
// SandboxRunResult.
type toolResult struct {
	status types.ToolReturnMessageStatus
	ret    string // str(return value), or the error text
	dict   string // the return value as JSON when it is a dict (the agent loop stores that)
	stdout []string
	stderr []string
}

// friendlyError is the server's get_friendly_error_msg.
func friendlyError(name, exception string) string {
	msg := "Error executing function " + name + ": " + exception
	if r := []rune(msg); len(r) > maxErrorMessage {
		msg = string(r[:maxErrorMessage])
	}
	return msg
}

func failedTool(name, exception string) toolResult {
	msg := friendlyError(name, exception)
	return toolResult{status: types.ToolReturnMessageStatusError, ret: msg, stdout: []string{}, stderr: []string{exception + "\n"}}
}

// execTool runs the tool called name: its Go runner if one was given,
// else src with python3. fn is src's derived function (for the argument
// types) and may be nil when a runner exists.
//
// args are the call's arguments; raw, when not nil, is their JSON as it
// arrived (python3 gets that, so that dicts keep their key order and
// large integers their digits).
func (s *Server) execTool(ctx context.Context, name, src string, fn *pyTool, args map[string]any, raw json.RawMessage, env map[string]string) toolResult {
	ctx, cancel := context.WithTimeout(ctx, s.toolTimeout())
	defer cancel()
	if run, ok := s.opts.toolRunners[name]; ok {
		return runGoTool(ctx, name, run, args)
	}
	if fn == nil {
		return failedTool(name, "RuntimeError: lettatest has no source to run for this tool")
	}
	return runPythonTool(ctx, name, src, fn, args, raw, env)
}

func (s *Server) toolTimeout() time.Duration {
	if s.opts.toolTimeout > 0 {
		return s.opts.toolTimeout
	}
	return DefaultToolTimeout
}

// runGoTool calls a Go runner; a panic is an error as an exception is.
func runGoTool(ctx context.Context, name string, run ToolFunc, args map[string]any) (res toolResult) {
	defer func() {
		if p := recover(); p != nil {
			res = failedTool(name, fmt.Sprintf("panic: %v", p))
		}
	}()
	if args == nil {
		args = map[string]any{}
	}
	out, err := run(ctx, args)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return failedTool(name, "TimeoutError: Executing tool "+name+" has timed out.")
	case err != nil:
		return failedTool(name, err.Error())
	}
	return toolResult{status: types.ToolReturnMessageStatusSuccess, ret: out, stdout: []string{}, stderr: []string{}}
}

// sandboxSpec is what sandbox.py reads on its standard input.
type sandboxSpec struct {
	Name       string             `json:"name"`
	Source     string             `json:"source"`
	Args       json.RawMessage    `json:"args"`
	Types      map[string]*string `json:"types"`
	AgentState bool               `json:"agent_state"`
	Env        map[string]string  `json:"env"`
	Marker     string             `json:"marker"`
}

// sandboxMarker precedes sandbox.py's report on its standard output.
const sandboxMarker = "\x1elettatest-sandbox-result:"

// runPythonTool runs the tool's source with python3 as the server's
// runpy sandbox does: the arguments its schema knows are bound (strings
// as given, other types by their Python text), the function is called by
// name, and the result is str() of its return value, with what it printed
// on stdout and stderr. An exception is status "error" with the server's
// text; so is a missing interpreter, a crash or the time limit.
func runPythonTool(ctx context.Context, name, src string, fn *pyTool, args map[string]any, raw json.RawMessage, env map[string]string) toolResult {
	python, err := lookPython()
	if err != nil {
		return failedTool(name, "RuntimeError: lettatest cannot run the tool's Python source: python3 is not on PATH (give the tool a Go implementation with lettatest.WithToolRunner)")
	}
	in, err := sandboxInput(name, src, fn, args, raw, env)
	if err != nil {
		return failedTool(name, "TypeError: "+err.Error())
	}
	dir, err := os.MkdirTemp("", "lettatest-tool-")
	if err != nil {
		return failedTool(name, "OSError: "+err.Error())
	}
	defer os.RemoveAll(dir)

	cmd := exec.CommandContext(ctx, python, "-c", sandboxScript)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(in)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8", "PYTHONDONTWRITEBYTECODE=1")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return failedTool(name, "TimeoutError: Executing tool "+name+" has timed out.")
	}
	return sandboxResult(name, stdout.String(), stderr.String(), runErr)
}

// sandboxInput is what the sandbox script reads on stdin: the source, the
// arguments (raw as the request sent them, else args), the JSON schema
// type of each parameter and the tool's environment.
func sandboxInput(name, src string, fn *pyTool, args map[string]any, raw json.RawMessage, env map[string]string) ([]byte, error) {
	spec := sandboxSpec{Name: name, Source: src, Args: raw, Types: map[string]*string{}, AgentState: fn.agentStateParam(), Env: env, Marker: sandboxMarker}
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		if args == nil {
			args = map[string]any{}
		}
		b, err := json.Marshal(args)
		if err != nil {
			return nil, err
		}
		spec.Args = b
	}
	if spec.Env == nil {
		spec.Env = map[string]string{}
	}
	if params, ok := fn.schema["parameters"].(map[string]any); ok {
		if props, ok := params["properties"].(map[string]any); ok {
			for k, p := range props {
				var t *string
				if m, ok := p.(map[string]any); ok {
					if s, ok := m["type"].(string); ok {
						t = &s
					}
				}
				spec.Types[k] = t
			}
		}
	}
	return json.Marshal(spec)
}

// sandboxResult reads the report the sandbox script printed after its
// marker; without one, python3 failed before running the tool.
func sandboxResult(name, out, errOut string, runErr error) toolResult {
	i := strings.LastIndex(out, sandboxMarker)
	if i < 0 {
		why := strings.TrimSpace(errOut)
		if runErr != nil {
			why = strings.TrimSpace(runErr.Error() + "\n" + why)
		}
		return failedTool(name, "RuntimeError: python3 ended without a result: "+why)
	}
	var rep struct {
		Status string   `json:"status"`
		Return string   `json:"tool_return"`
		Dict   *string  `json:"dict"`
		Stdout []string `json:"stdout"`
		Stderr []string `json:"stderr"`
	}
	if err := json.Unmarshal([]byte(out[i+len(sandboxMarker):]), &rep); err != nil {
		return failedTool(name, "RuntimeError: unreadable sandbox report: "+err.Error())
	}
	res := toolResult{status: types.ToolReturnMessageStatus(rep.Status), ret: rep.Return, stdout: rep.Stdout, stderr: rep.Stderr}
	if rep.Dict != nil {
		res.dict = *rep.Dict
	}
	if res.stdout == nil {
		res.stdout = []string{}
	}
	if res.stderr == nil {
		res.stderr = []string{}
	}
	return res
}

// runToolFromSource runs a tool without storing it, as the server does:
// the source must give a schema (else the generator's 400), then the
// tool runs (see execTool) and the answer is a tool_return_message with
// id and tool_call_id "null".
func (s *Server) runToolFromSource(w http.ResponseWriter, r *http.Request) error {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	if err != nil {
		return errStatus(http.StatusBadRequest, "There was an error parsing the body")
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	var body toolRunBody
	if err := decodeBody(r, toolRunSchema, &body); err != nil {
		return err
	}
	var rawArgs struct {
		Args json.RawMessage `json:"args"`
	}
	_ = json.Unmarshal(raw, &rawArgs) // decodeBody has validated raw
	if body.SourceType != nil && *body.SourceType != "python" {
		return errStatus(http.StatusInternalServerError, "An unexpected error occurred: Only Python source code is supported at this time")
	}
	fn, derr := deriveToolSchema(body.SourceCode)
	if derr != nil {
		return errStatus(http.StatusBadRequest, "%s", derr.Error())
	}
	name := fn.name
	if deref(body.Name) != "" {
		name = *body.Name
	}
	res := s.execTool(r.Context(), name, body.SourceCode, fn, body.Args, rawArgs.Args, body.EnvVars)
	writeJSON(w, http.StatusOK, types.ToolReturnMessage{
		ID:         "null",
		Date:       types.NewTime(s.now()),
		Status:     res.status,
		ToolReturn: res.ret,
		ToolCallID: "null",
		Stdout:     res.stdout,
		Stderr:     res.stderr,
	})
	return nil
}

// runToolCalls executes the tool calls a Responder left unanswered (a
// ToolCallMessage not followed by a ToolReturnMessage), as the agent loop
// would, and adds their returns. It runs without s.mu held: a tool may
// take time or call the server.
func (s *Server) runToolCalls(agent types.AgentState, out []types.LettaMessage) []types.LettaMessage {
	res := make([]types.LettaMessage, 0, len(out))
	for i, m := range out {
		res = append(res, m)
		call, ok := m.(types.ToolCallMessage)
		if !ok {
			continue
		}
		tc, ok := call.ToolCall.(types.ToolCall)
		if !ok || tc.Name == "" {
			continue
		}
		if i+1 < len(out) {
			if _, answered := out[i+1].(types.ToolReturnMessage); answered {
				continue
			}
		}
		if tc.ToolCallID == "" {
			tc.ToolCallID = newCallID()
			call.ToolCall = tc
			res[len(res)-1] = call
		}
		r := s.agentToolCall(agent, tc)
		r.ToolCallID = tc.ToolCallID
		res = append(res, r)
	}
	return res
}

// memoryToolNames are the base tools whose effect lettatest applies
// itself (see stepBuilder.applyMemoryTool) and whose return is None.
var memoryToolNames = map[string]bool{
	"send_message": true, "core_memory_append": true, "core_memory_replace": true, "archival_memory_insert": true,
}

// agentToolCall executes one tool call of an agent step: the tool's Go
// runner, else the agent's custom tool with python3. As in the server's
// agent loop, request_heartbeat is not passed, a tool the agent does not
// have answers "No function named …", a dict result is stored as
// indented JSON, and the result or error text is cut to the tool's
// return_char_limit.
func (s *Server) agentToolCall(agent types.AgentState, tc types.ToolCall) types.ToolReturnMessage {
	fail := func(text string) types.ToolReturnMessage {
		return types.ToolReturnMessage{ToolReturn: text, Status: types.ToolReturnMessageStatusError}
	}
	args := map[string]any{}
	if tc.Arguments != "" {
		if err := json.Unmarshal([]byte(tc.Arguments), &args); err != nil {
			return fail(fmt.Sprintf("Error parsing JSON for function '%s' arguments: %s", tc.Name, tc.Arguments))
		}
	}
	delete(args, "request_heartbeat")
	var tool *types.Tool
	for i := range agent.Tools {
		if deref(agent.Tools[i].Name) == tc.Name {
			tool = &agent.Tools[i]
		}
	}
	_, hasRunner := s.opts.toolRunners[tc.Name]
	switch {
	case tool == nil && !hasRunner:
		return fail("No function named " + tc.Name)
	case !hasRunner && memoryToolNames[tc.Name]:
		return types.ToolReturnMessage{ToolReturn: "None", Status: types.ToolReturnMessageStatusSuccess}
	case !hasRunner && deref(tool.ToolType) != types.ToolTypeCustom:
		return fail(friendlyError(tc.Name, "RuntimeError: lettatest does not run "+tc.Name+"; give it a Go implementation with lettatest.WithToolRunner, or script its return"))
	}
	var fn *pyTool
	var src string
	if !hasRunner {
		src = deref(tool.SourceCode)
		derived, err := deriveToolSchema(src)
		if err != nil {
			return fail(friendlyError(tc.Name, "LettaToolCreateError: "+err.Error()))
		}
		fn = derived
	}
	res := s.execTool(context.Background(), tc.Name, src, fn, args, rawWithout(tc.Arguments, "request_heartbeat"), nil)
	text := res.ret
	if res.dict != "" {
		text = res.dict
	}
	limit := 6000
	if tool != nil && tool.ReturnCharLimit != nil {
		limit = *tool.ReturnCharLimit
	}
	if r := []rune(text); len(r) > limit {
		text = fmt.Sprintf("%s... [NOTE: function output was truncated since it exceeded the character limit (%d > %d)]", string(r[:limit]), len(r), limit)
	}
	return types.ToolReturnMessage{ToolReturn: text, Status: res.status}
}

// rawWithout returns the JSON object text without the key, keeping the
// order and spelling of the other members; nil if text is not an object.
func rawWithout(text, key string) json.RawMessage {
	dec := json.NewDecoder(strings.NewReader(text))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil
		}
		if k == key {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes()
}
