package escape

import (
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"
)

var cases = []string{"", "plain", `a&b<c>d"e'f`, "x\x00y", "&&", "é<ü>", "'", "R/A"}

// check compares Text, Attr and AttrBytes with what they stand for.
func check(t *testing.T, s string) {
	var b strings.Builder
	Text(&b, s)
	if got, want := b.String(), string(util.EscapeHTML([]byte(s))); got != want {
		t.Errorf("Text(%q) = %q, want %q", s, got, want)
	}
	b.Reset()
	Attr(&b, s)
	if got, want := b.String(), html.EscapeString(s); got != want {
		t.Errorf("Attr(%q) = %q, want %q", s, got, want)
	}
	b.Reset()
	AttrBytes(&b, []byte(s))
	if got, want := b.String(), html.EscapeString(s); got != want {
		t.Errorf("AttrBytes(%q) = %q, want %q", s, got, want)
	}
}

func TestEscape(t *testing.T) {
	for _, s := range cases {
		check(t, s)
	}
}

// FuzzEscape checks Text against util.EscapeHTML, and Attr and AttrBytes
// against html.EscapeString.
func FuzzEscape(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(check)
}
