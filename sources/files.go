package sources

import (
	"context"
	"errors"
	"io"
	"iter"
	"net/http"

	"github.com/letta-go/letta/internal/core"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/types"
)

// FilesClient calls the /v1/sources/{source_id} file endpoints.
type FilesClient struct {
	core core.Core
}

// FilesUploadParams is the file to upload: its content, and the filename and
// content type sent with it.
type FilesUploadParams struct {
	// File supplies the content. It is streamed as it is read, never held in
	// memory, so a file of any size can be sent. A File that is also an
	// io.Seeker (an *os.File, a *bytes.Reader, a *strings.Reader) is sent
	// from where it stands when Upload is called, and rewound to there
	// when the request is retried; any other reader is sent once and the
	// upload is not retried. Required.
	File io.Reader `json:"-"`
	// Filename is sent in the part's Content-Disposition; "upload" when
	// empty. Non-ASCII names are sent as raw UTF-8, as the reference client
	// does.
	Filename string `json:"filename,omitzero"`
	// ContentType is the part's Content-Type; when empty it is guessed from
	// the Filename's extension, else application/octet-stream.
	ContentType string `json:"content_type,omitzero"`
}

// errNoFile is returned by Upload for params without a File.
var errNoFile = errors.New("letta: sources.Files.Upload: FilesUploadParams.File is nil")

// Upload uploads a file to a data source, as a multipart/form-data body with
// one part named "file". It returns the Job that splits and embeds the file
// in the background; poll it with jobs.Client.Retrieve until its status is
// completed or failed.
func (c *FilesClient) Upload(ctx context.Context, sourceID string, params FilesUploadParams, opts ...option.RequestOption) (*types.Job, error) {
	if params.File == nil {
		return nil, errNoFile
	}
	return core.Call[*types.Job](ctx, c.core, core.Request{Method: http.MethodPost, Path: "v1/sources/{sourceID}/upload", PathParams: []string{sourceID}, File: &core.File{Field: "file", Filename: params.Filename, ContentType: params.ContentType, Reader: params.File}}, opts)
}

// FilesListParams select a page of a source's files.
type FilesListParams struct {
	// Limit is the number of files to return (server default 1000).
	Limit *int `json:"limit,omitzero" url:"limit,omitempty"`
	// After is the id of the file to start after.
	After *string `json:"after,omitzero" url:"after,omitempty"`
}

// List lists a page of the files of a data source.
func (c *FilesClient) List(ctx context.Context, sourceID string, params FilesListParams, opts ...option.RequestOption) ([]types.FileMetadata, error) {
	return core.Call[[]types.FileMetadata](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/sources/{sourceID}/files", PathParams: []string{sourceID}, Query: params}, opts)
}

// ListIter yields every file of a data source, page after page, starting
// after params.After and fetching params.Limit files per request. The first
// error ends the sequence.
func (c *FilesClient) ListIter(ctx context.Context, sourceID string, params FilesListParams, opts ...option.RequestOption) iter.Seq2[types.FileMetadata, error] {
	return core.Paginate(ctx, params.After, params.Limit, func(after *string) ([]types.FileMetadata, error) {
		page := params
		page.After = after
		return c.List(ctx, sourceID, page, opts...)
	}, func(f types.FileMetadata) string { return f.ID })
}

// Delete deletes one file from a data source (the reference documentation
// says "Delete a data source"; it deletes a file). The server answers 204
// No Content. The path has no "files" segment: DELETE
// v1/sources/{source_id}/{file_id}.
func (c *FilesClient) Delete(ctx context.Context, sourceID string, fileID string, opts ...option.RequestOption) error {
	return c.core.Do(ctx, core.Request{Method: http.MethodDelete, Path: "v1/sources/{sourceID}/{fileID}", PathParams: []string{sourceID, fileID}}, opts)
}

// PassagesClient calls the /v1/sources/{source_id}/passages endpoint.
type PassagesClient struct {
	core core.Core
}

// List lists all passages associated with a data source. (The server at
// v0.6.13 always answers with an empty list.)
func (c *PassagesClient) List(ctx context.Context, sourceID string, opts ...option.RequestOption) ([]types.Passage, error) {
	return core.Call[[]types.Passage](ctx, c.core, core.Request{Method: http.MethodGet, Path: "v1/sources/{sourceID}/passages", PathParams: []string{sourceID}}, opts)
}
