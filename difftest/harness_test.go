package difftest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// idRE matches the server's ids: "<prefix>-<uuid>".
var idRE = regexp.MustCompile(`^([a-z][a-z_-]*?)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// symRE matches the symbols a script writes in paths and bodies
// ("agent#2"); each target replaces them with its own ids.
var symRE = regexp.MustCompile(`\b[a-z][a-z_-]*#[0-9]+\b`)

// storedNameRE matches the random part of a stored file name
// (utils.sanitize_filename: name_<uuid4 hex>.ext).
var storedNameRE = regexp.MustCompile(`_[0-9a-f]{32}(\.[^.]*)?$`)

// target is one server under test with the ids it has handed out.
type target struct {
	name string
	base string
	hc   *http.Client
	// integration marks the shared real server, where lists that cannot be
	// scoped are checked for objects the harness did not create.
	integration bool
	// tick is the pause between creations whose order is compared (the
	// real server's SQLite stores created_at to the second).
	tick time.Duration

	sym  map[string]string // id → symbol
	ids  map[string]string // symbol → id
	next map[string]int    // prefix → last number handed out
	secs map[string]string // symbol → created_at (or date) to the second

	ex []*exchange
}

func newTarget(name, base string, integration bool, tick time.Duration) *target {
	return &target{
		name: name, base: strings.TrimRight(base, "/"), integration: integration, tick: tick,
		hc: &http.Client{
			Timeout:       2 * time.Minute,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		sym: map[string]string{}, ids: map[string]string{}, next: map[string]int{}, secs: map[string]string{},
	}
}

// exchange is one request and what came back.
type exchange struct {
	label    string
	method   string
	path     string // with symbols, as the script wrote it
	status   int
	location string // Location header of a redirect, host removed
	body     any    // decoded JSON (numbers as json.Number); a stream is []any of frames
	text     string // the body when it is not JSON
	err      error  // transport error
	foreign  []string
	exact    []string
	// unique marks an exchange that inserts a duplicate row, where the
	// SQLite server answers 500 and a Postgres one 409.
	unique bool
}

// req is one request of the script.
type req struct {
	method, path string
	body         any    // sent as JSON when not nil
	raw          []byte // sent as is, with contentType
	contentType  string
	// list: the answer is a list; ids in it are not registered, so that
	// foreign objects cannot shift the numbering.
	list bool
	// unscoped: a list the API cannot narrow to the harness's objects.
	unscoped bool
	stream   bool
	unique   bool
	// exact lists more keys whose values are compared in this exchange.
	exact []string
	// unordered: the answer is a list in no defined order (a
	// relationship's rows); it is sorted by this key of unordered.
	unordered string
}

// resolve replaces the symbols in s with this target's ids. A symbol the
// target never saw stays as written (the request then fails as it should).
func (t *target) resolve(s string) string {
	return symRE.ReplaceAllStringFunc(s, func(m string) string {
		if id, ok := t.ids[m]; ok {
			return id
		}
		return m
	})
}

// register gives every id in v that the target has not seen a symbol, in
// document order (object keys sorted).
func (t *target) register(v any) {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			t.register(v[k])
		}
	case []any:
		for _, e := range v {
			t.register(e)
		}
	case string:
		m := idRE.FindStringSubmatch(v)
		if m == nil {
			return
		}
		if _, ok := t.sym[v]; ok {
			return
		}
		t.next[m[1]]++
		s := fmt.Sprintf("%s#%d", m[1], t.next[m[1]])
		t.sym[v], t.ids[s] = s, v
	}
}

// noteTimes records the creation second of every registered object in v.
func (t *target) noteTimes(v any) {
	switch v := v.(type) {
	case map[string]any:
		if id, _ := v["id"].(string); t.sym[id] != "" && second(v) != "" {
			t.secs[t.sym[id]] = second(v)
		}
		for _, e := range v {
			t.noteTimes(e)
		}
	case []any:
		for _, e := range v {
			t.noteTimes(e)
		}
	}
}

// symbol returns the symbol of id, or "" when the target never
// registered it.
func (t *target) symbol(id string) string { return t.sym[id] }

