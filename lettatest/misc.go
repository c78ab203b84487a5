package lettatest

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/letta-go/letta/types"
)

// Health and models.

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, types.Health{Version: s.opts.version, Status: "ok"})
	return nil
}

func (s *Server) listLLMs(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, llmModels())
	return nil
}

func (s *Server) listEmbeddingModels(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, embeddingModels())
	return nil
}

// Blocks.

func (s *Server) block(id string) (*types.Block, error) {
	b, ok := s.st.blocks.get(id)
	if !ok {
		return nil, errNotFound("Block not found")
	}
	return b, nil
}

// blockLimitError is the 422 of the block models' validator
// (schemas/block.py: BaseBlock.verify_char_limit) for a value longer than
// the limit given with it (5000 when a BlockUpdate leaves it out); input
// is the body as received.
func blockLimitError(value string, limit int, input any) error {
	n := utf8.RuneCountInString(value)
	if n <= limit {
		return nil
	}
	return unprocessable([]validationError{{Type: "value_error", Loc: []any{"body"},
		Msg: fmt.Sprintf("Value error, Edit failed: Exceeds %d character limit (requested %d).", limit, n), Input: input, Ctx: map[string]any{"error": map[string]any{}}}})
}

// storedLimitError is the 400 of the database's check that a block's value
// fits its stored limit (orm/block.py: validate_value_length).
func storedLimitError(b *types.Block) error {
	n, limit := utf8.RuneCountInString(b.Value), deref(b.Limit)
	if n <= limit {
		return nil
	}
	return errStatus(http.StatusBadRequest, "Value length (%d) exceeds the limit (%d) for block with label '%s' and id '%s'.", n, limit, deref(b.Label), b.ID)
}

func (s *Server) listBlocks(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	label, name := q.str("label"), q.str("name")
	templatesOnly := q.boolean("templates_only")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		out := []types.Block{}
		for _, b := range s.st.blocks.all() {
			if (templatesOnly == nil || *templatesOnly) && !deref(b.IsTemplate) {
				continue
			}
			if label != nil && deref(b.Label) != *label {
				continue
			}
			if name != nil && deref(b.Name) != *name {
				continue
			}
			out = append(out, *b)
		}
		return out, nil
	})
}

func (s *Server) createBlock(w http.ResponseWriter, r *http.Request) error {
	var body types.CreateBlock
	input, err := decodeBodyInput(r, createBlockSchema, &body)
	if err != nil {
		return err
	}
	limit := defaultBlockLimit
	if body.Limit != nil {
		limit = *body.Limit
	}
	if err := blockLimitError(body.Value, limit, input); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		b := s.newBlock(body)
		s.st.blocks.put(b.ID, b)
		return b, nil
	})
}

func (s *Server) retrieveBlock(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) { return s.block(r.PathValue("block_id")) })
}

func (s *Server) deleteBlock(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		id := r.PathValue("block_id")
		b, err := s.block(id)
		if err != nil {
			return nil, err
		}
		s.st.blocks.del(id)
		for _, a := range s.st.agents.all() {
			if slices.Contains(a.blockIDs, id) {
				a.blockIDs = removeID(a.blockIDs, id)
			}
		}
		return b, nil
	})
}

// blockUpdateBody holds the fields of a block update; null and absent
// fields are left unchanged (the server updates with exclude_none).
type blockUpdateBody struct {
	Value       *string        `json:"value"`
	Limit       *int           `json:"limit"`
	Name        *string        `json:"name"`
	IsTemplate  *bool          `json:"is_template"`
	Label       *string        `json:"label"`
	Description *string        `json:"description"`
	Metadata    map[string]any `json:"metadata"`
}

// check is BlockUpdate's validator: a value longer than the limit sent with
// it, or than 5000 when none was sent, is a 422.
func (u blockUpdateBody) check(input any) error {
	if u.Value == nil {
		return nil
	}
	return blockLimitError(*u.Value, deref(cmp.Or(u.Limit, new(defaultBlockLimit))), input)
}

