package lettatest_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tools"
	"github.com/letta-go/letta/types"
)

var recordToolRuns = flag.Bool("record-tool-runs", false, "record testdata/tool_runs/*.json from the server at LETTA_INTEGRATION_URL")

// runTool posts a tools.run_tool_from_source body to base and returns the
// answer with what varies between runs taken out: the date, and of an
// error's stderr (a traceback through temporary files) only its last line.
func runTool(t *testing.T, base string, body []byte) map[string]any {
	t.Helper()
	resp, err := postJSON(base+"/v1/tools/run", body)
	require.NoError(t, err)
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(raw, &out), "%s", raw)
	out["status_code"] = resp.StatusCode
	delete(out, "date")
	if out["status"] == "error" {
		if errs, ok := out["stderr"].([]any); ok && len(errs) > 0 {
			lines := strings.Split(strings.TrimSpace(errs[len(errs)-1].(string)), "\n")
			out["stderr"] = []any{lines[len(lines)-1]}
		}
	}
	return out
}

// TestRunToolFromSourceMatchesServer runs each testdata/tool_runs case on
// lettatest (which runs the source with python3) and compares the answer
// with the real server's, recorded in <case>.json. Without python3 the
// run must fail and say why.
func TestRunToolFromSourceMatchesServer(t *testing.T) {
	_, pyErr := exec.LookPath("python3")
	recordings{
		pattern: "testdata/tool_runs/*.request.json", suffix: ".request.json",
		record: recordToolRuns, flag: "record-tool-runs",
		answer: func(t *testing.T, base string, body []byte) any { return runTool(t, base, body) },
		compare: func(t *testing.T, want, got []byte) {
			var w, g map[string]any
			require.NoError(t, json.Unmarshal(want, &w))
			require.NoError(t, json.Unmarshal(got, &g))
			if pyErr != nil && w["message_type"] == "tool_return_message" {
				assert.Equal(t, "error", g["status"])
				assert.Contains(t, g["tool_return"], "python3 is not on PATH")
				return
			}
			assert.JSONEq(t, string(want), string(got))
		},
	}.check(t)
}

const echoToolSource = `def shout(text: str, times: int = 1):
    """Shout the text.

    Args:
        text: what to shout
        times: how many times
    """
    return (text.upper() + "!") * times
`

func TestRunToolFromSourceUsesGoRunner(t *testing.T) {
	ctx := context.Background()
	var got map[string]any
	_, client := setup(t,
		lettatest.WithToolRunner("shout", func(ctx context.Context, args map[string]any) (string, error) {
			got = args
			return "ran in Go", nil
		}),
		lettatest.WithToolRunner("fails", func(ctx context.Context, args map[string]any) (string, error) {
			return "", errors.New("ValueError: no good")
		}),
		lettatest.WithToolRunner("crashes", func(ctx context.Context, args map[string]any) (string, error) {
			panic("kaboom")
		}),
	)

	ret, err := client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: echoToolSource, Args: map[string]any{"text": "hi", "times": 2}})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatusSuccess, ret.Status)
	assert.Equal(t, "ran in Go", ret.ToolReturn)
	assert.Equal(t, map[string]any{"text": "hi", "times": float64(2)}, got)

	// The runner is found by the name given, as the server calls the
	// function by that name.
	ret, err = client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: echoToolSource, Name: new("fails"), Args: map[string]any{"text": "hi"}})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
	assert.Equal(t, "Error executing function fails: ValueError: no good", ret.ToolReturn)

	// A runner's panic fails the call as an exception would.
	ret, err = client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: echoToolSource, Name: new("crashes"), Args: map[string]any{"text": "hi"}})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
	assert.Equal(t, "Error executing function crashes: panic: kaboom", ret.ToolReturn)

	// The source must still give a schema.
	_, err = client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: "def shout(text):\n    return text\n", Args: map[string]any{}})
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, "Schema generation failed: Function shout missing docstring", apiErr.Detail)
}

