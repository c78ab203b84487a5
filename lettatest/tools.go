package lettatest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/letta-go/letta/types"
)

// installBaseTools stores Letta's base tools, as the server does when it
// starts.
func (s *Server) installBaseTools() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.upsertBaseTools()
}

// upsertBaseTools creates the base tools that are missing and returns all
// of them. The caller holds s.mu.
func (s *Server) upsertBaseTools() []types.Tool {
	out := []types.Tool{}
	for _, t := range baseTools() {
		if existing := s.toolByName(deref(t.Name)); existing != nil {
			out = append(out, *existing)
			continue
		}
		t.ID = newID("tool")
		t.OrganizationID = new(DefaultOrganizationID)
		t.CreatedByID = new(DefaultUserID)
		t.LastUpdatedByID = new(DefaultUserID)
		s.st.tools.put(t.ID, &t)
		out = append(out, t)
	}
	return out
}

// toolByName returns the tool with the name, or nil. The caller holds s.mu.
func (s *Server) toolByName(name string) *types.Tool {
	for _, t := range s.st.tools.all() {
		if deref(t.Name) == name {
			return t
		}
	}
	return nil
}

func (s *Server) tool(id string) (*types.Tool, error) {
	t, ok := s.st.tools.get(id)
	if !ok {
		return nil, errNotFound("Tool with id %s not found.", id)
	}
	return t, nil
}

func (s *Server) retrieveTool(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) { return s.tool(r.PathValue("tool_id")) })
}

func (s *Server) deleteTool(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		id := r.PathValue("tool_id")
		if _, err := s.tool(id); err != nil {
			// delete_tool_by_id raises ValueError: a 400.
			return nil, errStatus(http.StatusBadRequest, "Tool with id %s not found.", id)
		}
		s.st.tools.del(id)
		for _, a := range s.st.agents.all() {
			a.toolIDs = removeID(a.toolIDs, id)
		}
		return nil, nil
	})
}

func removeID(ids []string, id string) []string {
	out := ids[:0:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

func (s *Server) listTools(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	after, limit := q.str("after"), q.integer("limit")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		var all []types.Tool
		for _, t := range s.st.tools.all() {
			all = append(all, *t)
		}
		// The route turns every exception into a 500 with its text
		// (routers/v1/tools.py: list_tools).
		return pageByID(all, func(t types.Tool) string { return t.ID }, cursorPage{after: after, limit: withDefault(limit, 50),
			model: "Tool", status: http.StatusInternalServerError})
	})
}

type toolBody struct {
	Description     *string        `json:"description"`
	Tags            []string       `json:"tags"`
	SourceCode      *string        `json:"source_code"`
	SourceType      *string        `json:"source_type"`
	JSONSchema      map[string]any `json:"json_schema"`
	ReturnCharLimit *int           `json:"return_char_limit"`
}

// buildTool makes a tool from a create body as the server's Tool model
// does: a custom tool's name and JSON schema always come from its source
// (a json_schema in the body is ignored), except for a tool tagged
// "composio", which keeps the body's schema. The description is the
// body's, or else the first line of the docstring. The error is the
// schema generator's message.
func buildTool(body toolBody) (*types.Tool, *pySchemaError) {
	src := deref(body.SourceCode)
	schema := body.JSONSchema
	switch composio := slices.Contains(body.Tags, "composio"); {
	case composio && schema == nil:
		return nil, &pySchemaError{"1 validation error for Tool\n  Value error, Tool with id=" + newID("tool") + " name=None tool_type=ToolType.CUSTOM is missing a json_schema."}
	case !composio:
		fn, err := deriveToolSchema(src)
		if err != nil {
			return nil, err.(*pySchemaError)
		}
		schema = fn.schema
	}
	name, _ := schema["name"].(string)
	t := &types.Tool{
		ToolType:        new(types.ToolTypeCustom),
		Description:     body.Description,
		SourceType:      new("python"),
		Name:            new(name),
		Tags:            []string{},
		SourceCode:      new(src),
		JSONSchema:      schema,
		ReturnCharLimit: new(6000),
		OrganizationID:  new(DefaultOrganizationID),
		CreatedByID:     new(DefaultUserID),
		LastUpdatedByID: new(DefaultUserID),
	}
	if deref(t.Description) == "" {
		t.Description = nil
		if d, ok := schema["description"].(string); ok {
			t.Description = new(d)
		}
	}
	if body.SourceType != nil {
		t.SourceType = body.SourceType
	}
	if body.Tags != nil {
		t.Tags = body.Tags
	}
	if body.ReturnCharLimit != nil {
		t.ReturnCharLimit = body.ReturnCharLimit
	}
	return t, nil
}

