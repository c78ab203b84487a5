package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/jobs"
	"github.com/letta-go/letta/sources"
	"github.com/letta-go/letta/types"
)

// The server lists at most the oldest 50 jobs (and runs), and filters by
// source after that cap: on a busy server a new one may not be listed.
const serverListCap = 50

func TestSourceLifecycle(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "sources.create", "sources.retrieve", "sources.get_by_name", "sources.list", "sources.modify", "sources.delete")

	// The server's own check: a source needs an embedding configuration.
	name := unique("source")
	_, err := c.Sources.Create(ctx, sources.CreateParams{Name: name})
	apiErr := requireAPIError(t, err, 400)
	assert.Contains(t, apiErr.Detail, "embedding_config")

	config := embeddingConfig(t, c, ctx)
	src, err := c.Sources.Create(ctx, sources.CreateParams{Name: name, EmbeddingConfig: config, Description: new("handbook")})
	require.NoError(t, err)
	t.Cleanup(func() { c.Sources.Delete(context.Background(), src.ID) })
	assert.True(t, strings.HasPrefix(src.ID, "source-"), src.ID)
	assert.Equal(t, name, src.Name)
	assert.Equal(t, "handbook", deref(src.Description))
	assert.Equal(t, config.EmbeddingModel, src.EmbeddingConfig.EmbeddingModel)
	assert.Equal(t, config.EmbeddingDim, src.EmbeddingConfig.EmbeddingDim)

	got, err := c.Sources.Retrieve(ctx, src.ID)
	require.NoError(t, err)
	assert.Equal(t, name, got.Name)
	require.NotNil(t, got.CreatedAt)
	assert.False(t, got.CreatedAt.IsZero())

	id, err := c.Sources.GetByName(ctx, name)
	require.NoError(t, err)
	assert.Equal(t, src.ID, id)

	find := func() *types.Source {
		list, err := c.Sources.List(ctx)
		require.NoError(t, err)
		for _, s := range list {
			if s.ID == src.ID {
				return &s
			}
		}
		return nil
	}
	listed := find()
	require.NotNil(t, listed, "source %s not listed", src.ID)
	// The list replaces metadata with counts.
	assert.Equal(t, json.Number("0"), listed.Metadata["num_passages"])

	renamed := name + "-renamed"
	modified, err := c.Sources.Modify(ctx, src.ID, sources.ModifyParams{Name: new(renamed), Description: new("updated")})
	require.NoError(t, err)
	assert.Equal(t, renamed, modified.Name)
	got, err = c.Sources.Retrieve(ctx, src.ID)
	require.NoError(t, err)
	assert.Equal(t, renamed, got.Name)
	assert.Equal(t, "updated", deref(got.Description))
	id, err = c.Sources.GetByName(ctx, renamed)
	require.NoError(t, err)
	assert.Equal(t, src.ID, id)
	_, err = c.Sources.GetByName(ctx, name)
	requireAPIError(t, err, 404)

	_, err = c.Sources.Delete(ctx, src.ID)
	require.NoError(t, err)
	_, err = c.Sources.Retrieve(ctx, src.ID)
	assert.ErrorIs(t, err, types.ErrNotFound)
	assert.Nil(t, find())
}

// handbook is an uploaded file: three lines, one passage.
const handbook = `Shipping: orders leave our warehouse within two business days.
Returns: items can be returned within 30 days, free of charge.
Support: write to help@example.com; we answer within one day.
`

