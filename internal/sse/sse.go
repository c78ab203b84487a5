// Package sse decodes a text/event-stream body into the data payloads of
// its events, as the HTML Living Standard's "Interpreting an event stream"
// describes, and turns the ways a streamed HTTP body can end into errors a
// caller can act on.
//
// Splitting the byte stream into events is delegated to r3labs/sse/v2's
// EventStreamReader, behind the small [framer] interface; the fields of
// each event are parsed here:
//
//   - lines end with CR, LF or CRLF;
//   - a line starting with ':' is a comment and is ignored;
//   - "data" lines are joined with '\n', after one leading space is
//     stripped from each value;
//   - "event", "id" and "retry" lines are parsed and ignored, as are
//     unknown fields;
//   - a leading UTF-8 byte-order mark is stripped;
//   - an event without data lines is not dispatched.
//
// The EventStreamReader has hazards that this package handles:
//
//   - it reports a cancelled read as a clean io.EOF, so every end is
//     checked against the stream's context first ([Decoder.Next] reports
//     the context's error, or the idle timeout that cancelled it);
//   - at the end of the body it returns whatever is left as one more
//     event, even without the blank line that completes an event: the
//     last event of a cut stream is dropped and reported as
//     io.ErrUnexpectedEOF;
//   - its boundary search misses a blank line written as LF+CR or
//     CRLF+CR followed by another field; the field parser here splits such
//     a merged frame into its events, so the result never depends on it;
//   - an event larger than its buffer is bufio.ErrTooLong, reported here
//     as an [EventTooLargeError].
package sse

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	r3sse "github.com/r3labs/sse/v2"
)

// DefaultMaxEventSize bounds one event (its field lines, without the
// blank line that ends it) when Options.MaxEventSize is 0: 16 MiB, far
// above any message the Letta server streams.
const DefaultMaxEventSize = 16 << 20

// framer splits an event stream into frames: each call returns the bytes
// of the next event without the blank line that ended it; at the end of the
// input, whatever is left (which may be a cut-off event, or an event whose
// blank line the framer did not recognise); then io.EOF or the read error.
// The returned slice is valid until the next call.
type framer interface {
	ReadEvent() ([]byte, error)
}

// newFramer makes the framer; r3labs/sse/v2 is the one in use. Its buffer
// must hold a whole event plus the blank line that ends it.
var newFramer = func(r io.Reader, maxEventSize int) framer {
	return r3sse.NewEventStreamReader(r, maxEventSize+4)
}

// ErrIdle is matched (errors.Is) by the error of a stream ended by
// Options.IdleTimeout.
var ErrIdle = errors.New("stream idle")

// ErrClosed is the cause with which a caller's Close cancels the stream's
// context; Next returns it once the stream was closed.
var ErrClosed = errors.New("stream closed")

// IdleError ends a stream that sent no byte for Timeout while the reader
// waited. It matches ErrIdle and context.DeadlineExceeded.
type IdleError struct {
	// Timeout is the idle limit that ran out.
	Timeout time.Duration
}

// Error says how long the stream was idle: "stream idle for 5s".
func (e *IdleError) Error() string {
	return fmt.Sprintf("stream idle for %s", e.Timeout)
}

// Is matches ErrIdle and context.DeadlineExceeded.
func (e *IdleError) Is(target error) bool {
	return target == ErrIdle || target == context.DeadlineExceeded
}

// EventTooLargeError is returned for an event longer than the decoder's
// limit; the stream cannot continue after it.
type EventTooLargeError struct {
	// Limit is the largest event allowed, in bytes.
	Limit int
}

// Error names the limit: "stream event larger than 16 MiB".
func (e *EventTooLargeError) Error() string {
	return fmt.Sprintf("stream event larger than %s", sizeString(e.Limit))
}

// Unwrap returns bufio.ErrTooLong.
func (e *EventTooLargeError) Unwrap() error { return bufio.ErrTooLong }

