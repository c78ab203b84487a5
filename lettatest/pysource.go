package lettatest

import (
	"fmt"
	"regexp"
	"strings"
)

// This file reads a tool's Python source the way the server does
// (letta/functions/functions.py derive_openai_json_schema, which executes
// the source and takes the last callable it defines): it finds the
// top-level definitions, the parameters, annotations and defaults of the
// chosen function and its docstring. It is a scanner, not a Python
// parser: it understands what tool sources contain (functions, classes,
// imports, strings, comments, brackets) and nothing more.

// pyDef is one top-level def or class of a source.
type pyDef struct {
	name    string
	class   bool
	bases   string    // a class's base list, as written
	params  []pyParam // a function's parameters
	doc     *string   // the docstring's value, nil when there is none
	line    int       // 1-based line of the def
	badArgs bool      // the parameter list does not close
}

// pyParam is one parameter of a function.
type pyParam struct {
	name       string
	annotation string // the annotation as written, "" when absent
	hasDefault bool
}

// pyModule is what a source defines at its top level.
type pyModule struct {
	defs    []*pyDef
	imports map[string]string // local name → dotted origin ("typing.List", "typing")
	classes map[string]*pyDef
}

// envNames are the callables already in the namespace the server executes
// a tool's source in (functions.py's globals and Optional, List, Dict). A
// source that defines one of these does not make it the last callable.
var envNames = map[string]bool{
	"Optional": true, "List": true, "Dict": true, "importlib": true, "inspect": true,
	"dedent": true, "ModuleType": true, "LettaToolCreateError": true, "generate_schema": true,
	"derive_openai_json_schema": true, "parse_source_code": true, "get_function_from_module": true,
	"get_json_schema_from_module": true, "load_function_set": true,
}

var (
	defLineRE    = regexp.MustCompile(`^(?:async[ \t]+)?def[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(`)
	classLineRE  = regexp.MustCompile(`^class[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*(\(|:)`)
	importRE     = regexp.MustCompile(`^import[ \t]+(.+)$`)
	fromImportRE = regexp.MustCompile(`^from[ \t]+([A-Za-z_][A-Za-z0-9_.]*)[ \t]+import[ \t]+(.+)$`)
)

