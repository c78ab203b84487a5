package types

import "encoding/json"

// Source is a data source: a collection of files and passages that can be attached to agents.
type Source struct {
	// The human-friendly ID of the Source
	ID string `json:"id,omitzero"`
	// The name of the source.
	Name string `json:"name"`
	// The description of the source.
	Description *string `json:"description,omitzero"`
	// The embedding configuration used by the source.
	EmbeddingConfig EmbeddingConfig `json:"embedding_config"`
	// Metadata associated with the source.
	Metadata map[string]any `json:"metadata,omitzero"`
	// The id of the user that made this Tool.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this Tool.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The timestamp when the source was created.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the source was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// FileMetadata describes one file uploaded to a source.
type FileMetadata struct {
	// The human-friendly ID of the File
	ID string `json:"id,omitzero"`
	// The unique identifier of the source associated with the document.
	SourceID string `json:"source_id"`
	// The name of the file.
	FileName *string `json:"file_name,omitzero"`
	// The path to the file.
	FilePath *string `json:"file_path,omitzero"`
	// The type of the file (MIME type).
	FileType *string `json:"file_type,omitzero"`
	// The size of the file in bytes.
	FileSize *int `json:"file_size,omitzero"`
	// The creation date of the file.
	FileCreationDate *string `json:"file_creation_date,omitzero"`
	// The last modified date of the file.
	FileLastModifiedDate *string `json:"file_last_modified_date,omitzero"`
	// The creation date of the file.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The update date of the file.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// Whether this file is deleted or not.
	IsDeleted *bool `json:"is_deleted,omitzero"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Job tracks an offline task such as loading and embedding an uploaded file. CreatedAt and
// CompletedAt are timestamps (CompletedAt may be naive, read as UTC).
type Job struct {
	// The id of the user that made this object.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this object.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The timestamp when the object was created.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the object was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The status of the job.
	Status *JobStatus `json:"status,omitzero"`
	// The unix timestamp of when the job was completed.
	CompletedAt *Time `json:"completed_at,omitzero"`
	// The metadata of the job.
	Metadata map[string]any `json:"metadata,omitzero"`
	// The type of the job.
	JobType *JobType `json:"job_type,omitzero"`
	// The human-friendly ID of the Job
	ID string `json:"id,omitzero"`
	// The user that created the job (sent by the server; not declared by the reference client).
	UserID *string `json:"user_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Run is a job that processes messages sent to an agent asynchronously. A completed run's Metadata
// holds {"result": <LettaResponse>}, a failed run's {"error": "..."}.
type Run struct {
	// The id of the user that made this object.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this object.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The timestamp when the object was created.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the object was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The status of the job.
	Status *JobStatus `json:"status,omitzero"`
	// The unix timestamp of when the job was completed.
	CompletedAt *Time `json:"completed_at,omitzero"`
	// The metadata of the job.
	Metadata map[string]any `json:"metadata,omitzero"`
	// The type of the job ("run" for runs).
	JobType *JobType `json:"job_type,omitzero"`
	// The human-friendly ID of the Run
	ID string `json:"id,omitzero"`
	// The request configuration for the run.
	RequestConfig *LettaRequestConfig `json:"request_config,omitzero"`
	// The user that created the job (sent by the server; not declared by the reference client).
	UserID *string `json:"user_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}
