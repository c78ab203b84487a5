// Command lettatest runs the in-memory Letta server of package lettatest
// until interrupted, for trying the SDK, its examples or other Letta
// clients without a real server:
//
//	go run ./lettatest/cmd/lettatest -addr localhost:8283 &
//	LETTA_BASE_URL=http://localhost:8283 go run ./examples/quickstart
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/letta-go/letta/lettatest"
)

func main() {
	addr := flag.String("addr", "localhost:8283", "address to listen on")
	streamDelay := flag.Duration("stream-delay", 0, "pause before each frame of a message stream")
	jobDelay := flag.Duration("job-delay", 0, "time a file-upload job stays pending")
	runDelay := flag.Duration("run-delay", 0, "time an asynchronous run stays pending")
	password := flag.String("password", "", "require X-BARE-PASSWORD: password <pw>, as a server started with --secure")
	flag.Parse()

	srv := lettatest.NewServer(
		lettatest.WithAddress(*addr),
		lettatest.WithStreamDelay(*streamDelay),
		lettatest.WithJobDelay(*jobDelay),
		lettatest.WithRunDelay(*runDelay),
		lettatest.WithPassword(*password),
	)
	fmt.Printf("lettatest: in-memory Letta server listening on %s\n", srv.URL)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	done := make(chan struct{})
	go func() { srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
}
