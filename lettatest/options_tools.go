package lettatest

import (
	"context"
	"time"
)

// ToolFunc is a Go implementation of a tool for the in-memory server. It
// receives the call's arguments as decoded JSON and returns the tool's
// result, the text the server would make of the Python return value.
// A non-nil error fails the call (status "error") with the tool_return
// "Error executing function <name>: <err>", so an error reading
// "ValueError: bad input" looks exactly like a Python exception. ctx ends
// when the tool's time is up (WithToolTimeout) or the request ends.
type ToolFunc func(ctx context.Context, args map[string]any) (string, error)

// WithToolRunner gives the tool called name a Go implementation, used
// wherever the server would execute the tool: Tools.RunToolFromSource
// (the name given, or else the function's name) and an agent's tool call
// that the Responder leaves unanswered (see RunTool). In an agent step
// the arguments arrive without request_heartbeat. Give one option per
// tool; a later one for the same name wins.
func WithToolRunner(name string, fn ToolFunc) Option {
	return func(o *options) {
		if o.toolRunners == nil {
			o.toolRunners = map[string]ToolFunc{}
		}
		o.toolRunners[name] = fn
	}
}

// WithToolTimeout bounds one tool execution, a Go runner's or python3's
// (default DefaultToolTimeout). A tool that runs longer fails as the
// server's sandbox does: status "error", "TimeoutError: Executing tool
// <name> has timed out."
func WithToolTimeout(d time.Duration) Option {
	return func(o *options) { o.toolTimeout = d }
}

// WithTokenDelay makes a token stream (Messages.CreateStream with
// StreamTokens) pause for d before each token chunk, so a client shows
// the reply being written (default 0). It adds to WithStreamDelay, which
// applies to every frame of every stream.
func WithTokenDelay(d time.Duration) Option {
	return func(o *options) { o.tokenDelay = d }
}

// pause waits d in a stream, or returns false when the request ends or
// the server closes first.
func (s *Server) pause(ctx context.Context, d time.Duration) bool {
	if s.opts.pause != nil {
		return s.opts.pause(ctx, s.closing, d)
	}
	return sleepCtx(ctx, s.closing, d)
}
