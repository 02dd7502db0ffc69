package attributes

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/keyword"
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
		return name == "target" || name == "rel"
	case ast.KindImage, ast.KindParagraph:
		// consumed by package figure: <figure> and <figcaption> (a block
		// list after an image alone in its paragraph is the paragraph's)
		return name == "caption" || name == "caption-side"
	case ast.KindList:
		return name == "start" || name == "reversed" || name == "type"
	}
	return false
}

// ibmTabAttribute reports whether attribute name (in lower case) on n is
// one of IBM's tabbed tables' (tab-title="Classic" tab-group="flavors",
// with class simple-tab-table), which IBM's site turns into tabs: set on
// a table as data-tab-title and data-tab-group, not refused.
func ibmTabAttribute(name string, n ast.Node) bool {
	return (name == "tab-title" || name == "tab-group") && n.Kind() == east.KindTable
}

// textAttributes are the attributes allowed (see allowed) whose values are
// text, names or keywords, never URLs: a browser, a style sheet or a script
// does not follow them, so they need not pass SafeURL ("Data: how records
// flow" is a caption, not a data: URL). The others, data-* above all (a
// script may read one as a URL) and style, must pass it; so must id,
// which is a name no real page needs to start like a scheme (and
// "javascript:x" has long been refused as one).
var textAttributes = map[string]bool{
	"title": true, "lang": true, "dir": true,
	"caption": true, "caption-side": true, "summary": true, "row-headers": true,
	"alt": true, "aria-label": true,
	"target": true, "rel": true,
	"start": true, "reversed": true, "type": true,
	"data-tab-title": true, "data-tab-group": true,
}

// mayBeURL reports whether the value of attribute name may be read as a
// URL, and so must pass SafeURL: any attribute but textAttributes.
func mayBeURL(name string) bool {
	return !textAttributes[strings.ToLower(name)]
}

// validValue reports whether value is valid for attribute name where HTML
// says what it holds: a list's start is an integer, its type one of 1, a,
// A, i, I, reversed empty or its own name; a link's target a browsing
// context name (no blanks), dir ltr, rtl or auto; an id at least one
// character and no white space (an id of blanks breaks the anchors and the
// aria-labelledby lists that name it); caption-side top or
// bottom, in any case (blanks around it ignored, as the table, matrix and
// figure renderers ignore them). Other values are free.
func validValue(name, value string) bool {
	switch strings.ToLower(name) {
	case "caption-side":
		v := strings.TrimSpace(value)
		return strings.EqualFold(v, "top") || strings.EqualFold(v, "bottom")
	case "start":
		v := strings.TrimPrefix(value, "-")
		if v == "" || len(v) > 9 {
			return false
		}
		for i := 0; i < len(v); i++ {
			if v[i] < '0' || v[i] > '9' {
				return false
			}
		}
		return true
	case "type":
		return value == "1" || value == "a" || value == "A" || value == "i" || value == "I"
	case "reversed":
		return value == "" || strings.EqualFold(value, "reversed")
	case "dir":
		v := strings.ToLower(value)
		return v == "ltr" || v == "rtl" || v == "auto"
	case "target", "id":
		return value != "" && strings.IndexFunc(value, unicode.IsSpace) < 0
	}
	return true
}

// SafeURL reports whether v may be a URL in the HTML (an href, a src, or
// any attribute value): not a javascript:, vbscript:, data: or file: URL,
// however written: any case, with the white space and control characters
// browsers skip in a scheme. Entity references must already be decoded:
// goldmark keeps them in link destinations and resolves them only when it
// renders, where its own check (kept by URLRenderer) applies.
func SafeURL(v string) bool {
	var h urlHead
	for _, r := range v {
		if !h.add(r) {
			break
		}
	}
	return h.safe()
}

// safeURLBytes is SafeURL for a URL held as bytes (a link's destination),
// without copying it to a string.
func safeURLBytes(v []byte) bool {
	var h urlHead
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRune(v[i:]) // as ranging over a string decodes
		if !h.add(r) {
			break
		}
		i += size
	}
	return h.safe()
}

// urlHead collects the first characters of a URL that count for its
// scheme: only those matter, and a URL may be long.
type urlHead struct {
	b [len("javascript:")]byte
	n int
}

// add adds r to the head, and returns false when the head is full.
func (h *urlHead) add(r rune) bool {
	if h.n == len(h.b) {
		return false
	}
	if r <= ' ' || unicode.IsSpace(r) {
		return true // browsers drop C0 controls and spaces from a scheme
	}
	if r = unicode.ToLower(r); r >= utf8.RuneSelf {
		r = utf8.RuneSelf // not ASCII: matches no scheme below
	}
	h.b[h.n] = byte(r)
	h.n++
	return true
}

