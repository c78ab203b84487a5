package lettatest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/letta-go/letta/types"
)

// Packing: the server stores user, system and tool messages as JSON
// strings written by Python's json.dumps (ensure_ascii=False).

type kv struct {
	k string
	v any // a string or nil
}

// pyJSON writes a flat object of strings as Python's json.dumps does:
// indented by two spaces, or on one line with ", " and ": ".
func pyJSON(indent bool, pairs ...kv) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, p := range pairs {
		switch {
		case indent && i == 0:
			b.WriteString("\n  ")
		case indent:
			b.WriteString(",\n  ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(pyString(p.k))
		b.WriteString(": ")
		if s, ok := p.v.(string); ok {
			b.WriteString(pyString(s))
		} else {
			b.WriteString("null")
		}
	}
	if indent && len(pairs) > 0 {
		b.WriteByte('\n')
	}
	b.WriteByte('}')
	return b.String()
}

func pyString(s string) string {
	e := &wireEncoder{}
	e.writeString(s)
	return e.buf.String()
}

// packedTime formats t as the server writes times inside packed messages:
// "2025-01-24 06:03:11 PM UTC+0000".
func packedTime(t time.Time) string {
	return t.UTC().Format("2006-01-02 03:04:05 PM") + " UTC+0000"
}

// indentJSON encodes v as JSON indented by two spaces, without HTML
// escaping (tool-call arguments as the server stores them).
func indentJSON(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return "{}"
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// unpack returns the value of key in a packed message, if it is one.
func unpack(text, key string) (string, bool) {
	var m map[string]any
	if json.Unmarshal([]byte(text), &m) != nil {
		return "", false
	}
	switch v := m[key].(type) {
	case string:
		return v, true
	case nil:
		return "None", true
	default:
		return fmt.Sprint(v), true
	}
}

// storeInput stores one input message as the server does: user messages
// packed as {"type": "user_message", …}, system messages as a
// system_alert. The caller holds s.mu.
func (s *Server) storeInput(a *agentRec, mc types.MessageCreate, runID string) *msgRec {
	text := types.ContentText(mc.Content)
	var m *msgRec
	if mc.Role == types.MessageCreateRoleSystem {
		m = s.newMessage(a, types.MessageRoleSystem, pyJSON(false, kv{"type", "system_alert"}, kv{"message", text}, kv{"time", packedTime(s.now())}))
	} else {
		m = s.newMessage(a, types.MessageRoleUser, pyJSON(true, kv{"type", "user_message"}, kv{"message", text}, kv{"time", packedTime(s.now())}))
	}
	m.m.Name = mc.Name
	m.m.Model = nil // the server records no model on input messages
	m.runID = runID
	return m
}

// reqConfig is a request's LettaRequestConfig with the server's defaults.
type reqConfig struct {
	useAssistant bool
	toolName     string
	kwarg        string
}

func newReqConfig(c *types.LettaRequestConfig) reqConfig {
	cfg := reqConfig{useAssistant: true, toolName: "send_message", kwarg: "message"}
	if c != nil {
		if c.UseAssistantMessage != nil {
			cfg.useAssistant = *c.UseAssistantMessage
		}
		if c.AssistantMessageToolName != nil {
			cfg.toolName = *c.AssistantMessageToolName
		}
		if c.AssistantMessageToolKwarg != nil {
			cfg.kwarg = *c.AssistantMessageToolKwarg
		}
	}
	return cfg
}

// lettaMessages converts a stored message to LettaMessages, as the
// server's Message.to_letta_message does. With forResponse, tool returns
// report the bare result (as in responses and streams) rather than the
// packed content (as in listings).
func lettaMessages(row *msgRec, cfg reqConfig, forResponse bool) []types.LettaMessage {
	m := row.m
	date := types.Time{}
	if m.CreatedAt != nil {
		date = *m.CreatedAt
	}
	text := messageContent(m)
	switch m.Role {
	case types.MessageRoleSystem:
		return []types.LettaMessage{types.SystemMessage{ID: m.ID, Date: date, Content: types.ContentString(text)}}
	case types.MessageRoleUser:
		return []types.LettaMessage{types.UserMessage{ID: m.ID, Date: date, Content: types.ContentString(text)}}
	case types.MessageRoleAssistant:
		var out []types.LettaMessage
		if text != "" {
			out = append(out, types.ReasoningMessage{ID: m.ID, Date: date, Reasoning: text})
		}
		for _, tc := range m.ToolCalls {
			if cfg.useAssistant && tc.Function.Name == cfg.toolName {
				var args map[string]any
				_ = json.Unmarshal([]byte(tc.Function.Arguments), &args)
				msg, _ := args[cfg.kwarg].(string)
				out = append(out, types.AssistantMessage{ID: m.ID, Date: date, Content: types.ContentString(msg)})
				continue
			}
			out = append(out, types.ToolCallMessage{ID: m.ID, Date: date, ToolCall: types.ToolCall{Name: tc.Function.Name, Arguments: tc.Function.Arguments, ToolCallID: tc.ID}})
		}
		return out
	case types.MessageRoleTool:
		status := types.ToolReturnMessageStatusSuccess
		if st, ok := unpack(text, "status"); ok && st != "OK" {
			status = types.ToolReturnMessageStatusError
		}
		ret := text
		if forResponse {
			ret = row.bare
		}
		return []types.LettaMessage{types.ToolReturnMessage{ID: m.ID, Date: date, ToolReturn: ret, Status: status, ToolCallID: deref(m.ToolCallID)}}
	}
	return nil
}

func messageContent(m types.Message) string {
	var b strings.Builder
	for _, c := range m.Content {
		b.WriteString(c.Text)
	}
	return b.String()
}

// stepResult is what one agent step produced.
type stepResult struct {
	messages []types.LettaMessage
	usage    types.LettaUsageStatistics
}

// agentError is a failure of the agent loop (an unknown agent, a panicking
// Responder): the server reports it as a 500, an error frame or a failed
// run, with this text.
type agentError struct{ msg string }

func (e *agentError) Error() string { return e.msg }

// runStep sends input to the agent: it stores the input, asks the
// Responder, stores what the agent did and returns the response messages
// (per cfg) with the usage.
func (s *Server) runStep(agentID string, input []types.MessageCreate, cfg reqConfig, runID string) (stepResult, error) {
	s.mu.Lock()
	a, ok := s.st.agents.get(agentID)
	s.mu.Unlock()
	if !ok {
		return stepResult{}, &agentError{agentNotFound(agentID, "read")}
	}
	a.step.Lock()
	defer a.step.Unlock()

	s.mu.Lock()
	if cur, ok := s.st.agents.get(agentID); !ok || cur != a {
		s.mu.Unlock()
		return stepResult{}, &agentError{agentNotFound(agentID, "read")}
	}
	s.refreshSystem(a, false)
	var inputRows []*msgRec
	for _, mc := range input {
		inputRows = append(inputRows, s.storeInput(a, mc, runID))
	}
	for _, r := range inputRows {
		a.st.MessageIDs = append(a.st.MessageIDs, r.m.ID)
	}
	snap := s.snapshot(a)
	s.mu.Unlock()

	out, err := s.callResponder(snap, cloneInput(input))
	if err != nil {
		return stepResult{}, err
	}
	out = s.runToolCalls(snap, out)

	s.mu.Lock()
	defer s.mu.Unlock()
	if cur, ok := s.st.agents.get(agentID); !ok || cur != a {
		return stepResult{}, &agentError{agentNotFound(agentID, "read")}
	}
	b := &stepBuilder{s: s, a: a, runID: runID}
	b.build(out)
	for _, r := range inputRows {
		if b.stepID != "" {
			r.m.StepID = new(b.firstStepID)
		}
	}
	for _, r := range b.rows {
		a.st.MessageIDs = append(a.st.MessageIDs, r.m.ID)
	}
	s.refreshSystem(a, false)
	s.touch(a)

	res := stepResult{messages: []types.LettaMessage{}}
	for _, r := range b.rows {
		if r.heartbeat {
			continue
		}
		if r.m.Role == types.MessageRoleTool && cfg.useAssistant && deref(r.m.Name) == cfg.toolName {
			continue
		}
		res.messages = append(res.messages, lettaMessages(r, cfg, true)...)
	}
	res.usage = types.LettaUsageStatistics{
		CompletionTokens: new(b.completion),
		PromptTokens:     new(b.prompt),
		TotalTokens:      new(b.completion + b.prompt),
		StepCount:        new(b.steps),
	}
	return res, nil
}

func cloneInput(in []types.MessageCreate) []types.MessageCreate {
	out := make([]types.MessageCreate, len(in))
	for i, m := range in {
		out[i] = m
		if parts, ok := m.Content.(types.ContentParts); ok {
			out[i].Content = slices.Clone(parts)
		}
	}
	return out
}

// callResponder runs the Responder, turning a panic into an agentError.
func (s *Server) callResponder(agent types.AgentState, input []types.MessageCreate) (out []types.LettaMessage, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &agentError{fmt.Sprint(p)}
		}
	}()
	return s.opts.responder(agent, input), nil
}

