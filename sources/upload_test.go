package sources_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/types"
)

const jobJSON = `{"id":"job-1","status":"created","metadata":{"type":"embedding","filename":"f","source_id":"source-1"}}`

// uploadServer records the raw body and Content-Type of each upload and
// answers with a job (or with status for the first `fail` attempts).
type uploadServer struct {
	mu     sync.Mutex
	bodies [][]byte
	ctypes []string
	lens   []int64
}

func (s *uploadServer) start(t *testing.T, fail int, status int) *sources.Client {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "POST", r.Method)
		assert.Equal(t, "/v1/sources/source-1/upload", r.URL.EscapedPath())
		body, err := io.ReadAll(r.Body)
		assert.NoError(t, err)
		s.mu.Lock()
		n := len(s.bodies)
		s.bodies = append(s.bodies, body)
		s.ctypes = append(s.ctypes, r.Header.Get("Content-Type"))
		s.lens = append(s.lens, r.ContentLength)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if n < fail {
			w.Header().Set("Retry-After-Ms", "1")
			w.WriteHeader(status)
			io.WriteString(w, `{"detail":"busy"}`)
			return
		}
		io.WriteString(w, jobJSON)
	}))
	t.Cleanup(srv.Close)
	return sources.NewClient(option.WithBaseURL(srv.URL))
}

func (s *uploadServer) requests() ([][]byte, []string, []int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodies, s.ctypes, s.lens
}

// wantMultipart is the exact body of a one-part upload.
func wantMultipart(boundary, filename, contentType, content string) string {
	return "--" + boundary + "\r\n" +
		`Content-Disposition: form-data; name="file"; filename="` + filename + "\"\r\n" +
		"Content-Type: " + contentType + "\r\n\r\n" +
		content + "\r\n--" + boundary + "--\r\n"
}

func boundaryOf(t *testing.T, contentType string) string {
	mt, params, err := mime.ParseMediaType(contentType)
	require.NoError(t, err)
	require.Equal(t, "multipart/form-data", mt)
	require.NotEmpty(t, params["boundary"])
	return params["boundary"]
}

func TestUploadSmallExactBytes(t *testing.T) {
	cases := []struct {
		name                  string
		params                sources.FilesUploadParams
		filename, contentType string
	}{
		{"as given", sources.FilesUploadParams{Filename: "notes.txt", ContentType: "text/plain"}, "notes.txt", "text/plain"},
		{"non-ASCII filename sent raw", sources.FilesUploadParams{Filename: "Meeting Notes ü.md", ContentType: "text/markdown"}, "Meeting Notes ü.md", "text/markdown"},
		{"quotes escaped", sources.FilesUploadParams{Filename: `a"b.pdf`, ContentType: "application/pdf"}, `a\"b.pdf`, "application/pdf"},
		{"defaults", sources.FilesUploadParams{}, "upload", "application/octet-stream"},
		{"type from the extension", sources.FilesUploadParams{Filename: "data.json"}, "data.json", "application/json"},
	}
	const content = "# Meeting\n\n- Café budget: €40\n\x00\xff binary too\r\n--not-a-boundary\r\n"
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var s uploadServer
			c := s.start(t, 0, 0)
			tc.params.File = strings.NewReader(content)
			job, err := c.Files.Upload(context.Background(), "source-1", tc.params)
			require.NoError(t, err)
			assert.Equal(t, "job-1", job.ID)
			assert.Equal(t, types.JobStatusCreated, *job.Status)
			bodies, ctypes, lens := s.requests()
			require.Len(t, bodies, 1)
			boundary := boundaryOf(t, ctypes[0])
			assert.Equal(t, wantMultipart(boundary, tc.filename, tc.contentType, content), string(bodies[0]))
			assert.Equal(t, int64(len(bodies[0])), lens[0], "a reader that knows its length gives an exact Content-Length")
		})
	}
	t.Run("a reader of unknown length is sent chunked", func(t *testing.T) {
		var s uploadServer
		c := s.start(t, 0, 0)
		_, err := c.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{File: onlyReader{strings.NewReader(content)}, Filename: "r.txt", ContentType: "text/plain"})
		require.NoError(t, err)
		bodies, ctypes, lens := s.requests()
		require.Len(t, bodies, 1)
		assert.Equal(t, wantMultipart(boundaryOf(t, ctypes[0]), "r.txt", "text/plain", content), string(bodies[0]))
		assert.Equal(t, int64(-1), lens[0], "streamed, not buffered to learn its length")
	})
}

func TestUploadWithoutFile(t *testing.T) {
	var s uploadServer
	c := s.start(t, 0, 0)
	job, err := c.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{Filename: "x.txt"})
	require.ErrorContains(t, err, "File is nil")
	assert.Nil(t, job)
	bodies, _, _ := s.requests()
	assert.Empty(t, bodies)
}

