package matrix

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/util"
)

// writeWith runs f on a writer and returns what it wrote.
func writeWith(f func(w)) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	f(w{bw})
	_ = bw.Flush()
	return buf.String()
}

var escapeCases = []string{
	"", "plain", `a "b" <c> & d`, "&amp;", "<<>>", `"`, "ünïcode & ✓", "R/A",
}

// TestText checks that the writer escapes as util.EscapeHTML does.
func TestText(t *testing.T) {
	for _, s := range escapeCases {
		if got, want := writeWith(func(o w) { o.text(s) }), string(util.EscapeHTML([]byte(s))); got != want {
			t.Errorf("text(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestRoleClassWriter checks that the writer's role class is RoleClass's.
func TestRoleClassWriter(t *testing.T) {
	for _, s := range []string{"R", "a", "RA", "C/I", "S1", "", "-", "É", "ÉR", "r-a", "✓", "Ⅻ"} {
		if got, want := writeWith(func(o w) { o.roleClass(s) }), RoleClass(s); got != want {
			t.Errorf("roleClass(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := writeWith(func(o w) { o.text(s) }), string(util.EscapeHTML([]byte(s))); got != want {
			t.Errorf("text(%q) = %q, want %q", s, got, want)
		}
		if got, want := writeWith(func(o w) { o.roleClass(s) }), RoleClass(s); got != want {
			t.Errorf("roleClass(%q) = %q, want %q", s, got, want)
		}
	})
}
