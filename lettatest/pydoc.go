package lettatest

import (
	"regexp"
	"strings"
)

// A port of the parts of docstring_parser (the version the server ships)
// that the server's schema generator uses: parse() in AUTO mode tries the
// ReST and Google styles (and NumPy and Epydoc, not imitated here), and
// keeps the result with the most sections, ReST first on a tie.

// docstring is a parsed docstring: its first line and its parameters.
type docstring struct {
	short  *string
	params []docParam
	meta   int // number of sections items found (params, returns, raises, …)
}

type docParam struct {
	name, description string
}

// parseDocstring parses text as docstring_parser.parse does.
func parseDocstring(text string) (*docstring, *pyError) {
	var best *docstring
	var lastErr *pyError
	for _, parse := range []func(string) (*docstring, *pyError){parseRestDoc, parseGoogleDoc} {
		d, err := parse(text)
		if err != nil {
			if err.class != "ParseError" {
				return nil, err
			}
			lastErr = err
			continue
		}
		if best == nil || d.meta > best.meta {
			best = d
		}
	}
	if best == nil {
		return nil, lastErr
	}
	return best, nil
}

// shortDescription is the first line of a description chunk, or nil.
func shortDescription(chunk string) *string {
	first, _, _ := strings.Cut(chunk, "\n")
	if first == "" {
		return nil
	}
	return &first
}

// Google style.

var googleTitleRE = regexp.MustCompile(`(?m)^((Arguments)|(Args)|(Parameters)|(Params)|(Raises)|(Exceptions)|(Except)|(Attributes)|(Example)|(Examples)|(Returns)|(Yields)):[ \t\r\f\v]*$`)

var (
	googleTypedArgRE = regexp.MustCompile(`^\s*(.+?)\s*\(\s*(.*[^\s]+)\s*\)`)
	googleMultipleRE = regexp.MustCompile(`^(?:(\s*[^:\s]+:)|([^:]*\]:.*))`)
	unknownMetaRE    = regexp.MustCompile(`\n\S`)
	leadingSpaceRE   = regexp.MustCompile(`^\s*`)
)

// googleSectionKind: 0 singular (examples), 1 multiple (params, raises,
// attributes), 2 singular or multiple (returns, yields).
var googleSections = map[string]struct {
	kind  int
	param bool
}{
	"Arguments": {1, true}, "Args": {1, true}, "Parameters": {1, true}, "Params": {1, true},
	"Raises": {1, false}, "Exceptions": {1, false}, "Except": {1, false}, "Attributes": {1, true},
	"Example": {0, false}, "Examples": {0, false}, "Returns": {2, false}, "Yields": {2, false},
}

func parseErr(msg string) *pyError { return &pyError{class: "ParseError", msg: msg} }

