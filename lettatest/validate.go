package lettatest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
)

// This file validates request bodies and query parameters the way FastAPI
// and pydantic v2 do, and answers 422 with FastAPI's list-form detail:
//
//	{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":{…}}]}
//
// A valid body is normalized (pydantic's lax coercions, such as "5" for an
// int, are applied) and then decoded into the handler's Go struct.

type kind int

const (
	kAny     kind = iota
	kString       // str
	kInt          // int
	kFloat        // float
	kBool         // bool
	kObject       // Dict[str, Any]
	kList         // List[elem]
	kModel        // a nested model described by spec
	kEnum         // a str restricted to enum
	kContent      // Union[str, List[TextContent]]
)

// field describes one key of a request model.
type field struct {
	name     string
	kind     kind
	required bool
	nullable bool // null is accepted (Optional, or a required nullable key)
	elem     *field
	spec     *schema
	enum     []string
}

// schema describes a request model: its fields and whether unknown keys
// are rejected (pydantic extra="forbid").
type schema struct {
	fields      []field
	forbidExtra bool
}

// Shorthands for schema declarations. Optional fields accept null, as the
// server's Optional[...] fields do.
func opt(name string, k kind) field { return field{name: name, kind: k, nullable: true} }
func req(name string, k kind) field { return field{name: name, kind: k, required: true} }
func optList(name string, e field) field {
	return field{name: name, kind: kList, nullable: true, elem: &e}
}
func reqList(name string, e field) field {
	return field{name: name, kind: kList, required: true, elem: &e}
}
func optModel(name string, s *schema) field {
	return field{name: name, kind: kModel, nullable: true, spec: s}
}
func elemOf(k kind) field       { return field{kind: k} }
func elemModel(s *schema) field { return field{kind: kModel, spec: s} }
func reqEnum(name string, values ...string) field {
	return field{name: name, kind: kEnum, required: true, enum: values}
}

// validationError is one entry of FastAPI's 422 detail list.
type validationError struct {
	Type  string         `json:"type"`
	Loc   []any          `json:"loc"`
	Msg   string         `json:"msg"`
	Input any            `json:"input"`
	Ctx   map[string]any `json:"ctx,omitempty"`
}

func unprocessable(errs []validationError) *httpError {
	return &httpError{status: http.StatusUnprocessableEntity, detail: errs}
}

func appendLoc(loc []any, k any) []any {
	out := make([]any, len(loc), len(loc)+1)
	copy(out, loc)
	return append(out, k)
}

// decodeBody reads the JSON body of r, validates it against s and decodes
// it into dst. It answers nil or a 422 *httpError.
func decodeBody(r *http.Request, s *schema, dst any) error {
	_, err := decodeBodyInput(r, s, dst)
	return err
}

// decodeBodyInput is decodeBody that also returns the body as received
// (decoded JSON), the input a model validator's error reports.
func decodeBodyInput(r *http.Request, s *schema, dst any) (any, error) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	if err != nil {
		return nil, errStatus(http.StatusBadRequest, "There was an error parsing the body")
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, unprocessable([]validationError{{Type: "missing", Loc: []any{"body"}, Msg: "Field required", Input: nil}})
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		pos := 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			pos = int(se.Offset)
		} else if errors.Is(err, io.ErrUnexpectedEOF) {
			pos = len(raw)
		} else if err == nil {
			pos = int(dec.InputOffset())
		}
		return nil, unprocessable([]validationError{{
			Type: "json_invalid", Loc: []any{"body", pos}, Msg: "JSON decode error",
			Input: map[string]any{}, Ctx: map[string]any{"error": "Expecting value"},
		}})
	}
	top := field{kind: kModel, required: true, spec: s}
	norm, errs := validate(v, []any{"body"}, top)
	if len(errs) > 0 {
		return nil, unprocessable(errs)
	}
	b, err := json.Marshal(norm)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, dst); err != nil {
		return nil, unprocessable([]validationError{{Type: "value_error", Loc: []any{"body"}, Msg: "Value error, " + err.Error(), Input: v}})
	}
	return v, nil
}

