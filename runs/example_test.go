package runs_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"time"

	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/runs"
)

// Wait for a run started by agents.MessagesClient.CreateAsync, with a
// deadline, and tell a failed run from a failed call.
func ExampleClient_Wait() {
	srv := fakeRunServer() // stands in for a Letta server
	defer srv.Close()

	client := runs.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-…"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	run, err := client.Wait(ctx, "run-1")
	var runErr *runs.RunError
	switch {
	case errors.As(err, &runErr):
		fmt.Println("the agent failed:", runErr.Message)
	case err != nil:
		log.Fatal(err) // the deadline passed, or the server could not be asked
	default:
		fmt.Println(run.ID, "completed") // a nil error means completed
	}
	// Output: run-1 completed
}

// fakeRunServer reports run-1 as running on the first poll and completed
// afterwards.
func fakeRunServer() *httptest.Server {
	var polls atomic.Int32
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		status := "completed"
		if polls.Add(1) == 1 {
			status = "running"
		}
		fmt.Fprintf(w, `{"id":"run-1","status":%q,"metadata":{}}`, status)
	}))
}
