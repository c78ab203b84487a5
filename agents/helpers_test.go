package agents_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/letta-go/letta/agents"
	"github.com/letta-go/letta/internal/testutil"
	"github.com/letta-go/letta/option"
)

// recorder is a testutil.Recorder that makes agents clients.
type recorder struct{ *testutil.Recorder }

func newRecorder(t *testing.T, handle http.HandlerFunc) *recorder {
	t.Helper()
	return &recorder{testutil.NewRecorder(t, handle)}
}

// client returns an agents client for the recorder, without retries.
func (rec *recorder) client(opts ...option.RequestOption) *agents.Client {
	base := []option.RequestOption{option.WithBaseURL(rec.URL), option.WithToken("sk-test"), option.WithMaxRetries(0)}
	return agents.NewClient(append(base, opts...)...)
}

// reply writes a JSON response.
func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}
