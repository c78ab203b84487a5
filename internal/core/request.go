package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"

	"github.com/google/go-querystring/query"

	"github.com/letta-go/letta/internal/text"
	"github.com/letta-go/letta/types"
)

// Request describes one API call, as a resource method knows it.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is relative to the base URL, e.g. "v1/tools/{toolID}"; each
	// {name} is replaced by the next of PathParams, escaped as one path
	// segment, and names the argument in errors.
	Path string
	// PathParams are the path parameters in path order; each must be
	// non-empty.
	PathParams []string
	// Query is a struct with `url` tags (go-querystring), url.Values, or
	// nil.
	Query any
	// Body is JSON-encoded as the request body when non-nil.
	Body any
	// File, when set, is sent as a multipart/form-data body.
	File *File
}

// File is one multipart file part.
type File struct {
	// Field is the form field name.
	Field string
	// Filename is sent in the Content-Disposition header.
	Filename string
	// ContentType is the part's Content-Type.
	ContentType string
	// Reader supplies the content; it is streamed, never read into memory.
	// A reader that is also an io.Seeker is rewound to where it first
	// stood when the request is retried; any other reader is sent once.
	Reader io.Reader

	start *int64 // the Seeker's offset at the first attempt
}

var errTooManyRedirects = errors.New("letta: stopped after 10 redirects")

// prepared is a request built once per call and re-sent on each attempt.
type prepared struct {
	cfg    *Config
	method string
	url    *url.URL
	header http.Header // shared: cloned only where it may be changed
	body   []byte      // JSON body, nil when there is none
	file   *File
	first  exchange // the first attempt
}

// redactedURL is the URL for messages, without a password.
func (p *prepared) redactedURL() string { return p.url.Redacted() }

// prepare builds the URL, headers and body of r under cfg.
func prepare(cfg *Config, r *Request, accept string) (*prepared, error) {
	if cfg.Err != nil {
		return nil, cfg.Err
	}
	path, err := expandPath(r.Path, r.PathParams)
	if err != nil {
		return nil, err
	}
	u, err := joinURL(cfg.BaseURL, path)
	if err != nil {
		return nil, err
	}
	if r.Query != nil || len(cfg.Query) > 0 {
		q, err := encodeQuery(u, r.Query)
		if err != nil {
			return nil, err
		}
		for k, vs := range cfg.Query {
			q[k] = vs
		}
		u.RawQuery = q.Encode()
	}
	p := &prepared{cfg: cfg, method: r.Method, url: u, file: r.File}
	if r.Body != nil || len(cfg.BodyFields) > 0 {
		if r.File != nil {
			return nil, errors.New("letta: WithBodyField cannot be used with a multipart upload")
		}
		if p.body, err = encodeBody(r.Body, cfg.BodyFields); err != nil {
			return nil, err
		}
	}
	p.header = cfg.headers(accept, p.body != nil)
	return p, nil
}

// The SDK's own header values, shared by every request (a header map is
// cloned before it is sent, and nothing writes to these slices).
var (
	userAgent       = []string{"letta-go/" + Version}
	acceptJSON      = []string{"application/json"}
	acceptStream    = []string{"text/event-stream"}
	fernLanguage    = []string{"Go"}
	fernSDKName     = []string{"letta-go"}
	fernSDKVersion  = []string{Version}
	contentTypeJSON = []string{"application/json"}
)

// headers returns the request headers: the SDK's own, the credentials,
// then the WithHeader ones, which win. A client's shared configuration
// builds each variant once (see seal).
func (cfg *Config) headers(accept string, jsonBody bool) http.Header {
	i := headerVariant(accept, jsonBody)
	if h := cfg.sealed[i]; h != nil {
		return h
	}
	return cfg.buildHeaders(accept, jsonBody)
}

func headerVariant(accept string, jsonBody bool) int {
	i := 0
	if accept == streamAccept {
		i = 2
	}
	if jsonBody {
		i++
	}
	return i
}

