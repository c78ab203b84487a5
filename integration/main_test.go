package integration

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/option"
)

// endpoint is a method of the reference client and the route it calls, as
// testdata/endpoints.json lists them; a path segment in braces
// ("{agent_id}") is a path parameter.
type endpoint struct {
	name, method, path string
}

// selfHosted are the reference client's methods that a self-hosted server
// serves: 77 in all, less the five of Letta Cloud; cloudOnly are those
// five, for which a self-hosted server has no route.
var selfHosted, cloudOnly = loadEndpoints("../testdata/endpoints.json")

func loadEndpoints(file string) (selfHosted, cloudOnly []endpoint) {
	data, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	var list []struct {
		SDK       string `json:"sdk"`
		Method    string `json:"http_method"`
		Path      string `json:"path"`
		CloudOnly bool   `json:"cloud_only"`
	}
	if err := json.Unmarshal(data, &list); err != nil {
		panic(fmt.Sprintf("%s: %v", file, err))
	}
	for _, e := range list {
		if e.CloudOnly {
			cloudOnly = append(cloudOnly, endpoint{e.SDK, e.Method, e.Path})
		} else {
			selfHosted = append(selfHosted, endpoint{e.SDK, e.Method, e.Path})
		}
	}
	return selfHosted, cloudOnly
}

// methodOf names the method whose route matches an HTTP method and a URL
// path ("/v1/agents/agent-1/messages"); "" when none does. When several
// match, the one with more literal segments wins (jobs/active over
// jobs/{}).
func methodOf(method, path string) string {
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	best, bestLiterals := "", -1
	for _, e := range slices.Concat(selfHosted, cloudOnly) {
		pattern := strings.Split(e.path, "/")
		if e.method != method || len(pattern) != len(segs) {
			continue
		}
		literals := 0
		for i, p := range pattern {
			if strings.HasPrefix(p, "{") && segs[i] != "" {
				continue
			}
			if p != segs[i] {
				literals = -1
				break
			}
			literals++
		}
		if literals > bestLiterals {
			best, bestLiterals = e.name, literals
		}
	}
	return best
}

// registry records, for every method, whether a test used it and whether
// any test that used it failed. A test uses a method when its client sent
// a request to the method's route (recorded on the wire, see setup), and
// when it declares so with uses.
type registry struct {
	mu     sync.Mutex
	used   map[string]bool
	failed map[string]bool
}

var reg = registry{used: map[string]bool{}, failed: map[string]bool{}}

// record marks methods used, and failed when failed is true.
func (r *registry) record(methods []string, failed bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range methods {
		r.used[m] = true
		if failed {
			r.failed[m] = true
		}
	}
}

// summary counts the self-hosted methods that passed and names the others.
func (r *registry) summary() (passed int, missing []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range selfHosted {
		if r.used[e.name] && !r.failed[e.name] {
			passed++
		} else {
			missing = append(missing, e.name)
		}
	}
	return passed, missing
}

// calls is the set of methods a top-level test's client sent, and of those
// it and its subtests declared with uses.
type calls struct {
	mu       sync.Mutex
	sent     map[string]bool
	declared map[string]bool
}

// testCalls maps the name of each top-level test that called setup to its
// calls.
var testCalls sync.Map

// callsOf returns the calls of t's top-level test.
func callsOf(t *testing.T) *calls {
	top, _, _ := strings.Cut(t.Name(), "/")
	v, _ := testCalls.LoadOrStore(top, &calls{sent: map[string]bool{}, declared: map[string]bool{}})
	return v.(*calls)
}

// recorder is an http.RoundTripper that notes the method of every request
// in calls before sending it.
type recorder struct {
	calls *calls
}

func (rt recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if m := methodOf(req.Method, req.URL.Path); m != "" {
		rt.calls.mu.Lock()
		rt.calls.sent[m] = true
		rt.calls.mu.Unlock()
	}
	return http.DefaultTransport.RoundTrip(req)
}

// uses declares that t checks methods (reference names, e.g.
// "agents.messages.create"): when t ends, each is marked used, and failed
// if t failed. The test's client must send each of them at least once.
func uses(t *testing.T, methods ...string) {
	t.Helper()
	for _, m := range methods {
		if !slices.ContainsFunc(slices.Concat(selfHosted, cloudOnly), func(e endpoint) bool { return e.name == m }) {
			t.Fatalf("uses: %q is not a method of the reference client", m)
		}
	}
	c := callsOf(t)
	c.mu.Lock()
	for _, m := range methods {
		c.declared[m] = true
	}
	c.mu.Unlock()
	t.Cleanup(func() { reg.record(methods, t.Failed() || t.Skipped()) })
}

