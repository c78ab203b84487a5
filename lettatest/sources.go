package lettatest

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/letta-go/letta/types"
)

func (s *Server) source(id string) (*types.Source, error) {
	src, ok := s.st.sources.get(id)
	if !ok {
		return nil, errNotFound("Source with id=%s not found.", id)
	}
	return src, nil
}

type sourceBody struct {
	Name               *string                `json:"name"`
	Description        *string                `json:"description"`
	Metadata           map[string]any         `json:"metadata"`
	EmbeddingConfig    *types.EmbeddingConfig `json:"embedding_config"`
	Embedding          *string                `json:"embedding"`
	EmbeddingChunkSize *int                   `json:"embedding_chunk_size"`
}

func (s *Server) createSource(w http.ResponseWriter, r *http.Request) error {
	var body sourceBody
	if err := decodeBody(r, sourceCreateSchema, &body); err != nil {
		return err
	}
	// The server builds a Source, whose embedding_config is required, from
	// the body; the embedding handle and chunk size of newer servers are
	// ignored. Names need not be unique.
	emb := body.EmbeddingConfig
	if emb == nil {
		return errStatus(http.StatusBadRequest, "1 validation error for Source\nembedding_config\n  Input should be a valid dictionary or instance of EmbeddingConfig [type=model_type, input_value=None, input_type=NoneType]\n    For further information visit https://errors.pydantic.dev/2.10/v/model_type")
	}
	return s.locked(w, func() (any, error) {
		now := s.nowPtr()
		src := &types.Source{
			ID: newID("source"), Name: *body.Name, Description: body.Description,
			EmbeddingConfig: *emb, Metadata: body.Metadata,
			CreatedByID: new(DefaultUserID), LastUpdatedByID: new(DefaultUserID),
			CreatedAt: now, UpdatedAt: now, OrganizationID: new(DefaultOrganizationID),
		}
		s.st.sources.put(src.ID, src)
		return src, nil
	})
}

func (s *Server) retrieveSource(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) { return s.source(r.PathValue("source_id")) })
}

func (s *Server) deleteSource(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		id := r.PathValue("source_id")
		if _, err := s.source(id); err != nil {
			return nil, err
		}
		s.st.sources.del(id)
		for _, f := range s.st.files.all() {
			if f.SourceID == id {
				s.st.files.del(f.ID)
			}
		}
		for _, p := range s.st.passages.all() {
			if deref(p.p.SourceID) == id {
				s.st.passages.del(p.p.ID)
			}
		}
		for _, a := range s.st.agents.all() {
			a.sourceIDs = removeID(a.sourceIDs, id)
		}
		return nil, nil
	})
}

func (s *Server) modifySource(w http.ResponseWriter, r *http.Request) error {
	var body sourceBody
	if err := decodeBody(r, sourceUpdateSchema, &body); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		src, err := s.source(r.PathValue("source_id"))
		if err != nil {
			return nil, err
		}
		if body.Name != nil {
			src.Name = *body.Name
		}
		if body.Description != nil {
			src.Description = body.Description
		}
		if body.Metadata != nil {
			src.Metadata = body.Metadata
		}
		if body.EmbeddingConfig != nil {
			src.EmbeddingConfig = *body.EmbeddingConfig
		}
		src.UpdatedAt = s.nowPtr()
		src.LastUpdatedByID = new(DefaultUserID)
		return src, nil
	})
}

// getSourceSub serves GET /sources/{source_id}/files, …/passages and
// /sources/name/{source_name}, which ServeMux cannot tell apart by
// pattern.
func (s *Server) getSourceSub(w http.ResponseWriter, r *http.Request) error {
	switch sub := r.PathValue("sub"); {
	case sub == "files":
		return s.listFiles(w, r)
	case sub == "passages":
		return s.listSourcePassages(w, r)
	case r.PathValue("source_id") == "name":
		return s.locked(w, func() (any, error) {
			for _, src := range s.st.sources.all() {
				if src.Name == sub {
					return src.ID, nil
				}
			}
			return nil, errNotFound("Source with name=%s not found.", sub)
		})
	}
	writeDetail(w, http.StatusNotFound, "Not Found")
	return nil
}

// listSources lists the sources; like the server, it replaces each
// source's metadata with a summary of its passages and agents.
func (s *Server) listSources(w http.ResponseWriter, r *http.Request) error {
	return s.locked(w, func() (any, error) {
		out := []types.Source{}
		for _, src := range s.st.sources.all() {
			c := *src
			passages := 0
			for _, p := range s.st.passages.all() {
				if deref(p.p.SourceID) == src.ID {
					passages++
				}
			}
			agents := []any{}
			for _, a := range s.st.agents.all() {
				for _, id := range a.sourceIDs {
					if id == src.ID {
						agents = append(agents, map[string]any{"id": a.st.ID, "name": a.st.Name})
					}
				}
			}
			c.Metadata = map[string]any{"num_documents": 0, "num_passages": passages, "attached_agents": agents}
			out = append(out, c)
		}
		return out, nil
	})
}

// Files.

