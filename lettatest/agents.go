package lettatest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/letta-go/letta/types"
)

// promptTemplate is the Jinja2 template the server reports in
// Memory.prompt_template.
const promptTemplate = "{% for block in blocks %}<{{ block.label }} characters=\"{{ block.value|length }}/{{ block.limit }}\">\n{{ block.value }}\n</{{ block.label }}>{% if not loop.last %}\n{% endif %}{% endfor %}"

// Names of the tools an agent gets by default (include_base_tools) and with
// include_multi_agent_tools.
var (
	baseToolNames       = []string{"send_message", "conversation_search", "archival_memory_insert", "archival_memory_search", "core_memory_append", "core_memory_replace"}
	multiAgentToolNames = []string{"send_message_to_agents_matching_all_tags", "send_message_to_specific_agent"}
)

const defaultBlockLimit = 5000

// agentNotFound is the text of the server's NoResultFound for an agent.
func agentNotFound(id, access string) string {
	return fmt.Sprintf("Agent not found with id='%s', access level in ['%s'] for actor='id='%s' organization_id='%s' name='default_user' created_at=datetime.datetime(2025, 1, 20, 17, 2, 12, 514377, tzinfo=datetime.timezone.utc) updated_at=datetime.datetime(2025, 1, 20, 17, 2, 12, 514377, tzinfo=datetime.timezone.utc) is_deleted=False', is_deleted=False", id, access, DefaultUserID, DefaultOrganizationID)
}

// agent returns the stored agent or a 404. The caller holds s.mu.
func (s *Server) agent(id string) (*agentRec, error) {
	a, ok := s.st.agents.get(id)
	if !ok {
		return nil, errNotFound("%s", agentNotFound(id, "read"))
	}
	return a, nil
}

// locked runs f with the state lock held and writes its result (encoded
// while the lock is held, so nothing changes under the encoder) or error.
func (s *Server) locked(w http.ResponseWriter, f func() (any, error)) error {
	s.mu.Lock()
	v, err := f()
	var body []byte
	if err == nil {
		body, err = encodeWire(v)
	}
	s.mu.Unlock()
	if err != nil {
		return err
	}
	writeRawJSON(w, http.StatusOK, body)
	return nil
}

// onAgent is locked for a handler of one agent: it runs f on the agent
// named by the request's agent_id, or answers 404 when there is none.
func (s *Server) onAgent(w http.ResponseWriter, r *http.Request, f func(a *agentRec) (any, error)) error {
	return s.locked(w, func() (any, error) {
		a, err := s.agent(r.PathValue("agent_id"))
		if err != nil {
			return nil, err
		}
		return f(a)
	})
}

// render returns the agent as the server sends it: memory blocks, tools
// and sources resolved. The caller holds s.mu.
func (s *Server) render(a *agentRec) types.AgentState {
	st := a.st
	st.Memory = types.Memory{Blocks: s.agentBlocks(a), PromptTemplate: new(promptTemplate)}
	st.Tools = []types.Tool{}
	for _, id := range a.toolIDs {
		if t, ok := s.st.tools.get(id); ok {
			st.Tools = append(st.Tools, *t)
		}
	}
	st.Sources = []types.Source{}
	for _, id := range a.sourceIDs {
		if src, ok := s.st.sources.get(id); ok {
			st.Sources = append(st.Sources, *src)
		}
	}
	st.Tags = append([]string{}, a.st.Tags...)
	st.MessageIDs = append([]string{}, a.st.MessageIDs...)
	st.ToolExecEnvironmentVariables = append([]types.AgentEnvironmentVariable{}, a.st.ToolExecEnvironmentVariables...)
	st.ToolRules = slices.Clone(a.st.ToolRules)
	return st
}

// snapshot returns a deep copy of the rendered agent, safe to use without
// the lock. The caller holds s.mu.
func (s *Server) snapshot(a *agentRec) types.AgentState {
	var out types.AgentState
	if err := json.Unmarshal(mustWire(s.render(a)), &out); err != nil {
		panic(fmt.Sprintf("lettatest: copying agent state: %v", err))
	}
	return out
}

func (s *Server) agentBlocks(a *agentRec) []types.Block {
	out := []types.Block{}
	for _, id := range a.blockIDs {
		if b, ok := s.st.blocks.get(id); ok {
			out = append(out, *b)
		}
	}
	return out
}

