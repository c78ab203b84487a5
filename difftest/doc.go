// Package difftest compares lettatest with the real Letta server.
//
// Its test, TestDifferential, runs only when LETTA_INTEGRATION_URL names a
// running Letta server (0.6.13, as started by
// ../shared/letta-server/run.sh). It plays one scripted sequence of raw
// HTTP exchanges against an in-process lettatest server and against that
// server, and compares every exchange: the status, the JSON shape (keys,
// JSON types, discriminators, the form of error bodies), list lengths and
// orders (ids are replaced by symbols such as agent#3, numbered in the
// order each server first returned them), and the values the server
// derives (tool names and JSON schemas from source, stored file names
// name_<32 hex>.ext). It prints
//
//	difftest: N/M exchanges agree
//
// and every disagreement, path by path. The differences that come only
// from the real server's SQLite database are listed in known_test.go with
// the server code that explains each; they are reported but not counted.
//
// The harness scopes every list it can to its own objects (agents by a
// tag unique to the run, blocks by label, files, jobs and messages by
// their source or agent). Lists the API cannot scope (tools, sources,
// runs, providers) are checked for objects the harness did not create;
// an exchange that shows such foreign objects (another test suite sharing
// the server) is reported as skipped and not counted. On a fresh server,
// as in .ci/run, nothing is skipped and the comparison is exact. Both
// targets pause 1.1 s between creations whose order is compared, since the
// real server's SQLite stores created_at to the second.
//
// LETTA_DIFFTEST_DUMP=dir writes every exchange of both targets to
// dir/lettatest.json and dir/server.json, to read a disagreement in full.
package difftest
