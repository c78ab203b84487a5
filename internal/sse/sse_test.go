package sse

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeAll reads every payload until the first error.
func decodeAll(t testing.TB, r io.Reader, opts Options) ([]string, error) {
	t.Helper()
	d := NewDecoder(r, opts)
	var out []string
	for i := 0; ; i++ {
		if i > 1<<20 {
			t.Fatal("decoder does not end")
		}
		p, err := d.Next()
		if err != nil {
			// The error is sticky.
			p2, err2 := d.Next()
			if p2 != nil || err2 != err {
				t.Fatalf("second call after the end: %q, %v (first %v)", p2, err2, err)
			}
			return out, err
		}
		out = append(out, string(p))
	}
}

// reference is a direct transcription of the HTML standard's event-stream
// interpretation for a complete body: it returns the data of every
// dispatched event, and whether the body ended inside an event (a line
// without its terminator, or data not yet dispatched).
func reference(body []byte) (events []string, cut bool) {
	body = bytes.TrimPrefix(body, bom)
	var data strings.Builder
	hasData := false
	for len(body) > 0 {
		i := bytes.IndexAny(body, "\r\n")
		if i < 0 {
			return events, true // an unterminated line is discarded
		}
		line := string(body[:i])
		if body[i] == '\r' && i+1 < len(body) && body[i+1] == '\n' {
			i++
		}
		body = body[i+1:]
		switch {
		case line == "":
			if hasData {
				events = append(events, data.String())
			}
			data.Reset()
			hasData = false
		case line[0] == ':':
		default:
			field, value, found := strings.Cut(line, ":")
			if found {
				value = strings.TrimPrefix(value, " ")
			}
			if field == "data" {
				if hasData {
					data.WriteByte('\n')
				}
				data.WriteString(value)
				hasData = true
			}
		}
	}
	return events, hasData
}

// chunked delivers data in pieces of the given sizes, cycling.
type chunked struct {
	data  []byte
	sizes []int
	i     int
}

func (c *chunked) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := 1
	if len(c.sizes) > 0 {
		n = c.sizes[c.i%len(c.sizes)]
		c.i++
	}
	n = max(1, min(n, len(p), len(c.data)))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

type streamFixture struct {
	ID             string            `json:"id"`
	ExpectedEvents []json.RawMessage `json:"expected_events"`
}

func loadTranscripts(t *testing.T) map[string]streamFixture {
	files, err := filepath.Glob("../../testdata/streams/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]streamFixture{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var fx streamFixture
		require.NoError(t, json.Unmarshal(raw, &fx))
		out[strings.TrimSuffix(f, ".json")+".sse"] = fx
	}
	return out
}

