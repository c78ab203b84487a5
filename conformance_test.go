package letta_test

// The conformance test replays every recorded call of the reference client
// (testdata/requests, see testdata/GOLDEN.md) through the Go API and
// compares the request the Go SDK sends with the recorded one, by the rules
// of GOLDEN.md. Each case's args are decoded into the method's params
// struct (so the params structs provably decode from wire JSON); explicit
// nulls go through option.WithBodyField. The deliberate differences from
// the reference client are applied to the expectation, case by case, and
// counted:
//
//   - path parameters are escaped with url.PathEscape (python_quirk cases);
//   - a JSON-body method sends {} where the reference sends no body;
//   - tool rules always carry their "type", search items their "field".

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/option"
)

// goldenCase is one recorded call of the reference client.
type goldenCase struct {
	ID          string                     `json:"id"`
	SDK         string                     `json:"sdk"`
	Args        map[string]json.RawMessage `json:"args"`
	ArgTypes    map[string]string          `json:"arg_types"`
	PythonQuirk bool                       `json:"python_quirk"`
	Request     struct {
		Method        string            `json:"method"`
		Path          string            `json:"path"`
		QueryParams   [][2]string       `json:"query_params"`
		Headers       map[string]string `json:"headers"`
		BodyJSON      json.RawMessage   `json:"body_json"`
		BodyMultipart []goldenPart      `json:"body_multipart"`
		BodyRaw       *string           `json:"body_raw"`
	} `json:"request"`
	Response struct {
		Status      int             `json:"status"`
		ContentType string          `json:"content_type"`
		BodyJSON    json.RawMessage `json:"body_json"`
	} `json:"response"`
}