// baseURL is LETTA_INTEGRATION_URL: the server under test, or "" to skip.
var baseURL = os.Getenv("LETTA_INTEGRATION_URL")

// runID makes every name the suite creates unique to this run. It is hex
// digits only, so it also fits in a Python identifier.
var runID = func() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}()

func TestMain(m *testing.M) {
	code := m.Run()
	if baseURL != "" {
		version := "an unknown version (health check failed)"
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if h, err := newClient().Health.Check(ctx); err == nil {
			version = h.Version
		}
		cancel()
		passed, missing := reg.summary()
		fmt.Printf("integration: %d/%d self-hosted methods passed against %s\n", passed, len(selfHosted), version)
		if len(missing) > 0 {
			fmt.Printf("not passed (failed, or used by no test that ran): %s\n", strings.Join(missing, ", "))
			// A whole run must use every method; with -run, some are
			// left out on purpose.
			if run := flag.Lookup("test.run"); code == 0 && (run == nil || run.Value.String() == "") {
				code = 1
			}
		}
	}
	os.Exit(code)
}

// newClient returns a client for the server under test.
func newClient(opts ...option.RequestOption) *letta.Client {
	return letta.NewClient(append([]option.RequestOption{
		option.WithBaseURL(baseURL), option.WithToken("letta-go-integration"),
	}, opts...)...)
}

// setup skips t unless LETTA_INTEGRATION_URL is set. It returns a client
// that records every method it calls as used by t (and failed if t fails),
// and a context that ends with the test (at most 3 minutes). Call it once,
// from a top-level test; subtests share their parent's client.
func setup(t *testing.T) (*letta.Client, context.Context) {
	t.Helper()
	if baseURL == "" {
		t.Skip("LETTA_INTEGRATION_URL is not set: the integration suite needs a real Letta server (see package doc)")
	}
	c := callsOf(t)
	// Registered first, so it runs last: after the test's own cleanups,
	// whose requests count too.
	t.Cleanup(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		for m := range c.declared {
			if !c.sent[m] {
				t.Errorf("the test declares %s but never called it", m)
			}
		}
		reg.record(slices.Collect(func(yield func(string) bool) {
			for m := range c.sent {
				if !yield(m) {
					return
				}
			}
		}), t.Failed())
	})
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	t.Cleanup(cancel)
	return newClient(option.WithHTTPClient(&http.Client{Transport: recorder{c}})), ctx
}

// names counts the names unique has made.
var names atomic.Int64

// unique returns a new name for an object of kind what, unique to this run
// (the server allows at most 50 characters in an agent's name).
func unique(what string) string {
	return fmt.Sprintf("it-%s-%s-%d", what, runID, names.Add(1))
}

func TestRegistry(t *testing.T) {
	if len(selfHosted) != 72 || len(cloudOnly) != 5 {
		t.Fatalf("registry: %d self-hosted and %d cloud methods, want 72 and 5", len(selfHosted), len(cloudOnly))
	}
	seen := map[string]bool{}
	for _, e := range slices.Concat(selfHosted, cloudOnly) {
		if seen[e.name] {
			t.Errorf("registry: %s twice", e.name)
		}
		seen[e.name] = true
		// Every route is recognised as its own method.
		path := "/" + regexp.MustCompile(`\{[^}]*\}`).ReplaceAllString(e.path, "x-1")
		if got := methodOf(e.method, path); got != e.name {
			t.Errorf("methodOf(%s %s) = %q, want %s", e.method, path, got, e.name)
		}
	}
	for _, tc := range []struct{ method, path, want string }{
		{"GET", "/v1/jobs/active", "jobs.list_active"},
		{"GET", "/v1/jobs/job-1", "jobs.retrieve"},
		{"GET", "/v1/agents/agent-1/core-memory/variables", "agents.memory_variables.list"},
		{"DELETE", "/v1/sources/source-1/file-1", "sources.files.delete"},
		{"GET", "/v1/tools", ""},
		{"GET", "/v1/agents/agent-1/unknown", ""},
	} {
		if got := methodOf(tc.method, tc.path); got != tc.want {
			t.Errorf("methodOf(%s %s) = %q, want %q", tc.method, tc.path, got, tc.want)
		}
	}
}
