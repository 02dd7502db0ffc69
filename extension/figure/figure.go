// Package figure gives captioned images their caption: an image alone in
// its paragraph with a caption, as IBM Cloud docs write it (kramdown's
// ![Alt](diagram.svg){: caption="Figure 1. Roles" caption-side="bottom"}),
// becomes a <figure> with a <figcaption>; a captioned image among text
// keeps its caption as its title (when it has none), so that no caption is
// lost.
//
// The attribute lists are applied by package attributes, which lets
// caption and caption-side onto images; this extension's transformer runs
// after it.
package figure

import (
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
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
	if !bytes.Contains(reader.Source(), []byte("caption")) {
		return // no attribute list gives a caption
	}
	src := reader.Source()
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if p, ok := n.(*ast.Paragraph); ok {
			paras = append(paras, p)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		if _, ok := p.AttributeString("caption"); ok {
			// a block list after the paragraph: its image's caption
			img, isImage := p.FirstChild().(*ast.Image)
			if isImage && alone(p, img, src) {
				moveCaption(p, img)
			} else {
				caption, _ := take(p)
				at := 0
				if p.Lines().Len() > 0 {
					at = p.Lines().At(0).Start
				}
				diag.Report(pc, src, at, diag.Warning, "attributes-not-allowed",
					"caption %q applies to an image alone in its paragraph; this paragraph holds more, and the caption was dropped", diag.Clip(caption, 60))
			}
		}
		var captioned []*ast.Image
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if img, ok := c.(*ast.Image); ok {
				if _, ok := img.AttributeString("caption"); ok {
					captioned = append(captioned, img)
				}
			}
		}
		if len(captioned) == 0 {
			continue
		}
		if len(captioned) == 1 && alone(p, captioned[0], src) {
			f := figure(p, captioned[0])
			for _, a := range p.Attributes() { // the paragraph's id, classes
				f.SetAttribute(a.Name, a.Value)
			}
			p.Parent().ReplaceChild(p.Parent(), p, f)
			continue
		}
		for _, img := range captioned {
			caption, _ := take(img)
			if _, ok := img.AttributeString("title"); !ok && len(img.Title) == 0 && caption != "" {
				img.Title = []byte(caption)
			}
		}
	}
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
	if v, ok := n.AttributeString("caption"); ok {
		caption = strings.TrimSpace(string(v.([]byte)))
	}
	if v, ok := n.AttributeString("caption-side"); ok {
		top = strings.EqualFold(strings.TrimSpace(string(v.([]byte))), "top")
	}
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