// touch bumps the agent's updated_at. The caller holds s.mu.
func (s *Server) touch(a *agentRec) {
	a.st.UpdatedAt = s.nowPtr()
	a.st.LastUpdatedByID = new(DefaultUserID)
}

type createAgentBody struct {
	Name                         *string                `json:"name"`
	MemoryBlocks                 []types.CreateBlock    `json:"memory_blocks"`
	Tools                        []string               `json:"tools"`
	ToolIDs                      []string               `json:"tool_ids"`
	SourceIDs                    []string               `json:"source_ids"`
	BlockIDs                     []string               `json:"block_ids"`
	ToolRules                    []json.RawMessage      `json:"tool_rules"`
	Tags                         []string               `json:"tags"`
	System                       *string                `json:"system"`
	AgentType                    *string                `json:"agent_type"`
	LLMConfig                    *types.LLMConfig       `json:"llm_config"`
	EmbeddingConfig              *types.EmbeddingConfig `json:"embedding_config"`
	InitialMessageSequence       []types.MessageCreate  `json:"initial_message_sequence"`
	IncludeBaseTools             *bool                  `json:"include_base_tools"`
	IncludeMultiAgentTools       *bool                  `json:"include_multi_agent_tools"`
	Description                  *string                `json:"description"`
	Metadata                     map[string]any         `json:"metadata"`
	Model                        *string                `json:"model"`
	Embedding                    *string                `json:"embedding"`
	ContextWindowLimit           *int                   `json:"context_window_limit"`
	EmbeddingChunkSize           *int                   `json:"embedding_chunk_size"`
	ToolExecEnvironmentVariables map[string]*string     `json:"tool_exec_environment_variables"`
}

var agentNameRE = regexp.MustCompile(`^[A-Za-z0-9 _-]+$`)

// validateAgentName applies the server's name validator.
func validateAgentName(name string) error {
	msg := ""
	switch n := utf8.RuneCountInString(name); {
	case n < 1 || n > 50:
		msg = "Name length must be between 1 and 50 characters."
	case !agentNameRE.MatchString(name):
		msg = "Name contains invalid characters."
	default:
		return nil
	}
	return unprocessable([]validationError{{Type: "value_error", Loc: []any{"body", "name"}, Msg: "Value error, " + msg, Input: name, Ctx: map[string]any{"error": map[string]any{}}}})
}

// ifSet applies check to *p when p is not nil.
func ifSet(p *string, check func(string) error) error {
	if p == nil {
		return nil
	}
	return check(*p)
}

func validateHandle(field, handle, what string) error {
	provider, model, ok := strings.Cut(handle, "/")
	if ok && provider != "" && model != "" {
		return nil
	}
	return unprocessable([]validationError{{Type: "value_error", Loc: []any{"body", field}, Msg: "Value error, The " + what + " handle should be in the format provider/model-name", Input: handle, Ctx: map[string]any{"error": map[string]any{}}}})
}

var (
	nameAdjectives = []string{"brave", "calm", "clever", "eager", "gentle", "jolly", "lucky", "merry", "quiet", "swift", "witty", "zesty"}
	nameNouns      = []string{"otter", "falcon", "lynx", "heron", "badger", "panda", "orca", "fox", "koala", "raven", "tiger", "wren"}
)

// randomAgentName returns a name like the server's create_random_username.
func randomAgentName() string {
	return nameAdjectives[rand.IntN(len(nameAdjectives))] + "-" + nameNouns[rand.IntN(len(nameNouns))] + fmt.Sprintf("-%d", rand.IntN(1000))
}