// stepBuilder turns a Responder's messages into stored rows, as the agent
// loop would have stored them. Its methods run with s.mu held.
type stepBuilder struct {
	s     *Server
	a     *agentRec
	runID string

	rows        []*msgRec
	open        *msgRec // the current assistant row, while it has no tool call
	lastCall    *types.ChatCompletionMessageToolCall
	stepID      string
	firstStepID string
	steps       int
	prompt      int
	completion  int
}

func (b *stepBuilder) add(role types.MessageRole, text string) *msgRec {
	r := b.s.newMessage(b.a, role, text)
	r.runID = b.runID
	if b.stepID != "" {
		r.m.StepID = new(b.stepID)
	}
	b.rows = append(b.rows, r)
	return r
}

// contextTokens estimates the prompt of one LLM call: the in-context
// messages, the rows of this request so far and the tool schemas.
func (b *stepBuilder) contextTokens() int {
	n := 0
	for _, id := range b.a.st.MessageIDs {
		if m, ok := b.a.messages.get(id); ok {
			n += tokens(messageText(m.m))
		}
	}
	for _, r := range b.rows {
		n += tokens(messageText(r.m))
	}
	for _, id := range b.a.toolIDs {
		if t, ok := b.s.st.tools.get(id); ok {
			n += tokens(string(mustWire(t.JSONSchema)))
		}
	}
	return n
}