func (cfg *Config) buildHeaders(accept string, jsonBody bool) http.Header {
	h := make(http.Header, 8+len(cfg.Header))
	h["User-Agent"] = userAgent
	h["Accept"] = acceptJSON
	if accept == streamAccept {
		h["Accept"] = acceptStream
	}
	h["X-Fern-Language"] = fernLanguage
	h["X-Fern-Sdk-Name"] = fernSDKName
	h["X-Fern-Sdk-Version"] = fernSDKVersion
	if jsonBody {
		h["Content-Type"] = contentTypeJSON
	}
	if cfg.Token != "" {
		h["Authorization"] = []string{"Bearer " + cfg.Token}
	}
	if cfg.ServerPassword != "" {
		h[serverPasswordHeader] = []string{"password " + cfg.ServerPassword}
	}
	for k, vs := range cfg.Header {
		h[k] = vs
	}
	return h
}

// serverPasswordHeader carries the password of a self-hosted server
// started with one (canonical form of X-BARE-PASSWORD).
const serverPasswordHeader = "X-Bare-Password"

const streamAccept = "text/event-stream"

// encodeQuery returns the query of u (from a path that carried one) with
// the parameters of q added: url.Values as they are, a struct through its
// `url` tags.
func encodeQuery(u *url.URL, q any) (url.Values, error) {
	vals := url.Values{}
	if u.RawQuery != "" {
		vals = u.Query()
	}
	var add url.Values
	switch q := q.(type) {
	case nil:
	case url.Values:
		add = q
	default:
		var err error
		if add, err = query.Values(q); err != nil {
			return nil, fmt.Errorf("letta: encoding query: %w", err)
		}
	}
	for k, vs := range add {
		vals[k] = append(vals[k], vs...)
	}
	return vals, nil
}

// expandPath substitutes the escaped path parameters for the {name}
// placeholders of path. An empty parameter, or one that is a dot segment,
// is an error naming the SDK method and the argument: it would address a
// different resource.
func expandPath(path string, params []string) (string, error) {
	if len(params) == 0 {
		return path, nil // Execute's paths are sent as given
	}
	var b strings.Builder
	b.Grow(len(path) + 32)
	rest := path
	for i := 0; ; i++ {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			if i != len(params) {
				return "", fmt.Errorf("letta: %s: path %q has %d parameters, got %d values", caller(), path, i, len(params))
			}
			b.WriteString(rest)
			return b.String(), nil
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 || i >= len(params) {
			return "", fmt.Errorf("letta: %s: path %q does not match its %d values", caller(), path, len(params))
		}
		name := rest[open+1 : open+end]
		switch v := params[i]; v {
		case "":
			return "", fmt.Errorf("letta: %s: %s is empty: %w", caller(), name, types.ErrEmptyPathParam)
		case ".", "..":
			return "", fmt.Errorf("letta: %s: %s is %q, which is not a valid id", caller(), name, v)
		default:
			b.WriteString(rest[:open])
			b.WriteString(url.PathEscape(v))
		}
		rest = rest[open+end+1:]
	}
}

// caller names the SDK method being called, for errors found before
// anything is sent: the first function on the stack outside this package,
// as "agents.Client.Retrieve".
func caller() string {
	var pcs [16]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs[:])])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, corePackage) {
			return shortFuncName(f.Function)
		}
		if !more {
			return "letta"
		}
	}
}

const corePackage = "github.com/letta-go/letta/internal/core."

// shortFuncName turns "github.com/letta-go/letta/agents.(*Client).ListIter.func1"
// into "agents.Client.ListIter".
func shortFuncName(fn string) string {
	fn = fn[strings.LastIndexByte(fn, '/')+1:]
	fn = strings.NewReplacer("(*", "", ")", "").Replace(fn)
	parts := strings.Split(fn, ".")
	for len(parts) > 2 && !isExportedName(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1] // func1, gowrap1, …
	}
	return strings.Join(parts, ".")
}

