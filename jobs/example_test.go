package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
)

// Upload a document and wait until the server has split it into passages.
// A deadline matters: a Letta 0.6.13 server leaves the job of a file it
// cannot load running forever.
func ExampleClient_Wait() {
	srv := lettatest.NewServer() // stands in for a Letta server
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	// A source embeds its passages with a model the server offers.
	embeddings, err := client.Models.ListEmbeddingModels(ctx)
	if err != nil || len(embeddings) == 0 {
		log.Fatalf("no embedding model: %v", err)
	}
	source, err := client.Sources.Create(ctx, sources.CreateParams{Name: "policies", EmbeddingConfig: &embeddings[0]})
	if err != nil {
		log.Fatal(err)
	}
	job, err := client.Sources.Files.Upload(ctx, source.ID, sources.FilesUploadParams{
		File:     strings.NewReader("Returns are accepted within 30 days."),
		Filename: "returns.txt",
	})
	if err != nil {
		log.Fatal(err)
	}
	job, err = client.Jobs.Wait(ctx, job.ID)
	var jobErr *jobs.JobError
	switch {
	case errors.As(err, &jobErr):
		log.Fatalf("the server could not load the file: %s", jobErr.Message)
	case err != nil:
		log.Fatal(err) // the deadline passed, or the server could not be asked
	}
	fmt.Println("passages:", job.Metadata["num_passages"])
	// Output: passages: 1
}
