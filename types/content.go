package types

import (
	"encoding/json"
	"strings"
)

// TextContent is one text part of a message's content. It always encodes "type":"text".
type TextContent struct {
	// The text content of the message.
	Text string `json:"text"`
	// ExtraFields holds the members of the JSON object that no field declares (from a newer
	// server, say), as received; they are written back when the value is encoded.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// NewTextContent returns a text part holding text.
func NewTextContent(text string) TextContent { return TextContent{Text: text} }

// MessageContent is the content of a message: either a plain string
// (ContentString) or a list of text parts (ContentParts). It serves every
// content field of the API (MessageCreate, message updates, and the
// system, user and assistant messages); the variant is chosen by the JSON
// kind (string or array) and both forms encode back as they came.
type MessageContent interface {
	isMessageContent()
}

// ContentString is message content given as one plain string.
type ContentString string

// ContentParts is message content given as a list of text parts. It always
// encodes as a JSON array, [] when empty.
type ContentParts []TextContent

func (ContentString) isMessageContent() {}
func (ContentParts) isMessageContent()  {}

// MarshalJSON encodes the parts as a JSON array, [] when there are none.
func (p ContentParts) MarshalJSON() ([]byte, error) {
	if p == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]TextContent(p))
}

// UnmarshalMessageContent decodes message content: a JSON string gives a
// ContentString, an array a ContentParts and null a nil MessageContent.
// Any other JSON is an error.
func UnmarshalMessageContent(data []byte) (MessageContent, error) {
	switch c := jsonKind(data); c {
	case '"':
		if s, ok := plainString(data); ok {
			return ContentString(s), nil
		}
		s, err := decodeVariant[string]("MessageContent", data)
		return ContentString(s), err
	case '[':
		parts, err := decodeVariant[[]TextContent]("MessageContent", data)
		if err != nil {
			return nil, err
		}
		if parts == nil {
			parts = []TextContent{}
		}
		return ContentParts(parts), nil
	case 'n':
		if err := syntaxError(data); err != nil {
			return nil, &decodeError{typ: "MessageContent", err: err}
		}
		return nil, nil
	default:
		if err := syntaxError(data); err != nil {
			return nil, &decodeError{typ: "MessageContent", err: err}
		}
		return nil, decodeErrorf("MessageContent", "expected a string or an array, got %s", kindName(c))
	}
}

// ContentText returns the text of content: the string itself, or the
// parts' texts joined without separator. It returns "" for nil or an
// unknown implementation.
func ContentText(content MessageContent) string {
	switch c := content.(type) {
	case ContentString:
		return string(c)
	case ContentParts:
		var b strings.Builder
		for _, p := range c {
			b.WriteString(p.Text)
		}
		return b.String()
	}
	return ""
}
