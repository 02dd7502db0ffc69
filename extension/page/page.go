// Package page wraps converted HTML in a whole, self-contained HTML page:
// no external assets, no network, no scripts needed to read it, an
// embedded default stylesheet (light and dark, phone to print).
//
// Around the body it adds what a reader of a responsibility page needs: a
// table of contents from the headings, the front matter's title and
// last-updated date, a summary chart of who owns the activities of each
// section (SVG, see Chart), and per-party views ("what the customer
// does"), switched with CSS only (see PartyView). WriteIndex writes the
// page that links a folder's pages with their counts.
package page

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/mdraci/mdraci/extension/model"
)

//go:embed default.css
var defaultCSS string

// DefaultCSS returns the embedded default stylesheet.
func DefaultCSS() string { return defaultCSS }

// Heading is one entry of the table of contents.
type Heading struct {
	// Level is 1 to 6.
	Level int
	// ID is the heading's HTML id; headings without one are left out.
	ID string
	// Text is the heading's plain text.
	Text string
}

// Page is what a standalone page shows around the converted body.
type Page struct {
	// Title is the page title; "Untitled" when empty.
	Title string
	// Lang is the page language. Defaults to "en".
	Lang string
	// Updated is the last-updated date as written in the front matter.
	Updated string
	// CSS replaces the default stylesheet when not empty.
	CSS string
	// Headings are the document's headings, for the table of contents.
	Headings []Heading
	// Model is the document's responsibility model, for the summary chart
	// and the per-party views; nil or without matrices, they are left out.
	Model *model.Document
	// Body is the converted HTML fragment.
	Body []byte
}

// Write writes p as a complete HTML document.
func Write(w io.Writer, p Page) error {
	var b bytes.Buffer
	title := p.Title
	if title == "" {
		title = "Untitled"
	}
	lang := p.Lang
	if lang == "" {
		lang = "en"
	}
	e := html.EscapeString
	writeHead(&b, lang, title, p.CSS)
	toc := tocEntries(p.Headings)
	if len(toc) > 1 {
		// closed on phones; the stylesheet shows it in the sidebar on wide screens
		b.WriteString(`<nav class="toc" aria-label="Contents">` + "\n<details>\n<summary>Contents</summary>\n")
		writeTOC(&b, toc)
		b.WriteString("</details>\n</nav>\n")
	}
	b.WriteString(`<main id="raci-main">` + "\n")
	head, rest := splitTitle(p.Body)
	if head == nil && !bytes.Contains(p.Body, []byte("<h1")) {
		head = []byte("<h1>" + e(title) + "</h1>\n") // the page needs its title as a heading
	}
	b.Write(head)
	if p.Updated != "" {
		fmt.Fprintf(&b, "<p class=\"page-updated\">Last updated: <time>%s</time></p>\n", e(p.Updated))
	}
	hasMatrices := p.Model != nil && len(p.Model.Matrices) > 0
	if hasMatrices {
		writeOverview(&b, p.Model)
	}
	b.WriteString(`<div class="page-body">` + "\n")
	b.Write(rest)
	b.WriteString("</div>\n")
	if hasMatrices {
		writePartyViews(&b, p.Model)
	}
	b.WriteString("</main>\n</div>\n</body>\n</html>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// writeHead writes the page up to its layout box: the document head with
// the stylesheet (the default one when css is empty), the skip link.
func writeHead(b *bytes.Buffer, lang, title, css string) {
	if css == "" {
		css = defaultCSS
	}
	e := html.EscapeString
	fmt.Fprintf(b, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mdraci">
<title>%s</title>
<style>
%s</style>
</head>
<body>
<a class="skip-link" href="#raci-main">Skip to content</a>
<div class="page">
`, e(lang), e(title), css)
}

// splitTitle splits body after its leading <h1>, so that the overview
// comes right below the document's own title.
func splitTitle(body []byte) (head, rest []byte) {
	trimmed := bytes.TrimLeft(body, " \n")
	if !bytes.HasPrefix(trimmed, []byte("<h1")) {
		return nil, body
	}
	end := bytes.Index(trimmed, []byte("</h1>"))
	if end < 0 {
		return nil, body
	}
	end += len("</h1>")
	if end < len(trimmed) && trimmed[end] == '\n' {
		end++
	}
	return trimmed[:end], trimmed[end:]
}

// tocEntries keeps the headings with ids below the title: the document's
// only level-1 heading is the page title, not a contents entry.
func tocEntries(hs []Heading) []Heading {
	var out []Heading
	ones := 0
	for _, h := range hs {
		if h.Level == 1 {
			ones++
		}
	}
	for _, h := range hs {
		if h.ID == "" || h.Text == "" || (h.Level == 1 && ones == 1) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// writeTOC writes hs as nested ordered lists.
func writeTOC(b *bytes.Buffer, hs []Heading) {
	base := hs[0].Level
	for _, h := range hs {
		base = min(base, h.Level)
	}
	depth := 0 // open lists
	open := []bool{}
	for i, h := range hs {
		level := h.Level - base + 1
		if i == 0 {
			level = 1
		}
		level = min(level, depth+1) // never skip a list level
		for depth < level {
			b.WriteString("<ol>\n")
			depth++
			open = append(open, false)
		}
		for depth > level {
			b.WriteString("</li>\n</ol>\n")
			depth--
			open = open[:depth]
		}
		if open[depth-1] {
			b.WriteString("</li>\n")
		}
		fmt.Fprintf(b, `<li><a href="#%s">%s</a>`, html.EscapeString(h.ID), html.EscapeString(h.Text))
		open[depth-1] = true
	}
	for depth > 0 {
		b.WriteString("</li>\n</ol>\n")
		depth--
	}
}

// MetaString returns the front matter value at key as text ("" when
// missing): strings as they are, dates as YYYY-MM-DD.
func MetaString(meta map[string]any, key string) string {
	switch v := meta[key].(type) {
	case string:
		return v
	case time.Time:
		return v.Format("2006-01-02")
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

// sentence capitalizes s's first letter.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
