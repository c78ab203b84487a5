// Sources uploads a file to a data source, waits for the server to split
// and embed it, and attaches the source to an agent.
//
//	go run ./examples/sources
//
// With LETTA_BASE_URL set (and LETTA_API_KEY for Letta Cloud) it talks to
// that server; otherwise to an in-memory lettatest server.
package main

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/examples/internal/exampleutil"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/types"
)

const handbook = `Shipping: orders leave our warehouse within two business days.
Returns: items can be returned within 30 days, free of charge.
Support: write to help@example.com; we answer within one day.`

func main() {
	client, stop := exampleutil.Client()
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	src, err := client.Sources.Create(ctx, sources.CreateParams{Name: fmt.Sprintf("handbook-%d", time.Now().Unix())})
	exampleutil.Check(err)
	defer client.Sources.Delete(ctx, src.ID)

	job, err := client.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{
		File:     strings.NewReader(handbook),
		Filename: "handbook.txt",
	})
	exampleutil.Check(err)
	fmt.Printf("uploaded handbook.txt: job %s is %s\n", job.ID, *job.Status)

	// The job runs in the background; poll it.
	for *job.Status != types.JobStatusCompleted {
		if *job.Status == types.JobStatusFailed {
			log.Fatalf("job failed: %v", job.Metadata)
		}
		time.Sleep(200 * time.Millisecond)
		job, err = client.Jobs.Retrieve(ctx, job.ID)
		exampleutil.Check(err)
	}
	fmt.Println("job completed")

	files, err := client.Sources.Files.List(ctx, src.ID, sources.FilesListParams{})
	exampleutil.Check(err)
	for _, f := range files {
		fmt.Printf("  file %s: %d bytes, %s\n", *f.FileName, *f.FileSize, *f.FileType)
	}
	passages, err := client.Sources.Passages.List(ctx, src.ID)
	exampleutil.Check(err)
	fmt.Printf("  %d passage(s)\n", len(passages))

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Name:      new("support"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
		SourceIDs: []string{src.ID},
	})
	exampleutil.Check(err)
	defer client.Agents.Delete(ctx, agent.ID)
	fmt.Printf("agent %s reads source %s\n", agent.Name, agent.Sources[0].Name)
}