func TestUploadJobPassagesAndAgentSources(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "sources.files.upload", "jobs.retrieve", "jobs.list", "jobs.list_active", "jobs.delete",
		"sources.files.list", "sources.files.delete", "sources.passages.list", "sources.list",
		"agents.sources.attach", "agents.sources.list", "agents.sources.detach", "agents.archival_memory.list")

	src, err := c.Sources.Create(ctx, sources.CreateParams{Name: unique("source"), EmbeddingConfig: embeddingConfig(t, c, ctx)})
	require.NoError(t, err)
	t.Cleanup(func() { c.Sources.Delete(context.Background(), src.ID) })

	job, err := c.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{File: strings.NewReader(handbook), Filename: "handbook.txt", ContentType: "text/plain"})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(job.ID, "job-"), job.ID)
	assert.Equal(t, types.JobStatusCreated, deref(job.Status))
	assert.Equal(t, src.ID, job.Metadata["source_id"])
	assert.Equal(t, "handbook.txt", job.Metadata["filename"])

	done := waitJob(t, c, ctx, job.ID)
	require.NotNil(t, done.CompletedAt, "a completed job has completed_at")
	assert.False(t, done.CompletedAt.IsZero(), "completed_at decodes (the server sends it without a zone)")
	assert.False(t, done.CompletedAt.Before(done.CreatedAt.Time), "completed %v before created %v", done.CompletedAt, done.CreatedAt)
	assert.Equal(t, json.Number("1"), done.Metadata["num_passages"])
	assert.Equal(t, json.Number("1"), done.Metadata["num_documents"])

	all, err := c.Jobs.List(ctx, jobs.ListParams{})
	require.NoError(t, err)
	bySource, err := c.Jobs.List(ctx, jobs.ListParams{SourceID: new(src.ID)})
	require.NoError(t, err)
	for _, j := range bySource {
		assert.Equal(t, src.ID, j.Metadata["source_id"], "jobs.list filters by source")
	}
	if len(all) < serverListCap {
		assert.Equal(t, []string{job.ID}, ids(bySource, func(j types.Job) string { return j.ID }))
	} else {
		t.Logf("the server holds %d jobs or more: it may not list ours", serverListCap)
	}
	active, err := c.Jobs.ListActive(ctx)
	require.NoError(t, err)
	for _, j := range active {
		assert.NotEqual(t, job.ID, j.ID, "a completed job is not active")
		assert.Contains(t, []types.JobStatus{types.JobStatusCreated, types.JobStatusRunning}, deref(j.Status))
	}

	// The server stores the file as <name>_<32 hex digits>.<ext>.
	files, err := c.Sources.Files.List(ctx, src.ID, sources.FilesListParams{})
	require.NoError(t, err)
	require.Len(t, files, 1)
	f := files[0]
	assert.Regexp(t, regexp.MustCompile(`^handbook_[0-9a-f]{32}\.txt$`), deref(f.FileName))
	assert.Equal(t, len(handbook), deref(f.FileSize))
	assert.Equal(t, src.ID, f.SourceID)
	var iterated []string
	for f, err := range c.Sources.Files.ListIter(ctx, src.ID, sources.FilesListParams{Limit: new(1)}) {
		require.NoError(t, err)
		iterated = append(iterated, f.ID)
	}
	assert.Equal(t, []string{f.ID}, iterated)

	// Letta 0.6.13 does not implement the source's passage list: it
	// always answers []. Whatever a server lists must be this source's.
	passages, err := c.Sources.Passages.List(ctx, src.ID)
	require.NoError(t, err)
	for _, p := range passages {
		assert.Equal(t, src.ID, deref(p.SourceID))
	}
	// The passage count is in the source list's metadata.
	list, err := c.Sources.List(ctx)
	require.NoError(t, err)
	var counted bool
	for _, s := range list {
		if s.ID == src.ID {
			counted = true
			assert.Equal(t, json.Number("1"), s.Metadata["num_passages"])
		}
	}
	assert.True(t, counted, "source %s not listed", src.ID)

	// Attached to an agent, the file's passages are in its archival memory.
	agent := newAgent(t, c, ctx, nil)
	attached, err := c.Agents.Sources.Attach(ctx, agent.ID, src.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{src.ID}, ids(attached.Sources, func(s types.Source) string { return s.ID }))
	listed, err := c.Agents.Sources.List(ctx, agent.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{src.ID}, ids(listed, func(s types.Source) string { return s.ID }))
	archival, err := c.Agents.ArchivalMemory.List(ctx, agent.ID, agents.ArchivalMemoryListParams{})
	require.NoError(t, err)
	require.Len(t, archival, 1)
	assert.Equal(t, src.ID, deref(archival[0].SourceID))
	assert.Equal(t, f.ID, deref(archival[0].FileID))
	assert.Equal(t, strings.Join(strings.Fields(handbook), " "), strings.Join(strings.Fields(archival[0].Text), " "))

	detached, err := c.Agents.Sources.Detach(ctx, agent.ID, src.ID)
	require.NoError(t, err)
	assert.Empty(t, detached.Sources)
	listed, err = c.Agents.Sources.List(ctx, agent.ID)
	require.NoError(t, err)
	assert.Empty(t, listed)

	err = c.Sources.Files.Delete(ctx, src.ID, f.ID)
	require.NoError(t, err)
	files, err = c.Sources.Files.List(ctx, src.ID, sources.FilesListParams{})
	require.NoError(t, err)
	assert.Empty(t, files)

	deleted, err := c.Jobs.Delete(ctx, job.ID)
	require.NoError(t, err)
	assert.Equal(t, job.ID, deleted.ID)
	_, err = c.Jobs.Retrieve(ctx, job.ID)
	requireAPIError(t, err, 404)
	bySource, err = c.Jobs.List(ctx, jobs.ListParams{SourceID: new(src.ID)})
	require.NoError(t, err)
	assert.Empty(t, bySource)
}

// TestFilesPaging uploads three files and pages through them one at a time.
func TestFilesPaging(t *testing.T) {
	c, ctx := setup(t)
	uses(t, "sources.files.upload", "sources.files.list", "jobs.retrieve")
	src, err := c.Sources.Create(ctx, sources.CreateParams{Name: unique("source"), EmbeddingConfig: embeddingConfig(t, c, ctx)})
	require.NoError(t, err)
	t.Cleanup(func() { c.Sources.Delete(context.Background(), src.ID) })
	for i := range 3 {
		// One second apart: cursors among files of the same second are
		// not reliable on SQLite (see TestAgentLifecycle).
		if i > 0 {
			time.Sleep(1100 * time.Millisecond)
		}
		job, err := c.Sources.Files.Upload(ctx, src.ID, sources.FilesUploadParams{File: strings.NewReader(fmt.Sprintf("file number %d", i)), Filename: fmt.Sprintf("f%d.txt", i)})
		require.NoError(t, err)
		waitJob(t, c, ctx, job.ID)
	}
	all, err := c.Sources.Files.List(ctx, src.ID, sources.FilesListParams{})
	require.NoError(t, err)
	require.Len(t, all, 3)
	var paged []string
	for f, err := range c.Sources.Files.ListIter(ctx, src.ID, sources.FilesListParams{Limit: new(1)}) {
		require.NoError(t, err)
		paged = append(paged, f.ID)
	}
	assert.Equal(t, ids(all, func(f types.FileMetadata) string { return f.ID }), paged, "every file once, in the list's order")
	first, err := c.Sources.Files.List(ctx, src.ID, sources.FilesListParams{Limit: new(2)})
	require.NoError(t, err)
	assert.Len(t, first, 2)
}
