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
// Every object type keeps the members of a JSON object that it does not
// declare (say, a field a newer server added) in its ExtraFields map, as
// the raw JSON received, at every level: an AgentState, its LLMConfig and
// EmbeddingConfig, each tool, block, message variant, tool rule and
// content part. Encoding writes them back after the declared fields, in
// key order, so a value read from the server and passed back in a
// request (agents.ModifyParams{LLMConfig: &agent.LLMConfig}) loses
// nothing. A declared field wins over an extra member of the same name
// (matched as encoding/json matches keys, ignoring case), and so does a
// union's discriminator; users may set ExtraFields themselves to send a
// member this SDK lacks. A fixed literal the reference client declares
// (TextContent's "type":"text", FunctionTool's and
// ChatCompletionMessageToolCall's "type":"function", the "operator" of
// AgentsSearchTags) is written as its constant unless
// another value was received, which ExtraFields keeps and encoding
// writes back.
//
// Free-form values (metadata, json_schema, tool arguments: fields of type
// any or map[string]any) decode numbers as json.Number, so an integer
// beyond 2^53 survives a round trip exactly; use Number.Int64 or
// Number.Float64 to read one.
//
// A list or map that the reference client requires (ChildToolRule's
// children, ConditionalToolRule's child_output_mapping, …) is always
// sent, as [] or {} when nil.
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
