// Package types holds every wire type of the Letta REST API: the objects
// the server returns (AgentState, Tool, Block, LettaResponse, …), the
// request bodies nested in method parameters (MessageCreate, CreateBlock,
// LLMConfig, tool rules, …), the open string enums, and the unions.
//
// Optional and nullable fields are pointers tagged omitzero, so an unset
// field is not sent; slices and maps are tagged omitzero too, so a nil
// slice is omitted while a non-nil empty one is sent as [] (that is how a
// list is cleared). Timestamps are Time, which accepts every timestamp form
// the server sends.
//
// Unions are sealed interfaces with one value type per variant and an
// Unknown… variant that keeps the raw JSON of anything this SDK does not
// recognize, so nothing a newer server sends is dropped. The variant is
// chosen by the discriminator key (message_type, type, field) or by the
// JSON kind, and every variant writes its own discriminator when encoded.
// An Unknown… variant's MarshalJSON returns its Raw JSON byte for byte;
// json.Marshal then compacts it and escapes <, > and & as it does for all
// output (an Encoder with SetEscapeHTML(false) keeps them).
// Each union has a decode function (UnmarshalLettaMessage,
// UnmarshalLettaStreamingResponse, UnmarshalToolRule,
// UnmarshalToolCallMessageToolCall, UnmarshalMessageContent,
// UnmarshalAgentsSearchRequestSearchItem, UnmarshalSandboxConfigConfig,
// plus UnmarshalLettaMessages and UnmarshalToolRules for arrays), and every
// struct holding a union field decodes it through encoding/json.
//
// Decode errors name the type that failed ("types: decoding LettaMessage: …");
// no input makes a decoder panic.
package types
