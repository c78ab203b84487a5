package lettatest

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/letta-go/letta/types"
)

const heartbeatDescription = "Request an immediate heartbeat after function execution. Set to `True` if you want to send a follow-up message or run a follow-up function."

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
		return pageByID(all, func(t types.Tool) string { return t.ID }, cursorPage{after: after, limit: withDefault(limit, 50), unknown: unknownTool})
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

// buildTool makes a tool from a create body, deriving its name and schema
// from the source code as the server does.
func buildTool(body toolBody) (*types.Tool, error) {
	src := deref(body.SourceCode)
	schema := body.JSONSchema
	if schema == nil {
		fn, err := parsePythonFunction(src)
		if err != nil {
			return nil, errStatus(http.StatusBadRequest, "Failed to create tool: %v", err)
		}
		schema = fn.schema()
	}
	name, _ := schema["name"].(string)
	if name == "" {
		return nil, errStatus(http.StatusBadRequest, "Failed to create tool: the JSON schema has no name")
	}
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
	if t.Description == nil {
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

func (s *Server) createTool(w http.ResponseWriter, r *http.Request) error {
	return s.saveTool(w, r, false)
}

func (s *Server) upsertTool(w http.ResponseWriter, r *http.Request) error {
	return s.saveTool(w, r, true)
}

// saveTool stores the tool the request body describes. A tool of the same
// name is a 409 or, with upsert, is replaced: the new tool keeps its id
// and type, and its tags and return_char_limit unless the body sets them.
func (s *Server) saveTool(w http.ResponseWriter, r *http.Request, upsert bool) error {
	var body toolBody
	if err := decodeBody(r, toolCreateSchema, &body); err != nil {
		return err
	}
	t, err := buildTool(body)
	if err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		if !upsert && s.toolByName(deref(t.Name)) != nil {
			return nil, errStatus(http.StatusConflict, "Tool with name %s already exists.", deref(t.Name))
		}
		return s.putTool(t, func(old *types.Tool) {
			t.ToolType = old.ToolType
			if body.Tags == nil {
				t.Tags = old.Tags
			}
			if body.ReturnCharLimit == nil {
				t.ReturnCharLimit = old.ReturnCharLimit
			}
		}), nil
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

func (s *Server) modifyTool(w http.ResponseWriter, r *http.Request) error {
	var body toolBody
	if err := decodeBody(r, toolUpdateSchema, &body); err != nil {
		return err
	}
	var derived map[string]any
	if body.SourceCode != nil && body.JSONSchema == nil {
		fn, err := parsePythonFunction(*body.SourceCode)
		if err != nil {
			return errStatus(http.StatusBadRequest, "Failed to update tool: %v", err)
		}
		derived = fn.schema()
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
		if body.JSONSchema != nil {
			derived = body.JSONSchema
		}
		if derived != nil {
			t.JSONSchema = derived
			if n, ok := derived["name"].(string); ok && n != "" {
				t.Name = new(n)
			}
		}
		if body.ReturnCharLimit != nil {
			t.ReturnCharLimit = body.ReturnCharLimit
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

// runToolFromSource "runs" a tool without executing anything: the result
// is the call written out, "name(arg=value, …)", so it is deterministic
// and shows what the tool received. Missing or unknown arguments fail as
// the Python call would.
func (s *Server) runToolFromSource(w http.ResponseWriter, r *http.Request) error {
	var body toolRunBody
	if err := decodeBody(r, toolRunSchema, &body); err != nil {
		return err
	}
	fn, err := parsePythonFunction(body.SourceCode)
	if err != nil {
		return errStatus(http.StatusBadRequest, "Error building tool from source: %v", err)
	}
	name := fn.name
	if body.Name != nil && *body.Name != "" {
		name = *body.Name
	}
	msg := types.ToolReturnMessage{
		ID:         "null",
		Date:       types.NewTime(s.now()),
		Status:     types.ToolReturnMessageStatusSuccess,
		ToolCallID: "null",
		Stdout:     []string{},
		Stderr:     []string{},
	}
	var missing, parts []string
	known := map[string]bool{}
	for _, p := range fn.params {
		known[p.name] = true
		v, ok := body.Args[p.name]
		if !ok {
			if !p.hasDefault {
				missing = append(missing, "'"+p.name+"'")
			}
			continue
		}
		parts = append(parts, p.name+"="+pyRepr(v))
	}
	var unknown []string
	for k := range body.Args {
		if !known[k] && !fn.kwargs {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	switch {
	case len(unknown) > 0:
		msg.Status = types.ToolReturnMessageStatusError
		msg.ToolReturn = fmt.Sprintf("Error executing function %s: TypeError: %s() got an unexpected keyword argument '%s'", name, fn.name, unknown[0])
		msg.Stderr = []string{msg.ToolReturn}
	case len(missing) > 0:
		msg.Status = types.ToolReturnMessageStatusError
		plural := "argument"
		if len(missing) > 1 {
			plural = "arguments"
		}
		msg.ToolReturn = fmt.Sprintf("Error executing function %s: TypeError: %s() missing %d required positional %s: %s", name, fn.name, len(missing), plural, strings.Join(missing, " and "))
		msg.Stderr = []string{msg.ToolReturn}
	default:
		msg.ToolReturn = fn.name + "(" + strings.Join(parts, ", ") + ")"
	}
	writeJSON(w, http.StatusOK, msg)
	return nil
}

// pyRepr writes a JSON value the way Python's repr writes it.
func pyRepr(v any) string {
	switch t := v.(type) {
	case nil:
		return "None"
	case bool:
		if t {
			return "True"
		}
		return "False"
	case string:
		return "'" + strings.ReplaceAll(strings.ReplaceAll(t, `\`, `\\`), "'", `\'`) + "'"
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = pyRepr(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = pyRepr(k) + ": " + pyRepr(t[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
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

// Python source parsing, enough to derive a tool's JSON schema the way
// the server does from a function's signature and Google-style docstring.

type pyParam struct {
	name       string
	annotation string
	hasDefault bool
}

type pyFunction struct {
	name        string
	params      []pyParam
	kwargs      bool
	description string
	argDocs     map[string]string
}

var defRE = regexp.MustCompile(`(?m)^[ \t]*def[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(`)

// parsePythonFunction reads the first function definition of src.
func parsePythonFunction(src string) (*pyFunction, error) {
	loc := defRE.FindStringSubmatchIndex(src)
	if loc == nil {
		return nil, fmt.Errorf("no function definition found in source code")
	}
	fn := &pyFunction{name: src[loc[2]:loc[3]], argDocs: map[string]string{}}
	rest := src[loc[1]:]
	depth, end := 1, -1
	for i, c := range rest {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
		if depth == 0 {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, fmt.Errorf("unterminated parameter list of %s", fn.name)
	}
	for _, raw := range splitTopLevel(rest[:end]) {
		p := strings.TrimSpace(raw)
		if p == "" || p == "self" || p == "/" || p == "*" {
			continue
		}
		if strings.HasPrefix(p, "**") {
			fn.kwargs = true
			continue
		}
		if strings.HasPrefix(p, "*") {
			continue
		}
		var param pyParam
		if before, _, ok := strings.Cut(p, "="); ok {
			param.hasDefault = true
			p = strings.TrimSpace(before)
		}
		name, annotation, _ := strings.Cut(p, ":")
		param.name = strings.TrimSpace(name)
		param.annotation = strings.TrimSpace(annotation)
		fn.params = append(fn.params, param)
	}
	body := rest[end+1:]
	if nl := strings.IndexByte(body, '\n'); nl >= 0 {
		body = body[nl+1:]
	} else {
		body = ""
	}
	fn.parseDocstring(body)
	return fn, nil
}

// splitTopLevel splits a parameter list at the commas outside brackets.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

var argLineRE = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\([^)]*\))?\s*:\s*(.*)$`)

func (fn *pyFunction) parseDocstring(body string) {
	t := strings.TrimLeft(body, " \t\r\n")
	quote := ""
	for _, q := range []string{`"""`, `'''`} {
		if strings.HasPrefix(t, q) {
			quote = q
		}
	}
	if quote == "" {
		return
	}
	t = t[3:]
	end := strings.Index(t, quote)
	if end < 0 {
		return
	}
	lines := strings.Split(t[:end], "\n")
	var desc []string
	section := ""
	current := ""
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch trimmed {
		case "Args:", "Arguments:", "Parameters:":
			section = "args"
			continue
		case "Returns:", "Return:", "Raises:", "Yields:", "Example:", "Examples:":
			section = "other"
			continue
		}
		switch section {
		case "":
			if trimmed == "" {
				if len(desc) > 0 {
					section = "done"
				}
				continue
			}
			desc = append(desc, trimmed)
		case "args":
			if trimmed == "" {
				continue
			}
			if m := argLineRE.FindStringSubmatch(trimmed); m != nil {
				current = m[1]
				fn.argDocs[current] = m[2]
			} else if current != "" {
				fn.argDocs[current] += " " + trimmed
			}
		}
	}
	fn.description = strings.Join(desc, " ")
}

// jsonType maps a Python annotation to a JSON-schema property.
func jsonType(annotation string) map[string]any {
	a := strings.ReplaceAll(annotation, " ", "")
	if inner, ok := strings.CutPrefix(a, "Optional["); ok {
		a = strings.TrimSuffix(inner, "]")
	}
	lower := strings.ToLower(a)
	switch {
	case lower == "str" || lower == "":
		return map[string]any{"type": "string"}
	case lower == "int":
		return map[string]any{"type": "integer"}
	case lower == "float":
		return map[string]any{"type": "number"}
	case lower == "bool":
		return map[string]any{"type": "boolean"}
	case strings.HasPrefix(lower, "list[") || strings.HasPrefix(lower, "sequence["):
		_, inner, _ := strings.Cut(a, "[")
		return map[string]any{"type": "array", "items": jsonType(strings.TrimSuffix(inner, "]"))}
	case lower == "list":
		return map[string]any{"type": "array", "items": map[string]any{}}
	case strings.HasPrefix(lower, "dict") || lower == "any" || lower == "object":
		return map[string]any{"type": "object"}
	}
	return map[string]any{"type": "string"}
}

// schema returns the tool's JSON schema: the parameters with their
// docstring descriptions, those without a default required, and
// request_heartbeat added.
func (fn *pyFunction) schema() map[string]any {
	props := map[string]any{}
	required := []any{}
	for _, p := range fn.params {
		prop := jsonType(p.annotation)
		if d, ok := fn.argDocs[p.name]; ok {
			prop["description"] = d
		}
		props[p.name] = prop
		if !p.hasDefault {
			required = append(required, p.name)
		}
	}
	props["request_heartbeat"] = map[string]any{"type": "boolean", "description": heartbeatDescription}
	required = append(required, "request_heartbeat")
	return map[string]any{
		"name":        fn.name,
		"description": fn.description,
		"parameters":  map[string]any{"type": "object", "properties": props, "required": required},
	}
}
