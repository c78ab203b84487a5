package lettatest

import (
	"sync"

	"github.com/letta-go/letta/types"
)

// table is an insertion-ordered map of records by id.
type table[T any] struct {
	m     map[string]*T
	order []string
}

func newTable[T any]() *table[T] { return &table[T]{m: map[string]*T{}} }

func (t *table[T]) put(id string, v *T) {
	if _, ok := t.m[id]; !ok {
		t.order = append(t.order, id)
	}
	t.m[id] = v
}

func (t *table[T]) get(id string) (*T, bool) {
	v, ok := t.m[id]
	return v, ok
}

func (t *table[T]) del(id string) bool {
	if _, ok := t.m[id]; !ok {
		return false
	}
	delete(t.m, id)
	for i, o := range t.order {
		if o == id {
			t.order = append(t.order[:i:i], t.order[i+1:]...)
			break
		}
	}
	return true
}

func (t *table[T]) all() []*T {
	out := make([]*T, 0, len(t.order))
	for _, id := range t.order {
		out = append(out, t.m[id])
	}
	return out
}

func (t *table[T]) len() int { return len(t.order) }

// state is everything the server stores.
type state struct {
	agents    *table[agentRec]
	blocks    *table[types.Block]
	tools     *table[types.Tool]
	sources   *table[types.Source]
	files     *table[types.FileMetadata]
	passages  *table[passageRec] // source passages (from uploads)
	jobs      *table[types.Job]
	runs      *table[runRec]
	providers *table[types.Provider]
}

func newState() *state {
	return &state{
		agents:    newTable[agentRec](),
		blocks:    newTable[types.Block](),
		tools:     newTable[types.Tool](),
		sources:   newTable[types.Source](),
		files:     newTable[types.FileMetadata](),
		passages:  newTable[passageRec](),
		jobs:      newTable[types.Job](),
		runs:      newTable[runRec](),
		providers: newTable[types.Provider](),
	}
}

// agentRec is a stored agent. Its memory blocks, tools and sources are
// kept as ids and resolved when the agent is rendered, since blocks, tools
// and sources are shared between agents.
type agentRec struct {
	st        types.AgentState
	blockIDs  []string
	toolIDs   []string
	sourceIDs []string
	messages  *table[msgRec]     // recall memory, oldest first
	archival  *table[passageRec] // archival memory, oldest first
	compiled  string             // the memory section of the current system message

	step sync.Mutex // serializes the agent's steps
}

// msgRec is a stored message.
type msgRec struct {
	m     types.Message
	runID string
	// bare is the tool's result as the agent loop saw it (tool rows);
	// responses and streams report it instead of the packed content.
	bare string
	// heartbeat marks the user rows the agent loop adds between steps.
	heartbeat bool
}

// passageRec is a stored passage.
type passageRec struct {
	p types.Passage
}

// runRec is a stored run with the usage of its agent step.
type runRec struct {
	run     types.Run
	agentID string
	usage   types.UsageStatistics
}
