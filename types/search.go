package types

import "encoding/json"

// AgentsSearchVersion filters agents.search by template version. It always encodes
// "field":"version".
type AgentsSearchVersion struct {
	// Value is the template version to match.
	Value string `json:"value"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AgentsSearchName filters agents.search by agent name (eq, neq or contains). It
// always encodes "field":"name".
type AgentsSearchName struct {
	// Operator is how the agent name is compared with Value: eq, neq or contains.
	Operator AgentsSearchNameOperator `json:"operator"`
	// Value is the name, or part of a name, to compare against.
	Value string `json:"value"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AgentsSearchTags filters agents.search by tags. It always encodes "field":"tags",
// and "operator":"contains" unless another operator was received (kept in ExtraFields).
type AgentsSearchTags struct {
	// Value lists the tags to look for on the agents.
	Value []string `json:"value"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AgentsSearchOrderBy orders agents.search results by creation or update time.
// It always encodes "field":"order_by".
type AgentsSearchOrderBy struct {
	// Value is the timestamp to sort by: created_at or updated_at.
	Value AgentsSearchOrderByField `json:"value"`
	// Direction is the sort order: asc or desc.
	Direction AgentsSearchOrderByDirection `json:"direction"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// AgentsSearchRequestSearchItem is one condition of agents.search, chosen
// by its "field": "version" (AgentsSearchVersion), "name"
// (AgentsSearchName), "tags" (AgentsSearchTags) or "order_by"
// (AgentsSearchOrderBy). Each variant always encodes its field literal.
// UnknownAgentsSearchRequestSearchItem keeps any other condition as raw
// JSON.
type AgentsSearchRequestSearchItem interface {
	isAgentsSearchRequestSearchItem()
}

// UnknownAgentsSearchRequestSearchItem is a search condition whose "field"
// this SDK does not know, or that has none. Raw is its JSON as received; it
// encodes back unchanged.
type UnknownAgentsSearchRequestSearchItem struct {
	// Field is the "field" found in Raw, "" if there was none.
	Field string
	// Raw is the JSON object as received.
	Raw json.RawMessage
}

func (AgentsSearchVersion) isAgentsSearchRequestSearchItem()                  {}
func (AgentsSearchName) isAgentsSearchRequestSearchItem()                     {}
func (AgentsSearchTags) isAgentsSearchRequestSearchItem()                     {}
func (AgentsSearchOrderBy) isAgentsSearchRequestSearchItem()                  {}
func (UnknownAgentsSearchRequestSearchItem) isAgentsSearchRequestSearchItem() {}

// MarshalJSON returns Raw unchanged (null when empty).
func (i UnknownAgentsSearchRequestSearchItem) MarshalJSON() ([]byte, error) {
	return marshalRaw(i.Raw)
}

// UnmarshalJSON keeps a copy of data as Raw.
func (i *UnknownAgentsSearchRequestSearchItem) UnmarshalJSON(data []byte) error {
	return keepRaw("UnknownAgentsSearchRequestSearchItem", data, &i.Raw, "field", &i.Field)
}

// UnmarshalAgentsSearchRequestSearchItem decodes one search condition by its
// "field"; an unknown or missing field gives
// UnknownAgentsSearchRequestSearchItem. JSON null gives nil; other
// non-object JSON is an error.
func UnmarshalAgentsSearchRequestSearchItem(data []byte) (AgentsSearchRequestSearchItem, error) {
	const typ = "AgentsSearchRequestSearchItem"
	field, _, err := scanKey(data, "field")
	if err != nil {
		return nil, notAnObject(typ, data)
	}
	var item AgentsSearchRequestSearchItem
	switch field {
	case "version":
		item, err = decodeVariant[AgentsSearchVersion]("AgentsSearchVersion", data)
	case "name":
		item, err = decodeVariant[AgentsSearchName]("AgentsSearchName", data)
	case "tags":
		item, err = decodeVariant[AgentsSearchTags]("AgentsSearchTags", data)
	case "order_by":
		item, err = decodeVariant[AgentsSearchOrderBy]("AgentsSearchOrderBy", data)
	default:
		if serr := syntaxError(data); serr != nil {
			return nil, &decodeError{typ: typ, err: serr}
		}
		return UnknownAgentsSearchRequestSearchItem{Field: field, Raw: cloneRaw(data)}, nil
	}
	if err != nil {
		return nil, &decodeError{typ: typ, err: err}
	}
	return item, nil
}

// AgentsSearchRequestSearchItemList is a list of search conditions that
// decodes each one into its variant, so a struct holding one needs no
// decoding code of its own. A []AgentsSearchRequestSearchItem literal can
// be assigned to it.
type AgentsSearchRequestSearchItemList []AgentsSearchRequestSearchItem

// UnmarshalJSON decodes each element by
// UnmarshalAgentsSearchRequestSearchItem; errors name the element as
// search[i].
func (l *AgentsSearchRequestSearchItemList) UnmarshalJSON(data []byte) error {
	items, err := unionSlice("search", data, UnmarshalAgentsSearchRequestSearchItem)
	if err != nil {
		return &decodeError{typ: "[]AgentsSearchRequestSearchItem", err: err}
	}
	*l = items
	return nil
}