func isExportedName(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// joinURL appends path to the base URL, keeping any path prefix of the base
// and never doubling the slash between them.
func joinURL(base, path string) (*url.URL, error) {
	base = strings.TrimRight(base, "/")
	path = strings.TrimLeft(path, "/")
	if strings.HasSuffix(base, "/v1") && strings.HasPrefix(path, "v1/") {
		base = base[:len(base)-len("/v1")] // the paths start with v1/ already
	}
	u, err := url.Parse(base + "/" + path)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		if err := CheckBaseURL(base); err != nil {
			return nil, fmt.Errorf("letta: %w", err)
		}
		return nil, fmt.Errorf("letta: invalid path %q: %v", path, err)
	}
	return u, nil
}

// CheckBaseURL says exactly what is wrong with a base URL, quoting it as
// given (with any password hidden), or returns nil.
func CheckBaseURL(base string) error {
	fail := func(why string) error {
		return fmt.Errorf("invalid base URL %q: %s", redactURL(base), why)
	}
	if base == "" {
		return fail(`it is empty; want e.g. "http://localhost:8283"`)
	}
	u, err := url.Parse(base)
	switch {
	case err != nil:
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fail(err.Error())
	case u.Scheme == "":
		return fail(fmt.Sprintf(`no scheme; want "http://" or "https://", e.g. "http://%s"`, strings.TrimLeft(base, "/")))
	case u.Scheme != "http" && u.Scheme != "https":
		if u.Opaque != "" { // "localhost:8283" parses as scheme "localhost"
			return fail(fmt.Sprintf(`no scheme; want "http://" or "https://", e.g. "http://%s"`, base))
		}
		return fail(fmt.Sprintf("scheme %q is not http or https", u.Scheme))
	case u.Host == "":
		return fail("no host")
	case u.RawQuery != "" || u.Fragment != "":
		return fail("a base URL has no query or fragment")
	}
	return nil
}

// redactURL returns a URL as given, with its password, if any, replaced
// by "xxxxx"; text that is not a URL is returned as it is.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	if _, ok := u.User.Password(); !ok {
		return s
	}
	return u.Redacted()
}

// encodeBody marshals the body and applies the WithBodyField patches.
func encodeBody(body any, fields []BodyField) ([]byte, error) {
	if body == nil {
		body = struct{}{}
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("letta: encoding request body: %w", err)
	}
	if len(fields) == 0 {
		return data, nil
	}
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, fmt.Errorf("letta: WithBodyField needs a JSON object body, got %s", text.Snippet(data))
	}
	for _, f := range fields {
		if err := setPath(obj, f.Path, f.Value); err != nil {
			return nil, err
		}
	}
	return json.Marshal(obj)
}

// setPath sets a dotted key path in a JSON object, creating the objects on
// the way.
func setPath(obj map[string]any, path string, value any) error {
	keys := splitPath(path)
	for _, k := range keys[:len(keys)-1] {
		switch next := obj[k].(type) {
		case map[string]any:
			obj = next
		case nil:
			m := map[string]any{}
			obj[k] = m
			obj = m
		default:
			return fmt.Errorf("letta: WithBodyField(%q): %q is not an object", path, k)
		}
	}
	obj[keys[len(keys)-1]] = value
	return nil
}

// splitPath splits a WithBodyField path at its dots. A backslash makes the
// character after it part of the key: `a\.b` is the one key "a.b", and a
// doubled backslash is one backslash.
func splitPath(path string) []string {
	if !strings.ContainsRune(path, '\\') {
		return strings.Split(path, ".")
	}
	var keys []string
	var key strings.Builder
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c == '\\' && i+1 < len(path):
			i++
			key.WriteByte(path[i])
		case c == '.':
			keys = append(keys, key.String())
			key.Reset()
		default:
			key.WriteByte(c)
		}
	}
	return append(keys, key.String())
}

// replayable reports whether the request body can be sent again.
func (p *prepared) replayable() bool {
	if p.file == nil {
		return true
	}
	_, ok := p.file.Reader.(io.Seeker)
	return ok
}
