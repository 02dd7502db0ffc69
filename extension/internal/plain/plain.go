// Package plain extracts the plain text of goldmark nodes: what a reader
// sees, with markup removed and keywords resolved.
package plain

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/internal/lower"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// Text returns the plain text of n and its descendants, white space
// collapsed. Soft and hard line breaks become spaces, block children are
// separated by a space.
func Text(n ast.Node, src []byte) string {
	var buf [256]byte
	return Collapse(write(buf[:0], n, src))
}

// AppendText appends the text of n and its descendants to b, as Text
// reads it but white space not yet collapsed (AppendCollapse does that):
// callers that gather the texts of many nodes write them into one buffer.
func AppendText(b []byte, n ast.Node, src []byte) []byte { return write(b, n, src) }

// Collapse returns s with its runs of white space (unicode.IsSpace) made
// one space and its ends trimmed, as strings.Join(strings.Fields(s), " ")
// does, copying s once.
func Collapse(s []byte) string {
	if collapsed(s) {
		return string(s)
	}
	var buf [256]byte // most texts: the collapsed bytes stay on the stack
	return string(AppendCollapse(buf[:0], s))
}

// AppendCollapse appends Collapse(s) to dst, without making a string.
func AppendCollapse(dst, s []byte) []byte {
	if collapsed(s) {
		return append(dst, s...)
	}
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// Collapsed reports whether Collapse would return s as it is: ASCII
// without runs of white space, white space at its ends or white space
// other than " ". (Non-ASCII text may hold Unicode spaces: it is not
// checked, and reported as not collapsed.)
func Collapsed(s string) bool { return collapsed(s) }

func collapsed[S string | []byte](s S) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ' ' < c && c < utf8.RuneSelf {
			continue // the common case
		}
		if c >= utf8.RuneSelf || // may be a Unicode space: take the slow path
			c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') ||
			c < ' ' && asciiSpace[c] {
			return false
		}
	}
	return true
}

// Span returns the source span [start, stop) of n's text when n holds
// nothing but text nodes that follow each other in the source without a
// gap or a line break (most table cells): Text(n, src) is then that span
// of src, collapsed and Shown. ok is false otherwise.
func Span(n ast.Node) (start, stop int, ok bool) {
	start, stop = -1, -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, isText := c.(*ast.Text)
		if !isText || t.SoftLineBreak() || t.HardLineBreak() || t.Segment.Padding != 0 || t.HasChildren() {
			return 0, 0, false
		}
		switch {
		case start < 0:
			start = t.Segment.Start
		case t.Segment.Start != stop:
			return 0, 0, false
		}
		stop = t.Segment.Stop
	}
	return start, stop, start >= 0
}

// asciiSpace marks the ASCII white space characters.
var asciiSpace = [33]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Shown returns text as goldmark shows it: backslash escapes and entity
// and numeric character references resolved ("\\*" is "*", "&amp;" is
// "&"). The text of a code span is shown as written.
func Shown(text []byte) []byte {
	if !NeedsShowing(text) {
		return text
	}
	return shown(text)
}

// shown is Shown without the quick look of NeedsShowing.
func shown(text []byte) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	html.DefaultWriter.Write(w, text) // resolved, then HTML-escaped
	_ = w.Flush()
	return []byte(stdhtml.UnescapeString(buf.String()))
}

// NeedsShowing reports whether Shown would change text: it holds a
// backslash before ASCII punctuation, or "&" before "#" or a letter and a
// ";" soon after (what may be a character reference).
func NeedsShowing[S string | []byte](text S) bool {
	for i := 0; i+1 < len(text); i++ {
		switch c, next := text[i], text[i+1]; {
		case c == '\\' && isASCIIPunct(next):
			return true
		case c == '&' && (next == '#' || 'a' <= next|0x20 && next|0x20 <= 'z'):
			for j := i + 2; j < len(text) && j < i+34; j++ { // the longest entity name is 31 bytes
				if text[j] == ';' {
					return true
				}
			}
		}
	}
	return false
}

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// escapes.
func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// write appends the text of n and its descendants to b, white space as
// written.
func write(b []byte, n ast.Node, src []byte) []byte {
	switch v := n.(type) {
	case *ast.Text:
		if _, code := v.Parent().(*ast.CodeSpan); code {
			b = append(b, v.Value(src)...)
		} else {
			b = append(b, Shown(v.Value(src))...)
		}
		if v.SoftLineBreak() || v.HardLineBreak() {
			b = append(b, ' ')
		}
		return b
	case *ast.String:
		return append(b, v.Value...)
	case *keyword.Node:
		return append(b, v.Shown()...)
	case *ast.CodeSpan:
		for c := v.FirstChild(); c != nil; c = c.NextSibling() {
			b = write(b, c, src)
		}
		return b
	case *ast.AutoLink:
		return append(b, v.Label(src)...)
	case *ast.RawHTML, *ast.HTMLBlock:
		return b
	}
	if n.Type() == ast.TypeBlock && n.FirstChild() == nil && n.Lines() != nil && n.IsRaw() {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b = append(b, seg.Value(src)...)
		}
		return b
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if raw, ok := c.(*ast.RawHTML); ok {
			if mark, last := supMark(raw, src); last != nil {
				b, c = append(b, mark...), last
				continue
			}
		}
		b = write(b, c, src)
		if c.Type() == ast.TypeBlock {
			b = append(b, ' ')
		}
	}
	return b
}

// superscripts are the superscript digits, by digit.
var superscripts = [10]string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}

// Mark returns the text of a <sup> as plain text writes it when it is a
// footnote mark or a number: 1 to 3 digits as superscript digits ("12":
// "¹²"), 1 to 3 of "*", "†" and "‡" as written; "" for any other text
// (white space around it aside), which reads as ordinary text.
func Mark(t string) string {
	t = strings.TrimSpace(t)
	if t == "" {
		return ""
	}
	if strings.Trim(t, "*†‡") == "" {
		if utf8.RuneCountInString(t) > 3 {
			return ""
		}
		return t
	}
	if len(t) > 3 || strings.Trim(t, "0123456789") != "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		b.WriteString(superscripts[t[i]-'0'])
	}
	return b.String()
}

// supMark reads a footnote mark or a number written in raw HTML,
// "<sup>1</sup>", from the node open (the "<sup>"): the text as plain text
// writes it (Mark) and the node closing it. last is nil when open starts
// no such mark: its text then reads as any other.
func supMark(open *ast.RawHTML, src []byte) (mark string, last ast.Node) {
	t, ok := open.NextSibling().(*ast.Text)
	if !ok || !isTag(nodes.RawBytes(open, src), "<sup") {
		return "", nil
	}
	end, ok := t.NextSibling().(*ast.RawHTML)
	if !ok || !isTag(nodes.RawBytes(end, src), "</sup") {
		return "", nil
	}
	if mark = Mark(string(t.Value(src))); mark == "" {
		return "", nil
	}
	return mark, end
}

// isTag reports whether raw is the tag name (lower case, "<sup", "</sup")
// starts, in any case, then ">" or attributes.
func isTag(raw []byte, name string) bool {
	return len(raw) > len(name) && lower.HasPrefix(raw, name) &&
		(raw[len(name)] == '>' || raw[len(name)] == ' ' || raw[len(name)] == '\t' || raw[len(name)] == '\n')
}
