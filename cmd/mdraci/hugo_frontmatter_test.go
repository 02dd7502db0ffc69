package main

import "testing"

// TestFrontMatterEnd: the front matter mdraci hugo replaces ends where
// the extension reads it to end: at "---" or "..." from the first column,
// never at an indented "---" inside a YAML block scalar.
func TestFrontMatterEnd(t *testing.T) {
	for _, c := range []struct {
		src  string
		body string
	}{
		{"---\ntitle: x\n---\n# Body\n", "# Body\n"},
		{"---\ntitle: x\n...\n# Body\n", "# Body\n"},
		{"---\ntitle: x\r\n---  \r\n# Body\n", "# Body\n"},
		{"---\nnote: |\n  text\n  ---\n  more\n---\n# Body\n", "# Body\n"},
	} {
		if got := c.src[frontMatterEnd([]byte(c.src), true):]; got != c.body {
			t.Errorf("%q: body %q, want %q", c.src, got, c.body)
		}
	}
}
