package agents

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

const benchFrames = 20000

// benchStreamBody is a 20,000-frame stream made of the message and usage
// frames of the recorded transcripts (step and token mode), in turn, then
// [DONE].
func benchStreamBody(b *testing.B) []byte {
	b.Helper()
	files, err := filepath.Glob("../testdata/streams/*.sse")
	if err != nil || len(files) == 0 {
		b.Fatal("no transcripts", err)
	}
	var frames [][]byte
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, fr := range bytes.SplitAfter(body, []byte("\n\n")) {
			if bytes.HasPrefix(fr, []byte("data: {")) && !bytes.Contains(fr, []byte(`{"error"`)) {
				frames = append(frames, fr)
			}
		}
	}
	var buf bytes.Buffer
	for i := range benchFrames {
		buf.Write(frames[i%len(frames)])
	}
	buf.WriteString("data: [DONE]\n\n")
	return buf.Bytes()
}

// mallocs returns the number of heap allocations so far.
func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

// benchLoop runs decode once per iteration and reports throughput and
// allocations per event.
func benchLoop(b *testing.B, body []byte, decode func() int) {
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start := mallocs()
	n := 0
	for b.Loop() {
		if got := decode(); got != benchFrames {
			b.Fatalf("decoded %d events, want %d", got, benchFrames)
		}
		n++
	}
	b.ReportMetric(float64(mallocs()-start)/float64(n*benchFrames), "allocs/event")
}

// rawEvent is a flat struct with every field of the stream's frames: the
// "equivalent struct" of the raw baseline.
type rawEvent struct {
	ID          string          `json:"id"`
	Date        string          `json:"date"`
	MessageType string          `json:"message_type"`
	Reasoning   string          `json:"reasoning"`
	Content     json.RawMessage `json:"content"`
	ToolCall    *struct {
		Name       *string `json:"name"`
		Arguments  *string `json:"arguments"`
		ToolCallID *string `json:"tool_call_id"`
	} `json:"tool_call"`
	ToolReturn       string   `json:"tool_return"`
	Status           string   `json:"status"`
	ToolCallID       string   `json:"tool_call_id"`
	Stdout           []string `json:"stdout"`
	Stderr           []string `json:"stderr"`
	CompletionTokens int      `json:"completion_tokens"`
	PromptTokens     int      `json:"prompt_tokens"`
	TotalTokens      int      `json:"total_tokens"`
	StepCount        int      `json:"step_count"`
}

// BenchmarkStreamDecode compares the SDK's stream decoding (framing,
// field parsing, marker and error-frame handling, typed union decoding)
// with a raw line scan that json.Unmarshals each data payload into a map
// or into one flat struct, on the same 20,000-frame body.
func BenchmarkStreamDecode(b *testing.B) {
	body := benchStreamBody(b)
	b.Run("sdk", func(b *testing.B) {
		benchLoop(b, body, func() int { return sdkDecode(b, body) })
	})
	// The typed decoding alone, on the payloads split beforehand: what
	// the SDK path costs beyond it is framing, field parsing and the
	// marker and error-frame checks.
	b.Run("types-only", func(b *testing.B) {
		payloads := benchPayloads(body)
		benchLoop(b, body, func() int { return typesDecode(b, payloads) })
	})
	b.Run("raw-map", func(b *testing.B) {
		benchLoop(b, body, func() int { return rawDecode(b, body, unmarshalMap) })
	})
	b.Run("raw-struct", func(b *testing.B) {
		benchLoop(b, body, func() int { return rawDecode(b, body, unmarshalStruct) })
	})
	// The whole public path, HTTP over loopback included.
	b.Run("sdk-http", func(b *testing.B) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/event-stream")
			w.Write(body)
		}))
		defer srv.Close()
		c := NewClient(option.WithBaseURL(srv.URL))
		params := MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage("hi")}}
		benchLoop(b, body, func() int {
			s, err := c.Messages.CreateStream(context.Background(), "agent-1", params)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			n := 0
			for s.Next() {
				n++
			}
			if s.Err() != nil {
				b.Fatal(s.Err())
			}
			return n
		})
	})
}

