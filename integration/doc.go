// Package integration is letta-go's integration suite: tests that drive
// every self-hosted method of the SDK against a real Letta server, in the
// flows a user writes, and check what the server did (values, counts,
// orders, effects seen by a later read), not only that no error came back.
//
// The tests run only when LETTA_INTEGRATION_URL is the base URL of a Letta
// server; otherwise each one is skipped, so `go test ./...` stays
// self-contained:
//
//	URL=$(../shared/letta-server/run.sh start)
//	LETTA_INTEGRATION_URL=$URL go test -race -count=1 -v ./integration/
//	../shared/letta-server/run.sh stop
//
// The suite keeps a registry of the 72 self-hosted methods of the
// reference client. A method counts as passed when at least one test used
// it and every test that used it passed. At the end it prints one line:
//
//	integration: 72/72 self-hosted methods passed against 0.6.13
//
// The five Letta Cloud methods are checked to get the status the server
// gives them.
//
// The checks of replies (messages, streams, runs, tools called by an agent)
// expect the deterministic stand-in LLM that ../shared/letta-server runs
// behind openai/gpt-4o-mini: a fixed reply text, a tool call when asked
// for one ("call tool NAME {…}"), 100 prompt and 20 completion tokens.
// Against a server with a real model those checks see other replies. Every name the suite creates carries a suffix unique to the
// run, and lists are filtered to the suite's own ids, so other clients may
// use the same server at the same time.
package integration
