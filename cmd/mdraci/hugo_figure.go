package main

import (
	"bytes"
	"fmt"

	"github.com/mdraci/mdraci/extension/figure"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// figureJSON is a captioned image as the raci-figure shortcode writes it
// (model.json's render.figures): the caption (keywords resolved), its side,
// and the attributes of the <figure> (its paragraph's, as the extension
// renders them).
type figureJSON struct {
	Caption    string          `json:"caption"`
	Top        bool            `json:"top,omitempty"`
	Attributes []attributeJSON `json:"attributes,omitempty"`
}

// attributeJSON is one HTML attribute.
type attributeJSON struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// figureEdits wraps each figure of doc (a captioned image alone in its
// paragraph, see package figure) in the raci-figure shortcode, numbered
// in document order: {{< raci-figure n="0" >}}![alt](src){{< /raci-figure >}}.
// The image's own Markdown stays inside, with the edits made in it (a
// reference written inline, see referenceEdits), for the render-image
// hook; the caption and attributes go in model.json.
func figureEdits(doc ast.Node, src []byte) (edits, []figureJSON) {
	var es edits
	var out []figureJSON
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		f, ok := n.(*figure.Figure)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var lines []int // the image's lines, as [start, stop) pairs
		for c := f.FirstChild(); c != nil; c = c.NextSibling() {
			for _, seg := range segments(c) {
				lines = append(lines, seg.Start, seg.Stop)
			}
		}
		if len(lines) == 0 {
			return ast.WalkSkipChildren, nil
		}
		fj := figureJSON{Caption: f.Caption, Top: f.Top}
		for _, a := range f.Attributes() {
			if html.GlobalAttributeFilter.Contains(a.Name) || bytes.HasPrefix(a.Name, []byte("data-")) { // as html.RenderAttributes
				fj.Attributes = append(fj.Attributes, attributeJSON{Name: string(a.Name), Value: attrString(f, string(a.Name))})
			}
		}
		es = append(es, edit{start: lines[0], stop: lines[0], text: fmt.Sprintf(`{{< raci-figure n="%d" >}}`, len(out))})
		// an image over several lines of a block quote or list: the
		// shortcode's inner Markdown is read on its own, without their
		// markers
		for i := 2; i < len(lines); i += 2 {
			if at := lineStart(src, lines[i]); at < lines[i] {
				es = append(es, edit{start: at, stop: lines[i]})
			}
		}
		end := lines[len(lines)-1]
		for end > lines[0] && (src[end-1] == '\n' || src[end-1] == '\r') {
			end--
		}
		es = append(es, edit{start: end, stop: end, text: "{{< /raci-figure >}}"})
		out = append(out, fj)
		return ast.WalkSkipChildren, nil
	})
	return es, out
}