func sizeString(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Options configure a Decoder.
type Options struct {
	// MaxEventSize bounds one event, in bytes; 0 means
	// DefaultMaxEventSize.
	MaxEventSize int
	// Ctx is the context the body is read under. When it is done, Next
	// reports why (its error, its cause, an idle timeout, a close) instead
	// of whatever the read returned. Nil means context.Background().
	Ctx context.Context
	// Cancel cancels Ctx with a cause; the idle timer uses it. It is
	// required when IdleTimeout is set.
	Cancel context.CancelCauseFunc
	// IdleTimeout, when positive, ends the stream (with an *IdleError as
	// Ctx's cause) once a read of the body has waited that long without a
	// byte. Time the caller spends between calls to Next does not count.
	IdleTimeout time.Duration
}

// Decoder reads the data payloads of an event stream. It is not safe for
// concurrent use, except that Ctx may be cancelled at any time.
type Decoder struct {
	body   *bodyReader
	frames framer
	ctx    context.Context
	max    int

	started     bool   // the first frame (and its BOM) has been seen
	pending     []byte // a frame read ahead after the end of the body
	havePending bool
	ended       error // the final result, once known

	queue   [][]byte // payloads parsed but not yet returned
	qnext   int
	scratch []byte // holds multi-line payloads
	data    []byte // the data buffer of the event being parsed
	hasData bool
}

// NewDecoder returns a Decoder reading body under opts.
func NewDecoder(body io.Reader, opts Options) *Decoder {
	max := opts.MaxEventSize
	if max <= 0 {
		max = DefaultMaxEventSize
	}
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	b := &bodyReader{r: body}
	if opts.IdleTimeout > 0 && opts.Cancel != nil {
		idle, cancel := opts.IdleTimeout, opts.Cancel
		b.idle = idle
		b.timer = time.AfterFunc(time.Hour, func() { cancel(&IdleError{Timeout: idle}) })
		b.timer.Stop()
	}
	return &Decoder{body: b, frames: newFramer(b, max), ctx: ctx, max: max}
}

// Next returns the data of the next event that has any (possibly empty:
// "data:" alone), valid until the next call. At the end it returns:
//
//   - io.EOF when the body ended after a complete event (or was empty);
//   - io.ErrUnexpectedEOF when it ended inside an event, which is
//     dropped;
//   - an *IdleError when Options.IdleTimeout ended it;
//   - ErrClosed when Ctx was cancelled with that cause;
//   - Ctx's error (with its cause, when that differs) when Ctx ended;
//   - an *EventTooLargeError for an event above the limit;
//   - otherwise the error reading the body.
//
// Once Next has returned an error it returns the same error again.
func (d *Decoder) Next() ([]byte, error) {
	for {
		if d.ended != nil {
			return nil, d.ended
		}
		if err := d.ctx.Err(); err != nil {
			return nil, d.end(d.contextError())
		}
		if d.qnext < len(d.queue) {
			p := d.queue[d.qnext]
			d.queue[d.qnext] = nil
			d.qnext++
			return p, nil
		}
		d.queue, d.qnext, d.scratch = d.queue[:0], 0, d.scratch[:0]
		if err := d.readFrame(); err != nil {
			return nil, d.end(err)
		}
	}
}

// Stop stops the idle timer; call it when the stream is abandoned.
func (d *Decoder) Stop() {
	if d.body.timer != nil {
		d.body.timer.Stop()
	}
}

func (d *Decoder) end(err error) error {
	d.ended = err
	d.Stop()
	return err
}

// readFrame reads one frame and queues its payloads, or returns how the
// stream ended.
func (d *Decoder) readFrame() error {
	var frame []byte
	var err error
	if d.havePending {
		frame, d.havePending = d.pending, false
	} else {
		frame, err = d.frames.ReadEvent()
	}
	if err != nil {
		return d.finalError(err)
	}
	if !d.started {
		d.started = true
		frame = bytes.TrimPrefix(frame, bom)
	}
	if !d.body.done {
		d.parse(frame, false)
		return nil
	}
	// The body has ended, so everything left is buffered: read one frame
	// ahead to learn whether this one is the last, which the framer may
	// have returned without the blank line that completes an event.
	frame = bytes.Clone(frame)
	next, nerr := d.frames.ReadEvent()
	if nerr == nil {
		d.pending, d.havePending = next, true
		d.parse(frame, false)
		return nil
	}
	complete := d.body.err == io.EOF && endsWithBlankLine(d.body.tail[:d.body.ntail])
	if !complete {
		// Deliver the complete events of the frame; its unfinished tail
		// tells whether the body was cut inside an event.
		if d.parse(frame, true) {
			if d.body.err == io.EOF && d.ctx.Err() == nil {
				d.queueEnd(io.ErrUnexpectedEOF)
				return nil
			}
		}
		d.queueEnd(nerr)
		return nil
	}
	d.parse(frame, false)
	d.queueEnd(nerr)
	return nil
}

// queueEnd arranges for the stream to end with the outcome of the read
// error err once the queued payloads are returned.
func (d *Decoder) queueEnd(err error) {
	d.pending, d.havePending = nil, false
	d.frames = endedFramer{err}
}

// endedFramer replays the end of the stream.
type endedFramer struct{ err error }

func (f endedFramer) ReadEvent() ([]byte, error) { return nil, f.err }

// finalError maps the framer's final error to the result of the stream.
func (d *Decoder) finalError(err error) error {
	if d.ctx.Err() != nil {
		return d.contextError()
	}
	switch {
	case err == io.ErrUnexpectedEOF:
		return io.ErrUnexpectedEOF
	case err == io.EOF:
		if d.body.err != nil && d.body.err != io.EOF {
			// r3labs reports a read error equal to context.Canceled as
			// io.EOF; report the read error itself.
			return d.body.err
		}
		return io.EOF
	case errors.Is(err, bufio.ErrTooLong):
		return &EventTooLargeError{Limit: d.max}
	}
	return err
}

// contextError says why Ctx ended.
func (d *Decoder) contextError() error {
	cause := context.Cause(d.ctx)
	var idle *IdleError
	switch {
	case errors.As(cause, &idle):
		return idle
	case errors.Is(cause, ErrClosed):
		return ErrClosed
	}
	err := d.ctx.Err()
	if cause != nil && cause != err {
		return fmt.Errorf("%w: %w", err, cause)
	}
	return err
}

var bom = []byte("\xEF\xBB\xBF")

// endsWithBlankLine reports whether tail (the last bytes of the body) ends
// with two line terminators: the blank line that completes an event.
func endsWithBlankLine(tail []byte) bool {
	switch {
	case bytes.HasSuffix(tail, []byte("\r\n")):
		tail = tail[:len(tail)-2]
	case bytes.HasSuffix(tail, []byte("\n")), bytes.HasSuffix(tail, []byte("\r")):
		tail = tail[:len(tail)-1]
	default:
		return false
	}
	return bytes.HasSuffix(tail, []byte("\n")) || bytes.HasSuffix(tail, []byte("\r"))
}

// parse interprets the lines of one frame, queueing the data of each event
// it completes. A frame from the framer ends with an implied blank line;
// the last frame of a body that did not end with a blank line (last=true)
// does not, and parse then reports whether it left an event unfinished.
func (d *Decoder) parse(frame []byte, last bool) (unfinished bool) {
	// Fast path: one "data:" line, the only frame the Letta server sends.
	if !last && len(frame) >= 5 && string(frame[:5]) == "data:" &&
		bytes.IndexByte(frame, '\n') < 0 && bytes.IndexByte(frame, '\r') < 0 {
		v := frame[5:]
		if len(v) > 0 && v[0] == ' ' {
			v = v[1:]
		}
		d.queue = append(d.queue, v)
		return false
	}
	d.data, d.hasData = d.data[:0], false
	partial := false
	for len(frame) > 0 {
		i := bytes.IndexAny(frame, "\r\n")
		if i < 0 {
			if last {
				partial = true // a line without its terminator
				break
			}
			d.line(frame)
			break
		}
		d.line(frame[:i])
		if frame[i] == '\r' && i+1 < len(frame) && frame[i+1] == '\n' {
			i++
		}
		frame = frame[i+1:]
	}
	if !last {
		d.dispatch()
		return false
	}
	return partial || d.hasData
}

// line interprets one line of an event.
func (d *Decoder) line(l []byte) {
	if len(l) == 0 {
		d.dispatch()
		return
	}
	if l[0] == ':' {
		return // a comment
	}
	field, value := l, []byte(nil)
	if i := bytes.IndexByte(l, ':'); i >= 0 {
		field, value = l[:i], l[i+1:]
		if len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
	}
	switch string(field) {
	case "data":
		if d.hasData {
			d.data = append(d.data, '\n')
		}
		d.data = append(d.data, value...)
		d.hasData = true
	case "event", "id", "retry":
		// Parsed and ignored: the Letta stream does not use event types,
		// reconnection ids or retry delays.
	}
}

// dispatch queues the data of the event being parsed, if it has any.
func (d *Decoder) dispatch() {
	if !d.hasData {
		return
	}
	start := len(d.scratch)
	d.scratch = append(d.scratch, d.data...)
	d.queue = append(d.queue, d.scratch[start:len(d.scratch):len(d.scratch)])
	d.data, d.hasData = d.data[:0], false
}

// bodyReader reads the body for the framer. It runs the idle timer around
// each read of the body, records how the body ended and its last bytes,
// and shapes what the framer gets:
//
//   - a read stops after the first blank line in the buffered data, so
//     the framer holds about one event at a time (it searches its whole
//     buffer for five line-ending patterns on every split, which costs
//     more than decoding when it holds dozens of events);
//   - a read without a blank line continues until there is one or p is
//     full: no event can be complete before a blank line arrives, so this
//     adds no latency, and it spares the framer a quadratic cost on a large
//     event that arrives in many small reads.
type bodyReader struct {
	r     io.Reader
	idle  time.Duration
	timer *time.Timer

	buf        []byte
	start, end int   // buf[start:end] is read but not yet passed on
	last       byte  // the last byte passed on
	rerr       error // the error the body returned, once it did
	emptyReads int

	done  bool  // rerr is set and every byte has been passed on
	err   error // rerr, once done
	tail  [4]byte
	ntail int
}

// The buffer starts small and doubles, up to its maximum, whenever a
// read fills it.
const (
	minBodyBuffer = 4 << 10
	maxBodyBuffer = 64 << 10
)

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.done {
		return 0, b.err
	}
	n := 0
	for n < len(p) {
		if b.start < b.end {
			data := b.buf[b.start:b.end]
			cut := blankLineEnd(b.last, data)
			if cut >= 0 {
				data = data[:cut]
			}
			m := copy(p[n:], data)
			b.last = data[m-1]
			b.start += m
			n += m
			if cut >= 0 || n == len(p) {
				break
			}
		}
		if b.rerr != nil {
			break
		}
		b.fill()
	}
	if b.start == b.end && b.rerr != nil {
		b.done, b.err = true, b.rerr
		if n == 0 {
			return 0, b.err
		}
	}
	return n, nil
}

