package main

import (
	"fmt"
	"strings"

	"github.com/mdraci/mdraci/extension/mkdocs"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// containerJSON is an MkDocs container (package mkdocs) as the
// mdraci-container shortcode writes it: model.json's render.containers.
type containerJSON struct {
	Style string `json:"style"`
	Class string `json:"class,omitempty"`
	Title string `json:"title,omitempty"`
	Open  bool   `json:"open,omitempty"`
	// Indent is what comes before the shortcode on its line (a list
	// item's indentation, a block quote's ">"): the lines the shortcode
	// writes start with it, so that they stay in that block.
	Indent string `json:"indent,omitempty"`
}

// box is where a container is in the source: from its opening line's
// start to the end of its content, whose lines are indented by four
// columns past base, the column where the container starts (that of the
// content of a list item it is in, 0 at the top).
type box struct{ start, stop, base int }

// containerEdits writes each MkDocs container of doc ("!!! note", "???
// info", "=== \"Tab\"") as the mdraci-container shortcode, numbered in
// document order, {{% mdraci-container n="0" %}} … {{% /mdraci-container %}},
// its content no longer indented, for Hugo reads it as Markdown (indented,
// it would be a code block); its style, classes and title go in
// model.json. It also returns where the containers are, for the tables
// inside them (see dedent).
func containerEdits(doc ast.Node, src []byte) (edits, []containerJSON, []box) {
	var es edits
	var out []containerJSON
	var boxes []box
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		c, ok := n.(*mkdocs.Container)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		start, next := lineStart(src, c.Offset), lineEnd(src, c.Offset)
		b := box{start: start, stop: contentEnd(src, next, c.Offset-start), base: c.Offset - start}
		// what comes before the marker, less the indentation of the
		// containers around it
		pre := blankPrefix(dedent(string(src[start:c.Offset]), start, boxes))
		depth := 0 // the containers around it
		for p := c.Parent(); p != nil; p = p.Parent() {
			if _, ok := p.(*mkdocs.Container); ok {
				depth++
			}
		}
		es = append(es, edit{start: start, stop: next,
			text: fmt.Sprintf("%s{{%% mdraci-container n=\"%d\" %%}}\n\n", pre, len(out))})
		for at := next; at < b.stop; at = lineEnd(src, at) {
			// the content's indentation, four columns past the marker's
			from, k := at+b.base, 0
			for k < 4 && from+k < len(src) && src[from+k] == ' ' {
				k++
			}
			if k == 0 && from < len(src) && src[from] == '\t' {
				k = 1
			}
			if k > 0 {
				es = append(es, edit{start: from, stop: from + k})
			}
		}
		end := lineEnd(src, b.stop-1)
		es = append(es, edit{start: end, stop: end, depth: depth, text: "\n" + pre + "{{% /mdraci-container %}}\n\n"})
		out = append(out, containerJSON{Style: c.Style, Class: strings.Join(c.Types, " "), Title: c.Title, Open: c.Open, Indent: pre})
		boxes = append(boxes, b)
		return ast.WalkContinue, nil
	})
	return es, out, boxes
}

// dedent returns the prefix of a table's first line (its indentation, a
// block quote's ">"), starting at offset at, without the indentation of
// the containers around it (containerEdits removes it from their lines).
func dedent(prefix string, at int, boxes []box) string {
	// the innermost first: its indentation is the rightmost
	for i := len(boxes) - 1; i >= 0; i-- {
		b := boxes[i]
		if at < b.start || at >= b.stop || b.base >= len(prefix) {
			continue
		}
		end := b.base
		for end < len(prefix) && end < b.base+4 && prefix[end] == ' ' {
			end++
		}
		if end == b.base && prefix[end] == '\t' {
			end++
		}
		prefix = prefix[:b.base] + prefix[end:]
	}
	return prefix
}

// contentEnd returns where the content of a container whose marker is at
// column base ends, its lines starting at next: the lines blank or
// indented by four columns past base, as package mkdocs reads them, the
// blank lines after the last of them left out.
func contentEnd(src []byte, next, base int) int {
	end := next
	for at := next; at < len(src); {
		eol := lineEnd(src, at)
		line := src[at:eol]
		if !util.IsBlank(line) {
			if indent, _ := util.IndentWidth(line, 0); indent < base+4 {
				break
			}
			end = eol
		}
		at = eol
	}
	return end
}
