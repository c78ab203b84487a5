package lettatest

import (
	"fmt"
	"hash/fnv"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/letta-go/letta/types"
)

// compileMemory renders blocks with the server's prompt template.
func compileMemory(blocks []types.Block) string {
	parts := make([]string, 0, len(blocks))
	for _, b := range blocks {
		label := deref(b.Label)
		limit := defaultBlockLimit
		if b.Limit != nil {
			limit = *b.Limit
		}
		parts = append(parts, fmt.Sprintf("<%s characters=\"%d/%d\">\n%s\n</%s>", label, utf8.RuneCountInString(b.Value), limit, b.Value, label))
	}
	return strings.Join(parts, "\n")
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// memorySummary is the "### Memory" header of the system message.
func (s *Server) memorySummary(a *agentRec) string {
	recall := max(a.messages.len()-len(a.st.MessageIDs), 0)
	return fmt.Sprintf("### Memory [last modified: %s]\n%d previous messages between you and the user are stored in recall memory (use functions to access them)\n%d total memories you created are stored in archival memory (use functions to access them)\n\nCore memory shown below (limited in size, additional information stored in archival / recall memory):\n",
		packedTime(s.now()), recall, len(s.archivalPassages(a)))
}

// refreshSystem rebuilds the agent's system message when its system prompt
// or core memory changed (or always, with force): like the server, it
// stores a new system message and puts it first in message_ids. The caller
// holds s.mu.
func (s *Server) refreshSystem(a *agentRec, force bool) {
	compiled := a.st.System + "\x00" + compileMemory(s.agentBlocks(a))
	if !force && compiled == a.compiled && len(a.st.MessageIDs) > 0 {
		return
	}
	a.compiled = compiled
	content := a.st.System + "\n" + s.memorySummary(a) + compileMemory(s.agentBlocks(a))
	m := s.newMessage(a, types.MessageRoleSystem, content)
	if len(a.st.MessageIDs) == 0 {
		a.st.MessageIDs = []string{m.m.ID}
	} else {
		a.st.MessageIDs[0] = m.m.ID
	}
}

// newMessage stores a message row for the agent (not yet in context). The
// caller holds s.mu.
func (s *Server) newMessage(a *agentRec, role types.MessageRole, text string) *msgRec {
	now := s.nowPtr()
	m := &msgRec{m: types.Message{
		CreatedByID:     new(DefaultUserID),
		LastUpdatedByID: new(DefaultUserID),
		CreatedAt:       now,
		UpdatedAt:       now,
		ID:              newID("message"),
		Role:            role,
		Content:         []types.TextContent{{Text: text}},
		AgentID:         new(a.st.ID),
		Model:           new(a.st.LLMConfig.Model),
		OrganizationID:  new(DefaultOrganizationID),
	}}
	a.messages.put(m.m.ID, m)
	return m
}

// initialMessages gives a new (or reset) agent its first messages: the
// system message, then either the given sequence or the server's boot
// sequence (a send_message call, its return and a login event). The caller
// holds s.mu.
func (s *Server) initialMessages(a *agentRec, seq []types.MessageCreate) {
	a.st.MessageIDs = nil
	s.refreshSystem(a, true)
	ids := []string{}
	if seq != nil {
		for _, mc := range seq {
			ids = append(ids, s.storeInput(a, mc, "").m.ID)
		}
	} else {
		callID := newUUID()
		boot := s.newMessage(a, types.MessageRoleAssistant, "Bootup sequence complete. Persona activated. Testing messaging functionality.")
		boot.m.ToolCalls = []types.ChatCompletionMessageToolCall{{
			ID:       callID,
			Function: types.Function{Name: "send_message", Arguments: pyJSON(true, kv{"message", "More human than human is our motto."})},
		}}
		ret := s.newMessage(a, types.MessageRoleTool, pyJSON(true, kv{"status", "OK"}, kv{"message", nil}, kv{"time", packedTime(s.now())}))
		ret.m.Name = new("send_message")
		ret.m.ToolCallID = new(callID)
		login := s.newMessage(a, types.MessageRoleUser, pyJSON(true, kv{"type", "login"}, kv{"last_login", "Never (first login)"}, kv{"time", packedTime(s.now())}))
		ids = append(ids, boot.m.ID, ret.m.ID, login.m.ID)
	}
	a.st.MessageIDs = append(a.st.MessageIDs, ids...)
}

// Core memory.

func (s *Server) retrieveCoreMemory(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		return s.render(a).Memory, nil
	})
}

