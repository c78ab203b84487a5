package option_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// WithResponseInto gives the status and headers of a call's response,
// for a success and for an API error alike.
func ExampleWithResponseInto() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	var resp *http.Response
	if _, err := client.Health.Check(ctx, option.WithResponseInto(&resp)); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.StatusCode, resp.Header.Get("Content-Type"))

	_, err := client.Agents.Retrieve(ctx, "agent-00000000-0000-4000-8000-000000000000", option.WithResponseInto(&resp))
	fmt.Println(errors.Is(err, types.ErrNotFound), resp.StatusCode)
	// Output:
	// 200 application/json
	// true 404
}

// WithLogger writes one Debug record per attempt; here a retried 503.
// (The time and duration attributes are dropped to keep the output
// stable.)
func ExampleWithLogger() {
	srv := lettatest.NewServer()
	defer srv.Close()
	srv.FailNext(1, lettatest.Fault{Status: 503, Header: http.Header{"Retry-After-Ms": {"1"}}})

	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			switch a.Key {
			case slog.TimeKey, "duration", "url", "error":
				return slog.Attr{}
			}
			return a
		},
	}))
	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-never-logged"), option.WithLogger(logger))
	if _, err := client.Health.Check(context.Background()); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// level=DEBUG msg="letta: request" method=GET attempt=1 status=503 retry="status 503; the server asked to retry later" retry_in=1ms
	// level=DEBUG msg="letta: request" method=GET attempt=2 status=200
}

// WithServerPassword is what a self-hosted server started with a password
// needs (LETTA_SERVER_PASSWORD in the environment does the same).
func ExampleWithServerPassword() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-BARE-PASSWORD") != "password hunter2" {
			http.Error(w, `{"detail":"Unauthorized"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"version":"0.6.13","status":"ok"}`)
	}))
	defer srv.Close()

	_, err := letta.NewClient(option.WithBaseURL(srv.URL)).Health.Check(context.Background())
	fmt.Println(errors.Is(err, types.ErrUnauthorized))

	client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithServerPassword("hunter2"))
	health, err := client.Health.Check(context.Background())
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(health.Status)
	// Output:
	// true
	// ok
}