// newStep opens an assistant row: one LLM call.
func (b *stepBuilder) newStep(reasoning string) *msgRec {
	b.prompt += b.contextTokens()
	b.steps++
	b.stepID = newID("step")
	if b.firstStepID == "" {
		b.firstStepID = b.stepID
	}
	r := b.add(types.MessageRoleAssistant, reasoning)
	b.open = r
	return r
}

// callRow returns the assistant row a tool call belongs to.
func (b *stepBuilder) callRow() *msgRec {
	r := b.open
	if r == nil {
		r = b.newStep("")
	}
	b.open = nil
	return r
}

func (b *stepBuilder) build(out []types.LettaMessage) {
	for i, msg := range out {
		more := i < len(out)-1
		switch m := msg.(type) {
		case types.ReasoningMessage:
			b.completion += tokens(m.Reasoning)
			if b.open != nil && messageContent(b.open.m) == "" {
				b.open.m.Content = []types.TextContent{{Text: m.Reasoning}}
				continue
			}
			b.newStep(m.Reasoning)
		case types.AssistantMessage:
			text := types.ContentText(m.Content)
			b.completion += tokens(text)
			r := b.callRow()
			call := types.ChatCompletionMessageToolCall{ID: newCallID(), Function: types.Function{Name: "send_message", Arguments: indentJSON(map[string]any{"message": text})}}
			r.m.ToolCalls = []types.ChatCompletionMessageToolCall{call}
			ret := b.add(types.MessageRoleTool, pyJSON(true, kv{"status", "OK"}, kv{"message", "None"}, kv{"time", packedTime(b.s.now())}))
			ret.m.Name = new("send_message")
			ret.m.ToolCallID = new(call.ID)
			ret.bare = "None"
			b.lastCall = nil
		case types.ToolCallMessage:
			var call types.ChatCompletionMessageToolCall
			switch tc := m.ToolCall.(type) {
			case types.ToolCall:
				call = types.ChatCompletionMessageToolCall{ID: tc.ToolCallID, Function: types.Function{Name: tc.Name, Arguments: tc.Arguments}}
			case types.ToolCallDelta:
				call = types.ChatCompletionMessageToolCall{ID: deref(tc.ToolCallID), Function: types.Function{Name: deref(tc.Name), Arguments: deref(tc.Arguments)}}
			default:
				continue
			}
			if call.ID == "" {
				call.ID = newCallID()
			}
			b.completion += tokens(call.Function.Name + call.Function.Arguments)
			r := b.callRow()
			r.m.ToolCalls = []types.ChatCompletionMessageToolCall{call}
			b.lastCall = &r.m.ToolCalls[0]
			b.applyMemoryTool(call.Function)
		case types.ToolReturnMessage:
			callID, name := m.ToolCallID, ""
			if b.lastCall != nil && (callID == "" || callID == b.lastCall.ID) {
				callID, name = b.lastCall.ID, b.lastCall.Function.Name
			} else {
				for _, r := range b.rows {
					for _, tc := range r.m.ToolCalls {
						if tc.ID == callID {
							name = tc.Function.Name
						}
					}
				}
			}
			status := "OK"
			if m.Status == types.ToolReturnMessageStatusError {
				status = "Failed"
			}
			ret := b.add(types.MessageRoleTool, pyJSON(true, kv{"status", status}, kv{"message", m.ToolReturn}, kv{"time", packedTime(b.s.now())}))
			ret.m.ToolCallID = new(callID)
			if name != "" {
				ret.m.Name = new(name)
			}
			ret.bare = m.ToolReturn
			b.lastCall = nil
			b.open = nil
			if more {
				reason := "[This is an automated system message hidden from the user] Function called using request_heartbeat=true, returning control"
				if status != "OK" {
					reason = "[This is an automated system message hidden from the user] Function call failed, returning control"
				}
				hb := b.add(types.MessageRoleUser, pyJSON(true, kv{"type", "heartbeat"}, kv{"reason", reason}, kv{"time", packedTime(b.s.now())}))
				hb.heartbeat = true
			}
		}
	}
	if b.steps == 0 {
		b.prompt += b.contextTokens()
		b.steps = 1
	}
}

