package core

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/google/go-querystring/query"

	"github.com/letta-go/letta/types"
)

// Request describes one API call, as a resource method knows it.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is relative to the base URL, e.g. "v1/tools/%s"; each %s is
	// replaced by the next of PathParams, escaped as one path segment.
	Path string
	// PathParams are the path parameters in path order; each must be
	// non-empty.
	PathParams []string
	// Query is a struct with `url` tags (go-querystring), or nil.
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
	method      string
	url         *url.URL
	header      http.Header
	body        []byte // JSON body, nil when there is none
	file        *File
	token       string
	redactedURL string
}

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
		q := url.Values{}
		if r.Query != nil {
			if q, err = query.Values(r.Query); err != nil {
				return nil, fmt.Errorf("letta: encoding query: %w", err)
			}
		}
		for k, vs := range cfg.Query {
			q[k] = vs
		}
		u.RawQuery = q.Encode()
	}
	p := &prepared{method: r.Method, url: u, file: r.File, token: cfg.Token, redactedURL: u.Redacted()}
	if r.Body != nil || len(cfg.BodyFields) > 0 {
		if r.File != nil {
			return nil, errors.New("letta: WithBodyField cannot be used with a multipart upload")
		}
		if p.body, err = encodeBody(r.Body, cfg.BodyFields); err != nil {
			return nil, err
		}
	}
	h := make(http.Header, 8+len(cfg.Header))
	h["User-Agent"] = []string{"letta-go/" + Version}
	h["Accept"] = []string{accept}
	h["X-Fern-Language"] = []string{"Go"}
	h["X-Fern-Sdk-Name"] = []string{"letta-go"}
	h["X-Fern-Sdk-Version"] = []string{Version}
	if p.body != nil {
		h["Content-Type"] = []string{"application/json"}
	}
	if cfg.Token != "" {
		h["Authorization"] = []string{"Bearer " + cfg.Token}
	}
	for k, vs := range cfg.Header {
		h[k] = vs
	}
	p.header = h
	return p, nil
}

// expandPath substitutes the escaped path parameters into the path. An empty
// parameter, or one that is a dot segment, is an error: it would address a
// different resource.
func expandPath(path string, params []string) (string, error) {
	if len(params) == 0 {
		return path, nil
	}
	args := make([]any, len(params))
	for i, p := range params {
		switch p {
		case "":
			return "", fmt.Errorf("letta: %s: path parameter %d is empty: %w", strings.ReplaceAll(path, "%s", "{}"), i+1, types.ErrEmptyPathParam)
		case ".", "..":
			return "", fmt.Errorf("letta: %s: path parameter %d is %q, which is not a valid id", strings.ReplaceAll(path, "%s", "{}"), i+1, p)
		}
		args[i] = url.PathEscape(p)
	}
	return fmt.Sprintf(path, args...), nil
}

// joinURL appends path to the base URL, keeping any path prefix of the base
// and never doubling the slash between them.
func joinURL(base, path string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(base, "/") + "/" + path)
	if err != nil {
		return nil, fmt.Errorf("letta: invalid base URL %q: %w", redactURLString(base), err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("letta: invalid base URL %q: want http:// or https:// and a host", redactURLString(base))
	}
	return u, nil
}

func redactURLString(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return "<unparsable>"
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
		return nil, fmt.Errorf("letta: WithBodyField needs a JSON object body, got %s", types.Snippet(data))
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
	keys := strings.Split(path, ".")
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

// newHTTPRequest builds the attempt's *http.Request with a fresh body.
func (p *prepared) newHTTPRequest(ctx context.Context) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, p.method, p.url.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("letta: building request: %w", err)
	}
	req.Header = p.header.Clone()
	switch {
	case p.body != nil:
		body := p.body
		req.ContentLength = int64(len(body))
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	case p.file != nil:
		if err := p.file.attach(req); err != nil {
			return nil, err
		}
	}
	return req, nil
}

// replayable reports whether the request body can be sent again.
func (p *prepared) replayable() bool {
	if p.file == nil {
		return true
	}
	_, ok := p.file.Reader.(io.Seeker)
	return ok
}
