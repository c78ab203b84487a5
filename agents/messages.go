package agents

import "github.com/letta-go/letta/internal/core"

// MessagesClient calls the /v1/agents/{agent_id}/messages endpoints: an
// agent's message history, and sending it new messages.
type MessagesClient struct {
	core core.Core
}
