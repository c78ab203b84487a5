package core

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"path/filepath"
	"strings"
)

// attach sets req's body to a multipart/form-data body with the file as
// its one part. The body is the part's header, then the reader itself,
// then the closing boundary (an io.MultiReader), so the content is never
// copied into memory and no goroutine is involved. When the reader knows
// its length (a *bytes.Reader, *strings.Reader or *bytes.Buffer), the
// request carries a Content-Length; otherwise it is chunked.
func (f *File) attach(req *http.Request) error {
	head, tail, contentType, err := f.frame()
	if err != nil {
		return err
	}
	newBody := func() (io.ReadCloser, error) {
		if s, ok := f.Reader.(io.Seeker); ok {
			if err := f.rewind(s); err != nil {
				return nil, fmt.Errorf("letta: rewinding upload: %w", err)
			}
		}
		return io.NopCloser(io.MultiReader(bytes.NewReader(head), f.Reader, bytes.NewReader(tail))), nil
	}
	body, err := newBody()
	if err != nil {
		return err
	}
	req.Body = body
	req.ContentLength = -1
	if l, ok := f.Reader.(interface{ Len() int }); ok {
		req.ContentLength = int64(len(head) + l.Len() + len(tail))
	}
	req.Header.Set("Content-Type", contentType)
	if _, ok := f.Reader.(io.Seeker); ok {
		req.GetBody = newBody // for 307/308 redirects
	}
	return nil
}

// frame returns the bytes before and after the content, and the
// request's Content-Type with the boundary.
func (f *File) frame() (head, tail []byte, contentType string, err error) {
	filename := f.Filename
	if filename == "" {
		filename = "upload"
	}
	partType := f.ContentType
	if partType == "" {
		// As the reference client guesses: the media type alone, no charset.
		partType, _, _ = mime.ParseMediaType(mime.TypeByExtension(filepath.Ext(filename)))
	}
	if partType == "" {
		partType = "application/octet-stream"
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := make(textproto.MIMEHeader, 2)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, escapeQuotes(f.Field), escapeQuotes(filename)))
	h.Set("Content-Type", partType)
	if _, err := mw.CreatePart(h); err != nil {
		return nil, nil, "", err
	}
	head = bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := mw.Close(); err != nil {
		return nil, nil, "", err
	}
	return head, buf.Bytes(), mw.FormDataContentType(), nil
}

// rewind seeks the reader back to where it stood when the file was first
// sent, so every attempt sends the same bytes.
func (f *File) rewind(s io.Seeker) error {
	if f.start == nil {
		pos, err := s.Seek(0, io.SeekCurrent)
		if err != nil {
			return err
		}
		f.start = &pos
		return nil
	}
	_, err := s.Seek(*f.start, io.SeekStart)
	return err
}

// quoteEscaper escapes a quoted header parameter as mime/multipart does,
// keeping non-ASCII bytes raw as the reference client sends them.
var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A")

func escapeQuotes(s string) string { return quoteEscaper.Replace(s) }
