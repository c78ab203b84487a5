// Package bench measures what the SDK adds over the raw HTTP exchange.
// Every SDK benchmark has its baseline beside it, run in the same
// process against the same local server: bench/run.sh prints the ratios.
package bench

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/types"
)

// agentBody is the 19 KB agent of testdata/responses/agents.retrieve--1.json.
func agentBody(b *testing.B) []byte {
	data, err := os.ReadFile("../testdata/responses/agents.retrieve--1.json")
	if err != nil {
		b.Fatal(err)
	}
	var fx struct {
		Body json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal(data, &fx); err != nil {
		b.Fatal(err)
	}
	return fx.Body
}

// serve starts a server answering every request with body; it counts the
// connections it accepts.
func serve(b *testing.B, body []byte) (*httptest.Server, *atomic.Int64) {
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	b.Cleanup(srv.Close)
	return srv, &conns
}

// rawClient is what a hand-written client would use: the same transport
// settings as the SDK's default, so the comparison is about the SDK's own
// work, not connection reuse.
var rawClient = core.DefaultHTTPClient

func rawGetAgent(url string) (*types.AgentState, error) {
	resp, err := rawClient.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var a types.AgentState
	return &a, json.Unmarshal(data, &a)
}

func BenchmarkRetrieveAgent(b *testing.B) {
	body := agentBody(b)
	srv, _ := serve(b, body)
	b.Run("raw", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := rawGetAgent(srv.URL + "/v1/agents/agent-1"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sdk", func(b *testing.B) {
		client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-bench"))
		ctx := context.Background()
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := client.Agents.Retrieve(ctx, "agent-1"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHealthCheck measures the fixed cost of one call: a tiny GET
// whose response decodes in no time, so what is left is building, sending
// and reading the request.
func BenchmarkHealthCheck(b *testing.B) {
	body := []byte(`{"version":"0.6.13","status":"ok"}`)
	srv, _ := serve(b, body)
	b.Run("raw", func(b *testing.B) { rawHealthChecks(b, srv.URL, nil) })
	// The same request on the wire as the SDK's: its headers cost the
	// server (in this process) work too.
	b.Run("raw-same-request", func(b *testing.B) {
		rawHealthChecks(b, srv.URL, http.Header{
			"User-Agent":         {"letta-go/" + core.Version},
			"Accept":             {"application/json"},
			"Authorization":      {"Bearer sk-bench"},
			"X-Fern-Language":    {"Go"},
			"X-Fern-Sdk-Name":    {"letta-go"},
			"X-Fern-Sdk-Version": {core.Version},
		})
	})
	b.Run("sdk", func(b *testing.B) {
		client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-bench"))
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := client.Health.Check(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// rawHealthChecks is the hand-written client of BenchmarkHealthCheck: a GET
// with the given headers (none when nil), the body read and unmarshalled.
func rawHealthChecks(b *testing.B, baseURL string, header http.Header) {
	b.ReportAllocs()
	for b.Loop() {
		req, err := http.NewRequest(http.MethodGet, baseURL+"/v1/health/", nil)
		if err != nil {
			b.Fatal(err)
		}
		if header != nil {
			req.Header = header
		}
		resp, err := rawClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		var h types.Health
		if err == nil {
			err = json.Unmarshal(data, &h)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRetrieveAgentParallel runs the call from 64 goroutines and
// reports the connections the server saw per goroutine: about 1 (a few
// more when dials race at the start) means every connection is reused;
// "sdk-go-default-transport" shows the churn of net/http's default
// transport, which keeps only 2 idle connections per host.
func BenchmarkRetrieveAgentParallel(b *testing.B) {
	body := agentBody(b)
	for _, name := range []string{"raw", "sdk", "sdk-go-default-transport"} {
		b.Run(name, func(b *testing.B) {
			srv, conns := serve(b, body)
			opts := []option.RequestOption{option.WithBaseURL(srv.URL)}
			if name == "sdk-go-default-transport" {
				tr := http.DefaultTransport.(*http.Transport).Clone()
				defer tr.CloseIdleConnections()
				opts = append(opts, option.WithHTTPClient(&http.Client{Transport: tr}))
			}
			client := letta.NewClient(opts...)
			ctx := context.Background()
			b.ReportAllocs()
			b.SetParallelism(64 / runtime.GOMAXPROCS(0))
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					var err error
					if name == "raw" {
						_, err = rawGetAgent(srv.URL + "/v1/agents/agent-1")
					} else {
						_, err = client.Agents.Retrieve(ctx, "agent-1")
					}
					if err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(conns.Load())/64, "conns/goroutine")
		})
	}
}

// agentList builds a JSON list of n copies of the fixture agent.
func agentList(b *testing.B, n int) []byte {
	one := agentBody(b)
	var buf bytes.Buffer
	buf.Grow(n * (len(one) + 1))
	buf.WriteByte('[')
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(one)
	}
	buf.WriteByte(']')
	return buf.Bytes()
}

// peakHeap samples HeapInuse every 5 ms while f runs (ReadMemStats
// stops the world, so it must not run in a tight loop) and returns the
// peak growth over the heap before f.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	done := make(chan struct{})
	sampled := make(chan struct{})
	var peak atomic.Uint64
	go func() {
		defer close(sampled)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
		}
	}()
	f()
	close(done)
	<-sampled
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p := max(peak.Load(), m.HeapInuse)
	if p < base.HeapInuse {
		return 0
	}
	return p - base.HeapInuse
}

// BenchmarkListAgents decodes a list of 4,000 agents (~80 MB) and
// reports the peak heap growth of one call.
func BenchmarkListAgents(b *testing.B) {
	body := agentList(b, 4000)
	srv, _ := serve(b, body)
	b.Run("raw", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		var peak uint64
		for b.Loop() {
			peak = max(peak, peakHeap(func() {
				resp, err := rawClient.Get(srv.URL + "/v1/agents/")
				if err != nil {
					b.Fatal(err)
				}
				data, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				var list []types.AgentState
				if err := json.Unmarshal(data, &list); err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(list)
			}))
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	})
	b.Run("sdk", func(b *testing.B) {
		client := letta.NewClient(option.WithBaseURL(srv.URL))
		b.SetBytes(int64(len(body)))
		var peak uint64
		for b.Loop() {
			peak = max(peak, peakHeap(func() {
				list, err := client.Agents.List(context.Background(), agents.ListParams{})
				if err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(list)
			}))
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	})
}

// zeroReader yields n pseudo-random bytes without holding them.
type zeroReader struct{ n int64 }

func (z *zeroReader) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > z.n {
		p = p[:z.n]
	}
	z.n -= int64(len(p))
	return len(p), nil
}

// BenchmarkUpload sends 200 MB: raw io.Copy as the request body vs
// sources.Files.Upload (multipart through a pipe); it reports the heap
// growth of the whole upload.
func BenchmarkUpload(b *testing.B) {
	const size = 200 << 20
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":"job-1","status":"created","metadata":{"bytes":%d}}`, n)
	}))
	b.Cleanup(srv.Close)
	var salt [8]byte
	rand.Read(salt[:])
	b.Run("raw", func(b *testing.B) {
		b.SetBytes(size)
		var peak uint64
		for b.Loop() {
			peak = max(peak, peakHeap(func() {
				req, _ := http.NewRequest("POST", srv.URL+"/v1/sources/s/upload", &zeroReader{size})
				resp, err := rawClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}))
		}
		b.ReportMetric(float64(peak)/(1<<20), "heap-MB")
	})
	b.Run("sdk", func(b *testing.B) {
		client := letta.NewClient(option.WithBaseURL(srv.URL))
		b.SetBytes(size)
		var peak uint64
		for b.Loop() {
			peak = max(peak, peakHeap(func() {
				_, err := client.Sources.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{
					File: &zeroReader{size}, Filename: "big.bin", ContentType: "application/octet-stream",
				})
				if err != nil {
					b.Fatal(err)
				}
			}))
		}
		b.ReportMetric(float64(peak)/(1<<20), "heap-MB")
	})
}
