// Package nodes finds, in one walk of a document shared by mdraci's AST
// transformers, the nodes they work on (headings, tables, code spans in
// table cells, raw HTML, nodes with an id), so that each transformer does
// not walk the whole tree again.
package nodes

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
)

// Index lists a document's nodes of interest, each list in document order.
// It is made by the first Of call of a parse and reflects the tree at that
// moment: transformers that add such nodes must run after its users.
type Index struct {
	// Headings are the headings.
	Headings []*ast.Heading
	// Tables are the tables.
	Tables []*east.Table
	// CellCodeSpans are the code spans inside table cells.
	CellCodeSpans []*ast.CodeSpan
	// RawHTML are the inline raw HTML nodes.
	RawHTML []*ast.RawHTML
	// HTMLBlocks are the raw HTML blocks.
	HTMLBlocks []*ast.HTMLBlock
	// IDs are the id attributes set on any node.
	IDs [][]byte
}

var key = parser.NewContextKey()

// Of returns the index of doc kept in pc, walking doc on first use.
func Of(pc parser.Context, doc ast.Node) *Index {
	if x, ok := pc.Get(key).(*Index); ok {
		return x
	}
	x := build(doc)
	pc.Set(key, x)
	return x
}

func build(doc ast.Node) *Index {
	x := &Index{}
	x.visit(doc, false)
	return x
}

// visit adds n and its descendants to x; inCell tells whether n is inside
// a table cell. It recurses directly rather than through ast.Walk: the
// index is built for every document, and most nodes are text.
func (x *Index) visit(n ast.Node, inCell bool) {
	if n.Attributes() != nil {
		if v, ok := n.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				x.IDs = append(x.IDs, b)
			}
		}
	}
	switch v := n.(type) {
	case *ast.Text:
		return // the most common node; its children are not looked at
	case *ast.Heading:
		x.Headings = append(x.Headings, v)
	case *east.Table:
		x.Tables = append(x.Tables, v)
	case *east.TableCell:
		inCell = true
	case *ast.CodeSpan:
		if inCell {
			x.CellCodeSpans = append(x.CellCodeSpans, v)
		}
		return
	case *ast.RawHTML:
		x.RawHTML = append(x.RawHTML, v)
		return
	case *ast.HTMLBlock:
		x.HTMLBlocks = append(x.HTMLBlocks, v)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		x.visit(c, inCell)
	}
}

// Attr returns n's attribute name as text, "" when n does not have it.
func Attr(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	switch b := v.(type) {
	case []byte:
		return string(b)
	case string:
		return b
	}
	return fmt.Sprint(v)
}

// AttrBytes returns n's attribute name as bytes, nil when n does not have
// it. The bytes may be the attribute's own: the caller must not change
// them.
func AttrBytes(n ast.Node, name string) []byte {
	v, ok := n.AttributeString(name)
	if !ok {
		return nil
	}
	switch b := v.(type) {
	case []byte:
		return b
	case string:
		return []byte(b)
	}
	return []byte(fmt.Sprint(v))
}

// RawBytes returns the source of a raw HTML node: a slice of src, not a
// copy, when it is one segment (read only).
func RawBytes(n *ast.RawHTML, src []byte) []byte {
	if n.Segments.Len() == 1 {
		seg := n.Segments.At(0)
		return seg.Value(src)
	}
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// BlockBytes returns the source of an HTML block, its closing line
// included, as goldmark renders it (a tab expanded in a container block's
// line shows as spaces).
func BlockBytes(n *ast.HTMLBlock, src []byte) []byte {
	var b []byte
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b = append(b, seg.Value(src)...)
	}
	if n.HasClosure() {
		seg := n.ClosureLine
		b = append(b, seg.Value(src)...)
	}
	return b
}

// Span widens [start, stop) (start -1: none yet) to the source lines of
// the blocks among n and its descendants; inline nodes hold no blocks and
// are not walked. Their lines are in source order: a block's first and
// last line bound it.
func Span(n ast.Node, start, stop int) (int, int) {
	switch n.Type() {
	case ast.TypeInline:
		return start, stop
	case ast.TypeBlock:
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			if s := lines.At(0).Start; start < 0 || s < start {
				start = s
			}
			if e := lines.At(lines.Len() - 1).Stop; e > stop {
				stop = e
			}
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		start, stop = Span(c, start, stop)
	}
	return start, stop
}
