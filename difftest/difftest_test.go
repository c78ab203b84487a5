package difftest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/letta-go/letta/lettatest"
)

// TestDifferential plays the script against lettatest and against the
// server at LETTA_INTEGRATION_URL, and fails on any disagreement that is
// not a known SQLite-only difference.
func TestDifferential(t *testing.T) {
	base := os.Getenv("LETTA_INTEGRATION_URL")
	if base == "" {
		t.Skip("LETTA_INTEGRATION_URL is not set: no real server to compare with")
	}
	srv := lettatest.NewServer()
	defer srv.Close()

	var b [4]byte
	_, _ = rand.Read(b[:])
	tok := fmt.Sprintf("dt%x", b)
	baseTools := map[string]bool{}
	// Both pause between creations, so that both number the objects of a
	// list in the same order even where the real server's created_at
	// ties (see chronological).
	ref := newTarget("lettatest", srv.URL, false, 1100*time.Millisecond)
	real := newTarget("server", base, true, 1100*time.Millisecond)
	for _, tg := range []*target{ref, real} {
		(&session{target: tg, tok: tok, baseTools: baseTools}).script()
	}

	if dir := os.Getenv("LETTA_DIFFTEST_DUMP"); dir != "" {
		for _, tg := range []*target{ref, real} {
			if err := tg.dump(filepath.Join(dir, tg.name+".json")); err != nil {
				t.Error(err)
			}
		}
	}
	report := compareAll(ref, real)
	fmt.Print(report.text)
	fmt.Println(report.summary)
	if report.disagree > 0 {
		t.Errorf("%d exchanges disagree", report.disagree)
	}
}

// result is the outcome of a comparison.
type result struct {
	agree, total, disagree, skipped int
	summary, text                   string
}

// compareAll compares the exchanges of both targets step by step.
func compareAll(ref, real *target) result {
	var r result
	var out strings.Builder
	knownSeen := map[string]int{}
	c := &comparer{ta: ref, tb: real}
	if len(ref.ex) != len(real.ex) {
		fmt.Fprintf(&out, "the script made %d exchanges with lettatest and %d with the server\n", len(ref.ex), len(real.ex))
	}
	for i := range min(len(ref.ex), len(real.ex)) {
		a, b := ref.ex[i], real.ex[i]
		head := fmt.Sprintf("#%d %s: %s %s", i+1, a.label, a.method, a.path)
		if len(b.foreign) > 0 {
			r.skipped++
			fmt.Fprintf(&out, "SKIP %s: the server holds %d objects this run did not create (%s); a shared server, not counted\n",
				head, len(b.foreign), strings.Join(b.foreign[:min(3, len(b.foreign))], ", "))
			continue
		}
		r.total++
		var counted []difference
		for _, d := range c.compareExchange(a, b) {
			if d.known != "" {
				knownSeen[d.known]++
				continue
			}
			counted = append(counted, d)
		}
		if len(counted) == 0 {
			r.agree++
			continue
		}
		r.disagree++
		fmt.Fprintf(&out, "DIFF %s (lettatest %d, server %d)\n", head, a.status, b.status)
		for j, d := range counted {
			if j == 12 {
				fmt.Fprintf(&out, "    ... and %d more\n", len(counted)-j)
				break
			}
			fmt.Fprintf(&out, "    %s: %s\n", d.path, d.msg)
		}
	}
	for _, k := range knownDifferences {
		if n := knownSeen[k.name]; n > 0 {
			fmt.Fprintf(&out, "known SQLite-only difference %q seen %d times, not counted: %s (%s)\n", k.name, n, k.what, k.where)
		}
	}
	r.summary = fmt.Sprintf("difftest: %d/%d exchanges agree", r.agree, r.total)
	if r.skipped > 0 {
		r.summary += fmt.Sprintf(" (%d skipped: the server is shared and holds foreign objects)", r.skipped)
	}
	r.text = out.String()
	return r
}

// dump writes the target's exchanges to file, for reading a disagreement
// in full (LETTA_DIFFTEST_DUMP=dir).
func (t *target) dump(file string) error {
	type entry struct {
		N      int    `json:"n"`
		Label  string `json:"label"`
		Method string `json:"method"`
		Path   string `json:"path"`
		Status int    `json:"status"`
		Body   any    `json:"body,omitempty"`
		Text   string `json:"text,omitempty"`
	}
	out := make([]entry, 0, len(t.ex))
	for i, ex := range t.ex {
		out = append(out, entry{i + 1, ex.label, ex.method, ex.path, ex.status, ex.body, ex.text})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, b, 0o644)
}
