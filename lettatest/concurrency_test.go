package lettatest_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/types"
)

// TestConcurrentAgents has 32 goroutines create agents and talk to them
// (Create, CreateStream, CreateAsync) while they also all talk to one
// shared agent; afterwards the counts of agents and messages must add up
// and every agent's in-context message ids must exist, once each. Run it
// with -race.
func TestConcurrentAgents(t *testing.T) {
	const workers, perWorker = 32, 3
	ctx := context.Background()
	_, client := setup(t)
	shared := newAgent(t, client, agents.CreateParams{Name: new("shared")})

	var wg sync.WaitGroup
	ids := make([]string, workers)
	errs := make(chan error, workers*10)
	for w := range workers {
		wg.Go(func() {
			agent, err := client.Agents.Create(ctx, agents.CreateParams{
				Name:         new(fmt.Sprintf("worker-%02d", w)),
				Model:        new("openai/gpt-4o-mini"),
				Embedding:    new("openai/text-embedding-ada-002"),
				MemoryBlocks: []types.CreateBlock{{Label: "human", Value: fmt.Sprintf("worker %d", w)}},
				Tags:         []string{fmt.Sprintf("w%d", w%4)},
			})
			if err != nil {
				errs <- err
				return
			}
			ids[w] = agent.ID
			for i := range perWorker {
				text := fmt.Sprintf("w%d m%d", w, i)
				resp, err := client.Agents.Messages.Create(ctx, agent.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage(text)}})
				if err != nil {
					errs <- err
					return
				}
				if got := types.ContentText(resp.Messages[1].(types.AssistantMessage).Content); got != "Echo: "+text {
					errs <- fmt.Errorf("reply %q to %q", got, text)
				}
			}
			// One stream to the shared agent and one plain message.
			stream, err := client.Agents.Messages.CreateStream(ctx, shared.ID, agents.MessagesCreateStreamParams{Messages: []types.MessageCreate{types.NewUserMessage(fmt.Sprintf("stream from %d", w))}})
			if err != nil {
				errs <- err
				return
			}
			for stream.Next() {
			}
			if err := stream.Err(); err != nil {
				errs <- err
			}
			stream.Close()
			if _, err := client.Agents.Messages.Create(ctx, shared.ID, agents.MessagesCreateParams{Messages: []types.MessageCreate{types.NewUserMessage(fmt.Sprintf("hello from %d", w))}}); err != nil {
				errs <- err
			}
			// And an asynchronous run, waited for.
			run, err := client.Agents.Messages.CreateAsync(ctx, agent.ID, agents.MessagesCreateAsyncParams{Messages: []types.MessageCreate{types.NewUserMessage("async")}})
			if err != nil {
				errs <- err
				return
			}
			if _, err := client.Runs.Wait(ctx, run.ID); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	require.False(t, t.Failed())

	all, err := client.Agents.List(ctx, agents.ListParams{Limit: new(1000)})
	require.NoError(t, err)
	assert.Len(t, all, workers+1)

	check := func(agentID string, requests int) {
		t.Helper()
		hist, err := client.Agents.Messages.List(ctx, agentID, agents.MessagesListParams{MsgObject: new(true), Limit: new(10000)})
		require.NoError(t, err)
		// 4 initial messages; each request stores the user message, the
		// send_message call and its return.
		assert.Len(t, hist.Messages, 4+3*requests, agentID)
		stored := map[string]bool{}
		for _, m := range hist.Messages {
			assert.False(t, stored[m.ID], "duplicate message %s", m.ID)
			stored[m.ID] = true
		}
		agent, err := client.Agents.Retrieve(ctx, agentID)
		require.NoError(t, err)
		assert.Len(t, agent.MessageIDs, 4+3*requests, agentID)
		seen := map[string]bool{}
		for _, id := range agent.MessageIDs {
			assert.True(t, stored[id], "in-context message %s is not in the history", id)
			assert.False(t, seen[id], "message %s twice in context", id)
			seen[id] = true
		}
	}
	for _, id := range ids {
		check(id, perWorker+1)
	}
	check(shared.ID, 2*workers)

	runsList, err := client.Runs.ListRuns(ctx)
	require.NoError(t, err)
	assert.Len(t, runsList, workers)
	for _, r := range runsList {
		assert.Equal(t, types.JobStatusCompleted, *r.Status)
	}
}
