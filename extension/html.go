package extension

import (
	"bytes"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// SafeHTMLRenderer renders raw HTML (inline tags and HTML blocks) through
// a sanitizer, and code blocks with the attributes their attribute lists
// gave them.
type SafeHTMLRenderer struct {
	unsafe bool
	html.Config
}

// NewSafeHTMLRenderer returns a new SafeHTMLRenderer; unsafe turns the
// sanitizer off.
func NewSafeHTMLRenderer(unsafe bool) renderer.NodeRenderer {
	return &SafeHTMLRenderer{unsafe: unsafe, Config: html.NewConfig()}
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *SafeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(ast.KindFencedCodeBlock, r.renderCodeBlock)
	reg.Register(ast.KindCodeBlock, r.renderCodeBlock)
}

var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

// Policy returns the sanitizer policy for raw HTML: bluemonday's policy for
// user content, plus class, id and lang on every element and the table
// elements docs use; no scripts, styles, event handlers or script URLs.
func Policy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.UGCPolicy()
		p.AllowAttrs("class", "id", "lang", "dir", "title").Globally()
		p.AllowAttrs("scope", "colspan", "rowspan", "headers").OnElements("th", "td")
		p.AllowElements("caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "br", "details", "summary", "figure", "figcaption", "abbr", "mark", "kbd")
		p.AllowDataAttributes()
		p.RequireNoFollowOnLinks(false)
		policy = p
	})
	return policy
}

func (r *SafeHTMLRenderer) write(w util.BufWriter, b []byte) {
	if r.unsafe {
		_, _ = w.Write(b)
		return
	}
	_, _ = w.Write(Policy().SanitizeBytes(b))
}

func (r *SafeHTMLRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var b bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(source))
	}
	r.write(w, b.Bytes())
	return ast.WalkSkipChildren, nil
}

func (r *SafeHTMLRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(source))
	}
	if n.HasClosure() {
		seg := n.ClosureLine
		b.Write(seg.Value(source))
	}
	r.write(w, b.Bytes())
	return ast.WalkContinue, nil
}

func (r *SafeHTMLRenderer) renderCodeBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<pre")
	if node.Attributes() != nil {
		html.RenderAttributes(w, node, html.GlobalAttributeFilter)
	}
	_, _ = w.WriteString("><code")
	if fc, ok := node.(*ast.FencedCodeBlock); ok {
		if lang := fc.Language(source); lang != nil {
			_, _ = w.WriteString(` class="language-`)
			r.Writer.Write(w, lang)
			_ = w.WriteByte('"')
		}
	}
	_ = w.WriteByte('>')
	for i := 0; i < node.Lines().Len(); i++ {
		seg := node.Lines().At(i)
		r.Writer.RawWrite(w, seg.Value(source))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}
