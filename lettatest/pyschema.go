package lettatest

import (
	"fmt"
	"strings"
)

// The server's tool schema derivation (letta/functions/functions.py and
// schema_generator.py), ported: which function a source defines, the
// JSON type of each annotation, which parameters are required, the
// description from the docstring, and the exact error texts.

const heartbeatDescription = "Request an immediate heartbeat after function execution. Set to `True` if you want to send a follow-up message or run a follow-up function."

// schemaTypeMap is how the server's error messages print its type map.
const schemaTypeMap = "{<class 'int'>: 'integer', <class 'str'>: 'string', <class 'bool'>: 'boolean', <class 'float'>: 'number', None: 'null'}"

// pySchemaError is why the server cannot build a tool from a source: the
// text of its LettaToolCreateError ("Schema generation failed: …").
type pySchemaError struct{ detail string }

func (e *pySchemaError) Error() string { return e.detail }

func schemaFailed(format string, args ...any) *pySchemaError {
	return &pySchemaError{"Schema generation failed: " + fmt.Sprintf(format, args...)}
}

// pyTool is a tool's function as the server sees it.
type pyTool struct {
	name   string
	params []pyParam
	schema map[string]any
}

// agentStateParam reports whether the function takes agent_state, which
// the server's sandbox passes (as None here).
func (t *pyTool) agentStateParam() bool {
	for _, p := range t.params {
		if p.name == "agent_state" {
			return true
		}
	}
	return false
}

// deriveToolSchema is derive_openai_json_schema: the JSON schema of the
// last function src defines, or the server's error.
func deriveToolSchema(src string) (*pyTool, error) {
	m := scanModule(src)
	var fn *pyDef
	for _, d := range m.defs {
		if d.badArgs {
			return nil, schemaFailed("invalid syntax (<string>, line %d)", d.line)
		}
		if !envNames[d.name] {
			fn = d
		}
	}
	if fn == nil {
		// Nothing new is callable: the last callable of the namespace is
		// functions.py's own load_function_set.
		return nil, schemaFailed("Value error in schema generation: Parameter 'module' in function 'load_function_set' lacks a description in the docstring")
	}
	// Executing the source evaluates the annotations.
	ev := &pyEval{mod: m}
	types := make([]*pyType, len(fn.params))
	for i, p := range fn.params {
		if p.annotation == "" {
			continue
		}
		t, err := ev.eval(p.annotation)
		if err != nil {
			return nil, schemaFailed("%s", err.msg)
		}
		types[i] = t
	}
	if fn.doc == nil || *fn.doc == "" {
		return nil, schemaFailed("Function %s missing docstring", fn.name)
	}
	if fn.class {
		return nil, schemaFailed("lettatest does not derive a schema from a class (%s); the server would use its __init__", fn.name)
	}
	schema, err := generateSchema(fn, types)
	if err != nil {
		class := "Unexpected error"
		switch err.class {
		case "TypeError":
			class = "Type error"
		case "ValueError":
			class = "Value error"
		}
		return nil, schemaFailed("%s in schema generation: %s", class, err.msg)
	}
	return &pyTool{name: fn.name, params: fn.params, schema: schema}, nil
}

// generateSchema is schema_generator.generate_schema.
func generateSchema(fn *pyDef, types []*pyType) (map[string]any, *pyError) {
	doc, err := parseDocstring(*fn.doc)
	if err != nil {
		return nil, err
	}
	props := map[string]any{}
	required := []any{}
	for i, p := range fn.params {
		if p.name == "self" || p.name == "agent_state" {
			continue
		}
		if p.annotation == "" {
			return nil, pyErrorf("TypeError", "Parameter '%s' in function '%s' lacks a type annotation", p.name, fn.name)
		}
		var pdoc *docParam
		for j := range doc.params {
			if doc.params[j].name == p.name {
				pdoc = &doc.params[j]
				break
			}
		}
		if pdoc == nil || pdoc.description == "" {
			return nil, pyErrorf("ValueError", "Parameter '%s' in function '%s' lacks a description in the docstring", p.name, fn.name)
		}
		t := types[i]
		if t.kind == tModel {
			return nil, pyErrorf("NotImplementedError", "lettatest does not derive schemas of Pydantic models (parameter '%s')", p.name)
		}
		prop, err := jsonSchemaType(t)
		if err != nil {
			return nil, err
		}
		prop["description"] = pdoc.description
		props[p.name] = prop
		if !p.hasDefault && !t.isOptional() {
			required = append(required, p.name)
		}
		if t.origin() == "list" && len(t.args) == 0 && t.kind != tClass {
			return nil, pyErrorf("IndexError", "tuple index out of range")
		}
	}
	if fn.name != "send_message" {
		props["request_heartbeat"] = map[string]any{"type": "boolean", "description": heartbeatDescription}
		required = append(required, "request_heartbeat")
	}
	var desc any
	if doc.short != nil {
		desc = *doc.short
	}
	return map[string]any{
		"name":        fn.name,
		"description": desc,
		"parameters":  map[string]any{"type": "object", "properties": props, "required": required},
	}, nil
}

