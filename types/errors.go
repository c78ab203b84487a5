package types

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/letta-go/letta/internal/text"
)

// Sentinel errors matched by [APIError] through errors.Is, so callers can
// branch on the kind of failure without comparing status codes:
//
//	if errors.Is(err, types.ErrNotFound) { … }
var (
	// ErrNotFound matches a 404 response: the id or name does not exist.
	ErrNotFound = errors.New("letta: not found")
	// ErrUnprocessable matches a 422 response: the server rejected the request body or query.
	ErrUnprocessable = errors.New("letta: unprocessable request")
	// ErrConflict matches a 409 response.
	ErrConflict = errors.New("letta: conflict")
	// ErrUnauthorized matches a 401 response: the token is missing or wrong.
	ErrUnauthorized = errors.New("letta: unauthorized")
	// ErrRateLimited matches a 429 response.
	ErrRateLimited = errors.New("letta: rate limited")
	// ErrServer matches any 5xx response.
	ErrServer = errors.New("letta: server error")
	// ErrEmptyPathParam is wrapped by the error a method returns, before
	// sending anything, when an id or name it puts in the path is empty.
	ErrEmptyPathParam = errors.New("an id is required")
)

// APIError is the error returned for every response with a non-2xx status.
// It keeps the raw body and, when the body is a FastAPI error, its parsed
// detail.
type APIError struct {
	// StatusCode is the HTTP status of the response.
	StatusCode int
	// Method is the HTTP method of the request.
	Method string
	// URL is the request URL, without credentials.
	URL string
	// Body is the raw response body (at most 1 MiB of it), with the
	// client's token and server password, if the server echoed them,
	// replaced by "[REDACTED]".
	Body []byte
	// Detail is FastAPI's "detail" when it is a string, or the "message" or
	// "error" text of other JSON error bodies; empty when there is none.
	Detail string
	// ValidationErrors is FastAPI's list-form "detail", sent with a 422.
	ValidationErrors []ValidationError
	// Header holds the response headers.
	Header http.Header
}

// Error describes the failed call: method, URL, status and the server's
// detail (or the start of the raw body when there is no detail).
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "letta: %s %s: %d %s", e.Method, e.URL, e.StatusCode, http.StatusText(e.StatusCode))
	switch {
	case e.Detail != "":
		b.WriteString(": ")
		b.WriteString(e.Detail)
	case len(e.ValidationErrors) > 0:
		for i, v := range e.ValidationErrors {
			if i == 0 {
				b.WriteString(": ")
			} else {
				b.WriteString("; ")
			}
			b.WriteString(v.String())
		}
	case len(e.Body) > 0:
		b.WriteString(": ")
		b.WriteString(text.Snippet(e.Body))
	}
	return b.String()
}

// Is reports whether target is the sentinel error for e's status code.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrUnprocessable:
		return e.StatusCode == http.StatusUnprocessableEntity
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	}
	return false
}

// ValidationError is one entry of FastAPI's list-form error detail, sent
// with a 422 when the request failed validation.
type ValidationError struct {
	// Loc is where the error is: string field names and int list indexes,
	// starting with "body", "query" or "path".
	Loc []any `json:"loc"`
	// Msg is the human-readable message.
	Msg string `json:"msg"`
	// Type is the machine-readable kind of the error, e.g. "missing".
	Type string `json:"type"`
}

// UnmarshalJSON decodes a validation error, reading integer locations as
// int rather than float64.
func (v *ValidationError) UnmarshalJSON(data []byte) error {
	var shape struct {
		Loc  []json.RawMessage `json:"loc"`
		Msg  string            `json:"msg"`
		Type string            `json:"type"`
	}
	if err := json.Unmarshal(data, &shape); err != nil {
		return fmt.Errorf("types: decoding ValidationError: %w", err)
	}
	v.Msg, v.Type = shape.Msg, shape.Type
	v.Loc = make([]any, 0, len(shape.Loc))
	for _, item := range shape.Loc {
		var s string
		if json.Unmarshal(item, &s) == nil {
			v.Loc = append(v.Loc, s)
			continue
		}
		n, err := strconv.Atoi(string(item))
		if err != nil {
			return fmt.Errorf("types: decoding ValidationError: loc item %s is neither a string nor an int", item)
		}
		v.Loc = append(v.Loc, n)
	}
	return nil
}

// String renders the error as "body.messages.0: field required".
func (v ValidationError) String() string {
	parts := make([]string, len(v.Loc))
	for i, l := range v.Loc {
		parts[i] = fmt.Sprint(l)
	}
	return strings.Join(parts, ".") + ": " + v.Msg
}

// HTTPValidationError is the body of a 422 response: a list of validation
// errors under "detail".
type HTTPValidationError struct {
	// Detail lists what failed validation.
	Detail []ValidationError `json:"detail,omitzero"`
}

// DecodeError is returned when a 2xx response does not carry the JSON the
// method expects (HTML from a proxy, a truncated body, a wrong shape).
type DecodeError struct {
	// StatusCode is the HTTP status of the response.
	StatusCode int
	// Method is the HTTP method of the request.
	Method string
	// URL is the request URL, without credentials.
	URL string
	// ContentType is the response's Content-Type header.
	ContentType string
	// Type names the Go type the body was decoded into.
	Type string
	// Snippet is the start of the body, for diagnosis.
	Snippet string
	// Err is the underlying decoding or reading error.
	Err error
}

// Error says what was expected and shows the start of what came.
func (e *DecodeError) Error() string {
	msg := fmt.Sprintf("letta: %s %s: %d response is not a valid %s: %v", e.Method, e.URL, e.StatusCode, e.Type, e.Err)
	if e.Snippet != "" {
		msg += fmt.Sprintf(" (content type %q, body begins %q)", e.ContentType, e.Snippet)
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// StreamError is an {"error": …} frame inside a message stream: the agent
// failed after the stream had started, so the HTTP status was already 200.
type StreamError struct {
	// Message is the server's error text, e.g. "Stream failed (internal error occured)".
	Message string `json:"error"`
	// Code is the machine-readable code, e.g. "RATE_LIMIT_EXCEEDED"; empty when the server sent none.
	Code string `json:"code,omitzero"`
	// Raw is the frame's JSON exactly as received.
	Raw json.RawMessage `json:"-"`
}

// Error returns the server's message and code.
func (e *StreamError) Error() string {
	if e.Code != "" {
		return fmt.Sprintf("letta: stream error %s: %s", e.Code, e.Message)
	}
	return "letta: stream error: " + e.Message
}

// UnmarshalJSON reads an error frame; the "error" value may be a string or
// an object with a "message" and the "code" may be null.
func (e *StreamError) UnmarshalJSON(data []byte) error {
	var frame struct {
		Error json.RawMessage `json:"error"`
		Code  json.RawMessage `json:"code"`
	}
	if err := json.Unmarshal(data, &frame); err != nil {
		return fmt.Errorf("types: decoding StreamError: %w", err)
	}
	e.Message = text.Message(frame.Error)
	e.Code = text.Message(frame.Code)
	e.Raw = append(json.RawMessage(nil), data...)
	return nil
}