// applyMemoryTool gives the memory tools their effect on the agent's
// memory: core_memory_append, core_memory_replace and
// archival_memory_insert.
func (b *stepBuilder) applyMemoryTool(fn types.Function) {
	var args map[string]any
	if json.Unmarshal([]byte(fn.Arguments), &args) != nil {
		return
	}
	str := func(k string) string { v, _ := args[k].(string); return v }
	switch fn.Name {
	case "core_memory_append":
		if blk, err := b.s.blockByLabel(b.a, str("label")); err == nil {
			blk.Value += "\n" + str("content")
		}
	case "core_memory_replace":
		if blk, err := b.s.blockByLabel(b.a, str("label")); err == nil && str("old_content") != "" {
			blk.Value = strings.Replace(blk.Value, str("old_content"), str("new_content"), 1)
		}
	case "archival_memory_insert":
		b.s.insertArchival(b.a, str("content"))
	}
}

// Handlers.

type messagesBody struct {
	Messages     []types.MessageCreate     `json:"messages"`
	Config       *types.LettaRequestConfig `json:"config"`
	StreamTokens *bool                     `json:"stream_tokens"`
}

func (s *Server) createMessages(w http.ResponseWriter, r *http.Request) error {
	var body messagesBody
	if err := decodeBody(r, messagesRequestSchema, &body); err != nil {
		return err
	}
	res, err := s.runStep(r.PathValue("agent_id"), body.Messages, newReqConfig(body.Config), "")
	if err != nil {
		return errStatus(http.StatusInternalServerError, "%s", err.Error())
	}
	writeJSON(w, http.StatusOK, types.LettaResponse{Messages: res.messages, Usage: res.usage})
	return nil
}

