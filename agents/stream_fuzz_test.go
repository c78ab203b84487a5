package agents

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/types"
)

// pieces delivers data in reads of the given sizes, cycling.
type pieces struct {
	data  []byte
	sizes []int
	i     int
}

func (p *pieces) Read(b []byte) (int, error) {
	if len(p.data) == 0 {
		return 0, io.EOF
	}
	n := max(1, min(p.sizes[p.i%len(p.sizes)], len(b), len(p.data)))
	p.i++
	copy(b, p.data[:n])
	p.data = p.data[n:]
	return n, nil
}

// FuzzStream runs arbitrary bodies, read in arbitrary pieces, through the
// stream's framing, field parsing and event decoding. It must not panic or
// hang, every event must encode back to JSON, and the stream may end
// without an error only at a "[DONE]" marker.
func FuzzStream(f *testing.F) {
	files, _ := filepath.Glob("../testdata/streams/*.sse")
	for _, file := range files {
		body, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		frames := bytes.SplitAfter(body, []byte("\n\n"))
		if len(frames) > 4 { // small seeds keep the minimizer fast
			frames = append(frames[:2:2], frames[len(frames)-3:]...)
		}
		f.Add(bytes.Join(frames, nil), uint8(0), uint8(0))
	}
	for _, s := range []string{
		"data: [DONE_GEN]\r\rdata: {\"error\":\"x\",\"code\":null}\r\r",
		"data: {\"message_type\":\"tool_call_message\",\"id\":\"1\",\"tool_call\":{\"name\":\"f\"}}\n\ndata: [DONE]",
		": c\n\ndata: {\"message_type\":\"new\"}\n\ndata: null\n\n",
		"data: {\"id\":\"m\",\"date\":\"2025-01-24T18:30:05\",\"message_type\":\"user_message\",\"content\":[{\"type\":\"text\",\"text\":\"t\"}]}\n\n",
	} {
		f.Add([]byte(s), uint8(3), uint8(1))
	}
	f.Fuzz(func(t *testing.T, body []byte, a, b uint8) {
		if len(body) > 8<<10 {
			t.Skip()
		}
		ctx, cancel := context.WithCancelCause(context.Background())
		defer cancel(nil)
		s := newMessageStream(&core.StreamResponse{
			Body:   io.NopCloser(&pieces{data: body, sizes: []int{int(a%64) + 1, int(b%64) + 1}}),
			Ctx:    ctx,
			Cancel: cancel,
			Method: http.MethodPost,
			URL:    "http://localhost/v1/agents/a/messages/stream",
		})
		done := make(chan error, 1)
		go func() {
			var acc MessageAccumulator
			for i := 0; s.Next(); i++ {
				ev := s.Current()
				if ev == nil {
					done <- errors.New("nil event")
					return
				}
				if _, err := json.Marshal(ev); err != nil {
					done <- fmt.Errorf("event %T does not encode: %v", ev, err)
					return
				}
				acc.Add(ev)
			}
			for _, m := range acc.Messages() {
				if _, err := json.Marshal(m); err != nil {
					done <- fmt.Errorf("accumulated %T does not encode: %v", m, err)
					return
				}
			}
			done <- nil
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			panic(fmt.Sprintf("stream hangs on %q", body))
		}
		err := s.Err()
		var serr *types.StreamError
		switch {
		case err == nil:
			if !bytes.Contains(body, []byte("[DONE]")) {
				t.Fatal("a clean end without [DONE]")
			}
		case errors.As(err, &serr):
			if !bytes.Contains(body, []byte(`"error"`)) {
				t.Fatalf("a stream error without an error frame: %v", err)
			}
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			t.Fatalf("a context error without a cancel: %v", err)
		}
		if s.Next() || s.Close() != nil {
			t.Fatal("Next after the end, or Close failed")
		}
	})
}