// jsonSchemaType is schema_generator.type_to_json_schema_type.
func jsonSchemaType(t *pyType) (map[string]any, *pyError) {
	if t.isOptional() {
		if n := len(t.args) - 1; n != 1 {
			return nil, pyErrorf("AssertionError", "Optional type must have exactly one type argument, but got %s", t.str())
		}
		return jsonSchemaType(t.args[0])
	}
	switch {
	case t.kind == tUnion:
		return nil, pyErrorf("NotImplementedError", "General Union types are not yet supported")
	case t.origin() == "list":
		if len(t.args) == 0 {
			return map[string]any{"type": "array", "items": map[string]any{"type": "string"}}, nil
		}
		if t.args[0].kind == tModel {
			return nil, pyErrorf("NotImplementedError", "lettatest does not derive schemas of Pydantic models")
		}
		items, err := jsonSchemaType(t.args[0])
		if err != nil {
			return nil, err
		}
		return map[string]any{"type": "array", "items": items}, nil
	case t.origin() == "dict":
		if len(t.args) == 0 {
			return map[string]any{"type": "object"}, nil
		}
		return nil, pyErrorf("ValueError", "Dictionary types %s with nested type arguments are not supported (consider using a Pydantic model instead)", t.str())
	case t.kind == tModel:
		return nil, pyErrorf("NotImplementedError", "lettatest does not derive schemas of Pydantic models")
	case t.kind == tNone:
		return map[string]any{"type": "null"}, nil
	case t.kind == tClass:
		switch t.name {
		case "int":
			return map[string]any{"type": "integer"}, nil
		case "str":
			return map[string]any{"type": "string"}, nil
		case "bool":
			return map[string]any{"type": "boolean"}, nil
		case "float":
			return map[string]any{"type": "number"}, nil
		}
	}
	return nil, pyErrorf("ValueError", "Python type %s has no corresponding JSON schema type - full map: %s", t.str(), schemaTypeMap)
}

// Python annotations.

type pyTypeKind int

const (
	tClass     pyTypeKind = iota // a builtin class: int, str, list, …
	tNone                        // None
	tTyping                      // a typing special form or alias: typing.List, typing.List[int], typing.Literal[…]
	tGeneric                     // a builtin generic alias: list[int]
	tUnion                       // typing.Union[…] (Optional included)
	tUnionType                   // X | Y of builtin classes
	tString                      // a string annotation, left unevaluated
	tUser                        // a class the source defines
	tEnum                        // an Enum the source defines
	tModel                       // a Pydantic model
	tValue                       // a literal value inside Literal[…]
	tOther                       // an imported object lettatest knows nothing about
)

// pyType is an evaluated annotation.
type pyType struct {
	kind pyTypeKind
	name string // class or typing name ("int", "List"), or the value's repr
	args []*pyType
	sub  bool // subscripted
}

func (t *pyType) isOptional() bool {
	if t.kind != tUnion {
		return false
	}
	for _, a := range t.args {
		if a.kind == tNone {
			return true
		}
	}
	return false
}

// origin is what the server compares with list and dict: typing.get_origin,
// or the class itself for bare list and dict.
func (t *pyType) origin() string {
	switch t.kind {
	case tTyping:
		switch t.name {
		case "List":
			return "list"
		case "Dict":
			return "dict"
		}
	case tGeneric:
		return t.name
	case tClass:
		if t.name == "list" || t.name == "dict" {
			return t.name // the bare class: py_type == list
		}
	case tUnion:
		return "Union"
	}
	return ""
}

// str is Python's str() of the annotation.
func (t *pyType) str() string {
	switch t.kind {
	case tClass:
		return "<class '" + t.name + "'>"
	case tUser, tModel:
		return "<class 'letta.functions.functions." + t.name + "'>"
	case tEnum:
		return "<enum '" + t.name + "'>"
	case tString, tValue, tOther:
		return t.name
	}
	return t.repr()
}

