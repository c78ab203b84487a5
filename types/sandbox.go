package types

import "encoding/json"

// SandboxConfig is a stored sandbox configuration for tool execution (not used by any method).
type SandboxConfig struct {
	// The id of the user that made this object.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this object.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The timestamp when the object was created.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the object was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The human-friendly ID of the Sandbox
	ID string `json:"id,omitzero"`
	// The type of sandbox.
	Type *SandboxType `json:"type,omitzero"`
	// The JSON sandbox settings data.
	Config map[string]any `json:"config,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// SandboxConfigCreate is the body for creating a sandbox configuration (not used by any method).
type SandboxConfigCreate struct {
	// The configuration for the sandbox.
	Config SandboxConfigConfig `json:"config"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// SandboxConfigUpdate is the body for updating a sandbox configuration (not used by any method).
type SandboxConfigUpdate struct {
	// The JSON configuration data for the sandbox.
	Config SandboxConfigConfig `json:"config,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// SandboxEnvironmentVariable is an environment variable of a sandbox configuration (not used by
// any method).
type SandboxEnvironmentVariable struct {
	// The id of the user that made this object.
	CreatedByID *string `json:"created_by_id,omitzero"`
	// The id of the user that made this object.
	LastUpdatedByID *string `json:"last_updated_by_id,omitzero"`
	// The timestamp when the object was created.
	CreatedAt *Time `json:"created_at,omitzero"`
	// The timestamp when the object was last updated.
	UpdatedAt *Time `json:"updated_at,omitzero"`
	// The human-friendly ID of the Sandbox-env
	ID string `json:"id,omitzero"`
	// The name of the environment variable.
	Key string `json:"key"`
	// The value of the environment variable.
	Value string `json:"value"`
	// An optional description of the environment variable.
	Description *string `json:"description,omitzero"`
	// The ID of the sandbox config this environment variable belongs to.
	SandboxConfigID string `json:"sandbox_config_id"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// SandboxEnvironmentVariableCreate is the body for creating a sandbox environment variable (not
// used by any method).
type SandboxEnvironmentVariableCreate struct {
	// The name of the environment variable.
	Key string `json:"key"`
	// The value of the environment variable.
	Value string `json:"value"`
	// An optional description of the environment variable.
	Description *string `json:"description,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// SandboxEnvironmentVariableUpdate is the body for updating a sandbox environment variable (not
// used by any method).
type SandboxEnvironmentVariableUpdate struct {
	// The name of the environment variable.
	Key *string `json:"key,omitzero"`
	// The value of the environment variable.
	Value *string `json:"value,omitzero"`
	// An optional description of the environment variable.
	Description *string `json:"description,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// LocalSandboxConfig configures a local sandbox directory (and optional virtualenv) for tool
// execution.
type LocalSandboxConfig struct {
	// Directory for the sandbox environment.
	SandboxDir string `json:"sandbox_dir"`
	// Whether or not to use the venv, or run directly in the same run loop.
	UseVenv *bool `json:"use_venv,omitzero"`
	// The name for the venv in the sandbox directory. We first search for an existing venv with this
	// name, otherwise, we make it from the requirements.txt.
	VenvName *string `json:"venv_name,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// E2BSandboxConfig configures an E2B cloud sandbox for tool execution.
type E2BSandboxConfig struct {
	// Time limit for the sandbox (in seconds).
	Timeout *int `json:"timeout,omitzero"`
	// The E2B template id (docker image).
	Template *string `json:"template,omitzero"`
	// A list of pip packages to install on the E2B Sandbox
	PipRequirements []string `json:"pip_requirements,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// SandboxConfigConfig is the configuration payload of a sandbox: a
// LocalSandboxConfig or an E2BSandboxConfig (reference unions
// SandboxConfigCreateConfig and SandboxConfigUpdateConfig). There is no
// discriminator: an object with a "sandbox_dir" is local, any other object
// is E2B (whose fields are all optional).
type SandboxConfigConfig interface {
	isSandboxConfigConfig()
}

func (LocalSandboxConfig) isSandboxConfigConfig() {}
func (E2BSandboxConfig) isSandboxConfigConfig()   {}

// UnmarshalSandboxConfigConfig decodes a sandbox configuration: a
// LocalSandboxConfig when "sandbox_dir" is present and non-null, else an
// E2BSandboxConfig. JSON null gives nil; other non-object JSON is an error.
func UnmarshalSandboxConfigConfig(data []byte) (SandboxConfigConfig, error) {
	const typ = "SandboxConfigConfig"
	_, state, err := scanKey(data, "sandbox_dir")
	if err != nil {
		return nil, notAnObject(typ, data)
	}
	var c SandboxConfigConfig
	if state != keyAbsent {
		c, err = decodeVariant[LocalSandboxConfig]("LocalSandboxConfig", data)
	} else {
		c, err = decodeVariant[E2BSandboxConfig]("E2BSandboxConfig", data)
	}
	if err != nil {
		return nil, &decodeError{typ: typ, err: err}
	}
	return c, nil
}

// UnmarshalJSON decodes the request; Config becomes its SandboxConfigConfig
// variant.
func (s *SandboxConfigCreate) UnmarshalJSON(data []byte) error {
	return decodeObjectWith(data, s, func() error { return decodeSandboxConfigRequest(data, s) })
}

// UnmarshalJSON decodes the request; Config becomes its SandboxConfigConfig
// variant.
func (s *SandboxConfigUpdate) UnmarshalJSON(data []byte) error {
	return decodeObjectWith(data, s, func() error { return decodeSandboxConfigRequest(data, (*SandboxConfigCreate)(s)) })
}

// decodeSandboxConfigRequest decodes the declared fields of either request
// (SandboxConfigCreate, SandboxConfigUpdate: the same fields) with
// encoding/json.
func decodeSandboxConfigRequest(data []byte, s *SandboxConfigCreate) error {
	type plain SandboxConfigCreate
	aux := struct {
		*plain
		Config json.RawMessage `json:"config"`
	}{plain: (*plain)(s)}
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	return setUnion(&s.Config, "config", aux.Config, UnmarshalSandboxConfigConfig)
}
