package health_test

import (
	"context"
	"fmt"
	"log"

	"github.com/letta-go/letta/health"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
)

// Check that a server is up, and which Letta version it runs, before
// relying on it (for example in a readiness probe).
func ExampleClient_Check() {
	srv := lettatest.NewServer() // stands in for a Letta server
	defer srv.Close()
	client := health.NewClient(option.WithBaseURL(srv.URL))

	health, err := client.Check(context.Background())
	if err != nil {
		log.Fatal(err) // unreachable, or not a Letta server
	}
	fmt.Println(health.Status, health.Version)
	// Output: ok 0.6.13
}
