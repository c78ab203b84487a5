package sources_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/letta-go/letta/option"
	"github.com/letta-go/letta/sources"
)

// Upload a document to a source. The content is streamed, so an *os.File
// of any size works as well as the strings.Reader used here; the returned
// job embeds the file in the background.
func ExampleFilesClient_Upload() {
	srv := fakeUploadServer() // stands in for a Letta server
	defer srv.Close()

	client := sources.NewClient(option.WithBaseURL(srv.URL), option.WithToken("sk-…"))
	job, err := client.Files.Upload(context.Background(), "source-1", sources.FilesUploadParams{
		File:        strings.NewReader("Returns are accepted within 30 days.\n"),
		Filename:    "returns-policy.txt",
		ContentType: "text/plain",
	})
	if err != nil {
		log.Fatal(err)
	}
	if job.Status != nil { // optional on the wire: check before use
		fmt.Println(job.ID, *job.Status, job.Metadata["filename"])
	}
	// Output: job-1 created returns-policy.txt
}

// fakeUploadServer accepts POST /v1/sources/source-1/upload and answers
// with the embedding job the Letta server would create.
func fakeUploadServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file, header, err := r.FormFile("file")
		if err != nil || r.URL.Path != "/v1/sources/source-1/upload" {
			http.Error(w, `{"detail":"bad upload"}`, http.StatusUnprocessableEntity)
			return
		}
		defer file.Close()
		_, _ = io.Copy(io.Discard, file)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":"job-1","status":"created","metadata":{"type":"embedding","filename":%q,"source_id":"source-1"}}`, header.Filename)
	}))
}
