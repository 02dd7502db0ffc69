// Package plain extracts the plain text of goldmark nodes: what a reader
// sees, with markup removed and keywords resolved.
package plain

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark/ast"
)

// Text returns the plain text of n and its descendants, white space
// collapsed. Soft and hard line breaks become spaces, block children are
// separated by a space.
func Text(n ast.Node, src []byte) string {
	var b strings.Builder
	write(&b, n, src)
	return collapse(b.String())
}

// collapse returns s with its runs of white space (unicode.IsSpace) made
// one space and its ends trimmed, as strings.Join(strings.Fields(s), " ")
// does, without copying s when it already is so.
func collapse(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			clean = false // may be a Unicode space: take the slow path
		case c == ' ':
			clean = i > 0 && i < len(s)-1 && s[i+1] != ' '
		case c <= ' ' && asciiSpace[c]:
			clean = false
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// asciiSpace marks the ASCII white space characters.
var asciiSpace = [33]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

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