// validate checks v against f at loc and returns the normalized value.
func validate(v any, loc []any, f field) (any, []validationError) {
	if v == nil {
		if f.nullable || f.kind == kAny {
			return nil, nil
		}
	}
	typeErr := func(typ, msg string) (any, []validationError) {
		return nil, []validationError{{Type: typ, Loc: loc, Msg: msg, Input: v}}
	}
	switch f.kind {
	case kAny:
		return v, nil
	case kString:
		if s, ok := v.(string); ok {
			return s, nil
		}
		return typeErr("string_type", "Input should be a valid string")
	case kEnum:
		s, ok := v.(string)
		if ok {
			for _, e := range f.enum {
				if s == e {
					return s, nil
				}
			}
		}
		quoted := make([]string, len(f.enum))
		for i, e := range f.enum {
			quoted[i] = "'" + e + "'"
		}
		expected := strings.Join(quoted, ", ")
		if n := len(quoted); n > 1 {
			expected = strings.Join(quoted[:n-1], ", ") + " or " + quoted[n-1]
		}
		return nil, []validationError{{Type: "enum", Loc: loc, Msg: "Input should be " + expected, Input: v, Ctx: map[string]any{"expected": expected}}}
	case kInt:
		switch t := v.(type) {
		case json.Number:
			if n, err := t.Int64(); err == nil {
				return n, nil
			}
			if fl, err := t.Float64(); err == nil {
				if fl == math.Trunc(fl) && math.Abs(fl) < 1<<53 {
					return int64(fl), nil
				}
				return typeErr("int_from_float", "Input should be a valid integer, got a number with a fractional part")
			}
		case string:
			if n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64); err == nil {
				return n, nil
			}
			return typeErr("int_parsing", "Input should be a valid integer, unable to parse string as an integer")
		case bool:
			if t {
				return int64(1), nil
			}
			return int64(0), nil
		}
		return typeErr("int_type", "Input should be a valid integer")
	case kFloat:
		switch t := v.(type) {
		case json.Number:
			if fl, err := t.Float64(); err == nil {
				return fl, nil
			}
		case string:
			if fl, err := strconv.ParseFloat(strings.TrimSpace(t), 64); err == nil {
				return fl, nil
			}
			return typeErr("float_parsing", "Input should be a valid number, unable to parse string as a number")
		case bool:
			if t {
				return 1.0, nil
			}
			return 0.0, nil
		}
		return typeErr("float_type", "Input should be a valid number")
	case kBool:
		switch t := v.(type) {
		case bool:
			return t, nil
		case json.Number:
			switch t.String() {
			case "0":
				return false, nil
			case "1":
				return true, nil
			}
			return typeErr("bool_parsing", "Input should be a valid boolean, unable to interpret input")
		case string:
			if b, ok := parseLaxBool(t); ok {
				return b, nil
			}
			return typeErr("bool_parsing", "Input should be a valid boolean, unable to interpret input")
		}
		return typeErr("bool_type", "Input should be a valid boolean")
	case kObject:
		if m, ok := v.(map[string]any); ok {
			return m, nil
		}
		return typeErr("dict_type", "Input should be a valid dictionary")
	case kList:
		items, ok := v.([]any)
		if !ok {
			return typeErr("list_type", "Input should be a valid list")
		}
		out := make([]any, len(items))
		var errs []validationError
		for i, item := range items {
			n, e := validate(item, appendLoc(loc, i), *f.elem)
			out[i] = n
			errs = append(errs, e...)
		}
		return out, errs
	case kContent:
		switch t := v.(type) {
		case string:
			return t, nil
		case []any:
			part := elemModel(textContentSchema)
			return validate(t, loc, field{kind: kList, elem: &part})
		}
		return nil, []validationError{
			{Type: "string_type", Loc: appendLoc(loc, "str"), Msg: "Input should be a valid string", Input: v},
			{Type: "list_type", Loc: appendLoc(loc, "list[TextContent]"), Msg: "Input should be a valid list", Input: v},
		}
	case kModel:
		m, ok := v.(map[string]any)
		if !ok {
			return typeErr("model_attributes_type", "Input should be a valid dictionary or object to extract fields from")
		}
		out := make(map[string]any, len(m))
		var errs []validationError
		known := make(map[string]bool, len(f.spec.fields))
		for _, sf := range f.spec.fields {
			known[sf.name] = true
			val, present := m[sf.name]
			if !present {
				if sf.required {
					errs = append(errs, validationError{Type: "missing", Loc: appendLoc(loc, sf.name), Msg: "Field required", Input: v})
				}
				continue
			}
			n, e := validate(val, appendLoc(loc, sf.name), sf)
			out[sf.name] = n
			errs = append(errs, e...)
		}
		for k, val := range m {
			if known[k] {
				continue
			}
			if f.spec.forbidExtra {
				errs = append(errs, validationError{Type: "extra_forbidden", Loc: appendLoc(loc, k), Msg: "Extra inputs are not permitted", Input: val})
				continue
			}
			out[k] = val
		}
		return out, errs
	}
	return v, nil
}

func parseLaxBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "t", "yes", "y", "on":
		return true, true
	case "0", "false", "f", "no", "n", "off":
		return false, true
	}
	return false, false
}

// query reads the query parameters of one request and collects 422
// errors for the ones that do not parse.
type query struct {
	r    *http.Request
	errs []validationError
}

func newQuery(r *http.Request) *query { return &query{r: r} }

func (q *query) str(name string) *string {
	vals, ok := q.r.URL.Query()[name]
	if !ok || len(vals) == 0 {
		return nil
	}
	return &vals[len(vals)-1]
}

func (q *query) list(name string) []string { return q.r.URL.Query()[name] }

func (q *query) requiredStr(name string) string {
	s := q.str(name)
	if s == nil {
		q.errs = append(q.errs, validationError{Type: "missing", Loc: []any{"query", name}, Msg: "Field required", Input: nil})
		return ""
	}
	return *s
}

func (q *query) integer(name string) *int {
	s := q.str(name)
	if s == nil {
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(*s))
	if err != nil {
		q.errs = append(q.errs, validationError{Type: "int_parsing", Loc: []any{"query", name}, Msg: "Input should be a valid integer, unable to parse string as an integer", Input: *s})
		return nil
	}
	return &n
}

func (q *query) boolean(name string) *bool {
	s := q.str(name)
	if s == nil {
		return nil
	}
	b, ok := parseLaxBool(*s)
	if !ok {
		q.errs = append(q.errs, validationError{Type: "bool_parsing", Loc: []any{"query", name}, Msg: "Input should be a valid boolean, unable to interpret input", Input: *s})
		return nil
	}
	return &b
}

// err returns the 422 for the parameters that failed, or nil.
func (q *query) err() error {
	if len(q.errs) == 0 {
		return nil
	}
	return unprocessable(q.errs)
}

