// Package lettatest provides an in-memory Letta server for tests and
// examples: the 72 routes of a self-hosted Letta server (v0.6.13, the API
// of letta-client 0.1.20), answering with the same JSON, status codes and
// error bodies, with a deterministic stand-in for the LLM.
//
//	srv := lettatest.NewServer()
//	defer srv.Close()
//	client := letta.NewClient(option.WithBaseURL(srv.URL))
//
// # What it does
//
// State lives in memory and is safe for concurrent requests. Ids have the
// server's prefixes ("agent-<uuid4>", "tool-…", "block-…", "message-…"),
// timestamps are written as the server writes them, and every object
// carries all of its keys, null included. Agents have memory blocks
// (shared, editable by label, compiled into the system message), tools,
// sources, archival memory and a message history; messages sent to an
// agent are answered by a Responder (EchoResponder by default), through
// Messages.Create, the SSE stream (step or token frames, usage frame,
// [DONE]) or an asynchronous run. File uploads create a job that completes
// in the background, a file and passages. A fresh server has Letta's
// base tools, a fixed list of LLM and embedding models and a small
// Composio catalog.
//
// Errors are the server's: 404 {"detail": "..."} for unknown ids, 422 with
// FastAPI's list-form detail for invalid bodies and queries, 500 for an
// unknown agent on the message endpoints, 405/404 for the Letta Cloud-only
// routes (agents.search, agents.templates.*, agents.memory_variables.list)
// and for unknown paths, 307 to the right trailing slash.
//
// # Simplifications
//
// Nothing is embedded for real: the Responder replaces the LLM,
// embeddings are a hash of the text padded to 4096 floats, and tokens
// are counted as four characters each. Files are split into
// passages only when they are UTF-8 text. Unlike the real server's stub,
// sources.passages.list returns the passages of the source's files.
// Archival memory's integer cursors are offsets in the list, oldest
// passage first (after=n skips n passages), as the SDK's ListIter uses
// them. Unknown model handles ("provider/model") get a
// made-up configuration instead of an error.
//
// # Tools
//
// A tool's name, description and JSON schema are derived from its source
// as the server derives them (the last function defined, Google or ReST
// docstring, the server's type mapping and its 400 error texts). Tools
// really run, wherever the server would run them: run_tool_from_source,
// and a tool call a Responder leaves unanswered (RunTool). A Go
// implementation given with WithToolRunner runs first; else the Python
// source runs with python3, as the server's local sandbox runs it (str()
// of the result, stdout and stderr captured, the exception as an "error"
// status), within WithToolTimeout. Without python3 on PATH the run fails
// and says so; no result is made up. Not imitated: NumPy- and
// Epydoc-style docstrings, Pydantic models as parameters, a class as the
// last definition, Python syntax errors other than an unclosed parameter
// list, the agent's state given to a tool's agent_state parameter (it
// gets None), and the server's environment variables as the tool's
// globals (only the request's env_vars are).
//
// WithTokenDelay slows token streams down to a visible pace; WithLogger
// logs each request. The command lettatest/cmd/lettatest serves a Server
// on a fixed address with flags for these options.
//
// # Fault injection
//
// Server.FailNext arms failures for the next matching requests: an error
// status (with Retry-After or any header), a delay, a dropped connection,
// or, on the message stream, an error frame or a truncated stream.
// Server.Requests and Server.CountRequests show what arrived, so a test
// can check a client's retries.
package lettatest