func (s *Server) createAgent(w http.ResponseWriter, r *http.Request) error {
	var body createAgentBody
	if err := decodeBody(r, createAgentSchema, &body); err != nil {
		return err
	}
	// The model validators run together: report every failure at once.
	var verrs []validationError
	for _, err := range []error{
		ifSet(body.Name, validateAgentName),
		ifSet(body.Model, func(h string) error { return validateHandle("model", h, "llm config") }),
		ifSet(body.Embedding, func(h string) error { return validateHandle("embedding", h, "embedding config") }),
	} {
		if he, ok := err.(*httpError); ok {
			verrs = append(verrs, he.detail.([]validationError)...)
		}
	}
	if len(verrs) > 0 {
		return unprocessable(verrs)
	}
	rules, err := decodeToolRules(body.ToolRules)
	if err != nil {
		return err
	}
	for _, cb := range body.MemoryBlocks {
		if err := blockLimitError(cb.Value, deref(cmp.Or(cb.Limit, new(defaultBlockLimit))), cb); err != nil {
			return err
		}
	}
	llm := body.LLMConfig
	if llm == nil {
		if body.Model == nil {
			return errStatus(http.StatusBadRequest, "Must specify either model or llm_config in request")
		}
		llm = new(llmConfigForHandle(*body.Model))
	}
	if body.ContextWindowLimit != nil {
		llm.ContextWindow = min(llm.ContextWindow, *body.ContextWindowLimit)
	}
	emb := body.EmbeddingConfig
	if emb == nil {
		if body.Embedding == nil {
			return errStatus(http.StatusBadRequest, "Must specify either embedding or embedding_config in request")
		}
		emb = new(embeddingConfigForHandle(*body.Embedding))
	}
	if body.EmbeddingChunkSize != nil {
		emb.EmbeddingChunkSize = new(*body.EmbeddingChunkSize)
	} else if emb.EmbeddingChunkSize == nil {
		emb.EmbeddingChunkSize = new(300)
	}

	return s.locked(w, func() (any, error) {
		now := s.nowPtr()
		id := newID("agent")
		a := &agentRec{messages: newTable[msgRec](), archival: newTable[passageRec]()}

		// Resolve everything before changing any state.
		var toolIDs, names []string
		if body.IncludeBaseTools == nil || *body.IncludeBaseTools {
			names = append(names, baseToolNames...)
		}
		if body.IncludeMultiAgentTools != nil && *body.IncludeMultiAgentTools {
			names = append(names, multiAgentToolNames...)
		}
		names = append(names, body.Tools...)
		for _, n := range names {
			t := s.toolByName(n)
			if t == nil {
				return nil, errNotFound("Tool with name %s not found.", n)
			}
			toolIDs = append(toolIDs, t.ID)
		}
		if err := s.checkIDs(body.ToolIDs, body.SourceIDs, body.BlockIDs); err != nil {
			return nil, err
		}

		for _, cb := range body.MemoryBlocks {
			b := s.newBlock(cb)
			s.st.blocks.put(b.ID, b)
			a.blockIDs = append(a.blockIDs, b.ID)
		}
		a.blockIDs = dedupe(append(a.blockIDs, body.BlockIDs...))
		a.toolIDs = dedupe(append(toolIDs, body.ToolIDs...))
		a.sourceIDs = dedupe(body.SourceIDs)

		name := randomAgentName()
		if body.Name != nil {
			name = *body.Name
		}
		system := defaultSystemPrompt
		if body.System != nil {
			system = *body.System
		}
		agentType := types.AgentTypeMemgptAgent
		if body.AgentType != nil {
			agentType = types.AgentType(*body.AgentType)
		}
		tags := append([]string{}, body.Tags...)
		a.st = types.AgentState{
			CreatedByID:     new(DefaultUserID),
			LastUpdatedByID: new(DefaultUserID),
			CreatedAt:       now,
			UpdatedAt:       now,
			ID:              id,
			Name:            name,
			ToolRules:       rules,
			System:          system,
			AgentType:       agentType,
			LLMConfig:       *llm,
			EmbeddingConfig: *emb,
			Description:     body.Description,
			Metadata:        body.Metadata,
			Tags:            tags,
			OrganizationID:  new(DefaultOrganizationID),
		}
		a.st.ToolExecEnvironmentVariables = s.envVars(id, body.ToolExecEnvironmentVariables)
		s.initialMessages(a, body.InitialMessageSequence)
		s.st.agents.put(id, a)
		return s.render(a), nil
	})
}

// envVars turns a tool_exec_environment_variables map into the stored
// variables, sorted by key. The caller holds s.mu.
func (s *Server) envVars(agentID string, vars map[string]*string) []types.AgentEnvironmentVariable {
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := []types.AgentEnvironmentVariable{}
	for _, k := range keys {
		v := ""
		if vars[k] != nil {
			v = *vars[k]
		}
		now := s.nowPtr()
		out = append(out, types.AgentEnvironmentVariable{
			CreatedByID: new(DefaultUserID), LastUpdatedByID: new(DefaultUserID),
			CreatedAt: now, UpdatedAt: now, ID: newID("agent-env"), Key: k, Value: v,
			AgentID: agentID, OrganizationID: new(DefaultOrganizationID),
		})
	}
	return out
}