// createTool stores a new tool. A source the server cannot derive a
// schema from is a 400 with the generator's message.
func (s *Server) createTool(w http.ResponseWriter, r *http.Request) error {
	var body toolBody
	if err := decodeBody(r, toolCreateSchema, &body); err != nil {
		return err
	}
	t, err := buildTool(body)
	if err != nil {
		if strings.HasPrefix(err.detail, "Schema generation failed") {
			return errStatus(http.StatusBadRequest, "%s", err.detail)
		}
		return errStatus(http.StatusInternalServerError, "An unexpected error occurred: %s", err.detail)
	}
	return s.locked(w, func() (any, error) {
		if s.toolByName(deref(t.Name)) != nil {
			return nil, errStatus(http.StatusConflict, "Tool with name %s already exists.", deref(t.Name))
		}
		return s.putTool(t, nil), nil
	})
}

// upsertTool creates the tool or, when one of its name exists, updates
// that one with every field of the body (defaults included: tags [] and
// return_char_limit 6000 when the body leaves them out) and, as the
// server does, answers the tool as it was before the update. Any error is
// a 500, as the server's upsert route turns every exception into one.
func (s *Server) upsertTool(w http.ResponseWriter, r *http.Request) error {
	var body toolBody
	if err := decodeBody(r, toolCreateSchema, &body); err != nil {
		return err
	}
	t, err := buildTool(body)
	if err != nil {
		return errStatus(http.StatusInternalServerError, "An unexpected error occurred: %s", err.detail)
	}
	return s.locked(w, func() (any, error) {
		old := s.toolByName(deref(t.Name))
		if old == nil {
			return s.putTool(t, nil), nil
		}
		before := *old
		before.Tags = slices.Clone(old.Tags)
		if t.Description != nil {
			old.Description = t.Description
		}
		old.Tags = t.Tags
		old.SourceCode = t.SourceCode
		old.SourceType = t.SourceType
		old.JSONSchema = t.JSONSchema
		old.ReturnCharLimit = t.ReturnCharLimit
		old.LastUpdatedByID = new(DefaultUserID)
		return &before, nil
	})
}

// putTool stores t under a new id or, when a tool of its name exists, in
// place of that one: with its id and whatever keep (if not nil) copies
// from it. It returns the stored tool. The caller holds s.mu.
func (s *Server) putTool(t *types.Tool, keep func(old *types.Tool)) *types.Tool {
	old := s.toolByName(deref(t.Name))
	if old == nil {
		t.ID = newID("tool")
		s.st.tools.put(t.ID, t)
		return t
	}
	t.ID = old.ID
	if keep != nil {
		keep(old)
	}
	*old = *t
	return old
}

