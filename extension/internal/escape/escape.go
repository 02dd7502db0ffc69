// Package escape writes text into HTML escaped, without copying it: the
// renderers' hot paths write many short values.
package escape

import "io"

// Text writes s to w escaped as goldmark's util.EscapeHTML escapes it: &,
// <, > and " as &amp;, &lt;, &gt; and &quot;, NUL as U+FFFD.
func Text(w io.StringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case 0:
			esc = "\ufffd"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		default:
			continue
		}
		_, _ = w.WriteString(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(s[last:])
}

// Attr writes s to w escaped as html.EscapeString escapes it: &, ', <, >
// and " as &amp;, &#39;, &lt;, &gt; and &#34;.
func Attr(w io.StringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		_, _ = w.WriteString(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(s[last:])
}
