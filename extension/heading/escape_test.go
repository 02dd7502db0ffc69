package heading

import (
	"bufio"
	"bytes"
	"html"
	"testing"

	"github.com/yuin/goldmark/util"
)

// written returns what write writes.
func written(write func(w util.BufWriter)) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	write(w)
	_ = w.Flush()
	return b.String()
}

// FuzzEscape checks the renderer's escaping against what it replaces:
// html.EscapeString for the id, util.EscapeHTML for the label and the
// anchor text.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain", `a&b<c>d"e'f`, "x\x00y", "&&", "é<ü>", "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := written(func(w util.BufWriter) { writeEscapedID(w, []byte(s)) }), html.EscapeString(s); got != want {
			t.Errorf("writeEscapedID(%q) = %q, want %q", s, got, want)
		}
		if got, want := written(func(w util.BufWriter) { writeEscapedText(w, s) }), string(util.EscapeHTML([]byte(s))); got != want {
			t.Errorf("writeEscapedText(%q) = %q, want %q", s, got, want)
		}
	})
}
