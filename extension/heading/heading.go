// Package heading gives every heading a stable, unique id and a self-link.
//
// An id set by an attribute list ({: #id} on the next line, or {#id} at the
// end of the heading line) wins; otherwise the id is made from the
// heading's plain text, keywords resolved ("Understanding Code Engine"
// becomes "understanding-code-engine"), and made unique within the page
// with "-2", "-3" … Every heading then carries a self-link anchor.
//
// Made unique against what: every id the page writes itself, those of
// attribute lists and those of its raw HTML (<div id="x">, and the names
// of anchors, <a name="x">). A heading that holds such an anchor,
// "## <a id="setup"></a>Setup" (a table of contents' target), keeps it as
// written, and its own id is made unique against it ("setup-2"): links to
// #setup still reach the anchor, at the top of the heading, and the page
// holds no id twice.
//
// An explicit id stays as written, since authors link to it, even when it
// is given twice; the second heading (or table) that takes one already
// taken by a heading is reported as ANCHOR001, at its position. A table's
// id equal to a heading's above it on its section path is left to the
// model's lint (its anchors rule), which reports it when the table is a
// matrix; two tables' ids too.
//
//	md := goldmark.New(goldmark.WithExtensions(heading.New()))
package heading

import (
	"fmt"

	"github.com/mdraci/mdraci/extension/diag"
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
	x := nodes.Of(pc, doc)
	if len(x.Headings) == 0 && len(x.RawHTML) == 0 && len(x.HTMLBlocks) == 0 {
		return
	}
	src := reader.Source()
	// first of the transformers to make ids: the registry it makes holds
	// the raw HTML's for them all
	reg := ids.OfSource(pc, doc, src)
	if len(x.Headings) == 0 {
		return
	}
	explicitTwice(x, src, pc)
	for _, n := range x.Headings {
		if _, ok := n.AttributeString("id"); !ok {
			id := reg.Unique(ids.Slug(plain.Text(n, src)), "section")
			n.SetAttributeString("id", []byte(id))
		}
	}
}

// CodeDuplicateAnchor is the code of the finding of an id given twice
// (model.CodeDuplicateAnchor).
const CodeDuplicateAnchor = "ANCHOR001"

// explicitTwice reports, as CodeDuplicateAnchor errors, the explicit ids
// (from attribute lists, before headings get theirs) given twice where a
// heading is one of the two: a heading's id already taken by a heading or
// a table before it, a table's id already taken by a heading before it,
// unless that heading is on the table's section path (the model's lint
// reports that one, when the table is a matrix). Each is reported at the
// later one's position.
func explicitTwice(x *nodes.Index, src []byte, pc parser.Context) {
	type first struct {
		heading *ast.Heading // nil for a table
		offset  int
	}
	var seen map[string]first
	var path []*ast.Heading // the section path: the headings above, outermost first
	report := func(n ast.Node, id string, what string, prev first) {
		line, _ := diag.LinesOf(pc, src).Position(prev.offset)
		other := "table"
		if prev.heading != nil {
			other = "heading"
		}
		diag.Report(pc, src, offset(n), diag.Error, CodeDuplicateAnchor,
			"anchor %q of this %s is already used by the %s at line %d", id, what, other, line)
	}
	tables := x.Tables
	for _, h := range x.Headings {
		at := offset(h)
		// the tables before this heading, in document order
		for len(tables) > 0 && offset(tables[0]) < at {
			t := tables[0]
			tables = tables[1:]
			id := nodes.Attr(t, "id")
			if id == "" {
				continue
			}
			prev, ok := seen[id]
			switch {
			case !ok:
				if seen == nil {
					seen = map[string]first{}
				}
				seen[id] = first{offset: offset(t)}
			case prev.heading != nil && !onPath(path, id):
				report(t, id, "table", prev)
			}
		}
		for len(path) > 0 && path[len(path)-1].Level >= h.Level {
			path = path[:len(path)-1]
		}
		path = append(path, h)
		id := nodes.Attr(h, "id")
		if id == "" {
			continue
		}
		if prev, ok := seen[id]; ok {
			report(h, id, "heading", prev)
			continue
		}
		if seen == nil {
			seen = map[string]first{}
		}
		seen[id] = first{heading: h, offset: at}
	}
	for _, t := range tables { // the tables after the last heading
		id := nodes.Attr(t, "id")
		if prev, ok := seen[id]; ok && id != "" && prev.heading != nil && !onPath(path, id) {
			report(t, id, "table", prev)
		}
	}
}

// onPath reports whether a heading of path has the id id.
func onPath(path []*ast.Heading, id string) bool {
	for _, h := range path {
		if nodes.Attr(h, "id") == id {
			return true
		}
	}
	return false
}

// offset is the source offset of block n: where it starts.
func offset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	return 0
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
			escape.AttrBytes(w, v)
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
