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

	// A source needs an embedding configuration: the server answers 400
	// without one. Take the one the agent below uses from the server's list.
	const embedding = "openai/text-embedding-ada-002"
	models, err := client.Models.ListEmbeddingModels(ctx)
	exampleutil.Check(err)
	var config *types.EmbeddingConfig
	for _, m := range models {
		if m.Handle != nil && *m.Handle == embedding {
			config = &m
			break
		}
	}
	if config == nil {
		log.Fatalf("the server has no embedding model %s", embedding)
	}

	src, err := client.Sources.Create(ctx, sources.CreateParams{
		Name:            fmt.Sprintf("handbook-%d", time.Now().UnixNano()),
		EmbeddingConfig: config,
	})
	exampleutil.Check(err)
	defer client.Sources.Delete(ctx, src.ID)

	job, err := client.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{
		File:     strings.NewReader(handbook),
		Filename: "handbook.txt",
	})
	exampleutil.Check(err)
	fmt.Printf("uploaded handbook.txt: job %s is %s\n", job.ID, status(job))

	// The job runs in the background. Jobs.Wait polls it until it ends: a
	// failed job comes back as a *jobs.JobError, and the context bounds the
	// wait (a 0.6.13 server leaves a job whose task crashed "running").
	job, err = client.Jobs.Wait(ctx, job.ID)
	exampleutil.Check(err)
	fmt.Println("job completed")

	files, err := client.Sources.Files.List(ctx, src.ID, sources.FilesListParams{})
	exampleutil.Check(err)
	for _, f := range files {
		// The server stores the file under a name of its own
		// (handbook_<32 hex digits>.txt on Letta 0.6.13).
		name, size := "(no name)", 0
		if f.FileName != nil {
			name = *f.FileName
		}
		if f.FileSize != nil {
			size = *f.FileSize
		}
		fmt.Printf("  file %s: %d bytes\n", name, size)
	}
	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Name:      new("support"),
		Model:     new("openai/gpt-4o-mini"),
		Embedding: new("openai/text-embedding-ada-002"),
		SourceIDs: []string{src.ID},
	})
	exampleutil.Check(err)
	defer client.Agents.Delete(ctx, agent.ID)
	for _, s := range agent.Sources {
		fmt.Printf("agent %s reads source %s\n", agent.Name, s.Name)
	}

	// The file's passages are now part of the agent's archival memory.
	// (Sources.Passages.List would list them too, but Letta 0.6.13
	// answers it with an empty list: the server does not implement it.)
	passages, err := client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	exampleutil.Check(err)
	fmt.Printf("  %d passage(s) in its archival memory\n", len(passages))
	for _, p := range passages {
		fmt.Printf("    %.60q\n", p.Text)
	}
}

// status returns the job's status, or "" when the server sent none.
func status(job *types.Job) types.JobStatus {
	if job.Status == nil {
		return ""
	}
	return *job.Status
}
