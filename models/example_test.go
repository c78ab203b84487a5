package models_test

import (
	"context"
	"fmt"
	"log"

	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/models"
	"github.com/letta-go/letta/option"
)

// Pick the models with a context window of at least 128k tokens. A model's
// handle ("provider/model") is what agents.CreateParams.Model takes.
func ExampleClient_ListLLMs() {
	srv := lettatest.NewServer() // stands in for a Letta server
	defer srv.Close()
	client := models.NewClient(option.WithBaseURL(srv.URL))

	llms, err := client.ListLLMs(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range llms {
		if m.ContextWindow >= 128_000 && m.Handle != nil { // Handle is optional on the wire
			fmt.Println(*m.Handle)
		}
	}
	// Output:
	// openai/gpt-4o-mini
	// openai/gpt-4o
}

// List the embedding models, whose handles agents.CreateParams.Embedding
// takes.
func ExampleClient_ListEmbeddingModels() {
	srv := lettatest.NewServer()
	defer srv.Close()
	client := models.NewClient(option.WithBaseURL(srv.URL))

	models, err := client.ListEmbeddingModels(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range models {
		if m.Handle != nil {
			fmt.Println(*m.Handle, m.EmbeddingDim)
		}
	}
	// Output:
	// letta/letta-free 1024
	// openai/text-embedding-ada-002 1536
	// openai/text-embedding-3-small 2000
	// openai/text-embedding-3-large 2000
}