func parseGoogleDoc(text string) (*docstring, *pyError) {
	d := &docstring{}
	if text == "" {
		return d, nil
	}
	text = cleandoc(text)
	descChunk, metaChunk := text, ""
	if loc := googleTitleRE.FindStringIndex(text); loc != nil {
		descChunk, metaChunk = text[:loc[0]], text[loc[0]:]
	}
	d.short = shortDescription(descChunk)

	matches := googleTitleRE.FindAllStringSubmatchIndex(metaChunk, -1)
	if len(matches) == 0 {
		return d, nil
	}
	// Sections in order; a repeated title keeps its first position and
	// the last chunk (an OrderedDict assignment).
	var titles []string
	chunks := map[string]string{}
	for j, m := range matches {
		start, end := m[1], len(metaChunk)
		if j+1 < len(matches) {
			end = matches[j+1][0]
		}
		title := metaChunk[m[2]:m[3]]
		details := metaChunk[start:end]
		if loc := unknownMetaRE.FindStringIndex(details); loc != nil {
			details = details[:loc[0]]
		}
		if _, seen := chunks[title]; !seen {
			titles = append(titles, title)
		}
		chunks[title] = strings.Trim(details, "\n")
	}
	for _, title := range titles {
		chunk := chunks[title]
		sec := googleSections[title]
		if sec.kind != 1 {
			if err := googleMeta(d, cleandoc(chunk), sec.kind, sec.param); err != nil {
				return nil, err
			}
			continue
		}
		// Items start at each line with the first line's indent and then
		// some text.
		indent := leadingSpaceRE.FindString(chunk)
		starts := lineStarts(chunk, func(line string) bool {
			rest, ok := strings.CutPrefix(line, indent)
			return ok && rest != "" && !isSpace(rest[0])
		})
		if len(starts) == 0 {
			return nil, parseErr(`No specification for "` + title + `": "` + chunk + `"`)
		}
		for j, start := range starts {
			end := len(chunk)
			if j+1 < len(starts) {
				end = starts[j+1]
			}
			if err := googleMeta(d, strings.Trim(chunk[start+len(indent):end], "\n"), 1, sec.param); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

func isSpace(c byte) bool { return strings.IndexByte(" \t\n\r\f\v", c) >= 0 }

// lineStarts returns the offset of each line of s for which at, given the
// text from the line's start to the end of s, is true.
func lineStarts(s string, at func(string) bool) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		if (i == 0 || s[i-1] == '\n') && at(s[i:]) {
			out = append(out, i)
		}
	}
	return out
}

// googleMeta adds one section item (GoogleParser._build_meta).
func googleMeta(d *docstring, text string, kind int, param bool) *pyError {
	if kind == 0 || kind == 2 && !googleMultipleRE.MatchString(text) {
		if param {
			return parseErr("Expected paramenter name.")
		}
		d.meta++
		return nil
	}
	before, desc, ok := strings.Cut(text, ":")
	if !ok {
		return parseErr("Expected a colon in " + pyStrRepr(text) + ".")
	}
	if desc != "" {
		desc = strings.TrimPrefix(desc, " ")
		if first, rest, ok := strings.Cut(desc, "\n"); ok {
			desc = first + "\n" + cleandoc(rest)
		}
		desc = strings.Trim(desc, "\n")
	}
	d.meta++
	if param {
		name := before
		if m := googleTypedArgRE.FindStringSubmatch(before); m != nil {
			name = m[1]
		}
		d.params = append(d.params, docParam{name: name, description: desc})
	}
	return nil
}

// ReST style.

var restParamKeys = map[string]bool{"param": true, "parameter": true, "arg": true, "argument": true, "attribute": true, "key": true, "keyword": true}

func parseRestDoc(text string) (*docstring, *pyError) {
	d := &docstring{}
	if text == "" {
		return d, nil
	}
	text = cleandoc(text)
	// The description ends, and each section item starts, at a line that
	// begins with ':'.
	starts := lineStarts(text, func(line string) bool { return line[0] == ':' })
	descChunk := text
	if len(starts) > 0 {
		descChunk = text[:starts[0]]
	}
	d.short = shortDescription(descChunk)
	hasReturns, rtypes := false, false
	for j, start := range starts {
		end := len(text)
		if j+1 < len(starts) {
			end = starts[j+1]
		}
		chunk := text[start:end]
		argsChunk, desc, ok := strings.Cut(strings.TrimLeft(chunk, ":"), ":")
		if !ok {
			return nil, parseErr(`Error parsing meta information near "` + chunk + `".`)
		}
		args := strings.Fields(argsChunk)
		desc = strings.TrimSpace(desc)
		if first, rest, ok := strings.Cut(desc, "\n"); ok {
			desc = first + "\n" + cleandoc(rest)
		}
		if len(args) == 0 {
			return nil, &pyError{class: "IndexError", msg: "list index out of range"}
		}
		key := args[0]
		switch {
		case len(args) == 2 && key == "type":
			continue
		case (len(args) == 1 || len(args) == 2) && key == "rtype":
			rtypes = true
			continue
		case restParamKeys[key]:
			var name string
			switch len(args) {
			case 3:
				name = args[2]
			case 2:
				name = args[1]
			default:
				return nil, parseErr("Expected one or two arguments for a " + key + " keyword.")
			}
			d.params = append(d.params, docParam{name: name, description: desc})
		case key == "return" || key == "returns" || key == "yield" || key == "yields":
			if len(args) > 2 {
				return nil, parseErr("Expected one or no arguments for a " + key + " keyword.")
			}
			hasReturns = true
		case key == "raises" || key == "raise" || key == "except" || key == "exception":
			if len(args) > 2 {
				return nil, parseErr("Expected one or no arguments for a " + key + " keyword.")
			}
		}
		d.meta++
	}
	if rtypes && !hasReturns {
		d.meta++
	}
	return d, nil
}

// pyStrRepr writes s as Python's repr writes a str.
func pyStrRepr(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	var b strings.Builder
	b.WriteString(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case string(r) == q:
			b.WriteString(`\` + q)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(q)
	return b.String()
}
