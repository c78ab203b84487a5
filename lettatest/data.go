package lettatest

import (
	"embed"
	"encoding/json"
	"fmt"

	"github.com/letta-go/letta/types"
)

// The fixed data of a fresh server, taken from a real server's responses:
// the model lists, the base tools, the Composio catalog and the default
// system prompt.
//
//go:embed data
var dataFS embed.FS

func loadData[T any](name string) T {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("lettatest: reading %s: %v", name, err))
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		panic(fmt.Sprintf("lettatest: decoding %s: %v", name, err))
	}
	return v
}

var defaultSystemPrompt = func() string {
	b, err := dataFS.ReadFile("data/system_prompt.txt")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// llmModels returns the LLM configurations models.list_llms reports.
func llmModels() []types.LLMConfig { return loadData[[]types.LLMConfig]("llm_models.json") }

// embeddingModels returns the embedding configurations
// models.list_embedding_models reports.
func embeddingModels() []types.EmbeddingConfig {
	return loadData[[]types.EmbeddingConfig]("embedding_models.json")
}

func baseTools() []types.Tool { return loadData[[]types.Tool]("base_tools.json") }

func composioApps() []types.AppModel { return loadData[[]types.AppModel]("composio_apps.json") }

func composioActions() []types.ActionModel {
	return loadData[[]types.ActionModel]("composio_actions.json")
}
