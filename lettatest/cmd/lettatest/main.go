// Command lettatest runs the in-memory Letta server of package lettatest
// until interrupted, for trying the SDK, its examples or other Letta
// clients without a real server:
//
//	go run ./lettatest/cmd/lettatest -addr localhost:8283 -log &
//	LETTA_BASE_URL=http://localhost:8283 go run ./examples/quickstart
//
// It prints the base URL once it listens, logs each request with -log
// (method, path, status, duration, on stderr) and, on Ctrl-C or SIGTERM,
// waits for the requests in flight and stops. Give -token-delay (for
// example 40ms) to see token streams arrive word by word.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/letta-go/letta/lettatest"
)

// shutdownGrace is how long an interrupted server waits for the requests
// in flight (a slow stream, a running tool) before the command exits.
const shutdownGrace = 5 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, stop)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lettatest:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends. stopSignals, called once ctx has ended,
// restores the default signal handling, so that a second Ctrl-C ends the
// process at once.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, stopSignals func()) error {
	fs := flag.NewFlagSet("lettatest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8283", "address to listen on (host:port; port 0 picks a free one)")
	logRequests := fs.Bool("log", false, "log every request (method, path, status, duration) on stderr")
	streamDelay := fs.Duration("stream-delay", 0, "pause before each frame of a message stream")
	tokenDelay := fs.Duration("token-delay", 0, "pause before each token chunk of a token stream (stream_tokens)")
	jobDelay := fs.Duration("job-delay", 0, "time a file-upload job stays pending")
	runDelay := fs.Duration("run-delay", 0, "time an asynchronous run stays pending")
	toolTimeout := fs.Duration("tool-timeout", lettatest.DefaultToolTimeout, "time limit of one tool execution")
	password := fs.String("password", "", "require X-BARE-PASSWORD: password <pw>, as a server started with --secure")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %v", *addr, err)
	}

	opts := []lettatest.Option{
		lettatest.WithAddress(*addr),
		lettatest.WithStreamDelay(*streamDelay),
		lettatest.WithTokenDelay(*tokenDelay),
		lettatest.WithJobDelay(*jobDelay),
		lettatest.WithRunDelay(*runDelay),
		lettatest.WithToolTimeout(*toolTimeout),
		lettatest.WithPassword(*password),
	}
	if *logRequests {
		opts = append(opts, lettatest.WithLogger(slog.New(slog.NewTextHandler(stderr, nil))))
	}
	srv, err := newServer(opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "lettatest: in-memory Letta server listening on %s (Ctrl-C to stop)\n", baseURL(host, srv.Listener.Addr()))

	<-ctx.Done()
	stopSignals()
	fmt.Fprintln(stderr, "lettatest: interrupted, finishing the requests in flight (Ctrl-C again to quit now)")
	done := make(chan struct{})
	go func() { srv.Close(); close(done) }()
	select {
	case <-done:
		fmt.Fprintln(stderr, "lettatest: stopped")
	case <-time.After(shutdownGrace):
		fmt.Fprintf(stderr, "lettatest: requests still running after %v; stopping anyway\n", shutdownGrace)
	}
	return nil
}

// newServer starts the server, turning NewServer's panic on a busy or
// bad address into an error.
func newServer(opts []lettatest.Option) (srv *lettatest.Server, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errors.New(strings.TrimPrefix(fmt.Sprint(p), "lettatest: "))
		}
	}()
	return lettatest.NewServer(opts...), nil
}

// baseURL is the server's URL with the host as the user wrote it
// ("localhost" stays "localhost") and the port it listens on; an empty
// host (":8283", every interface) is shown as localhost.
func baseURL(host string, listening net.Addr) string {
	_, port, err := net.SplitHostPort(listening.String())
	if err != nil {
		return "http://" + listening.String()
	}
	if host == "" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