// repr is typing's repr of the annotation (typing._type_repr for
// arguments).
func (t *pyType) repr() string {
	args := func() string {
		parts := make([]string, len(t.args))
		for i, a := range t.args {
			parts[i] = a.repr()
		}
		return strings.Join(parts, ", ")
	}
	switch t.kind {
	case tClass:
		return t.name
	case tNone:
		return "None"
	case tUser, tModel, tEnum:
		return "letta.functions.functions." + t.name
	case tTyping:
		if !t.sub {
			return "typing." + t.name
		}
		return "typing." + t.name + "[" + args() + "]"
	case tGeneric:
		return t.name + "[" + args() + "]"
	case tUnion:
		if len(t.args) == 2 && t.isOptional() {
			for _, a := range t.args {
				if a.kind != tNone {
					return "typing.Optional[" + a.repr() + "]"
				}
			}
		}
		parts := make([]string, len(t.args))
		for i, a := range t.args {
			parts[i] = a.repr()
			if a.kind == tNone {
				parts[i] = "NoneType"
			}
		}
		return "typing.Union[" + strings.Join(parts, ", ") + "]"
	case tUnionType:
		parts := make([]string, len(t.args))
		for i, a := range t.args {
			parts[i] = a.repr()
		}
		return strings.Join(parts, " | ")
	case tString:
		return pyStrRepr(t.name)
	}
	return t.name
}

// pyEval evaluates annotation expressions in the namespace a tool's
// source runs in.
type pyEval struct{ mod *pyModule }

var builtinClasses = map[string]bool{
	"int": true, "str": true, "float": true, "bool": true, "list": true, "dict": true,
	"tuple": true, "set": true, "frozenset": true, "bytes": true, "bytearray": true,
	"object": true, "complex": true, "type": true,
}

// typingNames are the typing members the server's namespace or the
// source's imports may bring.
var typingNames = map[string]bool{
	"List": true, "Dict": true, "Optional": true, "Union": true, "Any": true, "Literal": true,
	"Tuple": true, "Set": true, "FrozenSet": true, "Sequence": true, "Mapping": true,
	"Iterable": true, "Callable": true, "Type": true,
}

func (ev *pyEval) eval(expr string) (*pyType, *pyError) {
	p := &annParser{src: strings.TrimSpace(stripComments(expr)), ev: ev}
	t, err := p.union()
	if err != nil {
		return nil, err
	}
	if p.skipSpace(); p.pos < len(p.src) {
		return nil, pyErrorf("SyntaxError", "invalid syntax")
	}
	return t, nil
}

// name resolves a (possibly dotted) name.
func (ev *pyEval) name(n string) (*pyType, *pyError) {
	if n == "None" {
		return &pyType{kind: tNone}, nil
	}
	switch n {
	case "Optional", "List", "Dict":
		if _, shadowed := ev.mod.imports[n]; !shadowed {
			return &pyType{kind: tTyping, name: n}, nil
		}
	}
	if d, ok := ev.mod.classes[n]; ok {
		switch {
		case strings.Contains(d.bases, "BaseModel"):
			return &pyType{kind: tModel, name: n}, nil
		case strings.Contains(d.bases, "Enum"):
			return &pyType{kind: tEnum, name: n}, nil
		}
		return &pyType{kind: tUser, name: n}, nil
	}
	head, rest, dotted := strings.Cut(n, ".")
	origin, imported := ev.mod.imports[head]
	switch {
	case imported && dotted:
		origin += "." + rest
	case imported:
	case !dotted && builtinClasses[n]:
		return &pyType{kind: tClass, name: n}, nil
	default:
		return nil, pyErrorf("NameError", "name '%s' is not defined", head)
	}
	if member, ok := strings.CutPrefix(origin, "typing."); ok && typingNames[member] {
		return &pyType{kind: tTyping, name: member}, nil
	}
	if origin == "pydantic.BaseModel" {
		return &pyType{kind: tModel, name: "BaseModel"}, nil
	}
	return &pyType{kind: tOther, name: origin}, nil
}

// subscript applies X[args], normalising typing's unions.
func (ev *pyEval) subscript(t *pyType, args []*pyType) (*pyType, *pyError) {
	switch t.kind {
	case tTyping:
		switch t.name {
		case "Optional":
			if len(args) != 1 {
				return nil, pyErrorf("TypeError", "typing.Optional requires a single type.")
			}
			return makeUnion(append(args, &pyType{kind: tNone})), nil
		case "Union":
			return makeUnion(args), nil
		}
		if t.sub {
			return nil, pyErrorf("TypeError", "%s is not a generic class", t.repr())
		}
		return &pyType{kind: tTyping, name: t.name, args: args, sub: true}, nil
	case tClass:
		if t.name == "list" || t.name == "dict" || t.name == "tuple" || t.name == "set" || t.name == "frozenset" || t.name == "type" {
			return &pyType{kind: tGeneric, name: t.name, args: args, sub: true}, nil
		}
		return nil, pyErrorf("TypeError", "type '%s' is not subscriptable", t.name)
	}
	return &pyType{kind: tOther, name: t.str() + "[" + reprArgs(args) + "]"}, nil
}