// onlyReader hides every method but Read (so the reader is not seekable).
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestUploadRetry(t *testing.T) {
	const content = "retry me"
	t.Run("a seekable file is rewound and sent again", func(t *testing.T) {
		var s uploadServer
		c := s.start(t, 1, http.StatusServiceUnavailable)
		_, err := c.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{File: bytes.NewReader([]byte(content)), Filename: "r.txt", ContentType: "text/plain"})
		require.NoError(t, err)
		bodies, ctypes, _ := s.requests()
		require.Len(t, bodies, 2)
		for i := range bodies {
			assert.Equal(t, wantMultipart(boundaryOf(t, ctypes[i]), "r.txt", "text/plain", content), string(bodies[i]))
		}
	})
	t.Run("a seekable file is sent, and resent, from where it stood", func(t *testing.T) {
		var s uploadServer
		c := s.start(t, 1, http.StatusServiceUnavailable)
		r := strings.NewReader(content)
		_, err := r.Seek(3, io.SeekStart)
		require.NoError(t, err)
		_, err = c.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{File: r, Filename: "r.txt", ContentType: "text/plain"})
		require.NoError(t, err)
		bodies, ctypes, _ := s.requests()
		require.Len(t, bodies, 2)
		for i := range bodies {
			assert.Equal(t, wantMultipart(boundaryOf(t, ctypes[i]), "r.txt", "text/plain", content[3:]), string(bodies[i]))
		}
	})
	t.Run("any other reader is sent once", func(t *testing.T) {
		var s uploadServer
		c := s.start(t, 1, http.StatusServiceUnavailable)
		_, err := c.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{File: onlyReader{strings.NewReader(content)}, Filename: "r.txt"})
		require.ErrorIs(t, err, types.ErrServer)
		bodies, _, _ := s.requests()
		assert.Len(t, bodies, 1)
	})
}

// blockSize is prime, so the pattern never lines up with a copy buffer: a
// dropped, repeated or reordered chunk changes the hash.
const blockSize = 65521

// patternReader produces size bytes: a fixed pseudo-random block, over and
// over. It holds only the block, never the content.
type patternReader struct {
	block []byte
	off   int
	left  int64
}

func newPatternReader(size int64) *patternReader {
	block := make([]byte, blockSize)
	_, _ = rand.NewChaCha8([32]byte{'l', 'e', 't', 't', 'a'}).Read(block)
	return &patternReader{block: block, left: size}
}

func (r *patternReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.block[r.off:])
		n += c
		r.off = (r.off + c) % len(r.block)
	}
	r.left -= int64(n)
	return n, nil
}

// partResult is what the streaming server found in the upload.
type partResult struct {
	formName, fileName, contentType string
	length                          int64
	sha256                          string
	parts                           int
	err                             error
}

// TestUploadLargeFileIsStreamed sends 200 MB from a generated reader and
// checks that the heap does not grow with the file, and that the server,
// which streams the part through a hash, gets every byte.
func TestUploadLargeFileIsStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("200 MB upload")
	}
	const size = 200 << 20
	h := sha256.New()
	n, err := io.Copy(h, newPatternReader(size))
	require.NoError(t, err)
	require.Equal(t, int64(size), n)
	wantHash := hex.EncodeToString(h.Sum(nil))

	results := make(chan partResult, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		results <- readParts(r)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, jobJSON)
	}))
	defer srv.Close()
	c := sources.NewClient(option.WithBaseURL(srv.URL))

	// Sample the heap while the upload runs.
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	go func() {
		defer close(sampled)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	job, err := c.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{File: newPatternReader(size), Filename: "big.bin"})
	close(done)
	<-sampled
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.Equal(t, "job-1", job.ID)

	got := <-results
	require.NoError(t, got.err)
	assert.Equal(t, "file", got.formName)
	assert.Equal(t, "big.bin", got.fileName)
	assert.Equal(t, "application/octet-stream", got.contentType)
	assert.Equal(t, int64(size), got.length)
	assert.Equal(t, wantHash, got.sha256)
	assert.Equal(t, 1, got.parts)

	const limit = 20 << 20
	peakGrowth := int64(peak.Load()) - int64(before.HeapInuse)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("200 MB upload: heap in use grew by at most %.1f MB; %.1f MB allocated in all (client and server)", float64(peakGrowth)/(1<<20), float64(allocated)/(1<<20))
	assert.Less(t, peakGrowth, int64(limit), "peak HeapInuse growth")
	assert.Less(t, int64(after.HeapInuse)-int64(before.HeapInuse), int64(limit), "HeapInuse growth")
	assert.Less(t, allocated, uint64(limit), "TotalAlloc growth")
}

// readParts streams the multipart body through a hash.
func readParts(r *http.Request) (res partResult) {
	mr, err := r.MultipartReader()
	if err != nil {
		res.err = err
		return res
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return res
		}
		if err != nil {
			res.err = err
			return res
		}
		res.parts++
		if res.parts > 1 {
			_, _ = io.Copy(io.Discard, part)
			continue
		}
		res.formName, res.fileName, res.contentType = part.FormName(), part.FileName(), part.Header.Get("Content-Type")
		h := sha256.New()
		res.length, res.err = io.Copy(h, part)
		res.sha256 = hex.EncodeToString(h.Sum(nil))
		if res.err != nil {
			return res
		}
	}
}