func decodeToolRules(raws []json.RawMessage) ([]types.ToolRule, error) {
	if raws == nil {
		return nil, nil
	}
	rules := make([]types.ToolRule, 0, len(raws))
	for i, raw := range raws {
		rule, err := types.UnmarshalToolRule(raw)
		if err != nil {
			return nil, unprocessable([]validationError{{Type: "value_error", Loc: []any{"body", "tool_rules", i}, Msg: "Value error, " + err.Error(), Input: json.RawMessage(raw)}})
		}
		rules = append(rules, rule)
	}
	return rules, nil
}

// newBlock makes a block from a CreateBlock with the server's defaults.
// The caller holds s.mu.
func (s *Server) newBlock(cb types.CreateBlock) *types.Block {
	b := &types.Block{
		Value:          cb.Value,
		Limit:          cb.Limit,
		Name:           cb.Name,
		IsTemplate:     cb.IsTemplate,
		Label:          new(cb.Label),
		Description:    cb.Description,
		Metadata:       cb.Metadata,
		ID:             newID("block"),
		OrganizationID: new(DefaultOrganizationID),
		// The server leaves created_by_id and last_updated_by_id of
		// blocks null.
	}
	if b.Limit == nil {
		b.Limit = new(defaultBlockLimit)
	}
	if b.IsTemplate == nil {
		b.IsTemplate = new(false)
	}
	if b.Metadata == nil {
		b.Metadata = map[string]any{}
	}
	return b
}

func (s *Server) retrieveAgent(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		return s.render(a), nil
	})
}

func (s *Server) deleteAgent(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		s.st.agents.del(a.st.ID)
		return map[string]string{"message": fmt.Sprintf("Agent id=%s successfully deleted", a.st.ID)}, nil
	})
}

func (s *Server) listAgents(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	name := q.str("name")
	tags := q.list("tags")
	matchAll := q.boolean("match_all_tags")
	before, after := q.str("before"), q.str("after")
	limit := q.integer("limit")
	queryText := q.str("query_text")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		all := s.st.agents.all()
		var out []types.AgentState
		for _, a := range all {
			if name != nil && a.st.Name != *name {
				continue
			}
			if queryText != nil && !strings.Contains(strings.ToLower(a.st.Name), strings.ToLower(*queryText)) {
				continue
			}
			if len(tags) > 0 {
				n := 0
				for _, t := range tags {
					if slices.Contains(a.st.Tags, t) {
						n++
					}
				}
				if n == 0 || (matchAll != nil && *matchAll && n < len(tags)) {
					continue
				}
			}
			out = append(out, s.render(a))
		}
		return pageByID(out, func(a types.AgentState) string { return a.ID }, cursorPage{after: after, before: before, limit: limit, model: "Agent"})
	})
}

type updateAgentBody struct {
	Name                         *string                `json:"name"`
	ToolIDs                      []string               `json:"tool_ids"`
	SourceIDs                    []string               `json:"source_ids"`
	BlockIDs                     []string               `json:"block_ids"`
	Tags                         []string               `json:"tags"`
	System                       *string                `json:"system"`
	ToolRules                    []json.RawMessage      `json:"tool_rules"`
	LLMConfig                    *types.LLMConfig       `json:"llm_config"`
	EmbeddingConfig              *types.EmbeddingConfig `json:"embedding_config"`
	MessageIDs                   []string               `json:"message_ids"`
	Description                  *string                `json:"description"`
	Metadata                     map[string]any         `json:"metadata"`
	ToolExecEnvironmentVariables map[string]*string     `json:"tool_exec_environment_variables"`
}

