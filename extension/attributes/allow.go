package attributes

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// TableAttributes are the attributes mdraci's table renderer consumes
// instead of writing them out: caption, caption-side, summary and
// row-headers.
var TableAttributes = []string{"caption", "caption-side", "summary", "row-headers"}

// allowed reports whether attribute name may be set on node n. unsafe lets
// style through; event handlers never pass.
func allowed(name string, n ast.Node, unsafe bool) bool {
	name = strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "on"):
		return false
	case name == "id" || name == "class" || name == "lang" || name == "dir" || name == "title":
		return true
	case strings.HasPrefix(name, "data-") && len(name) > 5:
		return true
	case name == "style":
		return unsafe
	}
	switch n.Kind() {
	case east.KindTable:
		for _, t := range TableAttributes {
			if name == t {
				return true
			}
		}
	case ast.KindLink:
		return name == "target" || name == "rel" || name == "hreflang"
	case ast.KindList:
		return name == "start" || name == "reversed" || name == "type"
	}
	return false
}

// safeValue reports whether v may be an attribute value: no script URLs.
func safeValue(v string) bool { return SafeURL(v) }

// SafeURL reports whether v may be a URL in the HTML (an href, a src, or
// any attribute value): not a javascript:, vbscript:, data: or file: URL,
// however written: any case, with the white space and control characters
// browsers skip in a scheme. Entity references must already be decoded
// (goldmark decodes them in link destinations).
func SafeURL(v string) bool {
	// only the first characters that count matter: v may be long
	var head [len("javascript:")]byte
	n := 0
	for _, r := range v {
		if n == len(head) {
			break
		}
		if r <= ' ' || unicode.IsSpace(r) {
			continue // browsers drop C0 controls and spaces from a scheme
		}
		if r = unicode.ToLower(r); r >= utf8.RuneSelf {
			r = utf8.RuneSelf // not ASCII: matches no scheme below
		}
		head[n] = byte(r)
		n++
	}
	s := head[:n]
	for _, scheme := range unsafeSchemes {
		if bytes.HasPrefix(s, scheme) {
			return false
		}
	}
	return true
}

// unsafeSchemes are the URL schemes SafeURL refuses.
var unsafeSchemes = [][]byte{[]byte("javascript:"), []byte("vbscript:"), []byte("data:"), []byte("file:")}

// URLRenderer renders links, images and autolinks as goldmark's HTML
// renderer does in its safe mode, except that a destination SafeURL
// refuses is left out (a link keeps its text, an image its alt text, an
// autolink shows as text). Goldmark's own check lets raster data: images
// through and does not apply once the renderer is unsafe (which mdraci's
// extension sets, to sanitize raw HTML itself).
type URLRenderer struct {
	html  *html.Renderer
	funcs map[ast.NodeKind]renderer.NodeRendererFunc
}

// NewURLRenderer returns a new URLRenderer configured by opts (goldmark's
// html options; WithUnsafe is ignored).
func NewURLRenderer(opts ...html.Option) renderer.NodeRenderer {
	r := html.NewRenderer(opts...).(*html.Renderer)
	r.Unsafe = false
	return &URLRenderer{html: r}
}

// SetOption implements renderer.SetOptioner: the renderer's options (XHTML
// and others) apply, except unsafe.
func (r *URLRenderer) SetOption(name renderer.OptionName, value any) {
	r.html.SetOption(name, value)
	r.html.Unsafe = false
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *URLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	r.funcs = map[ast.NodeKind]renderer.NodeRendererFunc{}
	r.html.RegisterFuncs(funcCollector(r.funcs))
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
}

type funcCollector map[ast.NodeKind]renderer.NodeRendererFunc

func (c funcCollector) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

func (r *URLRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if n := node.(*ast.Link); !SafeURL(string(n.Destination)) {
		cp := *n
		cp.Destination = nil
		node = &cp
	}
	return r.funcs[ast.KindLink](w, source, node, entering)
}

func (r *URLRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if n := node.(*ast.Image); !SafeURL(string(n.Destination)) {
		cp := *n
		cp.Destination = nil
		node = &cp
	}
	return r.funcs[ast.KindImage](w, source, node, entering)
}

func (r *URLRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if n := node.(*ast.AutoLink); !SafeURL(string(n.URL(source))) {
		if entering {
			_, _ = w.Write(util.EscapeHTML(n.Label(source)))
		}
		return ast.WalkContinue, nil
	}
	return r.funcs[ast.KindAutoLink](w, source, node, entering)
}
