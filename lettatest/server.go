package lettatest

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/letta-go/letta/types"
)

// Ids of the self-hosted server's default organization and user, which own
// everything it stores.
const (
	DefaultOrganizationID = "org-00000000-0000-4000-8000-000000000000"
	DefaultUserID         = "user-00000000-0000-4000-8000-000000000000"
)

// DefaultVersion is the server version reported by the health check: the
// Letta release whose API this package imitates.
const DefaultVersion = "0.6.13"

// Server is an in-memory Letta server listening on a local port. It embeds
// an *httptest.Server: URL is its base URL (give it to
// option.WithBaseURL) and Close stops it.
//
// All methods are safe for concurrent use.
type Server struct {
	*httptest.Server

	opts options
	mux  *http.ServeMux

	mu sync.Mutex // guards st
	st *state

	faultMu  sync.Mutex
	faults   []*faultRule
	requests []Request

	bg      sync.WaitGroup // background jobs and runs
	closing chan struct{}
	once    sync.Once
}

// Option configures a Server.
type Option func(*options)

type options struct {
	responder   Responder
	version     string
	password    string
	jobDelay    time.Duration
	runDelay    time.Duration
	streamDelay time.Duration
	clock       func() time.Time
	addr        string

	toolRunners map[string]ToolFunc                                                   // WithToolRunner
	toolTimeout time.Duration                                                         // WithToolTimeout
	tokenDelay  time.Duration                                                         // WithTokenDelay
	pause       func(ctx context.Context, stop <-chan struct{}, d time.Duration) bool // stream pauses; tests count them
	logger      *slog.Logger                                                          // WithLogger
}

// WithResponder replaces the stand-in LLM: r decides what an agent answers
// to each batch of input messages (see Responder). The default is
// EchoResponder.
func WithResponder(r Responder) Option {
	return func(o *options) { o.responder = r }
}

// WithVersion sets the version the health check reports (default
// DefaultVersion).
func WithVersion(v string) Option {
	return func(o *options) { o.version = v }
}

// WithPassword emulates a server started with --secure: every request
// except the health check must carry the header
// "X-BARE-PASSWORD: password <pw>", or it gets 401 {"detail":"Unauthorized"}.
// Like the real server, the Authorization header is never checked.
func WithPassword(pw string) Option {
	return func(o *options) { o.password = pw }
}

// WithJobDelay sets how long a file-upload job stays in "created", and
// then in "running", before it completes (default 0: it completes right
// after the upload returns).
func WithJobDelay(d time.Duration) Option {
	return func(o *options) { o.jobDelay = d }
}

// WithRunDelay sets how long a run started by Messages.CreateAsync stays
// in "created" before the agent processes it (default 0).
func WithRunDelay(d time.Duration) Option {
	return func(o *options) { o.runDelay = d }
}

// WithStreamDelay makes the message stream pause for d before each frame,
// so a client sees the reply arrive piece by piece (default 0).
func WithStreamDelay(d time.Duration) Option {
	return func(o *options) { o.streamDelay = d }
}

// WithClock sets the clock the server stamps objects with (default
// time.Now). Timestamps are kept in UTC with microsecond precision.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.clock = now }
}

// WithAddress makes the server listen on addr (e.g. "localhost:8283", the
// port of a self-hosted Letta server) instead of a random local port.
// NewServer panics if it cannot listen there.
func WithAddress(addr string) Option {
	return func(o *options) { o.addr = addr }
}

// NewServer starts an in-memory Letta server and returns it; call Close
// when done. The server starts as a fresh self-hosted server does: no
// agents, blocks, sources or providers, and Letta's base tools installed.
func NewServer(opts ...Option) *Server {
	s := &Server{
		opts: options{
			responder: EchoResponder,
			version:   DefaultVersion,
			clock:     time.Now,
		},
		mux:     http.NewServeMux(),
		closing: make(chan struct{}),
	}
	for _, o := range opts {
		o(&s.opts)
	}
	s.st = newState()
	s.installBaseTools()
	s.routes()
	if s.opts.addr == "" {
		s.Server = httptest.NewServer(s.handler())
		return s
	}
	l, err := net.Listen("tcp", s.opts.addr)
	if err != nil {
		panic(fmt.Sprintf("lettatest: listening on %s: %v", s.opts.addr, err))
	}
	s.Server = httptest.NewUnstartedServer(s.handler())
	s.Server.Listener.Close()
	s.Server.Listener = l
	s.Server.Start()
	return s
}

// Close shuts the server down: it waits for requests in flight, stops
// background jobs and runs, and closes the listener.
func (s *Server) Close() {
	s.once.Do(func() { close(s.closing) })
	s.Server.Close()
	s.bg.Wait()
}

// now returns the current time as the server stores it: UTC, truncated to
// microseconds (the precision of its database).
func (s *Server) now() time.Time {
	return s.opts.clock().UTC().Truncate(time.Microsecond)
}

