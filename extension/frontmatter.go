package extension

import (
	"bytes"

	"github.com/mdraci/mdraci/extension/diag"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// frontMatterTransformer reports front matter that goldmark-meta could not
// read as a diagnostic, keeps its text visible, and removes the HTML
// comment goldmark-meta writes the error into (which would carry the YAML
// error message unescaped into the page).
type frontMatterTransformer struct{}

// Transform implements parser.ASTTransformer.Transform.
func (t *frontMatterTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	_, err := meta.TryGet(pc)
	if err == nil {
		return
	}
	src := reader.Source()
	diag.Report(pc, src, 0, diag.Error, "front-matter", "front matter is not valid YAML (%v); it is shown as text", err)
	first := doc.FirstChild()
	if first == nil {
		return
	}
	if s, ok := first.LastChild().(*ast.String); ok && s.IsCode() && bytes.HasPrefix(s.Value, []byte("<!-- ")) {
		first.RemoveChild(first, s)
	}
	// the front matter's lines as a paragraph, so they render as text
	p := ast.NewParagraph()
	p.Lines().AppendAll(first.Lines().Sliced(0, first.Lines().Len()))
	for c := first.FirstChild(); c != nil; {
		next := c.NextSibling()
		p.AppendChild(p, c)
		c = next
	}
	doc.ReplaceChild(doc, first, p)
}
