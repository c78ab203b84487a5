// Package letta is the Go SDK for the Letta REST API: a server for stateful
// LLM agents with memory blocks, archival memory, tools and data sources.
//
//	client := letta.NewClient(option.WithBaseURL("http://localhost:8283"))
//	agent, err := client.Agents.Create(ctx, agents.CreateParams{Model: new("openai/gpt-4o-mini")})
//
// Client has one field per API resource (Agents, Tools, Sources, Blocks,
// Jobs, Runs, Models, Providers, Health, Tag), each a client of the package
// of that name. Every method is Method(ctx, <path ids>, [params], opts...);
// the wire types it takes and returns are in package types. Optional fields
// are pointers: set them with new("x") (Go 1.26), and check them for nil
// before reading them, since a server may leave any of them out.
//
// To try it, run the programs in examples/ (go run ./examples/quickstart):
// without LETTA_BASE_URL they start lettatest, an in-memory Letta server
// that also serves your own tests (package lettatest).
//
// # Configuration
//
// NewClient reads LETTA_BASE_URL, LETTA_API_KEY and LETTA_SERVER_PASSWORD
// from the environment; options given to it override them, and options given
// to a method override the client's for that call. See package [option], which also has the escape
// hatches for what the SDK does not model: extra body fields, query
// parameters and headers, and the raw response.
//
// # Errors
//
// A non-2xx response is a *types.APIError; errors.Is matches it against
// types.ErrNotFound, ErrUnprocessable, ErrConflict, ErrUnauthorized,
// ErrRateLimited and ErrServer. A 2xx response that is not the JSON the
// method expects is a *types.DecodeError, and an error frame in a stream a
// *types.StreamError. An empty id is an error returned before anything is
// sent. [runs.Client.Wait] and [jobs.Client.Wait] report a run or job that
// failed as a *runs.RunError or *jobs.JobError.
//
// # Lists, streams and background work
//
// Paginated lists have an …Iter companion ([agents.Client.ListIter],
// [tools.Client.ListIter], …) that returns an iter.Seq2 following the cursor
// page by page. [agents.MessagesClient.CreateStream] streams a reply (Next,
// Current, Err, Close, or All for a range loop). Messages.CreateAsync starts
// a run that runs.Client.Wait waits for; a file upload starts a job that
// jobs.Client.Wait waits for.
//
// # Retries and timeouts
//
// Failed requests are retried twice by default (option.WithMaxRetries), with
// exponential backoff from 0.5 s up to 8 s plus jitter, or as long as the
// server's Retry-After or Retry-After-Ms asks (capped at 60 s). GET, PUT and
// DELETE are retried on connection errors, 408, 409, 429 and 5xx. POST and
// PATCH are retried only where the server cannot have acted: 429, 503, or a
// connection that failed before the request was written, because a retried
// message would run the agent twice. A stream follows the same rules until
// its response headers are in, and is never retried after that. The context
// bounds the whole call; option.WithRequestTimeout (default 60 s) bounds
// each wait on the server within an attempt (for the response headers, and
// any silence while a body is sent or received), not a transfer that keeps
// progressing; option.WithStreamIdleTimeout bounds a silent stream.
//
// # Escape hatches
//
// Client.Execute, Get, Post, Put, Patch and Delete call any endpoint,
// ExecuteStream streams any event-stream endpoint, option.WithResponseInto
// returns the raw response of any call, and option.WithLogger logs every
// attempt.
package letta