// Request models of the self-hosted server at a4ba688ea.
var (
	textContentSchema = &schema{fields: []field{req("text", kString), opt("type", kString)}}

	messageCreateSchema = &schema{fields: []field{
		reqEnum("role", "user", "system"),
		{name: "content", kind: kContent, required: true},
		opt("name", kString),
	}}

	requestConfigSchema = &schema{fields: []field{
		opt("use_assistant_message", kBool),
		opt("assistant_message_tool_name", kString),
		opt("assistant_message_tool_kwarg", kString),
	}}

	createBlockSchema = &schema{fields: []field{
		req("value", kString), opt("limit", kInt), opt("name", kString), opt("is_template", kBool),
		req("label", kString), opt("description", kString), opt("metadata", kObject),
	}}

	blockUpdateSchema = &schema{fields: []field{
		opt("value", kString), opt("limit", kInt), opt("name", kString), opt("is_template", kBool),
		opt("label", kString), opt("description", kString), opt("metadata", kObject),
	}}

	llmConfigSchema = &schema{fields: []field{
		req("model", kString), req("model_endpoint_type", kString), opt("model_endpoint", kString),
		opt("model_wrapper", kString), req("context_window", kInt), opt("put_inner_thoughts_in_kwargs", kBool),
		opt("handle", kString), opt("temperature", kFloat),
	}}

	embeddingConfigSchema = &schema{fields: []field{
		req("embedding_endpoint_type", kString), opt("embedding_endpoint", kString), req("embedding_model", kString),
		req("embedding_dim", kInt), opt("embedding_chunk_size", kInt), opt("handle", kString),
		opt("azure_endpoint", kString), opt("azure_version", kString), opt("azure_deployment", kString),
	}}

	toolRuleSchema = &schema{fields: []field{req("tool_name", kString), opt("type", kString)}}

	createAgentSchema = &schema{fields: []field{
		opt("name", kString),
		optList("memory_blocks", elemModel(createBlockSchema)),
		optList("tools", elemOf(kString)),
		optList("tool_ids", elemOf(kString)),
		optList("source_ids", elemOf(kString)),
		optList("block_ids", elemOf(kString)),
		optList("tool_rules", elemModel(toolRuleSchema)),
		optList("tags", elemOf(kString)),
		opt("system", kString),
		opt("agent_type", kString),
		optModel("llm_config", llmConfigSchema),
		optModel("embedding_config", embeddingConfigSchema),
		optList("initial_message_sequence", elemModel(messageCreateSchema)),
		opt("include_base_tools", kBool),
		opt("include_multi_agent_tools", kBool),
		opt("description", kString),
		opt("metadata", kObject),
		opt("model", kString),
		opt("embedding", kString),
		opt("context_window_limit", kInt),
		opt("embedding_chunk_size", kInt),
		opt("from_template", kString),
		opt("template", kBool),
		opt("project", kString),
		opt("tool_exec_environment_variables", kObject),
		opt("memory_variables", kObject),
	}}

	updateAgentSchema = &schema{fields: []field{
		opt("name", kString),
		optList("tool_ids", elemOf(kString)),
		optList("source_ids", elemOf(kString)),
		optList("block_ids", elemOf(kString)),
		optList("tags", elemOf(kString)),
		opt("system", kString),
		optList("tool_rules", elemModel(toolRuleSchema)),
		optModel("llm_config", llmConfigSchema),
		optModel("embedding_config", embeddingConfigSchema),
		optList("message_ids", elemOf(kString)),
		opt("description", kString),
		opt("metadata", kObject),
		opt("tool_exec_environment_variables", kObject),
	}}

	messagesRequestSchema = &schema{fields: []field{
		reqList("messages", elemModel(messageCreateSchema)),
		optModel("config", requestConfigSchema),
	}}

	streamRequestSchema = &schema{fields: []field{
		reqList("messages", elemModel(messageCreateSchema)),
		optModel("config", requestConfigSchema),
		opt("stream_tokens", kBool),
	}}

	messageUpdateSchema = &schema{fields: []field{
		opt("role", kString),
		{name: "content", kind: kContent, required: true, nullable: true},
		opt("name", kString),
		optList("tool_calls", elemOf(kObject)),
		opt("tool_call_id", kString),
	}}

	toolCreateSchema = &schema{forbidExtra: true, fields: []field{
		opt("description", kString), optList("tags", elemOf(kString)), req("source_code", kString),
		opt("source_type", kString), opt("json_schema", kObject), opt("return_char_limit", kInt),
	}}

	toolUpdateSchema = &schema{fields: []field{
		opt("description", kString), optList("tags", elemOf(kString)), opt("source_code", kString),
		opt("source_type", kString), opt("json_schema", kObject), opt("return_char_limit", kInt),
	}}

	toolRunSchema = &schema{fields: []field{
		req("source_code", kString), req("args", kObject), opt("env_vars", kObject),
		opt("name", kString), opt("source_type", kString),
	}}

	sourceCreateSchema = &schema{fields: []field{
		req("name", kString), optModel("embedding_config", embeddingConfigSchema),
		opt("description", kString), opt("metadata", kObject), opt("embedding", kString),
		opt("embedding_chunk_size", kInt),
	}}

	sourceUpdateSchema = &schema{fields: []field{
		opt("name", kString), opt("description", kString), opt("metadata", kObject),
		optModel("embedding_config", embeddingConfigSchema),
	}}

	providerCreateSchema = &schema{fields: []field{req("name", kString), req("api_key", kString)}}
	providerUpdateSchema = &schema{fields: []field{req("id", kString), req("api_key", kString)}}
	passageCreateSchema  = &schema{fields: []field{req("text", kString)}}
)