// safe reports whether the head starts with no unsafe scheme.
func (h *urlHead) safe() bool {
	s := h.b[:h.n]
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
// renderer does in its safe mode, keywords kept in images' alt text
// (keyword.AltImage), except when SafeURL refuses the destination: a link
// is then its text alone, an image its alt text as text, an autolink its
// text (no element, rather than an href="" or src="" that points at the
// page itself). Goldmark's own check lets raster data: images through and
// does not apply once the renderer is unsafe (which mdraci's extension
// sets, to sanitize raw HTML itself).
type URLRenderer struct {
	// html is goldmark's renderer in its safe mode, for the alt text;
	// checked is the same in its unsafe mode, for destinations known to
	// pass goldmark's check (see refused): that check lowers copies of the
	// URL's first bytes several times over, and most pages have many links.
	html, checked *html.Renderer
	// goldmark's renderer functions, of html and of checked
	text, str, checkedLink, checkedImage, checkedAutoLink renderer.NodeRendererFunc
}

// NewURLRenderer returns a new URLRenderer configured by opts (goldmark's
// html options; WithUnsafe is ignored).
func NewURLRenderer(opts ...html.Option) renderer.NodeRenderer {
	r := &URLRenderer{html: html.NewRenderer(opts...).(*html.Renderer), checked: html.NewRenderer(opts...).(*html.Renderer)}
	r.html.Unsafe, r.checked.Unsafe = false, true
	return r
}

// SetOption implements renderer.SetOptioner: the renderer's options (XHTML
// and others) apply, except unsafe.
func (r *URLRenderer) SetOption(name renderer.OptionName, value any) {
	r.html.SetOption(name, value)
	r.checked.SetOption(name, value)
	r.html.Unsafe, r.checked.Unsafe = false, true
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *URLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	funcs := funcCollector{}
	r.html.RegisterFuncs(funcs)
	r.text, r.str = funcs[ast.KindText], funcs[ast.KindString]
	r.checked.RegisterFuncs(funcs)
	r.checkedLink, r.checkedImage, r.checkedAutoLink = funcs[ast.KindLink], funcs[ast.KindImage], funcs[ast.KindAutoLink]
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
}

type funcCollector map[ast.NodeKind]renderer.NodeRendererFunc

func (c funcCollector) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

// checkedURL reports whether destination v, which SafeURL accepts, also
// passes goldmark's check, html.IsDangerousURL(util.URLEscape(v, true)),
// whatever v is, so that rendering it in goldmark's unsafe mode gives what
// its safe mode gives. That check looks for the schemes SafeURL refuses at
// the start of the escaped URL. Without '&' and '\' in v, escaping
// resolves no reference nor backslash escape: it keeps v's bytes or
// replaces one by a %-escape, so the escaped URL starts with a scheme only
// if v starts with it, which SafeURL would have seen.
func checkedURL(v []byte) bool {
	return bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\\') < 0
}

// refused reports whether destination v is refused: by SafeURL, as
// written or as goldmark writes it (references and backslash escapes
// resolved: "&#106;avascript:"), which also covers goldmark's own check.
// A destination not refused renders in goldmark's unsafe mode as in its
// safe mode.
func refused(v []byte) bool {
	return !safeURLBytes(v) || !checkedURL(v) && !safeURLBytes(util.URLEscape(v, true))
}

func (r *URLRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if refused(node.(*ast.Link).Destination) {
		return ast.WalkContinue, nil // its children, the text, alone
	}
	return r.checkedLink(w, source, node, entering)
}

func (r *URLRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Image)
	if refused(n.Destination) {
		if entering { // the alt text, as text: what a browser shows of an image it cannot load
			keyword.WriteAlt(w, source, n, r.text, r.str)
		}
		return ast.WalkSkipChildren, nil
	}
	if entering {
		node = keyword.AltImage(n, source, r.text, r.str)
	}
	return r.checkedImage(w, source, node, entering)
}

func (r *URLRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if n := node.(*ast.AutoLink); !safeURLBytes(n.URL(source)) {
		if entering {
			_, _ = w.Write(util.EscapeHTML(n.Label(source)))
		}
		return ast.WalkContinue, nil
	}
	// goldmark checks util.URLEscape(url, false): %-escapes, no references
	// resolved, so an accepted URL passes (see checkedURL)
	return r.checkedAutoLink(w, source, node, entering)
}