func (s *Server) nowPtr() *types.Time {
	t := types.NewTime(s.now())
	return &t
}

// newID returns "<prefix>-<uuid4>", the server's id format.
func newID(prefix string) string {
	return prefix + "-" + newUUID()
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newCallID returns an OpenAI-style tool call id, "call_" and 24 hex digits.
func newCallID() string {
	return "call_" + strings.ReplaceAll(newUUID(), "-", "")[:24]
}

// background runs f on a goroutine that Close waits for. f should return
// early when stop is closed.
func (s *Server) background(f func(stop <-chan struct{})) {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		f(s.closing)
	}()
}

// sleep waits for d, or returns false if the server closes first.
func sleep(stop <-chan struct{}, d time.Duration) bool {
	if d <= 0 {
		select {
		case <-stop:
			return false
		default:
			return true
		}
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-stop:
		return false
	case <-t.C:
		return true
	}
}

// serveHTTP is the outermost handler: it records the request, applies
// injected faults and the password check, then routes.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	s.record(r)
	r, handled := s.applyFault(w, r)
	if handled {
		return
	}
	if s.opts.password != "" && !isHealthPath(r.URL.Path) &&
		r.Header.Get("X-BARE-PASSWORD") != "password "+s.opts.password {
		writeDetail(w, http.StatusUnauthorized, "Unauthorized")
		return
	}
	// For a path that lacks the trailing slash of a route ("…/{$}"),
	// ServeMux would answer its own redirect, with an HTML body; notFound
	// answers as Starlette does (an empty 307).
	if _, pattern := s.mux.Handler(r); strings.HasSuffix(pattern, "/{$}") && !strings.HasSuffix(r.URL.Path, "/") {
		s.notFound(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// isHealthPath reports whether the password check lets the path through:
// only the health check's own path, as the server's middleware compares
// it (server/rest_api/app.py: check_password).
func isHealthPath(p string) bool {
	return p == "/v1/health/" || p == "/latest/health/"
}

// handlerFunc is a route handler; a returned error is written with
// writeError.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle registers h for pattern under /v1 (and, like the real server,
// under /latest).
func (s *Server) handle(method, path string, h handlerFunc) {
	f := func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			writeError(w, err)
		}
	}
	for _, prefix := range []string{"/v1", "/latest"} {
		p := prefix + path
		if strings.HasSuffix(p, "/") {
			p += "{$}"
		}
		s.mux.HandleFunc(method+" "+p, f)
	}
}

// notFound answers requests no route matched as FastAPI (Starlette) does:
// 405 when the path exists for another method, a 307 redirect when the
// path exists with the other trailing-slash form, else 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	matches := func(method, path string) bool {
		clone := r.Clone(r.Context())
		clone.Method = method
		clone.URL.Path = path
		clone.URL.RawPath = ""
		_, pattern := s.mux.Handler(clone)
		return pattern != "" && pattern != "/"
	}
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if m != r.Method && matches(m, r.URL.Path) {
			writeDetail(w, http.StatusMethodNotAllowed, "Method Not Allowed")
			return
		}
	}
	if r.URL.Path != "/" {
		alt := r.URL.Path + "/"
		if strings.HasSuffix(r.URL.Path, "/") {
			alt = strings.TrimSuffix(r.URL.Path, "/")
		}
		if matches(r.Method, alt) {
			u := *r.URL
			u.Path, u.RawPath = alt, ""
			u.Scheme, u.Host = "http", r.Host
			w.Header().Set("Location", u.String())
			w.WriteHeader(http.StatusTemporaryRedirect)
			return
		}
	}
	writeDetail(w, http.StatusNotFound, "Not Found")
}

