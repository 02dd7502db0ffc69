// Package page wraps converted HTML in a whole, self-contained HTML page:
// no external assets, no scripts needed to read it, an embedded default
// stylesheet.
package page

import (
	_ "embed"
	"fmt"
	"html"
	"io"
	"time"
)

//go:embed default.css
var defaultCSS string

// DefaultCSS returns the embedded default stylesheet.
func DefaultCSS() string { return defaultCSS }

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
	// Body is the converted HTML fragment.
	Body []byte
}

// Write writes p as a complete HTML document.
func Write(w io.Writer, p Page) error {
	title := p.Title
	if title == "" {
		title = "Untitled"
	}
	lang := p.Lang
	if lang == "" {
		lang = "en"
	}
	css := p.CSS
	if css == "" {
		css = defaultCSS
	}
	if _, err := fmt.Fprintf(w, `<!DOCTYPE html>
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
<main>
`, html.EscapeString(lang), html.EscapeString(title), css); err != nil {
		return err
	}
	if p.Updated != "" {
		if _, err := fmt.Fprintf(w, "<p class=\"page-updated\">Last updated: <time>%s</time></p>\n", html.EscapeString(p.Updated)); err != nil {
			return err
		}
	}
	if _, err := w.Write(p.Body); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</main>\n</body>\n</html>\n")
	return err
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
