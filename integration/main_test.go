package integration

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/option"
)

// selfHosted are the reference client's methods that a self-hosted server
// serves: 77 in all, less the five of Letta Cloud (cloudOnly).
var selfHosted = []string{
	"tools.retrieve", "tools.delete", "tools.modify", "tools.list", "tools.create",
	"tools.upsert", "tools.add_base_tool", "tools.run_tool_from_source",
	"tools.list_composio_apps", "tools.list_composio_actions_by_app", "tools.add_composio_tool",
	"sources.retrieve", "sources.delete", "sources.modify", "sources.get_by_name",
	"sources.list", "sources.create",
	"agents.list", "agents.create", "agents.retrieve", "agents.delete", "agents.modify",
	"agents.reset_messages",
	"models.list_llms", "models.list_embedding_models",
	"blocks.list", "blocks.create", "blocks.retrieve", "blocks.delete", "blocks.modify",
	"blocks.list_agents_for_block",
	"jobs.list", "jobs.list_active", "jobs.retrieve", "jobs.delete",
	"health.check",
	"providers.list_providers", "providers.create_provider", "providers.delete_provider",
	"providers.modify_provider",
	"runs.list_runs", "runs.list_active_runs", "runs.retrieve_run", "runs.delete_run",
	"runs.list_run_messages", "runs.retrieve_run_usage",
	"tag.list_tags",
	"agents.context.retrieve",
	"agents.tools.list", "agents.tools.attach", "agents.tools.detach",
	"agents.sources.attach", "agents.sources.detach", "agents.sources.list",
	"agents.core_memory.retrieve", "agents.core_memory.retrieve_block",
	"agents.core_memory.modify_block", "agents.core_memory.list_blocks",
	"agents.core_memory.attach_block", "agents.core_memory.detach_block",
	"agents.archival_memory.list", "agents.archival_memory.create", "agents.archival_memory.delete",
	"agents.messages.list", "agents.messages.create", "agents.messages.modify",
	"agents.messages.create_stream", "agents.messages.create_async",
	"sources.files.upload", "sources.files.list", "sources.files.delete",
	"sources.passages.list",
}

// cloudOnly are the reference client's Letta Cloud methods; a self-hosted
// server has no route for them.
var cloudOnly = []string{
	"agents.search", "agents.templates.create_version", "agents.templates.migrate",
	"agents.templates.create", "agents.memory_variables.list",
}

// registry records, for every method, whether a test used it and whether
// any test that used it failed.
type registry struct {
	mu     sync.Mutex
	used   map[string]bool
	failed map[string]bool
}

var reg = registry{used: map[string]bool{}, failed: map[string]bool{}}

// uses records that t checks methods (reference names, e.g.
// "agents.messages.create"). When t ends, each method is marked used, and
// failed if t failed: a method passes only if every test that used it
// passed. Call it before the first call of the methods.
func uses(t *testing.T, methods ...string) {
	t.Helper()
	for _, m := range methods {
		if !slices.Contains(selfHosted, m) && !slices.Contains(cloudOnly, m) {
			t.Fatalf("uses: %q is not a method of the reference client", m)
		}
	}
	t.Cleanup(func() {
		reg.mu.Lock()
		defer reg.mu.Unlock()
		for _, m := range methods {
			reg.used[m] = true
			if t.Failed() || t.Skipped() {
				reg.failed[m] = true
			}
		}
	})
}

// summary counts the self-hosted methods that passed and names the others.
func (r *registry) summary() (passed int, missing []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range selfHosted {
		if r.used[m] && !r.failed[m] {
			passed++
		} else {
			missing = append(missing, m)
		}
	}
	return passed, missing
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

// setup skips t unless LETTA_INTEGRATION_URL is set, and returns a client
// and a context that ends with the test (at most 3 minutes).
func setup(t *testing.T) (*letta.Client, context.Context) {
	t.Helper()
	if baseURL == "" {
		t.Skip("LETTA_INTEGRATION_URL is not set: the integration suite needs a real Letta server (see package doc)")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	t.Cleanup(cancel)
	return newClient(), ctx
}

// names counts the names unique has made.
var names atomic.Int64

// unique returns a new name for an object of kind what, unique to this run
// (the server allows at most 50 characters in an agent's name).
func unique(what string) string {
	return fmt.Sprintf("it-%s-%s-%d", what, runID, names.Add(1))
}

func TestRegistryHasThe72SelfHostedMethods(t *testing.T) {
	if len(selfHosted) != 72 || len(cloudOnly) != 5 {
		t.Fatalf("registry: %d self-hosted and %d cloud methods, want 72 and 5", len(selfHosted), len(cloudOnly))
	}
	seen := map[string]bool{}
	for _, m := range append(slices.Clone(selfHosted), cloudOnly...) {
		if seen[m] {
			t.Errorf("registry: %s twice", m)
		}
		seen[m] = true
	}
}