func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request) error {
	sourceID := r.PathValue("source_id")
	missing := unprocessable([]validationError{{Type: "missing", Loc: []any{"body", "file"}, Msg: "Field required", Input: nil}})
	mr, err := r.MultipartReader()
	if err != nil {
		return missing
	}
	var (
		filename string
		content  []byte
		found    bool
	)
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return errStatus(http.StatusBadRequest, "There was an error parsing the body")
		}
		if part.FormName() == "file" && !found {
			found = true
			filename = part.FileName()
			content, err = io.ReadAll(io.LimitReader(part, 64<<20))
			if err != nil {
				return errStatus(http.StatusBadRequest, "There was an error parsing the body")
			}
		}
		_ = part.Close()
	}
	if !found {
		return missing
	}
	if filename == "" {
		filename = "upload"
	}
	s.mu.Lock()
	src, ok := s.st.sources.get(sourceID)
	if !ok {
		s.mu.Unlock()
		// The server reads the source with a lookup that raises an
		// exception no handler maps: a 500.
		return errInternal
	}
	emb := src.EmbeddingConfig
	now := s.nowPtr()
	job := &types.Job{
		CreatedByID: new(DefaultUserID), LastUpdatedByID: new(DefaultUserID),
		CreatedAt: now, UpdatedAt: now,
		Status:   new(types.JobStatusCreated),
		Metadata: map[string]any{"type": "embedding", "filename": filename, "source_id": sourceID},
		JobType:  new(types.JobTypeJob),
		ID:       newID("job"),
		UserID:   new(DefaultUserID),
	}
	s.st.jobs.put(job.ID, job)
	body := mustWire(job)
	s.mu.Unlock()

	jobID := job.ID
	stored := storedFileName(filename)
	s.background(func(stop <-chan struct{}) {
		// created, then running (server.py: load_file_to_source), then
		// completed, each for the job delay.
		if !sleep(stop, s.opts.jobDelay) {
			return
		}
		s.mu.Lock()
		if j, ok := s.st.jobs.get(jobID); ok {
			j.Status, j.UpdatedAt = new(types.JobStatusRunning), s.nowPtr()
		}
		s.mu.Unlock()
		if !sleep(stop, s.opts.jobDelay) {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		j, ok := s.st.jobs.get(jobID)
		if !ok {
			return
		}
		now := s.nowPtr()
		j.UpdatedAt, j.CompletedAt = now, now
		if _, ok := s.st.sources.get(sourceID); !ok {
			j.Status = new(types.JobStatusFailed)
			j.Metadata["error"] = "Source with id=" + sourceID + " not found."
			return
		}
		day := now.Format("2006-01-02")
		file := &types.FileMetadata{
			ID: newID("file"), SourceID: sourceID, FileName: new(stored),
			FilePath:             new("/tmp/lettatest/uploads/" + newUUID()[:8] + "/" + stored),
			FileType:             new(fileType(stored)),
			FileSize:             new(len(content)),
			FileCreationDate:     new(day),
			FileLastModifiedDate: new(day),
			CreatedAt:            now, UpdatedAt: now, IsDeleted: new(false),
			OrganizationID: new(DefaultOrganizationID),
		}
		s.st.files.put(file.ID, file)
		n := 0
		if utf8.Valid(content) {
			for _, chunk := range chunkText(string(content), deref(emb.EmbeddingChunkSize)) {
				p := s.newPassage(chunk, nil, new(sourceID), new(file.ID), emb)
				s.st.passages.put(p.p.ID, p)
				n++
			}
		}
		j.Status = new(types.JobStatusCompleted)
		j.Metadata["num_passages"] = n
		j.Metadata["num_documents"] = 1
	})
	writeRawJSON(w, http.StatusOK, body)
	return nil
}

func (s *Server) listFiles(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r)
	limit, after := q.integer("limit"), q.str("after")
	if err := q.err(); err != nil {
		return err
	}
	return s.locked(w, func() (any, error) {
		id := r.PathValue("source_id") // an unknown source has no files
		var files []types.FileMetadata
		for _, f := range s.st.files.all() {
			if f.SourceID == id {
				files = append(files, *f)
			}
		}
		return pageByID(files, func(f types.FileMetadata) string { return f.ID }, cursorPage{after: after, limit: withDefault(limit, 1000), model: "FileMetadata"})
	})
}

// deleteFile answers 204 with no body, as the server does.
func (s *Server) deleteFile(w http.ResponseWriter, r *http.Request) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sourceID, fileID := r.PathValue("source_id"), r.PathValue("file_id")
	if _, err := s.source(sourceID); err != nil {
		return err
	}
	f, ok := s.st.files.get(fileID)
	if !ok || f.SourceID != sourceID {
		return errNotFound("File with id=%s not found.", fileID)
	}
	s.st.files.del(fileID)
	for _, p := range s.st.passages.all() {
		if deref(p.p.FileID) == fileID {
			s.st.passages.del(p.p.ID)
		}
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// listSourcePassages answers [], for any source id, as the server does
// (server/server.py: list_data_source_passages is a stub). The passages
// of a source's files are searchable through the archival memory of the
// agents it is attached to.
func (s *Server) listSourcePassages(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, []types.Passage{})
	return nil
}

// storedFileName is the name the server stores an upload under
// (utils.sanitize_filename): the base name without the characters a file
// name cannot hold, cut to fit 255 bytes, then "_", 32 random hex digits
// and the extension.
func storedFileName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	ext := path.Ext(name)
	base := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return -1
		}
		return r
	}, strings.TrimSuffix(name, ext))
	if n := 255 - len(ext) - 33; len(base) > n {
		base = base[:max(n, 0)]
	}
	return base + "_" + strings.ReplaceAll(newUUID(), "-", "") + ext
}

// pythonTypes are the types Python's mimetypes gives the common text
// extensions where Go's mime package differs or has none.
var pythonTypes = map[string]string{
	".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
	".csv": "text/csv", ".json": "application/json", ".html": "text/html",
	".htm": "text/html", ".xml": "text/xml", ".py": "text/x-python",
	".pdf": "application/pdf", ".js": "text/javascript",
}

// fileType is the file_type the server records: Python's
// mimetypes.guess_type of the stored name, or "unknown".
func fileType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := pythonTypes[ext]; ok {
		return t
	}
	if t, _, err := mime.ParseMediaType(mime.TypeByExtension(ext)); err == nil && t != "" {
		return t
	}
	return "unknown"
}