// streamFaultKey carries a Fault's stream effects to the stream handler.
type streamFaultKey struct{}

func (s *Server) streamMessages(w http.ResponseWriter, r *http.Request) error {
	var body messagesBody
	if err := decodeBody(r, streamRequestSchema, &body); err != nil {
		return err
	}
	agentID := r.PathValue("agent_id")
	s.mu.Lock()
	a, ok := s.st.agents.get(agentID)
	var llm types.LLMConfig
	if ok {
		llm = a.st.LLMConfig
	}
	s.mu.Unlock()
	if !ok {
		return errStatus(http.StatusInternalServerError, "%s", agentNotFound(agentID, "read"))
	}
	fault, _ := r.Context().Value(streamFaultKey{}).(Fault)

	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	flush := func() {
		if flusher != nil {
			flusher.Flush()
		}
	}
	flush()
	ctx := r.Context()
	frame := func(payload []byte) bool {
		if !sleepCtx(ctx, s.closing, s.opts.streamDelay) {
			return false
		}
		if _, err := fmt.Fprintf(w, "data: %s\n\n", payload); err != nil {
			return false
		}
		flush()
		return true
	}

	res, err := s.runStep(agentID, body.Messages, newReqConfig(body.Config), "")
	if err == nil {
		tokensMode := body.StreamTokens != nil && *body.StreamTokens &&
			llm.ModelEndpointType == types.LLMConfigModelEndpointTypeOpenai &&
			!strings.Contains(deref(llm.ModelEndpoint), "inference.memgpt.ai")
		var frames []any
		for _, m := range res.messages {
			if tokensMode {
				frames = append(frames, tokenChunks(m)...)
			} else {
				frames = append(frames, m)
			}
		}
		for _, f := range frames {
			if tokensMode && !s.pause(ctx, s.opts.tokenDelay) {
				return nil
			}
			if !frame(mustWireASCII(f)) {
				return nil
			}
		}
	}
	if fault.TruncateStream {
		panic(http.ErrAbortHandler)
	}
	switch {
	case fault.StreamError != "":
		frame(mustWireASCII(map[string]any{"error": fault.StreamError}))
	case err != nil:
		frame([]byte(`{"error":"Stream failed (internal error occured)"}`))
	default:
		frame(mustWireASCII(res.usage))
	}
	frame([]byte("[DONE]"))
	return nil
}

func mustWireASCII(v any) []byte {
	b, err := encodeWireASCII(v)
	if err != nil {
		panic(fmt.Sprintf("lettatest: encoding %T: %v", v, err))
	}
	return b
}

// sleepCtx waits for d, or returns false when ctx ends or the server
// closes first.
func sleepCtx(ctx context.Context, stop <-chan struct{}, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-stop:
		return false
	case <-t.C:
		return true
	}
}

// tokenChunks splits a message into the partial messages token streaming
// sends: reasoning and assistant text word by word, a tool call as a
// {name, tool_call_id} delta followed by argument fragments; a tool return
// stays whole. All chunks share the message's id and date.
func tokenChunks(m types.LettaMessage) []any {
	var out []any
	switch m := m.(type) {
	case types.ReasoningMessage:
		for _, w := range splitWords(m.Reasoning) {
			out = append(out, types.ReasoningMessage{ID: m.ID, Date: m.Date, Reasoning: w})
		}
	case types.AssistantMessage:
		for _, w := range splitWords(types.ContentText(m.Content)) {
			out = append(out, types.AssistantMessage{ID: m.ID, Date: m.Date, Content: types.ContentString(w)})
		}
	case types.ToolCallMessage:
		tc, ok := m.ToolCall.(types.ToolCall)
		if !ok {
			return []any{m}
		}
		out = append(out, types.ToolCallMessage{ID: m.ID, Date: m.Date, ToolCall: types.ToolCallDelta{Name: new(tc.Name), ToolCallID: new(tc.ToolCallID)}})
		var args map[string]any
		compact := tc.Arguments
		if json.Unmarshal([]byte(tc.Arguments), &args) == nil {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(args)
			compact = strings.TrimSuffix(buf.String(), "\n")
		}
		for _, frag := range splitN(compact, 8) {
			out = append(out, types.ToolCallMessage{ID: m.ID, Date: m.Date, ToolCall: types.ToolCallDelta{Arguments: new(frag)}})
		}
	default:
		out = append(out, m)
	}
	if len(out) == 0 {
		out = append(out, m)
	}
	return out
}