func (s *Server) modifyAgent(w http.ResponseWriter, r *http.Request) error {
	var body updateAgentBody
	if err := decodeBody(r, updateAgentSchema, &body); err != nil {
		return err
	}
	if body.Name != nil {
		if err := validateAgentName(*body.Name); err != nil {
			return err
		}
	}
	rules, err := decodeToolRules(body.ToolRules)
	if err != nil {
		return err
	}
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		if err := s.checkIDs(body.ToolIDs, body.SourceIDs, body.BlockIDs); err != nil {
			return nil, err
		}
		for _, mid := range body.MessageIDs {
			if _, ok := a.messages.get(mid); !ok {
				return nil, errNotFound("Message with id %s not found.", mid)
			}
		}
		if body.Name != nil {
			a.st.Name = *body.Name
		}
		if body.ToolIDs != nil {
			a.toolIDs = dedupe(body.ToolIDs)
		}
		if body.SourceIDs != nil {
			a.sourceIDs = dedupe(body.SourceIDs)
		}
		if body.BlockIDs != nil {
			a.blockIDs = dedupe(body.BlockIDs)
		}
		if body.Tags != nil {
			a.st.Tags = dedupe(body.Tags)
		}
		if body.System != nil {
			a.st.System = *body.System
		}
		if body.ToolRules != nil {
			a.st.ToolRules = rules
		}
		if body.LLMConfig != nil {
			a.st.LLMConfig = *body.LLMConfig
		}
		if body.EmbeddingConfig != nil {
			a.st.EmbeddingConfig = *body.EmbeddingConfig
		}
		if body.MessageIDs != nil {
			a.st.MessageIDs = append([]string{}, body.MessageIDs...)
		}
		if body.Description != nil {
			a.st.Description = body.Description
		}
		if body.Metadata != nil {
			a.st.Metadata = body.Metadata
		}
		if body.ToolExecEnvironmentVariables != nil {
			a.st.ToolExecEnvironmentVariables = s.envVars(a.st.ID, body.ToolExecEnvironmentVariables)
		}
		if body.System != nil || body.BlockIDs != nil {
			s.refreshSystem(a, true)
		}
		s.touch(a)
		return s.render(a), nil
	})
}

func dedupe(ids []string) []string {
	out := []string{}
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (s *Server) resetMessages(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	addDefault := q.boolean("add_default_initial_messages")
	if err := q.err(); err != nil {
		return err
	}
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		a.messages = newTable[msgRec]()
		a.st.MessageIDs = nil
		a.compiled = ""
		if addDefault != nil && *addDefault {
			s.initialMessages(a, nil)
		} else {
			s.refreshSystem(a, true)
		}
		s.touch(a)
		return s.render(a), nil
	})
}

// Tools, sources and memory blocks of an agent.

func (s *Server) listAgentTools(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		return s.render(a).Tools, nil
	})
}

func (s *Server) listAgentSources(w http.ResponseWriter, r *http.Request) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		return s.render(a).Sources, nil
	})
}

// attachment is a kind of object an agent holds by id and that its attach
// and detach routes add and remove.
type attachment struct {
	param  string                      // the path parameter with the object's id
	ids    func(a *agentRec) *[]string // the agent's ids of that kind
	exists func(*Server, string) error // a 404, in the server's words, for an unknown id
	memory bool                        // core memory blocks
}

var (
	toolAttachment = attachment{param: "tool_id", exists: exists((*Server).tool),
		ids: func(a *agentRec) *[]string { return &a.toolIDs }}
	sourceAttachment = attachment{param: "source_id", exists: exists((*Server).source),
		ids: func(a *agentRec) *[]string { return &a.sourceIDs }}
	blockAttachment = attachment{param: "block_id", exists: exists((*Server).block), memory: true,
		ids: func(a *agentRec) *[]string { return &a.blockIDs }}
)

// blockNotAttached is the 404 of detaching a block the agent does not
// have (services/agent_manager.py: detach_block).
func blockNotAttached(blockID, agentID string) error {
	return errNotFound("No block with id '%s' found for agent '%s' with actor id: '%s'", blockID, agentID, DefaultUserID)
}

