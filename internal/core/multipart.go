package core

import (
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"path/filepath"
	"strings"
)

// attach sets req's body to a multipart/form-data stream of the file. The
// content is copied through an io.Pipe as the transport reads it, so a file
// of any size costs only the copy buffer.
func (f *File) attach(req *http.Request) error {
	boundary := multipart.NewWriter(nil).Boundary()
	newBody := func() (io.ReadCloser, error) {
		if s, ok := f.Reader.(io.Seeker); ok {
			if err := f.rewind(s); err != nil {
				return nil, fmt.Errorf("letta: rewinding upload: %w", err)
			}
		}
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		if err := mw.SetBoundary(boundary); err != nil {
			return nil, err
		}
		go func() { pw.CloseWithError(f.write(mw)) }()
		return pr, nil
	}
	body, err := newBody()
	if err != nil {
		return err
	}
	req.Body = body
	req.ContentLength = -1
	req.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
	if _, ok := f.Reader.(io.Seeker); ok {
		req.GetBody = newBody // for 307/308 redirects
	}
	return nil
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

// write streams the one part and the closing boundary.
func (f *File) write(mw *multipart.Writer) error {
	filename := f.Filename
	if filename == "" {
		filename = "upload"
	}
	contentType := f.ContentType
	if contentType == "" {
		// As the reference client guesses: the media type alone, no charset.
		contentType, _, _ = mime.ParseMediaType(mime.TypeByExtension(filepath.Ext(filename)))
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	h := make(textproto.MIMEHeader, 2)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, escapeQuotes(f.Field), escapeQuotes(filename)))
	h.Set("Content-Type", contentType)
	part, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	if _, err := io.Copy(part, f.Reader); err != nil {
		return fmt.Errorf("letta: reading upload: %w", err)
	}
	return mw.Close()
}

// quoteEscaper escapes a quoted header parameter as mime/multipart does,
// keeping non-ASCII bytes raw as the reference client sends them.
var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A")

func escapeQuotes(s string) string { return quoteEscaper.Replace(s) }
