package sse

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzDecoder checks the decoder against the reference parser of the
// specification on arbitrary bodies delivered in arbitrary pieces: the
// same events, and a cut body reported as io.ErrUnexpectedEOF, whatever
// the framer does with mixed line endings; and it never hangs.
func FuzzDecoder(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/streams/*.sse")
	for _, file := range files {
		body, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		// The first two frames and the last: small seeds keep the
		// minimizer fast.
		frames := bytes.SplitAfter(body, []byte("\n\n"))
		seed := bytes.Join(append(frames[:2:2], frames[len(frames)-2]), nil)
		f.Add(seed, uint8(0), uint8(0))
		f.Add(bytes.ReplaceAll(seed, []byte("\n"), []byte("\r\n")), uint8(1), uint8(7))
	}
	for _, s := range []string{
		"data: a\r\n\rdata: b\r\n\r\n", "data: a\n\rdata: b\n\n", "\xEF\xBB\xBFdata: x\r\r",
		"data: a\r\r\ndata: b", ": c\nid: 1\n\ndata\n\n", "data: a\n\ndata: b\n", "\r\n\r\n\r",
	} {
		f.Add([]byte(s), uint8(2), uint8(3))
	}
	f.Fuzz(func(t *testing.T, body []byte, a, b uint8) {
		if len(body) > 16<<10 {
			t.Skip()
		}
		want, cut := reference(body)
		sizes := []int{int(a%32) + 1, int(b%32) + 1}
		var got []string
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			got, err = decodeAll(t, &chunked{data: body, sizes: sizes}, Options{})
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			panic(fmt.Sprintf("decoder hangs on %q read in pieces of %v", body, sizes))
		}
		if len(got) != len(want) {
			t.Fatalf("got %d events %q, want %d %q", len(got), got, len(want), want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("event %d: got %q, want %q", i, got[i], want[i])
			}
		}
		wantErr := io.EOF
		if cut {
			wantErr = io.ErrUnexpectedEOF
		}
		if err != wantErr {
			t.Fatalf("ended with %v, want %v", err, wantErr)
		}
	})
}
