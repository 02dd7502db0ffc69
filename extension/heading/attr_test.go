package heading

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/mdraci/mdraci/extension/internal/escape"
)

// FuzzWriteAttr holds writeAttr, which writes ids needing no escape as
// they are, to escape.Attr, which the renderer used before.
func FuzzWriteAttr(f *testing.F) {
	for _, s := range []string{"", "roles-and-duties", `a&b`, `"q"`, "it's", "<x>", "é-ü", "a\x00b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var got, want bytes.Buffer
		gw, ww := bufio.NewWriter(&got), bufio.NewWriter(&want)
		writeAttr(gw, b)
		escape.Attr(ww, string(b))
		_ = gw.Flush()
		_ = ww.Flush()
		if got.String() != want.String() {
			t.Fatalf("writeAttr(%q) wrote %q, escape.Attr %q", b, got.String(), want.String())
		}
	})
}
