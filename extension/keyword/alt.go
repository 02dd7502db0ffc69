package keyword

import (
	"bufio"
	"bytes"

	"github.com/mdraci/mdraci/extension/internal/escape"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Alt text
//
// goldmark's HTML renderer writes an image's alt text from the Text and
// String nodes below the image and leaves out every other node: a keyword
// in ![Alt {{site.data.keyword.cloud}} end](a.png) would vanish, known or
// not. AltImage gives goldmark's image renderer an image whose alt text
// has the keywords in it; ImageHTMLRenderer (which the Extender adds) and
// mdraci's attributes.URLRenderer render images through it.

// HasKeyword reports whether n has a keyword Node among its descendants.
func HasKeyword(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*Node); ok || c.HasChildren() && HasKeyword(c) {
			return true
		}
	}
	return false
}

// WriteAlt writes the alt text of image n as goldmark's HTML renderer
// writes it, text and str being that renderer's functions for Text and
// String nodes, with each keyword Node's Shown value HTML-escaped in its
// place.
func WriteAlt(w util.BufWriter, source []byte, n ast.Node, text, str renderer.NodeRendererFunc) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.String:
			_, _ = str(w, source, v, true)
		case *ast.Text:
			_, _ = text(w, source, v, true)
		case *Node:
			escape.Text(w, v.Shown())
		default:
			WriteAlt(w, source, v, text, str)
		}
	}
}

// AltImage returns n, or, when keywords are in its alt text, a new image
// with n's destination, title and attributes whose only child holds the
// alt text WriteAlt writes, as HTML that goldmark's image renderer writes
// as it is. n is left unchanged.
func AltImage(n *ast.Image, source []byte, text, str renderer.NodeRendererFunc) *ast.Image {
	if !HasKeyword(n) {
		return n
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	WriteAlt(w, source, n, text, str)
	_ = w.Flush()
	img := ast.NewImage(ast.NewLink())
	img.Destination, img.Title = n.Destination, n.Title
	for _, a := range n.Attributes() {
		img.SetAttribute(a.Name, a.Value)
	}
	alt := ast.NewString(b.Bytes())
	alt.SetCode(true) // written as it is: it is HTML already
	img.AppendChild(img, alt)
	return img
}

// ImageHTMLRenderer renders images as goldmark's HTML renderer does (with
// its options, unsafe included), keywords kept in their alt text.
type ImageHTMLRenderer struct {
	html             *html.Renderer
	image, text, str renderer.NodeRendererFunc
}

// NewImageHTMLRenderer returns a new ImageHTMLRenderer configured by opts
// (goldmark's html options).
func NewImageHTMLRenderer(opts ...html.Option) renderer.NodeRenderer {
	return &ImageHTMLRenderer{html: html.NewRenderer(opts...).(*html.Renderer)}
}

// SetOption implements renderer.SetOptioner: the renderer's options apply.
func (r *ImageHTMLRenderer) SetOption(name renderer.OptionName, value any) {
	r.html.SetOption(name, value)
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *ImageHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	funcs := funcCollector{}
	r.html.RegisterFuncs(funcs)
	r.image, r.text, r.str = funcs[ast.KindImage], funcs[ast.KindText], funcs[ast.KindString]
	reg.Register(ast.KindImage, r.renderImage)
}

func (r *ImageHTMLRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		node = AltImage(node.(*ast.Image), source, r.text, r.str)
	}
	return r.image(w, source, node, entering)
}

// funcCollector collects a renderer's functions.
type funcCollector map[ast.NodeKind]renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (c funcCollector) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }
