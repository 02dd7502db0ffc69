package main

import (
	"strconv"
	"strings"

	"github.com/mdraci/mdraci/extension/figure"
	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Footnotes referenced from a matrix cell: the raci shortcode renders the
// cell apart from the page, where Hugo cannot number the reference, and
// Hugo drops a definition its Markdown no longer references. So on such
// pages mdraci hugo takes the footnotes over: every reference becomes what
// the extension writes (the raci-fnref shortcode in the text, the model's
// numbers in matrix cells) and the definitions are rendered by the
// raci-footnotes shortcode at the end of the page, numbered as the
// extension numbers them.

// footnoteRef is how a matrix cell's [^label] is written.
type footnoteRef struct {
	N  int    `json:"n"`
	ID string `json:"id"` // the <sup>'s id: fnref:N, fnref1:N for the second reference …
}

// footnoteDef is one footnote of the list at the end of the page.
type footnoteDef struct {
	N    int    `json:"n"`
	MD   string `json:"md"`   // its Markdown, paragraphs separated by blank lines
	Refs int    `json:"refs"` // how many references point to it (one back link each)
}

// pageFootnotes is what the shortcodes need to write a page's footnotes.
type pageFootnotes struct {
	Refs map[string]footnoteRef `json:"refs,omitempty"` // by "[^label]" as written in cells
	List []footnoteDef          `json:"list,omitempty"`
}

// footnotes returns the edits that take a page's footnotes over, and what
// the shortcodes need; nothing when no matrix cell references a footnote.
func footnotes(doc ast.Node, src []byte, inline edits) (edits, *pageFootnotes) {
	type link struct {
		n        *east.FootnoteLink
		inMatrix bool
	}
	var links []link
	var defs []*east.Footnote
	inMatrix := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch v := n.(type) {
		case *matrix.Matrix:
			inMatrix = entering
		case *east.FootnoteLink:
			if entering {
				links = append(links, link{v, inMatrix})
			}
		case *east.Footnote:
			if entering {
				defs = append(defs, v)
			}
		}
		return ast.WalkContinue, nil
	})
	any := false
	for _, l := range links {
		any = any || l.inMatrix
	}
	if !any {
		return nil, nil
	}
	fn := &pageFootnotes{Refs: map[string]footnoteRef{}}
	var es edits
	for _, l := range links {
		start := l.n.Pos()
		if start < 0 || start >= len(src) {
			continue
		}
		end := strings.IndexByte(string(src[start:]), ']')
		if end < 0 {
			continue
		}
		literal := string(src[start : start+end+1])
		id := "fnref:" + strconv.Itoa(l.n.Index)
		if l.n.RefIndex > 0 {
			id = "fnref" + strconv.Itoa(l.n.RefIndex) + ":" + strconv.Itoa(l.n.Index)
		}
		if l.inMatrix {
			if _, seen := fn.Refs[literal]; !seen {
				fn.Refs[literal] = footnoteRef{N: l.n.Index, ID: id}
			}
			continue
		}
		es = append(es, edit{start: start, stop: start + end + 1,
			text: "{{< raci-fnref n=\"" + strconv.Itoa(l.n.Index) + "\" id=\"" + id + "\" >}}"})
	}
	counts := map[int]int{}
	for _, l := range links {
		counts[l.n.Index]++
	}
	for _, d := range defs {
		// the definition leaves the Markdown: the list is the shortcode's
		if start := d.Pos(); start >= 0 {
			if end := lastOffset(d); end > start {
				es = append(es, edit{start: lineStart(src, start), stop: lineEnd(src, max(end-1, start))})
			}
		}
		if d.Index < 0 {
			continue // not referenced: the extension leaves it out
		}
		var paras []string
		for c := d.FirstChild(); c != nil; c = c.NextSibling() {
			if f, ok := c.(*figure.Figure); ok && f.FirstChild() != nil {
				// a figure: its image, then its caption (the list is
				// Markdown, where the raci-figure shortcode cannot be)
				if t := segText(src, inline, segments(f.FirstChild()), "\n"); t != "" {
					paras = append(paras, t)
				}
				if f.Caption != "" {
					paras = append(paras, inlineOnly(escapeMarkdown(f.Caption)))
				}
				continue
			}
			if t := segText(src, inline, segments(c), "\n"); t != "" {
				paras = append(paras, t)
			}
		}
		fn.List = append(fn.List, footnoteDef{N: d.Index, MD: strings.Join(paras, "\n\n"), Refs: counts[d.Index]})
	}
	return es, fn
}
