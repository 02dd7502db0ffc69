// Package heading gives every heading a stable, unique id and a self-link.
//
// An id set by an attribute list ({: #id} on the next line, or {#id} at the
// end of the heading line) wins; otherwise the id is made from the
// heading's plain text, keywords resolved ("Understanding Code Engine"
// becomes "understanding-code-engine"), and made unique within the page
// with "-2", "-3" … Every heading then carries a self-link anchor.
//
//	md := goldmark.New(goldmark.WithExtensions(heading.New()))
package heading

import (
	"fmt"
	"github.com/mdraci/mdraci/extension/internal/escape"
	"github.com/mdraci/mdraci/extension/internal/ids"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/mdraci/mdraci/extension/internal/plain"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Config configures headings.
type Config struct {
	// AnchorText is the self-link's text. Defaults to "#".
	AnchorText string
	// Anchors adds the self-link. Defaults to true.
	Anchors bool
}

// NewConfig returns a Config with the defaults.
func NewConfig() *Config { return &Config{AnchorText: "#", Anchors: true} }

// Option configures the heading extension.
type Option func(*Config)

// WithAnchorText sets the self-link's text. Defaults to "#".
func WithAnchorText(s string) Option {
	return func(c *Config) { c.AnchorText = s }
}

// WithAnchors turns the self-links on or off. Defaults to on.
func WithAnchors(on bool) Option {
	return func(c *Config) { c.Anchors = on }
}

// Extender is the heading goldmark extension.
type Extender struct {
	Config *Config
}

var _ goldmark.Extender = (*Extender)(nil)

// Heading is the heading extension with default settings.
var Heading = New()

// New returns the heading extension configured by opts.
func New(opts ...Option) *Extender {
	c := NewConfig()
	for _, o := range opts {
		o(c)
	}
	return &Extender{Config: c}
}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// {#id .class} at the end of a heading line, as kramdown allows.
		parser.WithHeadingAttribute(),
		parser.WithASTTransformers(
			// After the attribute lists (100), whose ids win.
			util.Prioritized(NewHeadingIDTransformer(), 200),
		),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(NewHeadingHTMLRenderer(e.Config), 500),
	))
}

type idTransformer struct{}

// NewHeadingIDTransformer returns the AST transformer that gives every
// heading a unique id.
func NewHeadingIDTransformer() parser.ASTTransformer { return &idTransformer{} }

// Transform implements parser.ASTTransformer.Transform.
func (t *idTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	headings := nodes.Of(pc, doc).Headings
	if len(headings) == 0 {
		return
	}
	reg := ids.Of(pc, doc)
	src := reader.Source()
	for _, n := range headings {
		if _, ok := n.AttributeString("id"); !ok {
			id := reg.Unique(ids.Slug(plain.Text(n, src)), "section")
			n.SetAttributeString("id", []byte(id))
		}
	}
}

// HeadingHTMLRenderer renders headings with their id and a self-link.
type HeadingHTMLRenderer struct {
	cfg *Config
}

// NewHeadingHTMLRenderer returns a new HeadingHTMLRenderer.
func NewHeadingHTMLRenderer(cfg *Config) renderer.NodeRenderer {
	if cfg == nil {
		cfg = NewConfig()
	}
	return &HeadingHTMLRenderer{cfg: cfg}
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *HeadingHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.render)
}

func (r *HeadingHTMLRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte("0123456"[n.Level])
		if n.Attributes() != nil {
			html.RenderAttributes(w, node, html.HeadingAttributeFilter)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id, ok := n.AttributeString("id"); ok && r.cfg.Anchors {
		_, _ = w.WriteString(` <a class="heading-anchor" href="#`)
		if v, ok := id.([]byte); ok {
			escape.Attr(w, string(v))
		} else {
			escape.Attr(w, fmt.Sprintf("%s", id))
		}
		_, _ = w.WriteString(`" aria-label="Link to this section: `)
		escape.Text(w, plain.Text(n, source))
		_, _ = w.WriteString(`">`)
		escape.Text(w, r.cfg.AnchorText)
		_, _ = w.WriteString("</a>")
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte("0123456"[n.Level])
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}