// do sends r, records the exchange and returns it.
func (t *target) do(label string, r req) *exchange {
	ex := &exchange{label: label, method: r.method, path: r.path, unique: r.unique, exact: r.exact}
	t.ex = append(t.ex, ex)
	var body io.Reader
	ctype := r.contentType
	switch {
	case r.raw != nil:
		body = bytes.NewReader([]byte(t.resolve(string(r.raw))))
	case r.body != nil:
		b, err := json.Marshal(r.body)
		if err != nil {
			panic(err)
		}
		body, ctype = strings.NewReader(t.resolve(string(b))), "application/json"
	}
	hr, err := http.NewRequest(r.method, t.base+t.resolve(r.path), body)
	if err != nil {
		ex.err = err
		return ex
	}
	if ctype != "" {
		hr.Header.Set("Content-Type", ctype)
	}
	resp, err := t.hc.Do(hr)
	if err != nil {
		ex.err = err
		return ex
	}
	defer resp.Body.Close()
	ex.status = resp.StatusCode
	if loc := resp.Header.Get("Location"); loc != "" {
		if i := strings.Index(loc, "/v1/"); i >= 0 {
			loc = loc[i:]
		}
		ex.location = loc
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		ex.err = err
		return ex
	}
	if r.stream && resp.StatusCode == http.StatusOK {
		ex.body = sseFrames(data)
	} else if len(bytes.TrimSpace(data)) > 0 {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		if d.Decode(&v) == nil {
			ex.body = v
		} else {
			ex.text = string(data)
		}
	}
	ex.body = canonical(r.unordered, ex.body)
	switch {
	case !r.list:
		t.register(ex.body)
	case !r.unscoped:
		t.register(chronological(ex.body))
	}
	t.noteTimes(ex.body)
	if r.unscoped && t.integration {
		ex.foreign = t.foreignIn(ex.body)
	}
	return ex
}

// unordered names the lists inside objects that the server fills from a
// relationship without an order_by (orm/agent.py: tools, sources, core
// memory blocks; tags), so their order is the database's whim on
// Postgres too. canonical sorts them by name or label, on both targets.
var unordered = map[string]string{"tools": "name", "sources": "name", "blocks": "label", "tags": "",
	"functions_definitions": "function.name"}

// canonical sorts the unordered lists in v, at any depth; key is the key v
// is found under (for the top level, the exchange's unordered).
func canonical(key string, v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = canonical(k, e)
		}
	case []any:
		for i, e := range v {
			v[i] = canonical("", e)
		}
		if by, ok := unordered[key]; ok {
			slices.SortStableFunc(v, func(x, y any) int {
				return strings.Compare(sortKey(x, by), sortKey(y, by))
			})
		}
	}
	return v
}

// sortKey returns the string at the dotted path by in v (v itself when
// by is empty).
func sortKey(v any, by string) string {
	if by != "" {
		for _, k := range strings.Split(by, ".") {
			o, _ := v.(map[string]any)
			v = o[k]
		}
	}
	s, _ := v.(string)
	return s
}

// chronological returns a copy of a list answer ordered by created_at (or
// date) to the second, then by message_type, so that the items of a list
// are registered in the same order on both targets even where SQLite's
// one-second created_at ties order them at random.
func chronological(v any) any {
	l, ok := v.([]any)
	if !ok {
		return v
	}
	l = slices.Clone(l)
	slices.SortStableFunc(l, func(x, y any) int {
		if c := strings.Compare(second(x), second(y)); c != 0 {
			return c
		}
		return messageRank(x) - messageRank(y)
	})
	return l
}

// messageRank orders the messages of one step as the agent loop writes
// them.
func messageRank(v any) int {
	switch field(v, "message_type") {
	case "system_message":
		return 0
	case "user_message":
		return 1
	case "reasoning_message":
		return 2
	case "tool_call_message", "assistant_message":
		return 3
	case "tool_return_message":
		return 4
	}
	switch field(v, "role") {
	case "system":
		return 0
	case "user":
		return 1
	case "assistant":
		return 3
	case "tool":
		return 4
	}
	return 5
}

// foreignIn lists the ids in a list answer that this target never
// registered: objects another client created on a shared server.
func (t *target) foreignIn(v any) []string {
	var out []string
	items, _ := v.([]any)
	for _, it := range items {
		o, _ := it.(map[string]any)
		id, _ := o["id"].(string)
		if id != "" && t.sym[id] == "" {
			out = append(out, id)
		}
	}
	return out
}

// sseFrames decodes a text/event-stream body into its data frames: JSON
// values, or the marker string ("[DONE]"). Consecutive chunks of one
// message (same id and message_type, as token streaming sends them) are
// collapsed into the first, since chunking is the LLM's business.
func sseFrames(data []byte) []any {
	var frames []any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "data:")
		if !ok {
			continue
		}
		line = strings.TrimSpace(line)
		d := json.NewDecoder(strings.NewReader(line))
		d.UseNumber()
		var v any
		if d.Decode(&v) != nil {
			frames = append(frames, line)
			continue
		}
		if o, ok := v.(map[string]any); ok && len(frames) > 0 {
			if p, ok := frames[len(frames)-1].(map[string]any); ok &&
				o["id"] != nil && o["id"] == p["id"] && o["message_type"] == p["message_type"] {
				continue
			}
		}
		frames = append(frames, v)
	}
	return frames
}

// field returns the string at key in an object answer, or "".
func field(v any, key string) string {
	o, _ := v.(map[string]any)
	s, _ := o[key].(string)
	return s
}

// item returns element i of a list answer, or nil.
func item(v any, i int) any {
	l, _ := v.([]any)
	if i < 0 {
		i += len(l)
	}
	if i < 0 || i >= len(l) {
		return nil
	}
	return l[i]
}

// difference is one disagreement inside an exchange.
type difference struct {
	path  string
	msg   string
	known string // the knownDifference that explains it, if any
}

// comparer compares the exchanges of the reference (lettatest, a) and the
// real server (b).
type comparer struct {
	ta, tb *target
	diffs  []difference
	exact  []string // the current exchange's extra exact keys
}

// exactKeys are the keys whose values are compared, not only their JSON
// type: discriminators, statuses, names and the values the server derives.
var exactKeys = map[string]bool{
	"message_type": true, "type": true, "status": true, "role": true, "name": true,
	"label": true, "limit": true, "tags": true, "loc": true, "is_template": true,
	"file_name": true, "source_type": true, "tool_type": true, "json_schema": true,
	"source_id": true, "agent_id": true, "value": true,
	"source_code": true, "description": true, "return_char_limit": true,
	"message": true, "file_type": true, "file_size": true,
}

func (c *comparer) add(path, known, format string, args ...any) {
	c.diffs = append(c.diffs, difference{path: path, msg: fmt.Sprintf(format, args...), known: known})
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// embeddedIDRE finds ids inside a longer string.
var embeddedIDRE = regexp.MustCompile(`[a-z][a-z_]*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// str returns the comparable form of a string under key for target t:
// ids become their symbols, stored file names lose their random part.
func (c *comparer) str(t *target, key, s string) string {
	s = embeddedIDRE.ReplaceAllStringFunc(s, func(id string) string {
		if sym := t.symbol(id); sym != "" {
			return sym
		}
		return idRE.FindStringSubmatch(id)[1] + "#?"
	})
	if key == "file_name" {
		return storedNameRE.ReplaceAllString(s, "_<32 hex>$1")
	}
	return s
}

func (c *comparer) compare(path, key string, a, b any, exact bool) {
	exact = exact || exactKeys[key] || slices.Contains(c.exact, key)
	ta, tb := jsonType(a), jsonType(b)
	if ta != tb {
		c.add(path, "", "%s %s vs %s %s", ta, brief(a), tb, brief(b))
		return
	}
	switch a := a.(type) {
	case map[string]any:
		b := b.(map[string]any)
		keys := map[string]bool{}
		for k := range a {
			keys[k] = true
		}
		for k := range b {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		slices.Sort(sorted)
		for _, k := range sorted {
			av, aok := a[k]
			bv, bok := b[k]
			switch {
			case !aok:
				c.add(path+"."+k, "", "key missing on %s (%s: %s)", c.ta.name, c.tb.name, brief(bv))
			case !bok:
				c.add(path+"."+k, "", "key missing on %s (%s: %s)", c.tb.name, c.ta.name, brief(av))
			default:
				c.compare(path+"."+k, k, av, bv, exact)
			}
		}
	case []any:
		b := b.([]any)
		if len(a) != len(b) {
			c.add(path, "", "%d items vs %d", len(a), len(b))
			return
		}
		b = c.alignTies(path, a, b)
		for i := range a {
			c.compare(fmt.Sprintf("%s[%d]", path, i), key, a[i], b[i], exact)
		}
	case string:
		bs := b.(string)
		if exact || idRE.MatchString(a) || idRE.MatchString(bs) {
			if x, y := c.str(c.ta, key, a), c.str(c.tb, key, bs); x != y {
				c.add(path, "", "%q vs %q", x, y)
			}
			return
		}
		if isTimestamp(a) && isTimestamp(bs) && hasZone(a) != hasZone(bs) {
			c.add(path, "naive-timestamps", "%q vs %q", a, bs)
		}
	default:
		if exact && fmt.Sprint(a) != fmt.Sprint(b) {
			c.add(path, "", "%v vs %v", a, b)
		}
	}
}

var timestampRE = regexp.MustCompile(`^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?$`)

func isTimestamp(s string) bool { return timestampRE.MatchString(s) }

func hasZone(s string) bool {
	m := timestampRE.FindStringSubmatch(s)
	return m != nil && m[2] != ""
}

// second returns the time of a list item (created_at, or date for
// messages) to the second, or "".
func second(v any) string {
	o, _ := v.(map[string]any)
	for _, k := range []string{"created_at", "date"} {
		if s, ok := o[k].(string); ok && len(s) >= 19 {
			return s[:19]
		}
	}
	return ""
}

// itemKey identifies a list item across targets: its id's symbol and its
// message_type.
func (c *comparer) itemKey(t *target, v any) string {
	o, _ := v.(map[string]any)
	id, _ := o["id"].(string)
	mt, _ := o["message_type"].(string)
	return c.str(t, "id", id) + "|" + mt
}

// alignTies reorders runs of b's items that share their created_at second
// to a's order, when they hold the same items: on SQLite such ties are
// ordered by id, at random (knownDifferences "created-at-ties").
func (c *comparer) alignTies(path string, a, b []any) []any {
	out := slices.Clone(b)
	// created is an item's creation second, also for objects the server
	// sends without created_at (tools) when the harness knows it.
	created := func(v any) string {
		if s := second(v); s != "" {
			return s
		}
		return c.tb.secs[c.str(c.tb, "id", field(v, "id"))]
	}
	for i := 0; i < len(b); {
		sec := created(b[i])
		j := i + 1
		for sec != "" && j < len(b) && created(b[j]) == sec {
			j++
		}
		if j-i > 1 {
			ka := make([]string, 0, j-i)
			kb := map[string][]any{}
			for k := i; k < j; k++ {
				ka = append(ka, c.itemKey(c.ta, a[k]))
				key := c.itemKey(c.tb, b[k])
				kb[key] = append(kb[key], b[k])
			}
			same, moved := true, false
			for k, key := range ka {
				if len(kb[key]) == 0 {
					same = false
					break
				}
				if c.itemKey(c.tb, b[i+k]) != key {
					moved = true
				}
				out[i+k] = kb[key][0]
				kb[key] = kb[key][1:]
			}
			if !same {
				copy(out[i:j], b[i:j])
			} else if moved {
				c.add(path, "created-at-ties", "items %d..%d share created_at %s and came in another order", i, j-1, sec)
			}
		}
		i = j
	}
	return out
}

// brief shortens a value for a message.
func brief(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

// compareExchange compares two exchanges of the same step.
func (c *comparer) compareExchange(a, b *exchange) []difference {
	c.diffs, c.exact = nil, a.exact
	switch {
	case a.err != nil || b.err != nil:
		c.add("", "", "transport error: %v vs %v", a.err, b.err)
		return c.diffs
	case b.unique && b.status == http.StatusInternalServerError && b.text != "" &&
		(a.status == http.StatusConflict || a.status == http.StatusInternalServerError) && a.body != nil:
		// SQLite's unique violation: a plain-text 500 where Postgres gives
		// 409 or the generic JSON 500.
		c.add("status", "unique-violation-500", "%d vs %d", a.status, b.status)
		return c.diffs
	case a.status != b.status:
		c.add("status", "", "%d vs %d (%s vs %s)", a.status, b.status, brief(a.body)+a.text, brief(b.body)+b.text)
		return c.diffs
	}
	if a.location != b.location {
		c.add("Location", "", "%q vs %q", a.location, b.location)
	}
	if (a.text == "") != (b.text == "") {
		c.add("body", "", "%s%s vs %s%s", brief(a.body), a.text, brief(b.body), b.text)
		return c.diffs
	}
	c.compare("$", "", a.body, b.body, false)
	if !c.counted() {
		return c.diffs
	}
	// SQLite compares created_at as text: its one-second value against a
	// parameter with microseconds, so a before= cursor lists the rows of
	// its own second and an after= cursor drops them. Without those rows
	// on both sides the lists must agree.
	cursors := cursorsOf(a.path)
	la, aok := a.body.([]any)
	lb, bok := b.body.([]any)
	if len(cursors) == 0 || !aok || !bok {
		return c.diffs
	}
	plain := c.diffs
	c.diffs = nil
	c.compare("$", "", c.without(c.ta, la, cursors), c.without(c.tb, lb, cursors), false)
	if c.counted() {
		c.diffs = plain
		return c.diffs
	}
	c.add("$", "sqlite-text-cursor", "the rows of the cursor's second differ")
	return c.diffs
}

// counted reports whether a difference found so far is not a known one.
func (c *comparer) counted() bool {
	return slices.ContainsFunc(c.diffs, func(d difference) bool { return d.known == "" })
}

// cursorsOf returns the symbols an exchange's query uses as after= and
// before= cursors.
func cursorsOf(path string) []string {
	_, q, _ := strings.Cut(path, "?")
	var out []string
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if (k == "after" || k == "before") && symRE.MatchString(v) {
			out = append(out, v)
		}
	}
	return out
}

// without returns the items of l (from target t) that the real server did
// not create in the second of one of the cursors.
func (c *comparer) without(t *target, l []any, cursors []string) []any {
	out := []any{}
	for _, it := range l {
		keep := true
		sym := c.str(t, "id", field(it, "id"))
		for _, cur := range cursors {
			if s := c.tb.secs[cur]; s != "" && c.tb.secs[sym] == s {
				keep = false
			}
		}
		if keep {
			out = append(out, it)
		}
	}
	return out
}