// TestTranscripts decodes every recorded stream, delivered whole, one byte
// at a time and with CRLF or CR line endings, into exactly the payloads of
// its expected events ("[DONE]" included), then a clean io.EOF.
func TestTranscripts(t *testing.T) {
	for file, fx := range loadTranscripts(t) {
		body, err := os.ReadFile(file)
		require.NoError(t, err)
		variants := map[string]func() io.Reader{
			"whole":    func() io.Reader { return bytes.NewReader(body) },
			"one-byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(body)) },
			"crlf": func() io.Reader {
				return iotest.HalfReader(bytes.NewReader(bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n"))))
			},
			"cr-one-byte": func() io.Reader {
				return iotest.OneByteReader(bytes.NewReader(bytes.ReplaceAll(body, []byte("\n"), []byte("\r"))))
			},
			"bom": func() io.Reader { return bytes.NewReader(append(append([]byte{}, bom...), body...)) },
		}
		for name, mk := range variants {
			t.Run(fx.ID+"/"+name, func(t *testing.T) {
				got, err := decodeAll(t, mk(), Options{})
				assert.Equal(t, io.EOF, err)
				require.Len(t, got, len(fx.ExpectedEvents))
				for i, want := range fx.ExpectedEvents {
					if want[0] == '"' {
						var marker string
						require.NoError(t, json.Unmarshal(want, &marker))
						assert.Equal(t, marker, got[i], "event %d", i)
						continue
					}
					assert.JSONEq(t, string(want), got[i], "event %d", i)
				}
			})
		}
	}
}

func TestFieldParsing(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
		err        error
	}{
		{"simple", "data: a\n\n", []string{"a"}, io.EOF},
		{"no space", "data:a\n\n", []string{"a"}, io.EOF},
		{"one space stripped", "data:  a \n\n", []string{" a "}, io.EOF},
		{"multi-line data", "data: a\ndata: b\ndata\n\n", []string{"a\nb\n"}, io.EOF},
		{"empty data", "data\n\ndata:\n\n", []string{"", ""}, io.EOF},
		{"comments ignored", ": hi\ndata: a\n: there\n\n:keep-alive\n\n", []string{"a"}, io.EOF},
		{"event id retry ignored", "event: message\nid: 7\nretry: 100\ndata: a\n\nid: 8\n\n", []string{"a"}, io.EOF},
		{"unknown fields ignored", "foo: bar\ndata: a\nDATA: b\n\n", []string{"a"}, io.EOF},
		{"colon in value", "data: {\"a\":\"b:c\"}\n\n", []string{`{"a":"b:c"}`}, io.EOF},
		{"crlf", "data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n", []string{"a\nb", "c"}, io.EOF},
		{"cr", "data: a\rdata: b\r\rdata: c\r\r", []string{"a\nb", "c"}, io.EOF},
		{"mixed", "data: a\r\n\ndata: b\n\r\ndata: c\r\r\ndata: d\n\n", []string{"a", "b", "c", "d"}, io.EOF},
		{"LF then CR blank line", "data: a\n\rdata: b\n\n", []string{"a", "b"}, io.EOF},
		{"CRLF then CR blank line", "data: a\r\n\rdata: b\r\n\r\n", []string{"a", "b"}, io.EOF},
		{"bom", "\xEF\xBB\xBFdata: a\n\n", []string{"a"}, io.EOF},
		{"bom only once", "\xEF\xBB\xBFdata: a\n\n\xEF\xBB\xBFdata: b\n\n", []string{"a"}, io.EOF},
		{"leading blank lines", "\n\n\ndata: a\n\n", []string{"a"}, io.EOF},
		{"trailing blank lines", "data: a\n\n\n\n\n", []string{"a"}, io.EOF},
		{"empty body", "", nil, io.EOF},
		{"cut inside a line", "data: a\n\ndata: b", []string{"a"}, io.ErrUnexpectedEOF},
		{"cut before the blank line", "data: a\n\ndata: b\n", []string{"a"}, io.ErrUnexpectedEOF},
		{"cut before the blank line crlf", "data: a\r\n\r\ndata: b\r\n", []string{"a"}, io.ErrUnexpectedEOF},
		{"cut with only a field", "data: a\n\nid: 3\n", []string{"a"}, io.EOF},
		{"ends with LF then CR", "data: a\n\r", []string{"a"}, io.EOF},
		{"cut inside a comment", "data: a\n\n: x", []string{"a"}, io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, sizes := range [][]int{nil, {1000}, {3, 1, 7}} {
				var r io.Reader = &chunked{data: []byte(tt.body), sizes: sizes}
				if sizes == nil {
					r = iotest.OneByteReader(strings.NewReader(tt.body))
				}
				got, err := decodeAll(t, r, Options{})
				assert.Equal(t, tt.want, got, "chunks %v", sizes)
				assert.Equal(t, tt.err, err, "chunks %v", sizes)
				ref, cut := reference([]byte(tt.body))
				assert.Equal(t, tt.want, ref, "reference parser")
				assert.Equal(t, tt.err == io.ErrUnexpectedEOF, cut, "reference parser")
			}
		})
	}
}

// failingReader returns data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestReadErrors(t *testing.T) {
	boom := errors.New("connection reset")
	got, err := decodeAll(t, &failingReader{data: []byte("data: a\n\ndata: b\n\ndata: c"), err: boom}, Options{})
	assert.Equal(t, []string{"a", "b"}, got)
	assert.ErrorIs(t, err, boom)

	// r3labs reports a read error equal to context.Canceled as io.EOF; the
	// decoder reports the read error.
	got, err = decodeAll(t, &failingReader{data: []byte("data: a\n\n"), err: context.Canceled}, Options{})
	assert.Equal(t, []string{"a"}, got)
	assert.ErrorIs(t, err, context.Canceled)
	got, err = decodeAll(t, &failingReader{data: []byte("data: a\n\ndata: b"), err: context.Canceled}, Options{})
	assert.Equal(t, []string{"a"}, got)
	assert.ErrorIs(t, err, context.Canceled)
}

// blockingReader returns its data, then blocks until ctx is done, as an
// HTTP body does when the server goes silent, and fails as the transport
// does when the request's context is cancelled.
type blockingReader struct {
	ctx   context.Context
	data  chan []byte
	held  []byte
	reads int
}

func (b *blockingReader) Read(p []byte) (int, error) {
	b.reads++
	for len(b.held) == 0 {
		select {
		case d, ok := <-b.data:
			if !ok {
				return 0, io.EOF
			}
			b.held = d
		case <-b.ctx.Done():
			return 0, context.Canceled // read as a clean EOF by r3labs
		}
	}
	n := copy(p, b.held)
	b.held = b.held[n:]
	return n, nil
}

