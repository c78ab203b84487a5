package tag_test

import (
	"context"
	"fmt"
	"log"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/tag"
)

// List the tags in use across agents, sorted and without repeats; QueryText
// keeps those that contain a text.
func ExampleClient_ListTags() {
	srv := lettatest.NewServer() // stands in for a Letta server
	defer srv.Close()
	client := letta.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	for _, tags := range [][]string{{"team:support", "tier:gold"}, {"team:sales", "tier:gold"}} {
		_, err := client.Agents.Create(ctx, agents.CreateParams{
			Model: new("openai/gpt-4o-mini"), Embedding: new("openai/text-embedding-ada-002"), Tags: tags,
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	all, err := client.Tag.ListTags(ctx, tag.ListTagsParams{})
	if err != nil {
		log.Fatal(err)
	}
	teams, err := client.Tag.ListTags(ctx, tag.ListTagsParams{QueryText: new("team:")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(all)
	fmt.Println(teams)
	// Output:
	// [team:sales team:support tier:gold]
	// [team:sales team:support]
}