func (s *Server) listCoreBlocks(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		return s.agentBlocks(a), nil
	})
}

// blockByLabel returns the agent's block with the label, or a 404. The
// caller holds s.mu.
func (s *Server) blockByLabel(a *agentRec, label string) (*types.Block, error) {
	var labels []string
	for _, id := range a.blockIDs {
		if b, ok := s.st.blocks.get(id); ok {
			if deref(b.Label) == label {
				return b, nil
			}
			labels = append(labels, deref(b.Label))
		}
	}
	return nil, errNotFound("Block field %s does not exist (available sections = %s)", label, strings.Join(labels, ", "))
}

func (s *Server) retrieveCoreBlock(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		return s.blockByLabel(a, r.PathValue("block_label"))
	})
}

func (s *Server) modifyCoreBlock(w http.ResponseWriter, r *http.Request) error {
	var body blockUpdateBody
	input, err := decodeBodyInput(r, blockUpdateSchema, &body)
	if err == nil {
		err = body.check(input)
	}
	if err != nil {
		return err
	}
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		b, err := s.blockByLabel(a, r.PathValue("block_label"))
		if err != nil {
			return nil, err
		}
		if err := body.apply(b); err != nil {
			return nil, err
		}
		s.refreshSystem(a, false)
		return b, nil
	})
}

// Archival memory.

// embeddingSize is the length of every stored embedding: the server pads
// them with zeros to MAX_EMBEDDING_DIM.
const embeddingSize = 4096

// fakeEmbedding returns a deterministic stand-in embedding of text: dim
// values derived from a hash of the text, zero padded to embeddingSize.
func fakeEmbedding(text string, dim int) []float64 {
	out := make([]float64, embeddingSize)
	h := fnv.New64a()
	_, _ = h.Write([]byte(text))
	x := h.Sum64() | 1
	for i := range min(dim, 8, embeddingSize) {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		out[i] = float64(float32(float64(x%2000)/1000 - 1))
	}
	return out
}

// newPassage makes a passage of text for an agent or a source. The caller
// holds s.mu.
func (s *Server) newPassage(text string, agentID, sourceID, fileID *string, emb types.EmbeddingConfig) *passageRec {
	now := s.nowPtr()
	return &passageRec{p: types.Passage{
		CreatedByID: new(DefaultUserID), LastUpdatedByID: new(DefaultUserID),
		CreatedAt: now, UpdatedAt: now, IsDeleted: new(false),
		AgentID: agentID, SourceID: sourceID, FileID: fileID,
		Metadata: map[string]any{}, ID: newID("passage"), Text: text,
		Embedding: fakeEmbedding(text, emb.EmbeddingDim), EmbeddingConfig: new(emb),
		OrganizationID: new(DefaultOrganizationID),
	}}
}

// archivalPassages returns what the agent's archival memory holds, oldest
// first: its own passages and those of its attached sources. The caller
// holds s.mu.
func (s *Server) archivalPassages(a *agentRec) []*passageRec {
	out := a.archival.all()
	for _, p := range s.st.passages.all() {
		if p.p.SourceID != nil && slices.Contains(a.sourceIDs, *p.p.SourceID) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(x, y *passageRec) int {
		return deref(x.p.CreatedAt).Compare(deref(y.p.CreatedAt).Time)
	})
	return out
}

// listArchival lists archival memory oldest first, as many passages as
// limit allows (all by default); an unknown agent has none. Its integer
// cursors never worked on the server: the route passes them on to a
// method typed Optional[str], whose type check answers 400
// (server/server.py: get_agent_archival under @enforce_types).
func (s *Server) listArchival(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	after, before, limit := q.integer("after"), q.integer("before"), q.integer("limit")
	if err := q.err(); err != nil {
		return err
	}
	for _, c := range []struct {
		name string
		v    *int
	}{{"after", after}, {"before", before}} {
		if c.v != nil {
			return errStatus(http.StatusBadRequest, "Argument %s does not match type typing.Optional[str]; is %d", c.name, *c.v)
		}
	}
	return s.locked(w, func() (any, error) {
		out := []types.Passage{}
		a, ok := s.st.agents.get(r.PathValue("agent_id"))
		if !ok {
			return out, nil
		}
		for _, p := range s.archivalPassages(a) {
			if limit != nil && *limit >= 0 && len(out) == *limit {
				break
			}
			out = append(out, p.p)
		}
		return out, nil
	})
}

type passageCreateBody struct {
	Text string `json:"text"`
}

