// Package figure gives captioned images their caption: an image alone in
// its paragraph with a caption, as IBM Cloud docs write it (kramdown's
// ![Alt](diagram.svg){: caption="Figure 1. Roles" caption-side="bottom"}),
// becomes a <figure> with a <figcaption>; a captioned image among text
// keeps its caption as its title (when it has none), so that no caption is
// lost.
//
// The attribute lists are applied by package attributes, which lets
// caption and caption-side onto images and tells when it did
// (attributes.HasCaptions); this extension's transformer runs
// after it.
package figure

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"strings"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindFigure is the NodeKind of Figure.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is a captioned image, alone in what was its paragraph: its child
// is a text block holding the image.
type Figure struct {
	ast.BaseBlock
	// Caption is the caption, plain text (keywords resolved).
	Caption string
	// Top puts the caption above the image (caption-side="top"); it goes
	// below otherwise.
	Top bool
}

// Kind implements ast.Node.Kind.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.Dump.
func (n *Figure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Caption": n.Caption}, nil)
}

type transformer struct{}

// NewFigureASTTransformer returns the AST transformer that makes a Figure
// of each captioned image alone in its paragraph, and gives the others
// their caption as title. It runs after the attribute lists are applied.
func NewFigureASTTransformer() parser.ASTTransformer { return transformer{} }

// Transform implements parser.ASTTransformer.Transform.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if !attributes.HasCaptions(pc) {
		return // no attribute list gives a caption
	}
	src := reader.Source()
	paras, images, ok := captionedImages(doc, pc)
	if !ok {
		paras, images = walk(doc)
	}
	report := func(n ast.Node, format string, args ...any) {
		diag.Report(pc, src, offset(n), diag.Warning, "attributes-not-allowed", format, args...)
	}
	// a block list after a paragraph: its image's caption
	for _, p := range paras {
		img, isImage := p.FirstChild().(*ast.Image)
		if !isImage || !alone(p, img, src) {
			what := "caption-side"
			if caption, _ := take(p); caption != "" {
				what = fmt.Sprintf("caption %q", diag.Clip(caption, 60))
			}
			report(p, "%s applies to an image alone in its paragraph; this paragraph holds more, and it was dropped", what)
			continue
		}
		if hasCaption(img) {
			caption, _ := take(img)
			report(img, "the image's caption %q is given twice; the one after the paragraph is used", diag.Clip(caption, 60))
		}
		moveCaption(p, img)
	}
	for _, img := range images {
		if !hasCaption(img) {
			continue
		}
		p, inParagraph := img.Parent().(*ast.Paragraph)
		if inParagraph && alone(p, img, src) && strings.TrimSpace(nodes.Attr(img, "caption")) != "" {
			f := figure(p, img)
			for _, a := range p.Attributes() { // the paragraph's id, classes
				f.SetAttribute(a.Name, a.Value)
			}
			p.Parent().ReplaceChild(p.Parent(), p, f)
			continue
		}
		// an image among text, or in a link or emphasis: no figure, the
		// caption is its title
		caption, _ := take(img)
		switch _, titled := img.AttributeString("title"); {
		case caption == "":
			report(img, "the image's caption is empty; it was dropped")
		case !titled && len(img.Title) == 0:
			img.Title = markdownText(caption) // a title is Markdown: the caption shows as written
		default:
			report(img, "caption %q applies to an image alone in its paragraph; this image has a title of its own, and the caption was dropped", diag.Clip(caption, 60))
		}
	}
}

// walk returns the paragraphs with a caption and all the images of doc,
// in document order.
func walk(doc *ast.Document) (paras []*ast.Paragraph, images []*ast.Image) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Paragraph:
			if hasCaption(v) {
				paras = append(paras, v)
			}
		case *ast.Image:
			images = append(images, v)
		}
		return ast.WalkContinue, nil
	})
	return paras, images
}

// captionedImages returns, without walking doc, what walk returns that
// Transform acts on: no paragraph, and the images of doc with a caption,
// in document order, from the nodes the attribute lists gave one
// (attributes.Captioned). ok is false when a paragraph has a caption
// (its image, which may have none yet, is to be found among all): then
// walk is needed. The table captions of most pages need neither.
func captionedImages(doc *ast.Document, pc parser.Context) (paras []*ast.Paragraph, images []*ast.Image, ok bool) {
	var seen map[*ast.Image]bool
	for _, n := range attributes.Captioned(pc) {
		switch v := n.(type) {
		case *ast.Paragraph:
			if hasCaption(v) && inDocument(v, doc) {
				return nil, nil, false
			}
		case *ast.Image:
			// span lists are applied in document order; an image they
			// gave a caption twice is listed once
			if seen[v] || !hasCaption(v) || !inDocument(v, doc) {
				continue
			}
			if seen == nil {
				seen = map[*ast.Image]bool{}
			}
			seen[v] = true
			images = append(images, v)
		}
	}
	return nil, images, true
}

