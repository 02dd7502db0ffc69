package extension

import (
	"bytes"
	"testing"

	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzBlockHasRef holds blockHasRef, which reads an HTML block's lines in
// place, to looking for "{{" in nodes.BlockBytes, the block's source as
// the transformer copies it together, for every HTML block of a page.
func FuzzBlockHasRef(f *testing.F) {
	for _, s := range []string{
		"<div>\n{{site.data.keyword.cloud}}\n</div>\n",
		"<div>{\n{x}</div>\n",
		"<div>\n{\n\n{</div>\n",
		"> <table>\n>\t{\n>\t{{x}}\n> </table>\n",
		"- <div>\n\t{\n  {</div>\n",
		"<!-- {\n{ -->\n",
		"<pre>\n{\n</pre>\n{{site.data.x}}\n",
		"<script>\n{{\n</script>",
		"<div>\n{",
		"<div>plain</div>\n\n<p>{ {</p>\n",
	} {
		f.Add(s)
	}
	md := goldmark.New()
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		doc := md.Parser().Parse(text.NewReader(src))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if b, ok := n.(*ast.HTMLBlock); ok && entering {
				want := bytes.Contains(nodes.BlockBytes(b, src), []byte("{{"))
				if got := blockHasRef(b, src); got != want {
					t.Fatalf("blockHasRef = %v, want %v for the HTML block %q of %q", got, want, nodes.BlockBytes(b, src), s)
				}
			}
			return ast.WalkContinue, nil
		})
	})
}