// routes registers every route of the self-hosted server.
func (s *Server) routes() {
	s.mux.HandleFunc("/", s.notFound)

	// tools
	s.handle("GET", "/tools/{tool_id}", s.retrieveTool)
	s.handle("DELETE", "/tools/{tool_id}", s.deleteTool)
	s.handle("PATCH", "/tools/{tool_id}", s.modifyTool)
	s.handle("GET", "/tools/", s.listTools)
	s.handle("POST", "/tools/", s.createTool)
	s.handle("PUT", "/tools/", s.upsertTool)
	s.handle("POST", "/tools/add-base-tools", s.addBaseTools)
	s.handle("POST", "/tools/run", s.runToolFromSource)
	s.handle("GET", "/tools/composio/apps", s.listComposioApps)
	s.handle("GET", "/tools/composio/apps/{composio_app_name}/actions", s.listComposioActions)
	s.handle("POST", "/tools/composio/{composio_action_name}", s.addComposioTool)

	// sources
	s.handle("GET", "/sources/{source_id}", s.retrieveSource)
	s.handle("DELETE", "/sources/{source_id}", s.deleteSource)
	s.handle("PATCH", "/sources/{source_id}", s.modifySource)
	// GET /sources/name/{source_name} and GET /sources/{source_id}/files
	// (or /passages) overlap as ServeMux patterns; one handler dispatches.
	s.handle("GET", "/sources/{source_id}/{sub}", s.getSourceSub)
	s.handle("GET", "/sources/", s.listSources)
	s.handle("POST", "/sources/", s.createSource)
	s.handle("POST", "/sources/{source_id}/upload", s.uploadFile)
	s.handle("DELETE", "/sources/{source_id}/{file_id}", s.deleteFile)

	// agents
	s.handle("GET", "/agents/", s.listAgents)
	s.handle("POST", "/agents/", s.createAgent)
	s.handle("GET", "/agents/{agent_id}", s.retrieveAgent)
	s.handle("DELETE", "/agents/{agent_id}", s.deleteAgent)
	s.handle("PATCH", "/agents/{agent_id}", s.modifyAgent)
	s.handle("PATCH", "/agents/{agent_id}/reset-messages", s.resetMessages)
	s.handle("GET", "/agents/{agent_id}/context", s.contextWindow)
	s.handle("GET", "/agents/{agent_id}/tools", s.listAgentTools)
	s.handle("PATCH", "/agents/{agent_id}/tools/attach/{tool_id}", s.attachTool)
	s.handle("PATCH", "/agents/{agent_id}/tools/detach/{tool_id}", s.detachTool)
	s.handle("PATCH", "/agents/{agent_id}/sources/attach/{source_id}", s.attachSource)
	s.handle("PATCH", "/agents/{agent_id}/sources/detach/{source_id}", s.detachSource)
	s.handle("GET", "/agents/{agent_id}/sources", s.listAgentSources)
	s.handle("GET", "/agents/{agent_id}/core-memory", s.retrieveCoreMemory)
	s.handle("GET", "/agents/{agent_id}/core-memory/blocks/{block_label}", s.retrieveCoreBlock)
	s.handle("PATCH", "/agents/{agent_id}/core-memory/blocks/{block_label}", s.modifyCoreBlock)
	s.handle("GET", "/agents/{agent_id}/core-memory/blocks", s.listCoreBlocks)
	s.handle("PATCH", "/agents/{agent_id}/core-memory/blocks/attach/{block_id}", s.attachBlock)
	s.handle("PATCH", "/agents/{agent_id}/core-memory/blocks/detach/{block_id}", s.detachBlock)
	s.handle("GET", "/agents/{agent_id}/archival-memory", s.listArchival)
	s.handle("POST", "/agents/{agent_id}/archival-memory", s.createArchival)
	s.handle("DELETE", "/agents/{agent_id}/archival-memory/{memory_id}", s.deleteArchival)
	s.handle("GET", "/agents/{agent_id}/messages", s.listMessages)
	s.handle("POST", "/agents/{agent_id}/messages", s.createMessages)
	s.handle("PATCH", "/agents/{agent_id}/messages/{message_id}", s.modifyMessage)
	s.handle("POST", "/agents/{agent_id}/messages/stream", s.streamMessages)
	s.handle("POST", "/agents/{agent_id}/messages/async", s.createMessagesAsync)

	// models, blocks, jobs, health, providers, runs, tags
	s.handle("GET", "/models/", s.listLLMs)
	s.handle("GET", "/models/embedding", s.listEmbeddingModels)
	s.handle("GET", "/blocks/", s.listBlocks)
	s.handle("POST", "/blocks/", s.createBlock)
	s.handle("GET", "/blocks/{block_id}", s.retrieveBlock)
	s.handle("DELETE", "/blocks/{block_id}", s.deleteBlock)
	s.handle("PATCH", "/blocks/{block_id}", s.modifyBlock)
	s.handle("GET", "/blocks/{block_id}/agents", s.listAgentsForBlock)
	s.handle("GET", "/jobs/", s.listJobs)
	s.handle("GET", "/jobs/active", s.listActiveJobs)
	s.handle("GET", "/jobs/{job_id}", s.retrieveJob)
	s.handle("DELETE", "/jobs/{job_id}", s.deleteJob)
	s.handle("GET", "/health/", s.health)
	s.handle("GET", "/providers/", s.listProviders)
	s.handle("POST", "/providers/", s.createProvider)
	s.handle("DELETE", "/providers/", s.deleteProvider)
	s.handle("PATCH", "/providers/", s.modifyProvider)
	s.handle("GET", "/runs/", s.listRuns)
	s.handle("GET", "/runs/active", s.listActiveRuns)
	s.handle("GET", "/runs/{run_id}", s.retrieveRun)
	s.handle("DELETE", "/runs/{run_id}", s.deleteRun)
	s.handle("GET", "/runs/{run_id}/messages", s.listRunMessages)
	s.handle("GET", "/runs/{run_id}/usage", s.retrieveRunUsage)
	s.handle("GET", "/tags/", s.listTags)

	// The Letta-Cloud-only methods (agents.search, agents.templates.*,
	// agents.memory_variables.list) have no route here, as on a
	// self-hosted server: notFound answers them with 405 or 404.
}
