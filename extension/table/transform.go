package table

import (
	"bytes"

	"github.com/mdraci/mdraci/extension/internal/ids"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type astTransformer struct{}

// NewTableASTTransformer returns the AST transformer that finishes tables
// after inline parsing: "\|" in code spans inside cells becomes "|" (as in
// GFM), and a table with a summary gets the id its description needs.
func NewTableASTTransformer() parser.ASTTransformer {
	return &astTransformer{}
}

// Transform implements parser.ASTTransformer.Transform.
func (t *astTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	x := nodes.Of(pc, doc)
	for _, n := range x.Tables {
		if _, ok := n.AttributeString("summary"); ok {
			tableID := nodes.Attr(n, "id")
			base := "table-summary"
			if tableID != "" {
				base = tableID + "-summary"
			}
			n.SetAttributeString("aria-describedby", []byte(ids.Of(pc, doc).Unique(base, base)))
		}
	}
	if len(x.CellCodeSpans) == 0 || !bytes.Contains(src, []byte(`\|`)) {
		return
	}
	for _, n := range x.CellCodeSpans {
		unescapePipes(n, src)
	}
}

// unescapePipes splits the code span's text around each "\|", dropping
// the backslash, as goldmark's GFM tables do.
func unescapePipes(code ast.Node, src []byte) {
	for c := code.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok {
			c = next
			continue
		}
		seg := t.Segment
		v := seg.Value(src)
		at := bytes.Index(v, []byte(`\|`))
		if at < 0 {
			c = next
			continue
		}
		before := ast.NewRawTextSegment(seg.WithStop(seg.Start + at))
		after := ast.NewRawTextSegment(seg.WithStart(seg.Start + at + 1))
		after.SetSoftLineBreak(t.SoftLineBreak())
		code.InsertBefore(code, c, before)
		code.InsertBefore(code, c, after)
		code.RemoveChild(code, c)
		c = after // it may hold more
	}
}