func (s *Server) createArchival(w http.ResponseWriter, r *http.Request) error {
	var body passageCreateBody
	if err := decodeBody(r, passageCreateSchema, &body); err != nil {
		return err
	}
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		return s.insertArchival(a, body.Text), nil
	})
}

// insertArchival stores text in the agent's archival memory, one passage
// per chunk. The caller holds s.mu.
func (s *Server) insertArchival(a *agentRec, text string) []types.Passage {
	out := []types.Passage{}
	for _, chunk := range chunkText(text, deref(a.st.EmbeddingConfig.EmbeddingChunkSize)) {
		p := s.newPassage(chunk, new(a.st.ID), nil, nil, a.st.EmbeddingConfig)
		a.archival.put(p.p.ID, p)
		out = append(out, p.p)
	}
	return out
}

func (s *Server) deleteArchival(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		id := r.PathValue("memory_id")
		if !a.archival.del(id) {
			p, ok := s.st.passages.get(id)
			if !ok || p.p.SourceID == nil || !slices.Contains(a.sourceIDs, *p.p.SourceID) {
				return nil, errNotFound("Passage with id %s not found.", id)
			}
			s.st.passages.del(id)
		}
		return map[string]string{"message": fmt.Sprintf("Memory id=%s successfully deleted", id)}, nil
	})
}

// chunkText splits text into chunks of about size tokens (a token being
// about four characters), breaking at whitespace. Empty text gives no
// chunks.
func chunkText(text string, size int) []string {
	if size <= 0 {
		size = 300
	}
	maxChars := size * 4
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if utf8.RuneCountInString(text) <= maxChars {
		return []string{text}
	}
	var chunks []string
	var cur strings.Builder
	for _, word := range strings.Fields(text) {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(word) > maxChars {
			chunks = append(chunks, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 {
		chunks = append(chunks, cur.String())
	}
	return chunks
}

// tokens estimates the number of tokens of s: about one per four
// characters.
func tokens(s string) int { return (utf8.RuneCountInString(s) + 3) / 4 }

// Context window.

func (s *Server) contextWindow(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		st := s.render(a)
		core := compileMemory(st.Memory.Blocks)
		summary := s.memorySummary(a)
		var msgs []types.Message
		msgTokens := 0
		for _, id := range a.st.MessageIDs {
			if m, ok := a.messages.get(id); ok {
				msgs = append(msgs, m.m)
				msgTokens += tokens(messageText(m.m))
			}
		}
		if msgs == nil {
			msgs = []types.Message{}
		}
		fns := []types.FunctionTool{}
		fnTokens := 0
		for _, t := range st.Tools {
			fd := types.FunctionDefinition{Name: deref(t.Name), Description: t.Description, Parameters: map[string]any{}}
			if p, ok := t.JSONSchema["parameters"].(map[string]any); ok {
				fd.Parameters = p
			}
			if d, ok := t.JSONSchema["description"].(string); ok {
				fd.Description = new(d)
			}
			if strict, ok := t.JSONSchema["strict"].(bool); ok {
				fd.Strict = new(strict)
			}
			fns = append(fns, types.FunctionTool{Function: fd})
			fnTokens += tokens(string(mustWire(t.JSONSchema)))
		}
		sysTokens, coreTokens, sumTokens := tokens(st.System), tokens(core), tokens(summary)
		return types.ContextWindowOverview{
			ContextWindowSizeMax:           st.LLMConfig.ContextWindow,
			ContextWindowSizeCurrent:       sysTokens + coreTokens + sumTokens + fnTokens + msgTokens,
			NumMessages:                    len(msgs),
			NumArchivalMemory:              len(s.archivalPassages(a)),
			NumRecallMemory:                a.messages.len(),
			NumTokensExternalMemorySummary: sumTokens,
			ExternalMemorySummary:          summary,
			NumTokensSystem:                sysTokens,
			SystemPrompt:                   st.System,
			NumTokensCoreMemory:            coreTokens,
			CoreMemory:                     core,
			NumTokensSummaryMemory:         0,
			NumTokensFunctionsDefinitions:  fnTokens,
			FunctionsDefinitions:           fns,
			NumTokensMessages:              msgTokens,
			Messages:                       msgs,
		}, nil
	})
}

// messageText returns the text of a stored message: its content and its
// tool calls' arguments.
func messageText(m types.Message) string {
	var b strings.Builder
	for _, c := range m.Content {
		b.WriteString(c.Text)
	}
	for _, tc := range m.ToolCalls {
		b.WriteString(tc.Function.Name)
		b.WriteString(tc.Function.Arguments)
	}
	return b.String()
}