func TestContextEndsTheStream(t *testing.T) {
	t.Run("caller cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		body := &blockingReader{ctx: ctx, data: make(chan []byte, 1)}
		body.data <- []byte("data: a\n\ndata: b\n\n")
		d := NewDecoder(body, Options{Ctx: ctx, Cancel: cancel})
		p, err := d.Next()
		require.NoError(t, err)
		assert.Equal(t, "a", string(p))
		cancel(nil)
		// b is buffered, but a cancelled stream ends at once.
		_, err = d.Next()
		assert.ErrorIs(t, err, context.Canceled)
		assert.NotErrorIs(t, err, io.EOF)
	})
	t.Run("cancel while blocked", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		body := &blockingReader{ctx: ctx, data: make(chan []byte)}
		d := NewDecoder(body, Options{Ctx: ctx, Cancel: cancel})
		time.AfterFunc(20*time.Millisecond, func() { cancel(nil) })
		_, err := d.Next()
		assert.ErrorIs(t, err, context.Canceled)
	})
	t.Run("cause kept", func(t *testing.T) {
		why := errors.New("shutting down")
		ctx, cancel := context.WithCancelCause(context.Background())
		body := &blockingReader{ctx: ctx, data: make(chan []byte)}
		d := NewDecoder(body, Options{Ctx: ctx, Cancel: cancel})
		cancel(why)
		_, err := d.Next()
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, err, why)
	})
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		body := &blockingReader{ctx: ctx, data: make(chan []byte)}
		_, err := decodeAll(t, body, Options{Ctx: ctx})
		assert.ErrorIs(t, err, context.DeadlineExceeded)
	})
	t.Run("closed", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		body := &blockingReader{ctx: ctx, data: make(chan []byte)}
		d := NewDecoder(body, Options{Ctx: ctx, Cancel: cancel})
		cancel(ErrClosed)
		_, err := d.Next()
		assert.Equal(t, ErrClosed, err)
	})
}

func TestIdleTimeout(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	body := &blockingReader{ctx: ctx, data: make(chan []byte, 1)}
	body.data <- []byte("data: a\n\n")
	d := NewDecoder(body, Options{Ctx: ctx, Cancel: cancel, IdleTimeout: 50 * time.Millisecond})
	p, err := d.Next()
	require.NoError(t, err)
	assert.Equal(t, "a", string(p))
	start := time.Now()
	_, err = d.Next()
	assert.Less(t, time.Since(start), 2*time.Second)
	var idle *IdleError
	require.ErrorAs(t, err, &idle)
	assert.Equal(t, 50*time.Millisecond, idle.Timeout)
	assert.ErrorIs(t, err, ErrIdle)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, "stream idle for 50ms", err.Error())
}

// Time the caller spends between calls is not idle time: only waiting
// for the body counts.
// TestIdleTimeoutCountsOnlyReads runs in a synctest bubble: time only moves
// when every goroutine of the test is blocked, so the sleeps below are exact
// and the result does not depend on how loaded the machine is.
func TestIdleTimeoutCountsOnlyReads(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		defer cancel(nil)
		body := &blockingReader{ctx: ctx, data: make(chan []byte, 3)}
		body.data <- []byte("data: a\n\ndata: b\n\n")
		d := NewDecoder(body, Options{Ctx: ctx, Cancel: cancel, IdleTimeout: 30 * time.Millisecond})
		defer d.Stop()
		_, err := d.Next()
		require.NoError(t, err)
		time.Sleep(100 * time.Millisecond) // a slow consumer
		p, err := d.Next()
		require.NoError(t, err)
		assert.Equal(t, "b", string(p))
		// A body that keeps sending, slower than the timeout in total but
		// faster between bytes, is not idle.
		go func() {
			for _, c := range []byte("data: c\n\n") {
				time.Sleep(10 * time.Millisecond)
				body.data <- []byte{c}
			}
			close(body.data)
		}()
		p, err = d.Next()
		require.NoError(t, err)
		assert.Equal(t, "c", string(p))
		_, err = d.Next()
		assert.Equal(t, io.EOF, err)
	})
}

func TestEventTooLarge(t *testing.T) {
	const limit = 1024
	fits := "data: " + strings.Repeat("x", limit-6)
	got, err := decodeAll(t, iotest.HalfReader(strings.NewReader(fits+"\r\n\r\n"+fits+"\n\n")), Options{MaxEventSize: limit})
	assert.Equal(t, io.EOF, err)
	assert.Len(t, got, 2)

	big := "data: " + strings.Repeat("x", limit)
	got, err = decodeAll(t, strings.NewReader("data: a\n\n"+big+"\n\ndata: b\n\n"), Options{MaxEventSize: limit})
	assert.Equal(t, []string{"a"}, got)
	var tooLarge *EventTooLargeError
	require.ErrorAs(t, err, &tooLarge)
	assert.ErrorIs(t, err, bufio.ErrTooLong)
	assert.Equal(t, "stream event larger than 1 KiB", err.Error())
	assert.Equal(t, "stream event larger than 16 MiB", (&EventTooLargeError{Limit: DefaultMaxEventSize}).Error())
}

// A large event arriving in small reads: the framer rescans its buffer on
// every read, so this measures that the cost stays reasonable at the sizes
// a stream carries.
func TestLargeEventInSmallReads(t *testing.T) {
	payload := `{"message_type":"tool_return_message","tool_return":"` + strings.Repeat("y", 4<<20) + `"}`
	body := "data: " + payload + "\n\ndata: [DONE]\n\n"
	start := time.Now()
	got, err := decodeAll(t, &chunked{data: []byte(body), sizes: []int{16 << 10}}, Options{})
	assert.Equal(t, io.EOF, err)
	require.Len(t, got, 2)
	assert.Equal(t, payload, got[0])
	t.Logf("4 MiB event in 16 KiB reads: %v", time.Since(start))
}
