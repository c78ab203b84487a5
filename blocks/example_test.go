package blocks_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/letta-go/letta/blocks"
	"github.com/letta-go/letta/option"
)

// Create a memory block that agents can share, then read it back.
func ExampleClient_Create() {
	srv := fakeBlockServer() // stands in for a Letta server
	defer srv.Close()

	client := blocks.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-…"))
	ctx := context.Background()
	block, err := client.Create(ctx, blocks.CreateParams{
		Label: "human",
		Value: "The user prefers metric units.",
		Limit: new(2000),
	})
	if err != nil {
		log.Fatal(err)
	}
	same, err := client.Retrieve(ctx, block.ID)
	if err != nil {
		log.Fatal(err)
	}
	if same.Label != nil && same.Limit != nil { // optional on the wire: check before use
		fmt.Printf("%s %s: %q (limit %d)\n", same.ID, *same.Label, same.Value, *same.Limit)
	}
	// Output: block-1 human: "The user prefers metric units." (limit 2000)
}

// fakeBlockServer keeps one block: POST /v1/blocks/ stores it with id
// block-1, GET /v1/blocks/block-1 returns it.
func fakeBlockServer() *httptest.Server {
	var stored map[string]any
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v1/blocks/":
			if err := json.NewDecoder(r.Body).Decode(&stored); err != nil {
				w.WriteHeader(http.StatusUnprocessableEntity)
				return
			}
			stored["id"] = "block-1"
		case r.Method == http.MethodGet && r.URL.Path == "/v1/blocks/block-1" && stored != nil:
		default:
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"detail":"Block not found"}`)
			return
		}
		json.NewEncoder(w).Encode(stored)
	}))
}
