package models_test

import (
	"context"
	"testing"

	"github.com/letta-go/letta/models"
)

type call = fixtureCall[*models.Client]

func TestFixtures(t *testing.T) {
	runFixtures(t, "models", models.NewClient, map[string]call{
		"models.list_llms": func(ctx context.Context, c *models.Client) (any, error) {
			return c.ListLLMs(ctx)
		},
		"models.list_embedding_models": func(ctx context.Context, c *models.Client) (any, error) {
			return c.ListEmbeddingModels(ctx)
		},
	})
}
