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
// content of a list item or block quote it is in, 0 at the top).
type box struct{ start, stop, base int }

// boxes are the places of a document's containers.
type boxes map[*mkdocs.Container]box

// containerEdits writes each MkDocs container of doc ("!!! note", "???
// info", "=== \"Tab\"") as the mdraci-container shortcode, numbered in
// document order, {{% mdraci-container n="0" %}} … {{% /mdraci-container %}},
// its content no longer indented, for Hugo reads it as Markdown (indented,
// it would be a code block); its style, classes and title go in
// model.json. It also returns where the containers are, for the tables
// inside them (see dedent).
func containerEdits(doc ast.Node, src []byte) (edits, []containerJSON, boxes) {
	var es edits
	var out []containerJSON
	places := boxes{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		c, ok := n.(*mkdocs.Container)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		start, next := lineStart(src, c.Offset), lineEnd(src, c.Offset)
		b := box{start: start, base: c.Offset - start}
		b.stop = contentEnd(src, next, c.End)
		places[c] = b
		// what comes before the container on its line (a list item's
		// marker, a block quote's ">"), less the indentation of the
		// containers around it: as written on its line, blanked on the
		// lines it writes after
		lead := places.dedent(string(src[start:c.Offset]), containersAround(c))
		pre := blankPrefix(lead)
		blank := strings.TrimRight(pre, " ") + "\n"
		depth := len(containersAround(c))
		es = append(es, edit{start: start, stop: next,
			text: fmt.Sprintf("%s{{%% mdraci-container n=\"%d\" %%}}\n%s", lead, len(out), blank)})
		for at := next; at < b.stop; at = lineEnd(src, at) {
			// the content's indentation, four columns past the base
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
		es = append(es, edit{start: end, stop: end, depth: depth, text: blank + pre + "{{% /mdraci-container %}}\n" + blank})
		out = append(out, containerJSON{Style: c.Style, Class: strings.Join(c.Types, " "), Title: c.Title, Open: c.Open, Indent: pre})
		return ast.WalkContinue, nil
	})
	return es, out, places
}

// containersAround returns the containers n is in, the innermost first.
func containersAround(n ast.Node) []*mkdocs.Container {
	var out []*mkdocs.Container
	for p := n.Parent(); p != nil; p = p.Parent() {
		if c, ok := p.(*mkdocs.Container); ok {
			out = append(out, c)
		}
	}
	return out
}

// dedent returns the prefix of a block's first line (what comes before it
// there: indentation, a list item's marker, a block quote's ">") without
// the indentation of the containers around it (containersAround, the
// innermost first), which containerEdits removes from their lines.
func (bs boxes) dedent(prefix string, around []*mkdocs.Container) string {
	// the innermost first: its indentation is the rightmost
	for _, c := range around {
		b := bs[c]
		if b.base >= len(prefix) {
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

// contentEnd returns where the content of a container ends, its lines
// starting at next: before the line end is in (Container.End), less the
// blank lines at its end.
func contentEnd(src []byte, next, end int) int {
	stop := lineStart(src, min(end, len(src)))
	if end >= len(src) {
		stop = len(src)
	}
	for stop > next {
		from := lineStart(src, stop-1)
		if !util.IsBlank(src[from:stop]) {
			break
		}
		stop = from
	}
	return max(stop, next)
}