// apply updates b, or answers the database's 400 when the new value does
// not fit the block's limit; b is left unchanged then.
func (u blockUpdateBody) apply(b *types.Block) error {
	next := *b
	if u.Value != nil {
		next.Value = *u.Value
	}
	if u.Limit != nil {
		next.Limit = u.Limit
	}
	if err := storedLimitError(&next); err != nil {
		return err
	}
	b.Value, b.Limit = next.Value, next.Limit
	if u.Name != nil {
		b.Name = u.Name
	}
	if u.IsTemplate != nil {
		b.IsTemplate = u.IsTemplate
	}
	if u.Label != nil {
		b.Label = u.Label
	}
	if u.Description != nil {
		b.Description = u.Description
	}
	if u.Metadata != nil {
		b.Metadata = u.Metadata
	}
	return nil
}

func (s *Server) modifyBlock(w http.ResponseWriter, r *http.Request) error {
	var body blockUpdateBody
	input, err := decodeBodyInput(r, blockUpdateSchema, &body)
	if err == nil {
		err = body.check(input)
	}
	if err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		b, err := s.block(r.PathValue("block_id"))
		if err != nil {
			return nil, err
		}
		return b, body.apply(b)
	})
}

func (s *Server) listAgentsForBlock(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		id := r.PathValue("block_id")
		if _, err := s.block(id); err != nil {
			return nil, err
		}
		out := []types.AgentState{}
		for _, a := range s.st.agents.all() {
			if slices.Contains(a.blockIDs, id) {
				out = append(out, s.render(a))
			}
		}
		return out, nil
	})
}

// Jobs.

func isActive(st *types.JobStatus) bool {
	return st != nil && (*st == types.JobStatusCreated || *st == types.JobStatusRunning)
}

func (s *Server) listJobs(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	sourceID := q.str("source_id")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		out := []types.Job{}
		for _, j := range s.st.jobs.all() {
			if sourceID != nil && j.Metadata["source_id"] != *sourceID {
				continue
			}
			out = append(out, *j)
		}
		return out, nil
	})
}

func (s *Server) listActiveJobs(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		out := []types.Job{}
		for _, j := range s.st.jobs.all() {
			if isActive(j.Status) {
				out = append(out, *j)
			}
		}
		return out, nil
	})
}

func (s *Server) retrieveJob(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		j, ok := s.st.jobs.get(r.PathValue("job_id"))
		if !ok {
			return nil, errNotFound("Job not found")
		}
		return j, nil
	})
}

func (s *Server) deleteJob(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		id := r.PathValue("job_id")
		j, ok := s.st.jobs.get(id)
		if !ok {
			return nil, errNotFound("Job not found")
		}
		s.st.jobs.del(id)
		return j, nil
	})
}

// Runs.

func (s *Server) run(id string) (*runRec, error) {
	rr, ok := s.st.runs.get(id)
	if !ok {
		return nil, errNotFound("Run not found")
	}
	return rr, nil
}

func (s *Server) listRuns(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		out := []types.Run{}
		for _, rr := range s.st.runs.all() {
			out = append(out, rr.run)
		}
		return out, nil
	})
}

func (s *Server) listActiveRuns(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		out := []types.Run{}
		for _, rr := range s.st.runs.all() {
			if isActive(rr.run.Status) {
				out = append(out, rr.run)
			}
		}
		return out, nil
	})
}

func (s *Server) retrieveRun(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		rr, err := s.run(r.PathValue("run_id"))
		if err != nil {
			return nil, err
		}
		return rr.run, nil
	})
}

func (s *Server) deleteRun(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		id := r.PathValue("run_id")
		rr, err := s.run(id)
		if err != nil {
			return nil, err
		}
		s.st.runs.del(id)
		return rr.run, nil
	})
}

// listRunMessages lists the messages a run stored, newest message first by
// default (order=desc), each expanded in its natural order, with
// assistant messages. Cursors are message ids of any agent.
func (s *Server) listRunMessages(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	before, after := q.str("before"), q.str("after")
	limit := q.integer("limit")
	order := q.str("order")
	role := q.str("role")
	if err := q.err(); err != nil {
		return err
	}
	desc := true
	if order != nil {
		switch *order {
		case "asc":
			desc = false
		case "desc":
		default:
			return errStatus(http.StatusBadRequest, "Order must be 'asc' or 'desc'")
		}
	}
	return s.locked(w, func() (any, error) {
		// The server pages the run's messages first and reads the run
		// afterwards, failing with a 500 when there is none
		// (services/job_manager.py: get_run_messages).
		rr, _ := s.st.runs.get(r.PathValue("run_id"))
		var rows []*msgRec
		if rr != nil {
			if a, ok := s.st.agents.get(rr.agentID); ok {
				for _, m := range a.messages.all() {
					if m.runID == rr.run.ID && (role == nil || string(m.m.Role) == *role) {
						rows = append(rows, m)
					}
				}
			}
		}
		rows, err := pageByID(rows, func(m *msgRec) string { return m.m.ID }, cursorPage{after: after, before: before,
			limit: withDefault(limit, 100), desc: desc, model: "Message"})
		if err != nil {
			return nil, err
		}
		if rr == nil {
			return nil, errInternal
		}
		out := []types.LettaMessage{}
		cfg := newReqConfig(nil)
		for _, m := range rows {
			out = append(out, lettaMessages(m, cfg, false)...)
		}
		return out, nil
	})
}

func (s *Server) retrieveRunUsage(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		rr, err := s.run(r.PathValue("run_id"))
		if err != nil {
			return nil, err
		}
		u := rr.usage
		if u.TotalTokens == nil {
			u = types.UsageStatistics{CompletionTokens: new(0), PromptTokens: new(0), TotalTokens: new(0)}
		}
		return u, nil
	})
}

// Providers.

type providerBody struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	APIKey string `json:"api_key"`
}

func (s *Server) listProviders(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	after, limit := q.str("after"), q.integer("limit")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		var all []types.Provider
		for _, p := range s.st.providers.all() {
			all = append(all, *p)
		}
		// The route turns every exception into a 500 with its text.
		return pageByID(all, func(p types.Provider) string { return p.ID }, cursorPage{after: after, limit: withDefault(limit, 50),
			model: "Provider", status: http.StatusInternalServerError})
	})
}

func (s *Server) createProvider(w http.ResponseWriter, r *http.Request) error {
	var body providerBody
	if err := decodeBody(r, providerCreateSchema, &body); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		p := &types.Provider{ID: newID("provider"), Name: body.Name, APIKey: new(body.APIKey), UpdatedAt: s.nowPtr(), OrganizationID: new(DefaultOrganizationID)}
		s.st.providers.put(p.ID, p)
		return p, nil
	})
}

func (s *Server) deleteProvider(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	id := q.requiredStr("provider_id")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		if !s.st.providers.del(id) {
			return nil, errNotFound("Provider with id=%s not found.", id)
		}
		return nil, nil
	})
}

func (s *Server) modifyProvider(w http.ResponseWriter, r *http.Request) error {
	var body providerBody
	if err := decodeBody(r, providerUpdateSchema, &body); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		p, ok := s.st.providers.get(body.ID)
		if !ok {
			return nil, errNotFound("Provider with id=%s not found.", body.ID)
		}
		p.APIKey = new(body.APIKey)
		p.UpdatedAt = s.nowPtr()
		return p, nil
	})
}

// Tags.

func (s *Server) listTags(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	after, limit, queryText := q.str("after"), q.integer("limit"), q.str("query_text")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		set := map[string]bool{}
		for _, a := range s.st.agents.all() {
			for _, t := range a.st.Tags {
				set[t] = true
			}
		}
		tags := make([]string, 0, len(set))
		for t := range set {
			if queryText != nil && !strings.Contains(strings.ToLower(t), strings.ToLower(*queryText)) {
				continue
			}
			if after != nil && t <= *after {
				continue
			}
			tags = append(tags, t)
		}
		sort.Strings(tags)
		n := 50
		if limit != nil {
			n = max(*limit, 0)
		}
		return tags[:min(n, len(tags))], nil
	})
}
