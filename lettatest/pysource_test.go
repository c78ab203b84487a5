package lettatest

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDeriveToolSchema: any source, however broken, gives a schema or an
// error, never a panic (sources come from the network).
func FuzzDeriveToolSchema(f *testing.F) {
	paths, _ := filepath.Glob("testdata/tool_schemas/*.py")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "def", "def f(", "def f(x: List[", `def f(): """`, "def f():\n    '''\\", "class C(:", "def f(x: 'a' | 1 | ...) -> [: pass",
		"def f(a: int):\n    \"\"\"D.\n\n    Args:\n\n    Raises:\n    \"\"\"", "def f():\n    \"\"\"\n    :param: x\n    : y\n    \"\"\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fn, err := deriveToolSchema(src)
		if (fn == nil) == (err == nil) {
			t.Fatalf("deriveToolSchema(%q) = %v, %v", src, fn, err)
		}
	})
}