func TestToolTimeout(t *testing.T) {
	ctx := context.Background()
	_, client := setup(t,
		lettatest.WithToolTimeout(50*time.Millisecond),
		lettatest.WithToolRunner("shout", func(ctx context.Context, args map[string]any) (string, error) {
			<-ctx.Done()
			return "", ctx.Err()
		}),
	)

	ret, err := client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: echoToolSource, Args: map[string]any{"text": "hi"}})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
	assert.Equal(t, "Error executing function shout: TimeoutError: Executing tool shout has timed out.", ret.ToolReturn)

	if _, err := exec.LookPath("python3"); err != nil {
		return
	}
	sleeper := strings.Replace(echoToolSource, `    return (text.upper() + "!") * times`, "    import time\n    time.sleep(60)", 1)
	sleeper = strings.Replace(sleeper, "def shout", "def sleepy", 1)
	ret, err = client.Tools.RunToolFromSource(ctx, tools.RunToolFromSourceParams{SourceCode: sleeper, Args: map[string]any{"text": "hi"}})
	require.NoError(t, err)
	assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
	assert.Equal(t, "Error executing function sleepy: TimeoutError: Executing tool sleepy has timed out.", ret.ToolReturn)
}

// TestAgentRunsTools: a Responder's unanswered tool call is executed by
// the tool's Go runner, or the agent's custom tool by python3; its return
// is stored and sent back as the server's would be.
func TestAgentRunsTools(t *testing.T) {
	ctx := context.Background()
	var runnerArgs map[string]any
	_, client := setup(t,
		lettatest.WithToolRunner("lookup", func(ctx context.Context, args map[string]any) (string, error) {
			runnerArgs = args
			return "42", nil
		}),
		lettatest.WithResponder(func(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage {
			var out []types.LettaMessage
			switch lettatest.UserText(input) {
			case "go":
				out = lettatest.RunTool("Look it up.", "lookup", map[string]any{"key": "answer"})
			case "python":
				out = lettatest.RunTool("", "shout", map[string]any{"text": "hey", "times": 2})
			case "missing":
				out = lettatest.RunTool("", "nowhere", nil)
			}
			return append(out, lettatest.Reply("", "done")...)
		}),
	)

	tool, err := client.Tools.Create(ctx, tools.CreateParams{SourceCode: echoToolSource})
	require.NoError(t, err)
	agent := newAgent(t, client, agents.CreateParams{ToolIDs: []string{tool.ID}})

	send := func(text string) types.ToolReturnMessage {
		t.Helper()
		resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage(text)}})
		require.NoError(t, err)
		var call *types.ToolCallMessage
		for _, m := range resp.Messages {
			switch m := m.(type) {
			case types.ToolCallMessage:
				call = &m
			case types.ToolReturnMessage:
				require.NotNil(t, call, "the call comes first")
				assert.Equal(t, call.ToolCall.(types.ToolCall).ToolCallID, m.ToolCallID)
				return m
			}
		}
		t.Fatalf("no tool return in %d messages", len(resp.Messages))
		return types.ToolReturnMessage{}
	}

	ret := send("go")
	assert.Equal(t, types.ToolReturnMessageStatusSuccess, ret.Status)
	assert.Equal(t, "42", ret.ToolReturn)
	assert.Equal(t, map[string]any{"key": "answer"}, runnerArgs, "request_heartbeat is not passed")

	ret = send("missing")
	assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
	assert.Equal(t, "No function named nowhere", ret.ToolReturn)

	ret = send("python")
	if _, err := exec.LookPath("python3"); err != nil {
		assert.Equal(t, types.ToolReturnMessageStatusError, ret.Status)
		assert.Contains(t, ret.ToolReturn, "python3 is not on PATH")
		return
	}
	assert.Equal(t, types.ToolReturnMessageStatusSuccess, ret.Status)
	assert.Equal(t, "HEY!HEY!", ret.ToolReturn)
}

