package lettatest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// storedFileName keeps the base name without the characters a file name
// cannot hold, cut so that the stored name fits 255 bytes
// (utils.sanitize_filename).
func TestStoredFileName(t *testing.T) {
	assert.Regexp(t, `^report_[0-9a-f]{32}\.txt$`, storedFileName(`C:\docs\re"port?.txt`))
	assert.Regexp(t, `^notes_[0-9a-f]{32}\.md$`, storedFileName("../up/notes.md"))
	long := storedFileName(strings.Repeat("a", 300) + ".md")
	assert.Len(t, long, 255)
	assert.True(t, strings.HasPrefix(long, strings.Repeat("a", 219)+"_"), long)
}

// fileType is Python's mimetypes.guess_type where Go's differs, Go's
// elsewhere, and "unknown" for what neither knows.
func TestFileType(t *testing.T) {
	assert.Equal(t, "text/markdown", fileType("x.MD"))
	assert.Equal(t, "text/x-python", fileType("tool.py"))
	assert.Equal(t, "image/png", fileType("a.png"))
	assert.Equal(t, "unknown", fileType("data.weird"))
	assert.Equal(t, "unknown", fileType("noext"))
}
