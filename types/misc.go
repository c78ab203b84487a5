package types

import (
	"cmp"
	"encoding/json"
)

// Health is the answer of the health check: server version and status.
type Health struct {
	// Version is the Letta server version (e.g. "0.6.13").
	Version string `json:"version"`
	// Status is the server's health status ("ok" when healthy).
	Status string `json:"status"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Provider is a configured LLM provider with its API key (the server returns the key in clear
// text).
type Provider struct {
	// The id of the provider, lazily created by the database manager.
	ID string `json:"id,omitzero"`
	// The name of the provider
	Name string `json:"name"`
	// API key used for requests to the provider.
	APIKey *string `json:"api_key,omitzero"`
	// The last update timestamp of the provider.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The organization the object belongs to (sent by the server; not declared by the reference
	// client).
	OrganizationID *string `json:"organization_id,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Organization is a Letta organization (not used by any method).
type Organization struct {
	// The human-friendly ID of the Org
	ID string `json:"id,omitzero"`
	// The name of the organization.
	Name *string `json:"name,omitzero"`
	// The creation date of the organization.
	CreatedAt *Time `json:"created_at,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// OrganizationCreate is the body for creating an organization (not used by any method).
type OrganizationCreate struct {
	// The name of the organization.
	Name *string `json:"name,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// User is a Letta user (not used by any method).
type User struct {
	// The human-friendly ID of the User
	ID string `json:"id,omitzero"`
	// The name of the user.
	Name string `json:"name"`
	// The creation date of the user.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The update date of the user.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// Whether this user is deleted or not.
	IsDeleted *bool `json:"is_deleted,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// UserCreate is the body for creating a user (not used by any method).
type UserCreate struct {
	// The name of the user.
	Name string `json:"name"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// UserUpdate is the body for updating a user (not used by any method).
type UserUpdate struct {
	// The id of the user to update.
	ID string `json:"id"`
	// The new name of the user.
	Name *string `json:"name,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AuthRequest is the body of a password login request (not used by any method).
type AuthRequest struct {
	// Admin password provided when starting the Letta server
	Password *string `json:"password,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AuthResponse is the answer to an AuthRequest (not used by any method).
type AuthResponse struct {
	// UUID of the user
	UUID string `json:"uuid"`
	// Whether the user is an admin
	IsAdmin *bool `json:"is_admin,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ConflictErrorBody is the body of a 409 answer from agents.templates.migrate (Letta Cloud).
type ConflictErrorBody struct {
	// Message is the error text; empty encodes as ConflictErrorBodyDefaultMessage.
	Message string `json:"message"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// NotFoundErrorBody is the body of a 404 answer from Letta Cloud template endpoints (not used by
// any method).
type NotFoundErrorBody struct {
	// Message is the error text; empty encodes as NotFoundErrorBodyDefaultMessage.
	Message string `json:"message"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// InternalServerErrorBody is the body of a 500 answer from agents.templates.create (Letta Cloud;
// not used by any method of this SDK).
type InternalServerErrorBody struct {
	// Message is the error text; empty encodes as InternalServerErrorBodyDefaultMessage.
	Message string `json:"message"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// Default messages of the error bodies, written when Message is empty.
const (
	ConflictErrorBodyDefaultMessage       = "You can only migrate agents to a new versioned agent template that belongs to the same project"
	NotFoundErrorBodyDefaultMessage       = "Agent not found"
	InternalServerErrorBodyDefaultMessage = "Failed to create agent template"
)

// MarshalJSON encodes the body, writing the default message when Message is empty.
func (b ConflictErrorBody) MarshalJSON() ([]byte, error) {
	type plain ConflictErrorBody
	b.Message = cmp.Or(b.Message, ConflictErrorBodyDefaultMessage)
	return encodeObject(&b, (*plain)(&b))
}

// MarshalJSON encodes the body, writing the default message when Message is empty.
func (b NotFoundErrorBody) MarshalJSON() ([]byte, error) {
	type plain NotFoundErrorBody
	b.Message = cmp.Or(b.Message, NotFoundErrorBodyDefaultMessage)
	return encodeObject(&b, (*plain)(&b))
}

// MarshalJSON encodes the body, writing the default message when Message is empty.
func (b InternalServerErrorBody) MarshalJSON() ([]byte, error) {
	type plain InternalServerErrorBody
	b.Message = cmp.Or(b.Message, InternalServerErrorBodyDefaultMessage)
	return encodeObject(&b, (*plain)(&b))
}