type goldenPart struct {
	Name        string `json:"name"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Content     string `json:"content"`
}

// endpoint is the part of testdata/endpoints.json the harness needs.
type endpoint struct {
	SDK        string   `json:"sdk"`
	Path       string   `json:"path"`
	PathParams []string `json:"path_params"`
	Query      []struct {
		Name string `json:"name"`
	} `json:"query_params"`
	Body *struct {
		ContentType string `json:"content_type"`
	} `json:"body"`
	Streaming bool   `json:"streaming"`
	Response  string `json:"response"`
}

// caseArgs hands a case's arguments to a conformance call.
type caseArgs struct {
	t    *testing.T
	c    *goldenCase
	ep   endpoint
	opts []option.RequestOption
}

// path returns a path parameter.
func (a *caseArgs) path(name string) string {
	var s string
	require.NoError(a.t, json.Unmarshal(a.c.Args[name], &s), "path param %s", name)
	return s
}

// decodeParams decodes the case's non-path args into a params struct,
// rejecting unknown keys, after adding the discriminators that arg_types
// names. Args given as null stay null (a nil pointer); the caller sends
// them through a.opts.
func decodeParams[T any](a *caseArgs) T {
	obj := map[string]any{}
	for k, v := range a.c.Args {
		if slices.Contains(a.ep.PathParams, k) {
			continue
		}
		var x any
		require.NoError(a.t, json.Unmarshal(v, &x))
		obj[wireName(a.c.SDK, k)] = x
	}
	for path, class := range a.c.ArgTypes {
		if d, ok := discriminators[class]; ok {
			if m, ok := lookup(obj, path).(map[string]any); ok && m[d[0]] == nil {
				m[d[0]] = d[1]
			}
		}
	}
	data, err := json.Marshal(obj)
	require.NoError(a.t, err)
	var p T
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	require.NoError(a.t, dec.Decode(&p), "decoding %s args into %T", a.c.ID, p)
	return p
}

// wireName maps the one Python argument whose wire name differs.
func wireName(sdk, arg string) string {
	if sdk == "agents.templates.create_version" && arg == "return_agent_state" {
		return "returnAgentState"
	}
	return arg
}

// discriminators are the literal tags the Go SDK always sends, by the
// reference class name in arg_types.
var discriminators = map[string][2]string{
	"InitToolRule":                           {"type", "InitToolRule"},
	"ChildToolRule":                          {"type", "ToolRule"},
	"TerminalToolRule":                       {"type", "TerminalToolRule"},
	"ConditionalToolRule":                    {"type", "conditional"},
	"AgentsSearchRequestSearchItemZero":      {"field", "version"},
	"AgentsSearchRequestSearchItemOne":       {"field", "name"},
	"AgentsSearchRequestSearchItemTwo":       {"field", "tags"},
	"AgentsSearchRequestSearchItemDirection": {"field", "order_by"},
}

// lookup follows an arg_types path such as "tool_rules[2]" or
// "messages[0].content[1]".
func lookup(v any, path string) any {
	for _, part := range strings.Split(path, ".") {
		name, idx, _ := strings.Cut(part, "[")
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[name]
		for idx != "" {
			var i int
			var rest string
			fmt.Sscanf(idx, "%d]", &i)
			_, rest, _ = strings.Cut(idx, "]")
			rest = strings.TrimPrefix(rest, "[")
			list, ok := v.([]any)
			if !ok || i >= len(list) {
				return nil
			}
			v, idx = list[i], rest
		}
	}
	return v
}

// conformanceCalls maps a reference method to its call through the Go API.
// Each resource's conformance_*_test.go file registers its methods.
var (
	conformanceMu    sync.Mutex
	conformanceCalls = map[string]conformanceCall{}
)

// conformanceCall makes one call through the Go API and returns its result.
type conformanceCall func(ctx context.Context, c *letta.Client, a *caseArgs) (any, error)

func register(sdk string, call conformanceCall) {
	conformanceMu.Lock()
	defer conformanceMu.Unlock()
	conformanceCalls[sdk] = call
}

// captured is what the recorder saw.
type captured struct {
	method, rawPath, rawQuery string
	header                    http.Header
	body                      []byte
}

func loadEndpoints(t *testing.T) map[string]endpoint {
	data, err := os.ReadFile("testdata/endpoints.json")
	require.NoError(t, err)
	var list []endpoint
	require.NoError(t, json.Unmarshal(data, &list))
	m := map[string]endpoint{}
	for _, e := range list {
		m[e.SDK] = e
	}
	return m
}

func loadGoldenCases(t *testing.T) []goldenCase {
	files, err := filepath.Glob("testdata/requests/*.json")
	require.NoError(t, err)
	var cases []goldenCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var c goldenCase
		require.NoError(t, json.Unmarshal(data, &c), f)
		cases = append(cases, c)
	}
	return cases
}

func TestConformance(t *testing.T) {
	endpoints := loadEndpoints(t)
	cases := loadGoldenCases(t)
	require.Len(t, cases, 147)

	passedCases := 0
	methods := map[string]bool{}
	failedMethods := map[string]bool{}
	differences := map[string]int{}
	for _, gc := range cases {
		ok := t.Run(gc.ID, func(t *testing.T) {
			call, found := conformanceCalls[gc.SDK]
			if !found {
				t.Fatalf("no conformance call registered for %s", gc.SDK)
			}
			ep := endpoints[gc.SDK]
			var got captured
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				got = captured{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), body}
				replay(w, &gc, ep)
			}))
			defer srv.Close()
			client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-test-123"), option.WithMaxRetries(0))
			a := &caseArgs{t: t, c: &gc, ep: ep}
			a.opts = nullOptions(t, &gc)
			_, err := call(context.Background(), client, a)
			require.NoError(t, err)
			for _, d := range compareRequest(t, &gc, ep, got) {
				differences[d]++
			}
		})
		methods[gc.SDK] = true
		if ok {
			passedCases++
		} else {
			failedMethods[gc.SDK] = true
		}
	}
	passedMethods := len(methods) - len(failedMethods)
	fmt.Printf("conformance: %d/%d cases, %d/77 methods\n", passedCases, len(cases), passedMethods)
	keys := make([]string, 0, len(differences))
	for k := range differences {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("conformance: deliberate difference in %d cases: %s\n", differences[k], k)
	}
	assert.Equal(t, 147, passedCases)
	assert.Equal(t, 77, passedMethods)
}

// nullOptions turns the case's explicit nulls into WithBodyField options,
// for methods with a JSON body (a null query argument is not sent at all).
// Nulls inside lists do not occur in the recordings.
func nullOptions(t *testing.T, gc *goldenCase) []option.RequestOption {
	if len(gc.Request.BodyJSON) == 0 || string(gc.Request.BodyJSON) == "null" {
		return nil
	}
	var opts []option.RequestOption
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case nil:
			opts = append(opts, option.WithBodyField(prefix, nil))
		case map[string]any:
			for k, x := range v {
				walk(prefix+"."+k, x)
			}
		}
	}
	for k, raw := range gc.Args {
		var v any
		require.NoError(t, json.Unmarshal(raw, &v))
		walk(k, v)
	}
	return opts
}

// replay answers with the recorded response, or a minimal stream.
func replay(w http.ResponseWriter, gc *goldenCase, ep endpoint) {
	if ep.Streaming {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: [DONE]\n\n")
		return
	}
	ct := gc.Response.ContentType
	if ct == "" {
		ct = "application/json"
	}
	w.Header().Set("Content-Type", ct)
	status := gc.Response.Status
	if status == 0 {
		status = 200
	}
	w.WriteHeader(status)
	if len(gc.Response.BodyJSON) > 0 && status != http.StatusNoContent {
		w.Write(gc.Response.BodyJSON)
	}
}

// compareRequest checks the captured request against the recording and
// returns the deliberate differences it allowed.
func compareRequest(t *testing.T, gc *goldenCase, ep endpoint, got captured) []string {
	var diffs []string
	want := gc.Request
	assert.Equal(t, want.Method, got.method, "method")

	// Path: segment by segment after decoding; quirk cases get our escaping.
	wantPath := want.Path
	if gc.PythonQuirk {
		wantPath = "/" + expandEscaped(t, gc, ep)
		diffs = append(diffs, "path parameter escaped (python_quirk)")
		assert.Equal(t, wantPath, got.rawPath, "escaped path")
	}
	assert.Equal(t, decodeSegments(t, wantPath), decodeSegments(t, got.rawPath), "path")

	// Query: a multiset of decoded pairs. A quirk case moved part of the
	// path into the query; ours keeps it in the path.
	wantQuery := want.QueryParams
	if gc.PythonQuirk {
		wantQuery = quirkQuery(gc)
	}
	gotValues, err := url.ParseQuery(got.rawQuery)
	require.NoError(t, err)
	assert.Equal(t, pairs(wantQuery), flatten(gotValues), "query")

	// Headers.
	assert.Equal(t, "Bearer sk-test-123", got.header.Get("Authorization"))
	assert.True(t, strings.HasPrefix(got.header.Get("User-Agent"), "letta-go/"), "User-Agent")

	// Body.
	jsonBody := ep.Body != nil && ep.Body.ContentType == "application/json"
	switch {
	case len(want.BodyMultipart) > 0:
		assert.Equal(t, want.BodyMultipart, parseMultipart(t, got), "multipart")
	case len(want.BodyJSON) > 0 && string(want.BodyJSON) != "null":
		assert.Equal(t, "application/json", mediaType(got.header), "content type")
		wantBody := withDiscriminators(t, want.BodyJSON, gc, &diffs)
		assert.JSONEq(t, wantBody, string(got.body), "body")
	case jsonBody:
		require.NotNil(t, want.BodyRaw)
		assert.Equal(t, "", *want.BodyRaw)
		assert.JSONEq(t, `{}`, string(got.body), "an empty JSON body is sent as {}")
		assert.Equal(t, "application/json", mediaType(got.header))
		diffs = append(diffs, "empty JSON body sent as {} (the reference sends none)")
	default:
		assert.Empty(t, got.body, "no body")
	}
	return diffs
}

// expandEscaped builds the path from the endpoint template with each
// parameter escaped as one segment.
func expandEscaped(t *testing.T, gc *goldenCase, ep endpoint) string {
	p := ep.Path
	for _, name := range ep.PathParams {
		var v string
		require.NoError(t, json.Unmarshal(gc.Args[name], &v))
		p = strings.Replace(p, "{"+name+"}", url.PathEscape(v), 1)
	}
	return p
}

// quirkQuery is the query the Go SDK sends for a python_quirk case: the
// case's own query arguments only.
func quirkQuery(gc *goldenCase) [][2]string {
	var out [][2]string
	for _, kv := range gc.Request.QueryParams {
		if _, isArg := gc.Args[kv[0]]; isArg {
			out = append(out, kv)
		}
	}
	return out
}

// withDiscriminators adds "type" to tool rules and "field" to search items
// that the reference client sent without one.
func withDiscriminators(t *testing.T, body json.RawMessage, gc *goldenCase, diffs *[]string) string {
	var obj map[string]any
	require.NoError(t, json.Unmarshal(body, &obj))
	changed := false
	for path, class := range gc.ArgTypes {
		d, ok := discriminators[class]
		if !ok {
			continue
		}
		if m, ok := lookup(obj, path).(map[string]any); ok && m[d[0]] == nil {
			m[d[0]] = d[1]
			changed = true
		}
	}
	if changed {
		*diffs = append(*diffs, "tool-rule type always sent")
	}
	out, err := json.Marshal(obj)
	require.NoError(t, err)
	return string(out)
}

func decodeSegments(t *testing.T, raw string) []string {
	segs := strings.Split(raw, "/")
	for i, s := range segs {
		d, err := url.PathUnescape(s)
		require.NoError(t, err)
		segs[i] = d
	}
	return segs
}

func pairs(list [][2]string) []string {
	out := []string{}
	for _, kv := range list {
		out = append(out, kv[0]+"="+kv[1])
	}
	sort.Strings(out)
	return out
}

func flatten(v url.Values) []string {
	out := []string{}
	for k, vs := range v {
		for _, x := range vs {
			out = append(out, k+"="+x)
		}
	}
	sort.Strings(out)
	return out
}

func mediaType(h http.Header) string {
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	return mt
}

func parseMultipart(t *testing.T, got captured) []goldenPart {
	mt, params, err := mime.ParseMediaType(got.header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/form-data", mt)
	r := multipart.NewReader(bytes.NewReader(got.body), params["boundary"])
	var parts []goldenPart
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return parts
		}
		require.NoError(t, err)
		content, err := io.ReadAll(p)
		require.NoError(t, err)
		parts = append(parts, goldenPart{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(content)})
	}
}
