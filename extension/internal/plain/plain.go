// Package plain extracts the plain text of goldmark nodes: what a reader
// sees, with markup removed and keywords resolved.
package plain

import (
	"strings"

	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark/ast"
)

// Text returns the plain text of n and its descendants, white space
// collapsed. Soft and hard line breaks become spaces, block children are
// separated by a space.
func Text(n ast.Node, src []byte) string {
	var b strings.Builder
	write(&b, n, src)
	return strings.Join(strings.Fields(b.String()), " ")
}

func write(b *strings.Builder, n ast.Node, src []byte) {
	switch v := n.(type) {
	case *ast.Text:
		b.Write(v.Value(src))
		if v.SoftLineBreak() || v.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(v.Value)
		return
	case *keyword.Node:
		b.WriteString(v.Shown())
		return
	case *ast.CodeSpan:
		for c := v.FirstChild(); c != nil; c = c.NextSibling() {
			write(b, c, src)
		}
		return
	case *ast.AutoLink:
		b.Write(v.Label(src))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	}
	if n.Type() == ast.TypeBlock && n.FirstChild() == nil && n.Lines() != nil && n.IsRaw() {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		write(b, c, src)
		if c.Type() == ast.TypeBlock {
			b.WriteByte(' ')
		}
	}
}