const cityInfoSource = `def info(city: str, n: int = 1):
    """City info.

    Args:
        city: the city
        n: count
    """
    print("looking up", city)
    if city == "boom":
        raise ValueError("no such city")
    if city == "none":
        return None
    return {"city": city, "n": n, "ok": True}
`

// fakeLLMResponder answers "call tool NAME {json args}" with that tool
// call, left for the server to execute, as the real server's test LLM
// (../shared/letta-server/fake_llm.py) does.
func fakeLLMResponder(agent types.AgentState, input []types.MessageCreate) []types.LettaMessage {
	rest, ok := strings.CutPrefix(lettatest.UserText(input), "call tool ")
	if !ok {
		return lettatest.Reply("", "ok")
	}
	name, js, _ := strings.Cut(rest, " ")
	var args map[string]any
	_ = json.Unmarshal([]byte(js), &args)
	return append(lettatest.RunTool("", name, args), lettatest.Reply("", "done")...)
}

// agentToolReturns has an agent call a custom tool at base and checks the
// returns against the real server's (0.6.13): a dict as indented JSON,
// None, an exception, each cut to the tool's return_char_limit.
func agentToolReturns(t *testing.T, client *letta.Client) {
	ctx := context.Background()
	tool, err := client.Tools.Create(ctx, tools.CreateParams{SourceCode: cityInfoSource, ReturnCharLimit: new(30)})
	require.NoError(t, err)
	defer client.Tools.Delete(ctx, tool.ID)
	agent := newAgent(t, client, agents.CreateParams{ToolIDs: []string{tool.ID}})
	defer client.Agents.Delete(ctx, agent.ID)

	for _, tc := range []struct {
		args, status, ret string
	}{
		{`{"city": "Oslo", "n": 2}`, "success", "{\n  \"city\": \"Oslo\",\n  \"n\": 2,\n... [NOTE: function output was truncated since it exceeded the character limit (44 > 30)]"},
		{`{"city": "boom", "n": 0}`, "error", "Error executing function info:... [NOTE: function output was truncated since it exceeded the character limit (55 > 30)]"},
		{`{"city": "none", "n": 0}`, "success", "None"},
	} {
		resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage("call tool info " + tc.args)}})
		require.NoError(t, err)
		var ret *types.ToolReturnMessage
		for _, m := range resp.Messages {
			if m, ok := m.(types.ToolReturnMessage); ok {
				ret = &m
			}
		}
		require.NotNil(t, ret, tc.args)
		assert.Equal(t, types.ToolReturnMessageStatus(tc.status), ret.Status, tc.args)
		assert.Equal(t, tc.ret, ret.ToolReturn, tc.args)
	}
}

func TestAgentToolReturnsMatchServer(t *testing.T) {
	_, client := setup(t, lettatest.WithResponder(fakeLLMResponder))
	if _, err := exec.LookPath("python3"); err == nil {
		agentToolReturns(t, client)
	} else {
		ctx := context.Background()
		tool, err := client.Tools.Create(ctx, tools.CreateParams{SourceCode: cityInfoSource})
		require.NoError(t, err)
		agent := newAgent(t, client, agents.CreateParams{ToolIDs: []string{tool.ID}})
		resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage(`call tool info {"city": "Oslo"}`)}})
		require.NoError(t, err)
		var statuses []types.ToolReturnMessageStatus
		for _, m := range resp.Messages {
			if m, ok := m.(types.ToolReturnMessage); ok {
				statuses = append(statuses, m.Status)
				assert.Contains(t, m.ToolReturn, "python3 is not on PATH")
			}
		}
		assert.Equal(t, []types.ToolReturnMessageStatus{types.ToolReturnMessageStatusError}, statuses)
	}
	if live := os.Getenv("LETTA_INTEGRATION_URL"); live != "" {
		t.Run("server", func(t *testing.T) {
			agentToolReturns(t, letta.NewClient(option.WithBaseURL(live)))
		})
	}
}