func reprArgs(args []*pyType) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.repr()
	}
	return strings.Join(parts, ", ")
}

// makeUnion is typing.Union[args]: flattened, deduplicated, a single
// member standing alone.
func makeUnion(args []*pyType) *pyType {
	var flat []*pyType
	seen := map[string]bool{}
	var add func(a *pyType)
	add = func(a *pyType) {
		if a.kind == tUnion || a.kind == tUnionType {
			for _, x := range a.args {
				add(x)
			}
			return
		}
		if k := a.repr(); !seen[k] {
			seen[k] = true
			flat = append(flat, a)
		}
	}
	for _, a := range args {
		add(a)
	}
	if len(flat) == 1 {
		return flat[0]
	}
	return &pyType{kind: tUnion, args: flat}
}

// annParser parses an annotation expression: names, dotted names,
// subscripts, string and number literals, None, and "|".
type annParser struct {
	src string
	pos int
	ev  *pyEval
}

func (p *annParser) skipSpace() {
	for p.pos < len(p.src) && isSpace(p.src[p.pos]) {
		p.pos++
	}
}

func (p *annParser) union() (*pyType, *pyError) {
	t, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != '|' {
			return t, nil
		}
		p.pos++
		u, err := p.primary()
		if err != nil {
			return nil, err
		}
		t = orTypes(t, u)
	}
}

// orTypes is X | Y: a types.UnionType of builtin classes, or a typing
// Union when either side comes from typing.
func orTypes(a, b *pyType) *pyType {
	builtin := func(t *pyType) bool {
		switch t.kind {
		case tClass, tNone, tGeneric, tUnionType, tUser, tEnum:
			return true
		}
		return false
	}
	if builtin(a) && builtin(b) && !(a.kind == tNone && b.kind == tNone) {
		var args []*pyType
		for _, t := range []*pyType{a, b} {
			if t.kind == tUnionType {
				args = append(args, t.args...)
			} else {
				args = append(args, t)
			}
		}
		return &pyType{kind: tUnionType, args: args}
	}
	return makeUnion([]*pyType{a, b})
}

func (p *annParser) primary() (*pyType, *pyError) {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, pyErrorf("SyntaxError", "invalid syntax")
	}
	var t *pyType
	c := p.src[p.pos]
	switch {
	case c == '"' || c == '\'':
		end := skipString(p.src, p.pos)
		v, _ := stringLiteral(p.src[p.pos:end])
		p.pos = end
		t = &pyType{kind: tString, name: v}
	case c == '-' || c >= '0' && c <= '9':
		start := p.pos
		p.pos++
		for p.pos < len(p.src) && (p.src[p.pos] >= '0' && p.src[p.pos] <= '9' || p.src[p.pos] == '.') {
			p.pos++
		}
		t = &pyType{kind: tValue, name: p.src[start:p.pos]}
	case c == '.' && strings.HasPrefix(p.src[p.pos:], "..."):
		p.pos += 3
		t = &pyType{kind: tValue, name: "..."}
	case c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		start := p.pos
		for p.pos < len(p.src) && (p.src[p.pos] == '_' || p.src[p.pos] == '.' || p.src[p.pos] >= 'A' && p.src[p.pos] <= 'Z' ||
			p.src[p.pos] >= 'a' && p.src[p.pos] <= 'z' || p.src[p.pos] >= '0' && p.src[p.pos] <= '9') {
			p.pos++
		}
		n := p.src[start:p.pos]
		if n == "True" || n == "False" {
			t = &pyType{kind: tValue, name: n}
			break
		}
		var err *pyError
		if t, err = p.ev.name(n); err != nil {
			return nil, err
		}
	case c == '[':
		p.pos++
		args, err := p.list(']')
		if err != nil {
			return nil, err
		}
		t = &pyType{kind: tValue, name: "[" + reprArgs(args) + "]"}
	default:
		return nil, pyErrorf("SyntaxError", "invalid syntax")
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != '[' {
			return t, nil
		}
		p.pos++
		args, err := p.list(']')
		if err != nil {
			return nil, err
		}
		if t.kind == tTyping && t.name == "Literal" {
			for _, a := range args {
				if a.kind == tString {
					a.kind, a.name = tValue, pyStrRepr(a.name)
				}
			}
		}
		if t, err = p.ev.subscript(t, args); err != nil {
			return nil, err
		}
	}
}

// list parses comma-separated expressions up to the closing bracket.
func (p *annParser) list(closing byte) ([]*pyType, *pyError) {
	var out []*pyType
	for {
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == closing {
			p.pos++
			return out, nil
		}
		t, err := p.union()
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == closing {
			p.pos++
			return out, nil
		}
		return nil, pyErrorf("SyntaxError", "invalid syntax")
	}
}
