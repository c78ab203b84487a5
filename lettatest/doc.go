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
// [DONE]) or an asynchronous run. File uploads create a job that runs and
// completes in the background, a file stored as the server names it
// (name_<32 hex>.ext) and passages. A fresh server has Letta's
// base tools, a fixed list of LLM and embedding models and a small
// Composio catalog.
//
// Errors are the server's: 404 {"detail": "..."} for unknown ids, 422 with
// FastAPI's list-form detail for invalid bodies and queries, 500 for an
// unknown agent on the message endpoints, 405/404 for the Letta Cloud-only
// routes (agents.search, agents.templates.*, agents.memory_variables.list)
// and for unknown paths, and an empty 307 to the right trailing slash.
// The statuses that look odd are the server's too: deleting an unknown
// tool is a 400; detaching a tool or source the agent does not have, or
// listing the messages, archival memory or files of an unknown agent or
// source, succeeds (an empty list); detaching a block the agent does not
// have is a 404; a block value over the block's stored limit is a 400, and
// one over the limit sent with it (5000 when none is) a 422.
//
// Lists page as the server's SqlalchemyBase.list does: cursors are ids,
// after= and before= bound the window, the window is sorted oldest first
// and cut to its first limit items (agents have no default limit). With
// both cursors the middle limit of 2*limit items is kept, and without a
// limit that is the server's 500. An unknown cursor is a 404 (agents,
// files, run messages) or a 500 (tools, providers, messages), as on the
// server. Messages list the newest limit (10) rows after the cursor,
// oldest first. Archival memory's integer cursors are a 400, as on the
// server, which hands them to a method typed for strings.
//
// # Postgres, not SQLite
//
// lettatest imitates a Postgres-backed server. The server in
// ../shared/letta-server, which the differential harness (package
// difftest) compares it with, runs on SQLite, and differs in ways that
// come from SQLite alone: timestamps without a time zone, created_at to
// the second (rows created in the same second tie and come in id order),
// cursors compared as text (a before= cursor lists the rows of its own
// second), and a unique violation that is a plain-text 500. lettatest
// stamps microseconds in UTC and answers those cases as Postgres does: a
// tool name taken is a 409, a block label already used on the agent the
// generic {"detail": "An internal server error occurred"} 500. Where the
// server answers a bug with a 500 on both databases (both cursors without
// a limit, an unknown message cursor, the messages of an unknown run, an
// upload to an unknown source), lettatest answers the same 500.
//
// # What it does not imitate
//
// Nothing is embedded for real: the Responder replaces the LLM,
// embeddings are a hash of the text padded to 4096 floats, tokens are
// counted as four characters each, and files are split into passages only
// when they are UTF-8 text (the server parses more formats).
// sources.passages.list answers [] as the server's stub does; a source's
// passages reach its agents' archival memory. The model list is the
// reference server's (letta/letta-free, openai/gpt-4o-mini,
// openai/gpt-4o); any other "provider/model" handle gets a made-up
// configuration instead of the server's error. An agent's tools, sources
// and memory blocks come in the order they were attached; the server
// gives them in no defined order. Run messages take only messages of the
// run as cursors. Upload jobs pass through "running" (see WithJobDelay)
// but never fail for a file the server could not parse. The Composio
// catalog is a small fixed sample.
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
