package jobs_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/types"
)

// integration returns a client of the real server at LETTA_INTEGRATION_URL,
// or skips the test when it is unset.
func integration(t *testing.T) *letta.Client {
	url := os.Getenv("LETTA_INTEGRATION_URL")
	if url == "" {
		t.Skip("LETTA_INTEGRATION_URL is not set")
	}
	return letta.NewClient(option.WithBaseURL(url))
}

// unique returns a source name no earlier run of the suite has used.
func unique(prefix string) string {
	return fmt.Sprintf("%s-%d", prefix, time.Now().UnixNano())
}

func embedding(endpointType string) *types.EmbeddingConfig {
	return &types.EmbeddingConfig{
		EmbeddingEndpointType: types.EmbeddingConfigEmbeddingEndpointType(endpointType),
		EmbeddingModel:        "text-embedding-ada-002",
		EmbeddingDim:          1536,
		EmbeddingChunkSize:    new(300),
		EmbeddingEndpoint:     new("https://api.openai.com/v1"),
	}
}

// Upload, wait, attach: the README's Jobs snippet, on the real server.
func TestIntegrationWaitForUpload(t *testing.T) {
	client := integration(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	src, err := client.Sources.Create(ctx, sources.CreateParams{Name: unique("jobs-wait"), EmbeddingConfig: embedding("openai")})
	require.NoError(t, err)
	job, err := client.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{
		File: strings.NewReader("Returns are accepted within 30 days."), Filename: "policy.txt",
	})
	require.NoError(t, err)
	job, err = client.Jobs.Wait(ctx, job.ID)
	require.NoError(t, err)
	assert.Equal(t, types.JobStatusCompleted, *job.Status)
	assert.Equal(t, json.Number("1"), job.Metadata["num_passages"])

	agent, err := client.Agents.Create(ctx, agents.CreateParams{
		Model: new("openai/gpt-4o-mini"), Embedding: new("openai/text-embedding-ada-002"),
	})
	require.NoError(t, err)
	_, err = client.Agents.Sources.Attach(ctx, agent.ID, src.ID)
	require.NoError(t, err)
	passages, err := client.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	require.Len(t, passages, 1)
	assert.Equal(t, "Returns are accepted within 30 days.", passages[0].Text)
}

// Letta 0.6.13 never marks an upload's job failed: a file it cannot load
// (here, for want of Azure credentials) leaves the job running, and only
// the context ends the wait.
func TestIntegrationWaitForUploadTheServerCannotLoad(t *testing.T) {
	client := integration(t)
	ctx := context.Background()
	src, err := client.Sources.Create(ctx, sources.CreateParams{Name: unique("jobs-stuck"), EmbeddingConfig: embedding("azure")})
	require.NoError(t, err)
	job, err := client.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{
		File: strings.NewReader("never embedded"), Filename: "stuck.txt",
	})
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	got, err := client.Jobs.Wait(ctx, job.ID)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.NotNil(t, got)
	assert.Contains(t, []types.JobStatus{types.JobStatusCreated, types.JobStatusRunning}, *got.Status)
	assert.NotContains(t, got.Metadata, "error")
}