// splitWords splits text before each space, so the pieces concatenate
// back to text: "a b c" gives "a", " b", " c".
func splitWords(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r == ' ' && i > start {
			out = append(out, text[start:i])
			start = i
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// splitN splits s into pieces of at most n runes.
func splitN(s string, n int) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); i += n {
		out = append(out, string(rs[i:min(i+n, len(rs))]))
	}
	return out
}

func (s *Server) createMessagesAsync(w http.ResponseWriter, r *http.Request) error {
	var body messagesBody
	if err := decodeBody(r, messagesRequestSchema, &body); err != nil {
		return err
	}
	agentID := r.PathValue("agent_id")
	cfg := newReqConfig(body.Config)
	s.mu.Lock()
	now := s.nowPtr()
	rec := &runRec{agentID: agentID, run: types.Run{
		CreatedByID: new(DefaultUserID), LastUpdatedByID: new(DefaultUserID),
		CreatedAt: now, UpdatedAt: now,
		Status:   new(types.JobStatusCreated),
		Metadata: map[string]any{"job_type": "send_message_async", "agent_id": agentID},
		JobType:  new(types.JobTypeRun),
		ID:       newID("run"),
		UserID:   new(DefaultUserID),
	}}
	s.st.runs.put(rec.run.ID, rec)
	body2 := mustWire(rec.run)
	s.mu.Unlock()

	runID := rec.run.ID
	s.background(func(stop <-chan struct{}) {
		if !sleep(stop, s.opts.runDelay) {
			return
		}
		s.mu.Lock()
		if cur, ok := s.st.runs.get(runID); ok {
			cur.run.Status = new(types.JobStatusRunning)
			cur.run.UpdatedAt = s.nowPtr()
		}
		s.mu.Unlock()
		res, err := s.runStep(agentID, body.Messages, cfg, runID)
		s.mu.Lock()
		defer s.mu.Unlock()
		cur, ok := s.st.runs.get(runID)
		if !ok {
			return
		}
		now := s.nowPtr()
		cur.run.UpdatedAt, cur.run.CompletedAt = now, now
		if err != nil {
			cur.run.Status = new(types.JobStatusFailed)
			cur.run.Metadata = map[string]any{"error": err.Error()}
			return
		}
		cur.run.Status = new(types.JobStatusCompleted)
		cur.run.Metadata = map[string]any{"result": toJSONValue(types.LettaResponse{Messages: res.messages, Usage: res.usage})}
		cur.usage = types.UsageStatistics{CompletionTokens: res.usage.CompletionTokens, PromptTokens: res.usage.PromptTokens, TotalTokens: res.usage.TotalTokens}
	})
	writeRawJSON(w, http.StatusOK, body2)
	return nil
}

func (s *Server) listMessages(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	before, after := q.str("before"), q.str("after")
	limit := q.integer("limit")
	msgObject := q.boolean("msg_object")
	q.str("assistant_message_tool_name")
	q.str("assistant_message_tool_kwarg")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		rows, err := s.recall(r.PathValue("agent_id"), after, before, limit)
		if err != nil {
			return nil, err
		}
		if msgObject != nil && *msgObject {
			out := make([]types.Message, 0, len(rows))
			for _, m := range rows {
				out = append(out, m.m)
			}
			return out, nil
		}
		// The server converts without assistant messages and reverses a
		// newest-first flattening: within one stored message, the tool
		// call comes before the reasoning.
		cfg := reqConfig{useAssistant: false}
		var flat []types.LettaMessage
		for i := len(rows) - 1; i >= 0; i-- {
			flat = append(flat, lettaMessages(rows[i], cfg, false)...)
		}
		slices.Reverse(flat)
		if flat == nil {
			flat = []types.LettaMessage{}
		}
		return flat, nil
	})
}

