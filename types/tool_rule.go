package types

import "encoding/json"

// ChildToolRule constrains which tools may be called after ToolName: only the listed Children. It
// encodes with "type":"ToolRule".
type ChildToolRule struct {
	// The name of the tool. Must exist in the database for the user's organization.
	ToolName string `json:"tool_name"`
	// The children tools that can be invoked.
	Children []string `json:"children"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// InitToolRule makes ToolName the tool the agent must call first. It encodes with
// "type":"InitToolRule".
type InitToolRule struct {
	// The name of the tool. Must exist in the database for the user's organization.
	ToolName string `json:"tool_name"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// TerminalToolRule ends the agent loop once ToolName has been called. It encodes with
// "type":"TerminalToolRule".
type TerminalToolRule struct {
	// The name of the tool. Must exist in the database for the user's organization.
	ToolName string `json:"tool_name"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ConditionalToolRule chooses the next tool from the output of ToolName: ChildOutputMapping maps
// an output to a tool, DefaultChild is used when nothing matches. It encodes with
// "type":"conditional".
type ConditionalToolRule struct {
	// The name of the tool. Must exist in the database for the user's organization.
	ToolName string `json:"tool_name"`
	// The default child tool to be called. If None, any tool can be called.
	DefaultChild *string `json:"default_child,omitzero"`
	// The output case to check for mapping
	ChildOutputMapping map[string]string `json:"child_output_mapping"`
	// Whether to throw an error when output doesn't match any case
	RequireOutputMapping *bool `json:"require_output_mapping,omitzero"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// ToolRule constrains the order in which an agent calls its tools. One
// interface serves the three reference unions AgentStateToolRulesItem,
// CreateAgentRequestToolRulesItem and UpdateAgentToolRulesItem. The
// variants are ChildToolRule, InitToolRule, TerminalToolRule and
// ConditionalToolRule, plus UnknownToolRule for a rule type this SDK does
// not know. Each variant always encodes its "type" (the reference client
// omits it unless set, and the server then misreads Terminal rules).
type ToolRule interface {
	isToolRule()
}

// UnknownToolRule is a tool rule whose "type" this SDK does not know (such
// as "continue_loop"), or one that identifies no rule. Raw is the rule's
// JSON as received; it encodes back unchanged.
type UnknownToolRule struct {
	// Type is the "type" found in Raw, "" if there was none.
	Type string
	// Raw is the JSON object as received.
	Raw json.RawMessage
}

func (ChildToolRule) isToolRule()       {}
func (InitToolRule) isToolRule()        {}
func (TerminalToolRule) isToolRule()    {}
func (ConditionalToolRule) isToolRule() {}
func (UnknownToolRule) isToolRule()     {}

// MarshalJSON returns Raw unchanged (null when empty).
func (r UnknownToolRule) MarshalJSON() ([]byte, error) { return marshalRaw(r.Raw) }

// UnmarshalJSON keeps a copy of data as Raw.
func (r *UnknownToolRule) UnmarshalJSON(data []byte) error {
	return keepRaw("UnknownToolRule", data, &r.Raw, "type", &r.Type)
}

// UnmarshalToolRule decodes one tool rule, choosing the variant by "type":
// "ToolRule" gives ChildToolRule, "InitToolRule" InitToolRule,
// "TerminalToolRule" TerminalToolRule and "conditional" ConditionalToolRule;
// any other type gives UnknownToolRule.
//
// Without a "type" (or with null), the rule is recognized by its keys: a
// "children" key makes a ChildToolRule, "child_output_mapping" or
// "default_child" a ConditionalToolRule, and otherwise a "tool_name" an
// InitToolRule (as the server does); an object with none of these keys is
// an UnknownToolRule. JSON null gives nil; other non-object JSON is an error.
func UnmarshalToolRule(data []byte) (ToolRule, error) {
	const typ = "ToolRule"
	t, state, err := scanKey(data, "type")
	if err != nil {
		return nil, notAnObject(typ, data)
	}
	if state == keyAbsent {
		members, err := objectMembers(typ, data)
		if err != nil {
			return nil, err
		}
		switch {
		case hasKeys(members, "children"):
			t = string(ToolRuleTypeToolRule)
		case hasKeys(members, "child_output_mapping") || hasKeys(members, "default_child"):
			t = string(ToolRuleTypeConditional)
		case hasKeys(members, "tool_name"):
			t = string(ToolRuleTypeInitToolRule)
		}
	}
	var r ToolRule
	switch ToolRuleType(t) {
	case ToolRuleTypeToolRule:
		r, err = decodeVariant[ChildToolRule]("ChildToolRule", data)
	case ToolRuleTypeInitToolRule:
		r, err = decodeVariant[InitToolRule]("InitToolRule", data)
	case ToolRuleTypeTerminalToolRule:
		r, err = decodeVariant[TerminalToolRule]("TerminalToolRule", data)
	case ToolRuleTypeConditional:
		r, err = decodeVariant[ConditionalToolRule]("ConditionalToolRule", data)
	default:
		if serr := syntaxError(data); serr != nil {
			return nil, &decodeError{typ: typ, err: serr}
		}
		found, _, _ := scanKey(data, "type")
		return UnknownToolRule{Type: found, Raw: cloneRaw(data)}, nil
	}
	if err != nil {
		return nil, &decodeError{typ: typ, err: err}
	}
	return r, nil
}

// ToolRuleList is a list of tool rules that decodes each rule into its
// variant, so a struct holding one needs no decoding code of its own. A
// []ToolRule literal can be assigned to it.
type ToolRuleList []ToolRule

// UnmarshalJSON decodes the array as UnmarshalToolRules does; errors name
// the element as tool_rules[i], the key every holder of the list uses.
func (l *ToolRuleList) UnmarshalJSON(data []byte) error {
	rules, err := unionSlice("tool_rules", data, UnmarshalToolRule)
	if err != nil {
		return &decodeError{typ: "[]ToolRule", err: err}
	}
	*l = rules
	return nil
}

// UnmarshalToolRules decodes a JSON array of tool rules, each by
// UnmarshalToolRule. null gives a nil slice and [] an empty, non-nil one.
func UnmarshalToolRules(data []byte) ([]ToolRule, error) {
	rules, err := unionSlice("", data, UnmarshalToolRule)
	if err != nil {
		return nil, &decodeError{typ: "[]ToolRule", err: err}
	}
	return rules, nil
}
