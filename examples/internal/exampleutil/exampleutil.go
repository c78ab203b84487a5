// Package exampleutil holds what the programs in examples/ share: picking
// the server to talk to and stopping on errors. It is internal to them;
// in your own program, create the client with letta.NewClient.
package exampleutil

import (
	"fmt"
	"log"
	"os"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
)

// Client returns a client for the server at LETTA_BASE_URL (letta.NewClient
// also reads LETTA_API_KEY, for Letta Cloud) or, when that is not set, for
// an in-memory lettatest server started with opts, which it says on stdout.
// Call the returned func when done: it stops that server.
func Client(opts ...lettatest.Option) (*letta.Client, func()) {
	if os.Getenv("LETTA_BASE_URL") != "" {
		return letta.NewClient(), func() {}
	}
	fmt.Println("LETTA_BASE_URL is not set: using the in-memory lettatest server")
	srv := lettatest.NewServer(opts...)
	return letta.NewClient(option.WithBaseURL(srv.URL)), srv.Close
}

// Check ends the program with err's message when err is not nil.
func Check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