// inDocument reports whether n is in doc's tree.
func inDocument(n ast.Node, doc *ast.Document) bool {
	for ; n != nil; n = n.Parent() {
		if n == ast.Node(doc) {
			return true
		}
	}
	return false
}

// markdownText escapes the ASCII punctuation of s, so that Markdown reads
// it as s: no backslash escape or character reference in it is read.
func markdownText(s string) []byte {
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		if util.IsPunct(s[i]) { // what CommonMark lets a backslash escape
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return b
}

// hasCaption reports whether n has a caption or caption-side attribute.
func hasCaption(n ast.Node) bool {
	_, c := n.AttributeString("caption")
	_, side := n.AttributeString("caption-side")
	return c || side
}

// offset returns where in the source n is: its first line, or the first
// text in it, or its block's first line.
func offset(n ast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines() != nil && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		if c == n {
			if t, ok := c.FirstChild().(*ast.Text); ok {
				return max(t.Segment.Start-2, 0) // the image's "!["
			}
		}
	}
	return 0
}

// alone reports whether img is the only thing in p besides white space.
func alone(p *ast.Paragraph, img *ast.Image, src []byte) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if c == ast.Node(img) {
			continue
		}
		t, ok := c.(*ast.Text)
		if !ok || len(bytes.TrimSpace(t.Value(src))) > 0 {
			return false
		}
	}
	return true
}

// take removes the caption attributes from n and returns them.
func take(n ast.Node) (caption string, top bool) {
	caption = strings.TrimSpace(nodes.Attr(n, "caption"))
	top = strings.EqualFold(strings.TrimSpace(nodes.Attr(n, "caption-side")), "top")
	removeAttribute(n, "caption")
	removeAttribute(n, "caption-side")
	return caption, top
}

// moveCaption moves the caption attributes of paragraph p to its image.
func moveCaption(p *ast.Paragraph, img *ast.Image) {
	for _, name := range []string{"caption", "caption-side"} {
		if v, ok := p.AttributeString(name); ok {
			img.SetAttributeString(name, v)
		}
	}
	take(p)
}

// removeAttribute removes attribute name from n.
func removeAttribute(n ast.Node, name string) {
	attrs := n.Attributes()
	n.RemoveAttributes()
	for _, a := range attrs {
		if string(a.Name) != name {
			n.SetAttribute(a.Name, a.Value)
		}
	}
}

// figure returns the Figure of img, moved into it from paragraph p: in a
// text block of p's lines, as blocks hold blocks.
func figure(p *ast.Paragraph, img *ast.Image) *Figure {
	f := &Figure{}
	f.Caption, f.Top = take(img)
	tb := ast.NewTextBlock()
	tb.SetLines(p.Lines())
	img.Parent().RemoveChild(img.Parent(), img)
	tb.AppendChild(tb, img)
	f.AppendChild(f, tb)
	return f
}

// FigureHTMLRenderer renders Figure nodes: <figure> (with the attributes
// its paragraph had), the image, and the caption (escaped) in a
// <figcaption> above or below it.
type FigureHTMLRenderer struct{}

// NewFigureHTMLRenderer returns a FigureHTMLRenderer.
func NewFigureHTMLRenderer() renderer.NodeRenderer { return FigureHTMLRenderer{} }

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r FigureHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, r.render)
}

func (FigureHTMLRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	f := node.(*Figure)
	caption := func() {
		if f.Caption != "" {
			_, _ = w.WriteString("<figcaption>" + stdhtml.EscapeString(f.Caption) + "</figcaption>\n")
		}
	}
	if entering {
		_, _ = w.WriteString("<figure")
		if f.Attributes() != nil {
			html.RenderAttributes(w, f, html.GlobalAttributeFilter)
		}
		_, _ = w.WriteString(">\n")
		if f.Top {
			caption()
		}
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte('\n')
	if !f.Top {
		caption()
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkContinue, nil
}

// Extender is the figure goldmark extension.
type Extender struct{}

var _ goldmark.Extender = (*Extender)(nil)

// Extension is the figure extension.
var Extension = &Extender{}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// After the attribute lists (100), which set the caption.
		util.Prioritized(NewFigureASTTransformer(), 150),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(NewFigureHTMLRenderer(), 500)))
}