// scanModule reads the top-level statements of src.
func scanModule(src string) *pyModule {
	m := &pyModule{imports: map[string]string{}, classes: map[string]*pyDef{}}
	// Walk the source statement by statement, skipping strings and
	// bracketed spans, so that only column-0 statements are read.
	pos := 0
	for pos < len(src) {
		lineEnd := strings.IndexByte(src[pos:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += pos
		}
		line := strings.TrimRight(src[pos:lineEnd], " \t\r")
		switch {
		case defLineRE.MatchString(line):
			name := defLineRE.FindStringSubmatch(line)[1]
			open := pos + strings.IndexByte(src[pos:], '(')
			d := &pyDef{name: name, line: 1 + strings.Count(src[:pos], "\n")}
			end := matchBracket(src, open)
			if end < 0 {
				d.badArgs = true
				m.defs = append(m.defs, d)
				return m
			}
			d.params = splitParams(src[open+1 : end])
			d.doc, pos = bodyDocstring(src, end+1)
			m.defs = append(m.defs, d)
			continue
		case classLineRE.MatchString(line):
			sub := classLineRE.FindStringSubmatch(line)
			d := &pyDef{name: sub[1], class: true, line: 1 + strings.Count(src[:pos], "\n")}
			after := pos + len(sub[0])
			if sub[2] == "(" {
				end := matchBracket(src, after-1)
				if end < 0 {
					d.badArgs = true
					m.defs = append(m.defs, d)
					return m
				}
				d.bases = src[after:end]
				after = end + 1
			}
			d.doc, pos = bodyDocstring(src, after)
			m.defs = append(m.defs, d)
			m.classes[d.name] = d
			continue
		case fromImportRE.MatchString(line):
			sub := fromImportRE.FindStringSubmatch(line)
			names := strings.Trim(strings.TrimSpace(sub[2]), "()")
			for _, part := range strings.Split(names, ",") {
				name, alias, ok := strings.Cut(strings.TrimSpace(part), " as ")
				name = strings.TrimSpace(name)
				if !ok {
					alias = name
				}
				switch {
				case name == "*" && sub[1] == "typing":
					for n := range typingNames {
						m.imports[n] = "typing." + n
					}
				case name != "" && name != "*":
					m.imports[strings.TrimSpace(alias)] = sub[1] + "." + name
				}
			}
		case importRE.MatchString(line):
			for _, part := range strings.Split(importRE.FindStringSubmatch(line)[1], ",") {
				name, alias, ok := strings.Cut(strings.TrimSpace(part), " as ")
				name = strings.TrimSpace(name)
				if !ok {
					alias, _, _ = strings.Cut(name, ".")
					name = alias
				}
				m.imports[strings.TrimSpace(alias)] = name
			}
		}
		pos = statementEnd(src, pos)
	}
	return m
}

// scanCode calls visit for each byte of src from start that is code:
// not inside a string literal or a comment, nor a line continuation.
// depth is the bracket depth before the byte. visit returns false to
// stop; scanCode returns the offset where it stopped, or len(src).
func scanCode(src string, start int, visit func(i, depth int) bool) int {
	depth := 0
	for i := start; i < len(src); {
		switch c := src[i]; {
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '"' || c == '\'':
			i = skipString(src, i)
			continue
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			i += 2
			continue
		}
		if !visit(i, depth) {
			return i
		}
		switch src[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
		i++
	}
	return len(src)
}

// statementEnd returns the offset just past the logical line that starts
// at pos (strings and brackets may span lines).
func statementEnd(src string, pos int) int {
	i := scanCode(src, pos, func(i, depth int) bool { return src[i] != '\n' || depth > 0 })
	return min(i+1, len(src))
}

// skipString returns the offset just past the string literal that starts
// at src[i] (a quote).
func skipString(src string, i int) int {
	q := src[i]
	if strings.HasPrefix(src[i:], strings.Repeat(string(q), 3)) {
		end := strings.Index(src[i+3:], strings.Repeat(string(q), 3))
		for end >= 0 && escaped(src, i+3+end) {
			next := strings.Index(src[i+3+end+1:], strings.Repeat(string(q), 3))
			if next < 0 {
				end = -1
				break
			}
			end += 1 + next
		}
		if end < 0 {
			return len(src)
		}
		return i + 3 + end + 3
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(src)
}

// escaped reports whether src[i] follows an odd number of backslashes.
func escaped(src string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// matchBracket returns the offset of the bracket closing src[open], or -1.
func matchBracket(src string, open int) int {
	i := scanCode(src, open, func(i, depth int) bool { return depth != 1 || strings.IndexByte(")]}", src[i]) < 0 })
	if i == len(src) {
		return -1
	}
	return i
}

// splitTop splits s at the separator sep outside brackets and strings.
func splitTop(s string, sep byte) []string {
	var out []string
	start := 0
	scanCode(s, 0, func(i, depth int) bool {
		if s[i] == sep && depth == 0 {
			out = append(out, s[start:i])
			start = i + 1
		}
		return true
	})
	return append(out, s[start:])
}

// indexTop returns the index of the first sep outside brackets and
// strings, or -1. For '=' it skips ==, <=, >= and !=.
func indexTop(s string, sep byte) int {
	i := scanCode(s, 0, func(i, depth int) bool {
		if s[i] != sep || depth != 0 {
			return true
		}
		return sep == '=' && (i+1 < len(s) && s[i+1] == '=' || i > 0 && strings.IndexByte("=<>!", s[i-1]) >= 0)
	})
	if i == len(s) {
		return -1
	}
	return i
}

// stripComments removes # comments outside strings.
func stripComments(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '"' || c == '\'':
			j := skipString(s, i)
			b.WriteString(s[i:j])
			i = j
			continue
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// splitParams reads a def's parameter list.
func splitParams(list string) []pyParam {
	var out []pyParam
	for _, raw := range splitTop(stripComments(list), ',') {
		p := strings.TrimSpace(raw)
		if p == "" || p == "/" || p == "*" {
			continue
		}
		var param pyParam
		if i := indexTop(p, '='); i >= 0 {
			param.hasDefault = true
			p = strings.TrimSpace(p[:i])
		}
		p = strings.TrimLeft(p, "*") // *args and **kwargs are parameters like the others
		if i := indexTop(p, ':'); i >= 0 {
			param.annotation = strings.TrimSpace(p[i+1:])
			p = p[:i]
		}
		param.name = strings.TrimSpace(p)
		out = append(out, param)
	}
	return out
}

// bodyDocstring finds the docstring of the def or class whose header
// continues at src[pos] (just past its parameter or base list). It
// returns the docstring (nil if the first statement of the body is not a
// string literal) and the offset just past the header line.
func bodyDocstring(src string, pos int) (*string, int) {
	// The header ends at the ':' outside brackets (after a return
	// annotation, if any).
	i := scanCode(src, pos, func(i, depth int) bool { return src[i] != ':' || depth != 0 })
	if i >= len(src) {
		return nil, len(src)
	}
	next := statementEnd(src, i+1)
	// The body's first statement: on the header line or the next
	// non-blank, non-comment line.
	rest := src[i+1:]
	for {
		t := strings.TrimLeft(rest, " \t")
		if strings.HasPrefix(t, "#") {
			nl := strings.IndexByte(t, '\n')
			if nl < 0 {
				return nil, next
			}
			rest = t[nl+1:]
			continue
		}
		if strings.HasPrefix(t, "\n") || strings.HasPrefix(t, "\r\n") {
			rest = t[strings.IndexByte(t, '\n')+1:]
			continue
		}
		rest = t
		break
	}
	doc, ok := stringLiteral(rest)
	if !ok {
		return nil, next
	}
	return &doc, next
}

// stringLiteral reads the Python string literal (optionally r/u-prefixed)
// at the start of s and returns its value.
func stringLiteral(s string) (string, bool) {
	raw := false
	switch {
	case len(s) > 1 && strings.ContainsRune("rR", rune(s[0])) && (s[1] == '"' || s[1] == '\''):
		raw, s = true, s[1:]
	case len(s) > 1 && strings.ContainsRune("uU", rune(s[0])) && (s[1] == '"' || s[1] == '\''):
		s = s[1:]
	}
	if s == "" || (s[0] != '"' && s[0] != '\'') {
		return "", false
	}
	end := skipString(s, 0)
	q := 1
	if strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, `'''`) {
		q = 3
	}
	if end-q < q {
		return "", false
	}
	body := s[q : end-q]
	if raw {
		return body, true
	}
	return unescapePython(body), true
}

// unescapePython applies the common backslash escapes of a Python string.
func unescapePython(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\', '\'', '"':
			b.WriteByte(s[i])
		case '\n':
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// cleandoc is Python's inspect.cleandoc: tabs expanded, the common
// indentation of the lines after the first removed, leading and trailing
// blank lines dropped.
func cleandoc(doc string) string {
	lines := strings.Split(expandTabs(doc), "\n")
	margin := -1
	for _, l := range lines[1:] {
		content := len(strings.TrimLeft(l, " \t\n\r\f\v"))
		if content > 0 {
			if ind := len(l) - content; margin < 0 || ind < margin {
				margin = ind
			}
		}
	}
	lines[0] = strings.TrimLeft(lines[0], " \t\n\r\f\v")
	if margin >= 0 {
		for i := 1; i < len(lines); i++ {
			if len(lines[i]) > margin {
				lines[i] = lines[i][margin:]
			} else {
				lines[i] = ""
			}
		}
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// pyError is a Python exception, by class name and message.
type pyError struct {
	class string // "TypeError", "ValueError", "NameError", …
	msg   string
}

func (e *pyError) Error() string { return e.class + ": " + e.msg }

func pyErrorf(class, format string, args ...any) *pyError {
	return &pyError{class: class, msg: fmt.Sprintf(format, args...)}
}