// recall returns an agent's messages as the server's get_agent_recall
// does (server/server.py): the cursors are messages of any agent, turned
// into dates, and the rows created strictly after the after message and
// strictly before the before message are listed, the newest limit (10 by
// default) of them, oldest first. An unknown cursor fails as the server
// does, with a 500 (it reads created_at of None); an unknown agent has no
// messages. The caller holds s.mu.
func (s *Server) recall(agentID string, after, before *string, limit *int) ([]*msgRec, error) {
	for _, c := range []*string{after, before} {
		if c != nil {
			if m := s.messageByID(*c); m == nil || m.m.CreatedAt == nil {
				return nil, errInternal
			}
		}
	}
	n := 10
	if limit != nil {
		n = max(*limit, 0)
	}
	a, ok := s.st.agents.get(agentID)
	if !ok {
		return []*msgRec{}, nil
	}
	rows := a.messages.all()
	// bound is the index of the first row after the cursor's time (rows
	// are in creation order, so times never decrease): the cursor's own
	// index when it is one of these rows, as Postgres's distinct
	// timestamps would order it.
	bound := func(id string, past bool) int {
		if i := slices.IndexFunc(rows, func(m *msgRec) bool { return m.m.ID == id }); i >= 0 {
			if past {
				return i + 1
			}
			return i
		}
		t := s.messageByID(id).m.CreatedAt.Time
		return sort.Search(len(rows), func(i int) bool {
			rt := deref(rows[i].m.CreatedAt).Time
			if past {
				return rt.After(t)
			}
			return !rt.Before(t)
		})
	}
	lo, hi := 0, len(rows)
	if after != nil {
		lo = bound(*after, true)
	}
	if before != nil {
		hi = max(bound(*before, false), lo)
	}
	rows = rows[lo:hi]
	return slices.Clone(rows[max(len(rows)-n, 0):]), nil
}

// messageByID finds a stored message of any agent. The caller holds s.mu.
func (s *Server) messageByID(id string) *msgRec {
	for _, a := range s.st.agents.all() {
		if m, ok := a.messages.get(id); ok {
			return m
		}
	}
	return nil
}

type messageUpdateBody struct {
	Role       *types.MessageRole                    `json:"role"`
	Content    json.RawMessage                       `json:"content"`
	Name       *string                               `json:"name"`
	ToolCalls  []types.ChatCompletionMessageToolCall `json:"tool_calls"`
	ToolCallID *string                               `json:"tool_call_id"`
}

func (s *Server) modifyMessage(w http.ResponseWriter, r *http.Request) error {
	var body messageUpdateBody
	if err := decodeBody(r, messageUpdateSchema, &body); err != nil {
		return err
	}
	content, err := types.UnmarshalMessageContent(body.Content)
	if err != nil && len(body.Content) > 0 {
		return unprocessable([]validationError{{Type: "value_error", Loc: []any{"body", "content"}, Msg: "Value error, " + err.Error(), Input: json.RawMessage(body.Content)}})
	}
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		id := r.PathValue("message_id")
		m, ok := a.messages.get(id)
		if !ok {
			return nil, errNotFound("Message with id %s not found.", id)
		}
		if body.Role != nil {
			m.m.Role = *body.Role
		}
		switch c := content.(type) {
		case types.ContentString:
			m.m.Content = []types.TextContent{{Text: string(c)}}
		case types.ContentParts:
			m.m.Content = slices.Clone([]types.TextContent(c))
		}
		if body.Name != nil {
			m.m.Name = body.Name
		}
		if body.ToolCalls != nil {
			m.m.ToolCalls = body.ToolCalls
		}
		if body.ToolCallID != nil {
			m.m.ToolCallID = body.ToolCallID
		}
		m.m.UpdatedAt = s.nowPtr()
		return m.m, nil
	})
}