// sdkDecode reads body through the MessageStream decoding path and
// returns the number of events.
func sdkDecode(b *testing.B, body []byte) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	s := newMessageStream(&core.StreamResponse{
		Body: io.NopCloser(bytes.NewReader(body)), Ctx: ctx, Cancel: cancel,
		Method: http.MethodPost, URL: "http://localhost/v1/agents/a/messages/stream",
	})
	n := 0
	for s.Next() {
		n++
	}
	if s.Err() != nil {
		b.Fatal(s.Err())
	}
	return n
}

// rawDecode scans body line by line and unmarshals each JSON data
// payload with unmarshal.
func rawDecode(b *testing.B, body []byte, unmarshal func([]byte) error) int {
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, []byte("data: ")) || line[6] == '[' {
			continue
		}
		if err := unmarshal(line[6:]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	return n
}

func unmarshalMap(data []byte) error {
	var m map[string]any
	return json.Unmarshal(data, &m)
}

func unmarshalStruct(data []byte) error {
	var e rawEvent
	return json.Unmarshal(data, &e)
}

// BenchmarkStreamDecodeRatio runs the SDK path, the typed decoding alone
// and the two raw baselines in turn within each iteration, so that load
// on the machine hits them alike. It reports each one's throughput, the
// share of the SDK path spent in types.UnmarshalLettaStreamingResponse,
// and the SDK's ratio to each baseline (1 = as fast; the target is at
// least 0.8).
func BenchmarkStreamDecodeRatio(b *testing.B) {
	body := benchStreamBody(b)
	payloads := benchPayloads(body)
	var tSDK, tTypes, tMap, tStruct time.Duration
	timed := func(d *time.Duration, f func() int) {
		start := time.Now()
		if n := f(); n != benchFrames {
			b.Fatalf("decoded %d events, want %d", n, benchFrames)
		}
		*d += time.Since(start)
	}
	for b.Loop() {
		timed(&tSDK, func() int { return sdkDecode(b, body) })
		timed(&tTypes, func() int { return typesDecode(b, payloads) })
		timed(&tMap, func() int { return rawDecode(b, body, unmarshalMap) })
		timed(&tStruct, func() int { return rawDecode(b, body, unmarshalStruct) })
	}
	mbs := func(d time.Duration) float64 { return float64(len(body)) * float64(b.N) / d.Seconds() / 1e6 }
	b.ReportMetric(mbs(tSDK), "sdk-MB/s")
	b.ReportMetric(mbs(tMap), "raw-map-MB/s")
	b.ReportMetric(mbs(tStruct), "raw-struct-MB/s")
	b.ReportMetric(mbs(tTypes), "types-only-MB/s")
	b.ReportMetric(tTypes.Seconds()/tSDK.Seconds(), "types-share")
	b.ReportMetric(tMap.Seconds()/tSDK.Seconds(), "ratio-vs-map")
	b.ReportMetric(tStruct.Seconds()/tSDK.Seconds(), "ratio-vs-struct")
	b.ReportMetric(0, "ns/op")
}

// benchPayloads splits the JSON payloads out of body beforehand.
func benchPayloads(body []byte) [][]byte {
	var payloads [][]byte
	for _, fr := range bytes.SplitAfter(body, []byte("\n\n")) {
		if bytes.HasPrefix(fr, []byte("data: {")) {
			payloads = append(payloads, bytes.TrimSpace(fr[6:]))
		}
	}
	return payloads
}

// typesDecode decodes each payload with types.UnmarshalLettaStreamingResponse.
func typesDecode(b *testing.B, payloads [][]byte) int {
	for _, p := range payloads {
		if _, err := types.UnmarshalLettaStreamingResponse(p); err != nil {
			b.Fatal(err)
		}
	}
	return len(payloads)
}