// fill reads once from the body into the (empty) buffer.
func (b *bodyReader) fill() {
	switch {
	case b.buf == nil:
		b.buf = make([]byte, minBodyBuffer)
	case b.end == len(b.buf) && len(b.buf) < maxBodyBuffer:
		b.buf = make([]byte, 2*len(b.buf))
	}
	b.start, b.end = 0, 0
	var m int
	var err error
	if b.timer == nil {
		m, err = b.r.Read(b.buf)
	} else {
		b.timer.Reset(b.idle)
		m, err = b.r.Read(b.buf)
		b.timer.Stop()
	}
	if m > 0 {
		b.end = m
		b.keepTail(b.buf[:m])
	}
	if err != nil {
		b.rerr = err
	} else if m == 0 {
		b.emptyReads++
		if b.emptyReads > 100 {
			b.rerr = io.ErrNoProgress
		}
		return
	}
	b.emptyReads = 0
}

// blankLineEnd returns the index just past the first blank line in data
// (a line terminator that starts a line: CR, LF or CRLF), or -1. last is
// the byte before data (0 at the start).
func blankLineEnd(last byte, data []byte) int {
	i := 0
	atLineStart := last == '\n' || last == '\r'
	if last == '\r' && len(data) > 0 && data[0] == '\n' {
		i = 1 // the end of a CRLF
	}
	for i < len(data) {
		c := data[i]
		if atLineStart && (c == '\n' || c == '\r') {
			if c == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		}
		j := nextTerminator(data[i:])
		if j < 0 {
			return -1
		}
		i += j
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		i++
		atLineStart = true
	}
	return -1
}

// nextTerminator returns the index of the first CR or LF in b, or -1.
func nextTerminator(b []byte) int {
	lf := bytes.IndexByte(b, '\n')
	if lf < 0 {
		return bytes.IndexByte(b, '\r')
	}
	if cr := bytes.IndexByte(b[:lf], '\r'); cr >= 0 {
		return cr
	}
	return lf
}

func (b *bodyReader) keepTail(p []byte) {
	if len(p) >= len(b.tail) {
		copy(b.tail[:], p[len(p)-len(b.tail):])
		b.ntail = len(b.tail)
		return
	}
	keep := min(b.ntail, len(b.tail)-len(p))
	copy(b.tail[:], b.tail[b.ntail-keep:b.ntail])
	copy(b.tail[keep:], p)
	b.ntail = keep + len(p)
}
