package integration

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/types"
)

// The model and embedding the suite's agents use; the server lists both.
const (
	model     = "openai/gpt-4o-mini"
	embedding = "openai/text-embedding-ada-002"
)

// requireAPIError checks that err is a *types.APIError with status and
// returns it.
func requireAPIError(t *testing.T, err error, status int) *types.APIError {
	t.Helper()
	var apiErr *types.APIError
	require.ErrorAs(t, err, &apiErr, "want a %d from the server", status)
	require.Equal(t, status, apiErr.StatusCode, "status of %s %s: %s", apiErr.Method, apiErr.URL, apiErr.Body)
	return apiErr
}

// newAgent creates an agent with a unique name and the suite's model and
// embedding, applies edit to the params first, and deletes the agent when
// the test ends.
func newAgent(t *testing.T, c *letta.Client, ctx context.Context, edit func(*agents.CreateParams)) *types.AgentState {
	t.Helper()
	params := agents.CreateParams{Name: new(unique("agent")), Model: new(model), Embedding: new(embedding)}
	if edit != nil {
		edit(&params)
	}
	agent, err := c.Agents.Create(ctx, params)
	require.NoError(t, err)
	t.Cleanup(func() { c.Agents.Delete(context.Background(), agent.ID) })
	return agent
}

// embeddingConfig returns the server's configuration of the suite's
// embedding model.
func embeddingConfig(t *testing.T, c *letta.Client, ctx context.Context) *types.EmbeddingConfig {
	t.Helper()
	list, err := c.Models.ListEmbeddingModels(ctx)
	require.NoError(t, err)
	for _, m := range list {
		if m.Handle != nil && *m.Handle == embedding {
			return &m
		}
	}
	t.Fatalf("the server lists no embedding model %s", embedding)
	return nil
}

// waitJob waits with Jobs.Wait for a job to complete, and fails t if it
// fails or does not end within a minute.
func waitJob(t *testing.T, c *letta.Client, ctx context.Context, jobID string) *types.Job {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	job, err := c.Jobs.Wait(ctx, jobID)
	require.NoError(t, err, "job %s", jobID)
	return job
}

// ids returns the ids of a list of objects.
func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, id(v))
	}
	return out
}

// deref returns *p, or the zero value when p is nil.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
