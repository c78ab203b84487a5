package providers_test

import (
	"context"
	"fmt"
	"log"

	"github.com/letta-go/letta/lettatest"
	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/providers"
)

// Register a provider's API key with the server, then list the providers.
// The server returns keys in clear text: do not log them.
func ExampleClient_CreateProvider() {
	srv := lettatest.NewServer() // stands in for a Letta server
	defer srv.Close()
	client := providers.NewClient(option.WithBaseURL(srv.URL))
	ctx := context.Background()

	_, err := client.CreateProvider(ctx, providers.CreateProviderParams{Name: "anthropic", APIKey: "sk-ant-…"})
	if err != nil {
		log.Fatal(err)
	}
	all, err := client.ListProviders(ctx, providers.ListProvidersParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range all {
		fmt.Println(p.Name, p.APIKey != nil)
	}
	// Output: anthropic true
}
