package mkdocs_test

import (
	"bytes"
	"testing"

	"github.com/mdraci/mdraci/extension/mkdocs"
	"github.com/yuin/goldmark"
)

// TestOpeners: what opens a container, and its HTML, whether its line ends
// the file (no line break after it) or not.
func TestOpeners(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(mkdocs.Extension))
	for _, c := range []struct{ src, want string }{
		{`!!! note "T"`, "<div class=\"admonition note\">\n<p class=\"admonition-title\">T</p>\n</div>\n"},
		{"!!! note", "<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n</div>\n"},
		{"??? \"Summary\"\n    Hidden.\n", "<details>\n<summary>Summary</summary>\n<p>Hidden.</p>\n</details>\n"},
		{"???+ info inline\n    Shown.", "<details class=\"info inline\" open>\n<summary>Info</summary>\n<p>Shown.</p>\n</details>\n"},
		{"!!! \"no type\"\n", "<p>!!! &quot;no type&quot;</p>\n"},
		{"=== untitled\n", "<p>=== untitled</p>\n"},
	} {
		var out bytes.Buffer
		if err := md.Convert([]byte(c.src), &out); err != nil {
			t.Fatal(err)
		}
		if out.String() != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.src, out.String(), c.want)
		}
	}
}
