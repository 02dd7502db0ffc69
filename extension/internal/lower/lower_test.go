package lower

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzLower checks Equal, HasPrefix and Index against lowering copies.
func FuzzLower(f *testing.F) {
	for _, c := range [][2]string{{"<TABLE class=x>", "<table"}, {"Who", "who"}, {"", ""}, {"ÉTÉ", "été"}, {"ab", "abc"}, {"x<Br>", "<br"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, s, w string) {
		w = asciiLower(w)
		ls := asciiLower(s)
		if got, want := Equal(s, w), ls == w; got != want {
			t.Errorf("Equal(%q, %q) = %v", s, w, got)
		}
		if got, want := HasPrefix([]byte(s), w), strings.HasPrefix(ls, w); got != want {
			t.Errorf("HasPrefix(%q, %q) = %v", s, w, got)
		}
		if got, want := Index([]byte(s), w), bytes.Index([]byte(ls), []byte(w)); got != want {
			t.Errorf("Index(%q, %q) = %d, want %d", s, w, got, want)
		}
	})
}

// asciiLower lowers the ASCII letters of s only.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
