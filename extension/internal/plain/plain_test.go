package plain

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// spanCases are Markdown paragraphs and table rows whose inline text Span
// reads, or refuses to read, as a span of the source.
var spanCases = []string{
	"plain words",
	"R/A",
	"escaped \\| pipe and \\*star\\*",
	"an &amp; entity and &copy;",
	"**bold** and _em_",
	"`code` span",
	"a [link](https://example.com) here",
	"<https://example.com> autolink and www.example.com",
	"soft\nbreak",
	"hard  \nbreak",
	"trailing \\\\ backslash",
	"an &amp; entity, &copy; and &#169; &#xA9; &bogus; & alone",
	"escapes \\* \\_ \\< \\& \\a and `code \\* &amp;`",
	"  leading and trailing  ",
	"tab\there",
	"ünïcode téxt",
	"| Activity | Customer | Provider |\n|---|---|---|\n| Patch \\| upgrade | RA | I |\n| *Secure* it | A / R | C |",
}

// TestSpan checks that where Span reads a node's text as a source span,
// that span, collapsed and shown (escapes and references resolved), is
// the node's Text.
func TestSpan(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(gext.GFM))
	spans := 0
	for _, c := range spanCases {
		src := []byte(c)
		doc := md.Parser().Parse(text.NewReader(src))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || n.Type() != ast.TypeBlock && n.Kind().String() != "TableCell" {
				return ast.WalkContinue, nil
			}
			start, stop, ok := Span(n)
			if !ok {
				return ast.WalkContinue, nil
			}
			spans++
			if got, want := Collapse(Shown(src[start:stop])), Text(n, src); got != want {
				t.Errorf("%q: span %d:%d reads %q, Text %q", c, start, stop, got, want)
			}
			return ast.WalkContinue, nil
		})
	}
	if spans < 5 {
		t.Errorf("Span read %d nodes as spans, want most plain cells and paragraphs", spans)
	}
}

// TestCollapsed checks that Collapsed tells when Collapse keeps its input.
func TestCollapsed(t *testing.T) {
	for _, s := range []string{"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "é", "a\u00a0b", "x-y_z"} {
		if got, want := Collapsed(s), Collapse([]byte(s)) == s && isASCII(s); got != want {
			t.Errorf("Collapsed(%q) = %v, want %v", s, got, want)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestSpanGap checks that text nodes with a gap between them, or with a
// line break, are not read as one span.
func TestSpanGap(t *testing.T) {
	p := ast.NewParagraph()
	p.AppendChild(p, ast.NewTextSegment(text.NewSegment(0, 3)))
	p.AppendChild(p, ast.NewTextSegment(text.NewSegment(5, 8)))
	if _, _, ok := Span(p); ok {
		t.Error("Span read text nodes 0:3 and 5:8 as one span")
	}
	q := ast.NewParagraph()
	first := ast.NewTextSegment(text.NewSegment(0, 3))
	first.SetSoftLineBreak(true)
	q.AppendChild(q, first)
	q.AppendChild(q, ast.NewTextSegment(text.NewSegment(3, 6)))
	if _, _, ok := Span(q); ok {
		t.Error("Span read text across a line break as one span")
	}
	r := ast.NewParagraph()
	r.AppendChild(r, ast.NewTextSegment(text.NewSegment(0, 3)))
	r.AppendChild(r, ast.NewTextSegment(text.NewSegment(3, 6)))
	if start, stop, ok := Span(r); !ok || start != 0 || stop != 6 {
		t.Errorf("Span of text nodes 0:3 and 3:6 = %d, %d, %v; want 0, 6, true", start, stop, ok)
	}
}

// TestShown: Text shows escapes and references as goldmark renders them,
// and code spans as written.
func TestShown(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(gext.GFM))
	for in, want := range map[string]string{
		"Backup &amp; restore":                     "Backup & restore",
		"&copy; &#169; &#xA9; &bogus; & alone":     "© © © &bogus; & alone",
		`escapes \* \_ \< \& \a \\`:                `escapes * _ < & \a \`,
		"`code \\* &amp;` and \\`":                 `code \* &amp; and ` + "`",
		"**AT&amp;T** and [x &lt; y](#u)":          "AT&T and x < y",
		"| a | b |\n|---|---|\n| x \\| y | &gt; |": "a b x | y >",
	} {
		src := []byte(in)
		doc := md.Parser().Parse(text.NewReader(src))
		if got := Text(doc, src); got != want {
			t.Errorf("%q: Text %q, want %q", in, got, want)
		}
	}
}

// FuzzNeedsShowing: text NeedsShowing passes over is shown as it is.
func FuzzNeedsShowing(f *testing.F) {
	for _, s := range []string{"a &amp; b", `\*x\*`, "&#169;", "& alone;", "&x", `\a`, "AT&T; x", "&bogus;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || NeedsShowing(s) {
			return
		}
		if got := string(shown([]byte(s))); got != s {
			t.Fatalf("NeedsShowing(%q) is false, but it is shown as %q", s, got)
		}
	})
}

// collapseCases are texts for Collapse and AppendCollapse: white space
// of every kind, at the ends and in runs, and bytes that are no UTF-8.
var collapseCases = []string{"", " ", "a", " a ", "a  b", "a\tb\nc", "\u00a0x\u2003y ", "ünï  cödé", "\x00 \x01",
	"\xff \xfe\u00a0", strings.Repeat("long words ", 40) + " \t end"}

// TestAppendCollapse checks that AppendCollapse appends what
// strings.Fields and strings.Join make of s after what dst holds, that
// Collapse returns it, and that AppendText is Text's text before
// collapsing.
func TestAppendCollapse(t *testing.T) {
	for _, s := range collapseCases {
		want := strings.Join(strings.Fields(s), " ")
		if got := string(AppendCollapse([]byte("pre"), []byte(s))); got != "pre"+want {
			t.Errorf("AppendCollapse(%q) = %q, want %q", s, got, "pre"+want)
		}
		if got := Collapse([]byte(s)); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", s, got, want)
		}
	}
	md := goldmark.New(goldmark.WithExtensions(gext.GFM))
	for _, c := range spanCases {
		src := []byte(c)
		doc := md.Parser().Parse(text.NewReader(src))
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if got, want := Collapse(AppendText(nil, n, src)), Text(n, src); got != want {
				t.Errorf("AppendText of %q: %q, want %q", c, got, want)
			}
		}
	}
}

// FuzzCollapse checks Collapse and AppendCollapse against strings.Fields
// and strings.Join on any bytes.
func FuzzCollapse(f *testing.F) {
	for _, s := range collapseCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := Collapse([]byte(s)); got != want {
			t.Fatalf("Collapse(%q) = %q, want %q", s, got, want)
		}
		if got := string(AppendCollapse([]byte("x"), []byte(s))); got != "x"+want {
			t.Fatalf("AppendCollapse(%q) = %q, want %q", s, got, "x"+want)
		}
	})
}

// TestSupMarks checks that a footnote mark or a number written in raw
// HTML, <sup>1</sup>, reads as plain text writes it: digits as superscript
// digits, marks as written; other <sup> text, or a <sup> not closed right
// after its text, reads as its text.
func TestSupMarks(t *testing.T) {
	md := goldmark.New()
	for in, want := range map[string]string{
		"Replace disks<sup>1</sup>":           "Replace disks¹",
		"Area in m<SUP class=x>2</SUP>":       "Area in m²",
		"Backups<sup>12</sup> and more":       "Backups¹² and more",
		"Logs<sup>*</sup>":                    "Logs*",
		"Logs<sup>†‡</sup>":                   "Logs†‡",
		"Acme<sup>TM</sup>":                   "AcmeTM",
		"Big<sup>1234</sup>":                  "Big1234",
		"Open<sup>1":                          "Open1",
		"Link<sup><a href=\"#n\">1</a></sup>": "Link1",
		"<sup>1</sup> Within 24 hours.":       "¹ Within 24 hours.",
	} {
		src := []byte(in)
		doc := md.Parser().Parse(text.NewReader(src))
		if got := Text(doc.FirstChild(), src); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMark checks the one rule the readers and the model share for a
// mark in <sup>: 1 to 3 digits, or 1 to 3 of "*", "†", "‡".
func TestMark(t *testing.T) {
	for in, want := range map[string]string{
		"1": "¹", " 12 ": "¹²", "305": "³⁰⁵", "1234": "", "*": "*", "†‡": "†‡", "***": "***",
		"****": "", "1*": "", "TM": "", "": "", "  ": "", "¹": "",
	} {
		if got := Mark(in); got != want {
			t.Errorf("Mark(%q) = %q, want %q", in, got, want)
		}
	}
}