// checkIDs returns the 404 for the first unknown id among the tool,
// source and block ids of a create or modify body. The caller holds s.mu.
func (s *Server) checkIDs(toolIDs, sourceIDs, blockIDs []string) error {
	for _, c := range []struct {
		k   attachment
		ids []string
	}{{toolAttachment, toolIDs}, {sourceAttachment, sourceIDs}, {blockAttachment, blockIDs}} {
		for _, id := range c.ids {
			if err := c.k.exists(s, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// exists turns a lookup into a check that the object exists. The caller
// holds s.mu.
func exists[T any](lookup func(*Server, string) (*T, error)) func(*Server, string) error {
	return func(s *Server, id string) error {
		_, err := lookup(s, id)
		return err
	}
}

func (s *Server) attachTool(w http.ResponseWriter, r *http.Request) error {
	return s.setAttached(w, r, toolAttachment, true)
}

func (s *Server) detachTool(w http.ResponseWriter, r *http.Request) error {
	return s.setAttached(w, r, toolAttachment, false)
}

func (s *Server) attachSource(w http.ResponseWriter, r *http.Request) error {
	return s.setAttached(w, r, sourceAttachment, true)
}

func (s *Server) detachSource(w http.ResponseWriter, r *http.Request) error {
	return s.setAttached(w, r, sourceAttachment, false)
}

func (s *Server) attachBlock(w http.ResponseWriter, r *http.Request) error {
	return s.setAttached(w, r, blockAttachment, true)
}

func (s *Server) detachBlock(w http.ResponseWriter, r *http.Request) error {
	return s.setAttached(w, r, blockAttachment, false)
}

// setAttached attaches the object the request names to the agent (once),
// or with attach false detaches it, and answers with the agent, as the
// server's agent_manager does: detaching checks nothing but, for a block,
// that the agent had it (404); attaching a block whose label the agent
// already uses breaks the (agent, label) unique constraint, a 500. Neither
// rebuilds the system message.
func (s *Server) setAttached(w http.ResponseWriter, r *http.Request, k attachment, attach bool) error {
	return s.onAgent(w, r, func(a *agentRec) (any, error) {
		id := r.PathValue(k.param)
		ids := k.ids(a)
		switch {
		case !attach && k.memory && !slices.Contains(*ids, id):
			return nil, blockNotAttached(id, a.st.ID)
		case !attach:
			*ids = slices.DeleteFunc(*ids, func(x string) bool { return x == id })
		default:
			if err := k.exists(s, id); err != nil {
				return nil, err
			}
			if k.memory && s.labelInUse(a, id) {
				return nil, errInternal
			}
			if !slices.Contains(*ids, id) {
				*ids = append(*ids, id)
			}
		}
		s.touch(a)
		return s.render(a), nil
	})
}

// labelInUse reports whether another block of the agent has the label of
// block id. The caller holds s.mu.
func (s *Server) labelInUse(a *agentRec, id string) bool {
	b, ok := s.st.blocks.get(id)
	if !ok {
		return false
	}
	for _, other := range a.blockIDs {
		if o, ok := s.st.blocks.get(other); ok && other != id && deref(o.Label) == deref(b.Label) {
			return true
		}
	}
	return false
}

// Models.

// llmConfigForHandle returns the configuration of a model handle
// ("provider/model"): the listed one when the handle is known, else one
// made up for it.
func llmConfigForHandle(handle string) types.LLMConfig {
	for _, c := range llmModels() {
		if c.Handle != nil && *c.Handle == handle {
			return c
		}
	}
	provider, model, _ := strings.Cut(handle, "/")
	c := types.LLMConfig{
		Model:                    model,
		ModelEndpointType:        types.LLMConfigModelEndpointType(provider),
		ContextWindow:            128000,
		PutInnerThoughtsInKwargs: new(true),
		Handle:                   new(handle),
		Temperature:              new(0.7),
	}
	switch provider {
	case "openai":
		c.ModelEndpoint = new("https://api.openai.com/v1")
	case "anthropic":
		c.ModelEndpoint = new("https://api.anthropic.com/v1")
		c.ContextWindow = 200000
	case "letta":
		c.ModelEndpointType = types.LLMConfigModelEndpointTypeOpenai
		c.ModelEndpoint = new("https://inference.memgpt.ai")
		c.ContextWindow = 8192
	}
	return c
}

// embeddingConfigForHandle is llmConfigForHandle for embedding models.
func embeddingConfigForHandle(handle string) types.EmbeddingConfig {
	for _, c := range embeddingModels() {
		if c.Handle != nil && *c.Handle == handle {
			return c
		}
	}
	provider, model, _ := strings.Cut(handle, "/")
	c := types.EmbeddingConfig{
		EmbeddingEndpointType: types.EmbeddingConfigEmbeddingEndpointType(provider),
		EmbeddingModel:        model,
		EmbeddingDim:          1536,
		EmbeddingChunkSize:    new(300),
		Handle:                new(handle),
	}
	if provider == "openai" {
		c.EmbeddingEndpoint = new("https://api.openai.com/v1")
	}
	return c
}