// modifyTool updates the fields the body sets. A new source re-derives
// the schema (a source the generator rejects is the server's generic
// 500), and the name too when the body has no json_schema. A json_schema
// in the body is stored, but the server derives a custom tool's schema
// from its source again each time it reads the tool, so the body's
// schema shows only on a Composio tool or a custom tool tagged
// "composio".
func (s *Server) modifyTool(w http.ResponseWriter, r *http.Request) error {
	var body toolBody
	if err := decodeBody(r, toolUpdateSchema, &body); err != nil {
		return err
	}
	var derived *pyTool
	if body.SourceCode != nil {
		fn, err := deriveToolSchema(*body.SourceCode)
		if err != nil {
			return errInternal
		}
		derived = fn
	}
	return s.locked(w, func() (any, error) {
		t, err := s.tool(r.PathValue("tool_id"))
		if err != nil {
			return nil, err
		}
		if body.Description != nil {
			t.Description = body.Description
		}
		if body.Tags != nil {
			t.Tags = body.Tags
		}
		if body.SourceCode != nil {
			t.SourceCode = body.SourceCode
		}
		if body.SourceType != nil {
			t.SourceType = body.SourceType
		}
		if body.ReturnCharLimit != nil {
			t.ReturnCharLimit = body.ReturnCharLimit
		}
		custom := deref(t.ToolType) == types.ToolTypeCustom
		tagged := slices.Contains(t.Tags, "composio")
		switch {
		case derived != nil && body.JSONSchema == nil:
			t.JSONSchema, t.Name = derived.schema, new(derived.name)
		case body.JSONSchema != nil && (tagged || deref(t.ToolType) == types.ToolTypeExternalComposio):
			t.JSONSchema = body.JSONSchema
		case derived != nil && custom:
			t.JSONSchema = derived.schema
		}
		t.LastUpdatedByID = new(DefaultUserID)
		return t, nil
	})
}

func (s *Server) addBaseTools(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) { return s.upsertBaseTools(), nil })
}

type toolRunBody struct {
	SourceCode string            `json:"source_code"`
	Args       map[string]any    `json:"args"`
	EnvVars    map[string]string `json:"env_vars"`
	Name       *string           `json:"name"`
	SourceType *string           `json:"source_type"`
}

// Composio.

func (s *Server) listComposioApps(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, composioApps())
	return nil
}

func (s *Server) listComposioActions(w http.ResponseWriter, r *http.Request) error {
	app := r.PathValue("composio_app_name")
	out := []types.ActionModel{}
	for _, a := range composioActions() {
		if strings.EqualFold(a.AppName, app) {
			out = append(out, a)
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

const composioSource = `
def %s(**kwargs):
    from composio_langchain import ComposioToolSet
    import os

    entity_id = os.getenv('COMPOSIO_ENTITY', 'default')
    composio_toolset = ComposioToolSet(entity_id=entity_id)
    response = composio_toolset.execute_action(action='%s', params=kwargs)

    if response["error"]:
        raise RuntimeError(response["error"])
    return response["data"]
    `

func (s *Server) addComposioTool(w http.ResponseWriter, r *http.Request) error {
	actionName := r.PathValue("composio_action_name")
	var action *types.ActionModel
	for _, a := range composioActions() {
		if strings.EqualFold(a.Name, actionName) {
			action = &a
			break
		}
	}
	if action == nil {
		return &httpError{status: http.StatusBadRequest, detail: map[string]any{
			"code":                 "EnumStringNotFound",
			"message":              fmt.Sprintf("Enum string not found: %s", strings.ToUpper(actionName)),
			"composio_action_name": actionName,
		}}
	}
	name := strings.ToLower(action.Name)
	props := map[string]any{}
	for k, v := range action.Parameters.Properties {
		p := map[string]any{}
		if m, ok := v.(map[string]any); ok {
			for _, key := range []string{"type", "description", "items"} {
				if x, ok := m[key]; ok {
					p[key] = x
				}
			}
		}
		props[k] = p
	}
	props["request_heartbeat"] = map[string]any{"type": "boolean", "description": heartbeatDescription}
	required := append(append([]string{}, action.Parameters.Required...), "request_heartbeat")
	desc := deref(action.Description)
	t := &types.Tool{
		ToolType:    new(types.ToolTypeExternalComposio),
		Description: new(desc),
		SourceType:  new("python"),
		Name:        new(name),
		Tags:        []string{"composio"},
		SourceCode:  new(fmt.Sprintf(composioSource, name, strings.ToUpper(action.Name))),
		JSONSchema: map[string]any{
			"name": name, "description": desc, "strict": true,
			"parameters": map[string]any{"type": "object", "properties": props, "additionalProperties": false, "required": required},
		},
		ReturnCharLimit: new(6000),
		OrganizationID:  new(DefaultOrganizationID),
		CreatedByID:     new(DefaultUserID),
		LastUpdatedByID: new(DefaultUserID),
	}
	return s.locked(w, func() (any, error) { return s.putTool(t, nil), nil })
}
