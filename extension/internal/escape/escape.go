// Package escape writes text into HTML escaped, without copying it: the
// renderers' hot paths write many short values.
package escape

import "io"

// Text writes s to w escaped as goldmark's util.EscapeHTML escapes it: &,
// <, > and " as &amp;, &lt;, &gt; and &quot;, NUL as U+FFFD.
func Text(w io.StringWriter, s string) { write(w, s, &textEscapes) }

// Attr writes s to w escaped as html.EscapeString escapes it: &, ', <, >
// and " as &amp;, &#39;, &lt;, &gt; and &#34;.
func Attr(w io.StringWriter, s string) { write(w, s, &attrEscapes) }

// AttrBytes writes b to w as Attr writes string(b): as it is, without
// making the string, when it holds nothing to escape (most ids).
func AttrBytes(w interface {
	io.Writer
	io.StringWriter
}, b []byte) {
	for _, c := range b {
		if attrEscapes[c] != "" {
			Attr(w, string(b))
			return
		}
	}
	_, _ = w.Write(b)
}

var (
	textEscapes = [256]string{0: "\ufffd", '&': "&amp;", '<': "&lt;", '>': "&gt;", '"': "&quot;"}
	attrEscapes = [256]string{'&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;", '"': "&#34;"}
)

// write writes s to w, each byte that has an escape in escapes replaced by
// it.
func write(w io.StringWriter, s string, escapes *[256]string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if esc := escapes[s[i]]; esc != "" {
			_, _ = w.WriteString(s[last:i])
			_, _ = w.WriteString(esc)
			last = i + 1
		}
	}
	_, _ = w.WriteString(s[last:])
}
