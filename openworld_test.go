package letta_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/letta-go/letta"
	"github.com/letta-go/letta/internal/jsondiff"
	"github.com/letta-go/letta/option"
)

// bigInt is beyond 2^53: a float64 cannot hold it.
const bigInt = "9007199254740993"

// withUnknownKeys returns body with three keys no SDK type declares added
// to every JSON object at every level (a string, a nested object and an
// integer beyond 2^53), except the objects whose values are typed (the
// maps of strings under skipMaps).
func withUnknownKeys(t *testing.T, body []byte) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	out, err := json.Marshal(addUnknownKeys(v, ""))
	require.NoError(t, err)
	return out
}

// skipMaps are the keys whose object values are maps of strings.
var skipMaps = []string{"variables", "child_output_mapping"}

func addUnknownKeys(v any, key string) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = addUnknownKeys(x, k)
		}
		if !slices.Contains(skipMaps, key) {
			v["x_future_string"] = "from a newer server"
			v["x_future_object"] = map[string]any{"nested": []any{json.Number("1"), "two", map[string]any{"deep": true}}}
			v["x_future_big"] = json.Number(bigInt)
		}
	case []any:
		for i, x := range v {
			v[i] = addUnknownKeys(x, key)
		}
	}
	return v
}

// TestResponsesKeepUnknownKeys serves every 2xx response fixture with a
// JSON body, with unknown keys added to every object, to the method that
// receives it, and checks that the result encodes back to the same JSON:
// no key lost, the big integers exact.
func TestResponsesKeepUnknownKeys(t *testing.T) {
	endpoints := loadEndpoints(t)
	firstCase := map[string]*goldenCase{}
	for _, gc := range loadGoldenCases(t) {
		if _, ok := firstCase[gc.SDK]; !ok {
			firstCase[gc.SDK] = &gc
		}
	}
	files, err := filepath.Glob("testdata/responses/*.json")
	require.NoError(t, err)
	total, kept := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var fx responseFixture
		if json.Unmarshal(data, &fx) != nil || fx.SDK == "" {
			continue // README.md
		}
		ep := endpoints[fx.SDK]
		if fx.Status >= 300 || ep.Streaming || len(fx.Body) == 0 || string(fx.Body) == "null" || isNone(ep) {
			continue
		}
		total++
		body := withUnknownKeys(t, fx.Body)
		ok := t.Run(fx.ID, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", fx.ContentType)
				w.WriteHeader(fx.Status)
				w.Write(body)
			}))
			defer srv.Close()
			client := letta.NewClient(option.WithBaseURL(srv.URL), option.WithMaxRetries(0))
			gc := firstCase[fx.SDK]
			require.NotNil(t, gc, "a request case for %s", fx.SDK)
			a := &caseArgs{t: t, c: gc, ep: ep, opts: nullOptions(t, gc)}
			got, err := conformanceCalls[fx.SDK](context.Background(), client, a)
			require.NoError(t, err)
			enc, err := json.Marshal(got)
			require.NoError(t, err)
			diffs, err := jsondiff.Diff(body, enc)
			require.NoError(t, err)
			assert.Empty(t, diffs, "decoded %T does not re-encode to the served JSON", got)
			assert.Equal(t, bytes.Count(body, []byte(bigInt)), bytes.Count(enc, []byte(bigInt)), "big integers kept exactly")
		})
		if ok {
			kept++
		}
	}
	fmt.Printf("openworld: %d/%d response fixtures keep unknown keys through their method\n", kept, total)
	assert.Greater(t, total, 40)
}
