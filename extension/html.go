package extension

import (
	"bytes"
	stdhtml "html"
	"sync"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/lower"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// SafeHTMLRenderer renders raw HTML (inline tags and HTML blocks) through
// a sanitizer, and code blocks with the attributes their attribute lists
// gave them.
type SafeHTMLRenderer struct {
	unsafe   bool
	keywords *keyword.Data
	cache    *htmlCache[[]byte] // sanitized short pieces of HTML
	html.Config
}

// NewSafeHTMLRenderer returns a new SafeHTMLRenderer; unsafe turns the
// sanitizer off; keyword references in raw HTML are resolved from data
// (nil: left as written).
func NewSafeHTMLRenderer(unsafe bool, data *keyword.Data) renderer.NodeRenderer {
	return &SafeHTMLRenderer{unsafe: unsafe, keywords: data, cache: &htmlCache[[]byte]{}, Config: html.NewConfig()}
}

// Pages repeat the same few pieces of raw HTML ("<br/>", "<li>",
// "</td>\n<td>") many times, and sanitizing one costs the same each time:
// htmlCache remembers the result for pieces up to cacheMaxLen bytes, at
// most cacheMaxEntries of them. It is safe for concurrent use; a nil
// htmlCache remembers nothing.
type htmlCache[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

const (
	cacheMaxLen     = 256
	cacheMaxEntries = 1024
)

// cacheable reports whether the result for b may be remembered: b is short
// and holds no keyword reference (whose value may change).
func cacheable(b []byte) bool {
	return len(b) <= cacheMaxLen && !bytes.Contains(b, []byte("{{"))
}

func (c *htmlCache[V]) get(k []byte) (V, bool) {
	var zero V
	if c == nil {
		return zero, false
	}
	c.mu.RLock()
	v, ok := c.m[string(k)]
	c.mu.RUnlock()
	return v, ok
}

func (c *htmlCache[V]) put(k []byte, v V) {
	if c == nil {
		return
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]V{}
	}
	if len(c.m) < cacheMaxEntries {
		c.m[string(k)] = v
	}
	c.mu.Unlock()
}

// expandKeywords resolves {{site.data.…}} references in raw HTML, the
// values escaped; unknown ones stay as written, and so do those allow (when
// not nil) refuses: it is given each value's length. unresolved (when not
// nil) is told of each reference data cannot resolve: its index in b, and
// why.
func expandKeywords(data *keyword.Data, b []byte, allow func(n int) bool, unresolved func(at int, err error)) []byte {
	if data == nil || !bytes.Contains(b, []byte("{{")) {
		return b
	}
	return []byte(keyword.ExpandAt(string(b), func(path string, at int) (string, bool) {
		v, err := data.Resolve(path)
		if err != nil {
			if unresolved != nil {
				unresolved(at, err)
			}
			return "", false
		}
		if allow != nil && !allow(len(v)) {
			return "", false
		}
		return stdhtml.EscapeString(v), true
	}))
}

// rawPlaces locates, in one piece of raw HTML (raw, the bytes of segs
// joined), the references keyword.ExpandAt reports: whether each is inside
// a comment, and its source offset. The references come in increasing
// order, so one pass over the piece serves them all: the cost is linear
// however many there are.
type rawPlaces struct {
	raw     []byte
	segs    []text.Segment
	scanned int       // raw[:scanned] is read
	state   htmlState // where raw[scanned] is
	seg     int       // segs[seg] holds the bytes of raw from base on
	base    int
	// rawText is the element ("script") whose opening tag is being read
	// or whose text is: in it, "<!--" opens no comment
	rawText string
}

// rawTextElements hold text, not markup, up to their closing tag: a "<!--"
// in a script or a textarea is text.
var rawTextElements = []string{"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}

// rawTextElement returns the raw-text element whose name starts b (up to
// a blank, "/" or ">"), "" for other names.
func rawTextElement(b []byte) string {
	for _, name := range rawTextElements {
		if lower.HasPrefix(b, name) {
			if len(b) == len(name) {
				return name
			}
			switch b[len(name)] {
			case ' ', '\t', '\n', '\r', '\f', '/', '>':
				return name
			}
		}
	}
	return ""
}

// htmlState is where a byte of raw HTML is, as far as comments go: in
// text, in a tag, in a quoted attribute value, in a comment. As in HTML,
// a quote opens a value only right after "=" (blanks between).
type htmlState uint8

const (
	inText htmlState = iota
	inTag
	inTagEquals // in a tag, after "=" and blanks: a quote opens a value
	inDoubleQuoted
	inSingleQuoted
	inComment
	inRawText // the text of a script, style, textarea…: no comments
)

// commented reports whether byte i (at least the last i asked for) is
// inside a comment "<!-- … -->" (or "--!>", as HTML reads it). "<!-->"
// and "<!--->" are empty comments, closed at once; "<!--" inside a tag's
// quoted attribute value (title="<!--") opens none, nor does one in the
// text of a script, style, textarea or title.
func (p *rawPlaces) commented(i int) bool {
	raw, k := p.raw, p.scanned
	for k < i {
		c := raw[k]
		k++
		switch p.state {
		case inText:
			switch {
			case c != '<' || k == len(raw):
			case bytes.HasPrefix(raw[k:], []byte("!--")):
				k += 3
				p.state = inComment
				switch {
				case bytes.HasPrefix(raw[k:], []byte(">")):
					k, p.state = k+1, inText
				case bytes.HasPrefix(raw[k:], []byte("->")):
					k, p.state = k+2, inText
				}
			case isTagStart(raw[k]):
				p.state, p.rawText = inTag, rawTextElement(raw[k:])
			}
		case inTag, inTagEquals:
			switch {
			case c == '>' && p.rawText != "":
				p.state = inRawText
			case c == '>':
				p.state = inText
			case c == '=':
				p.state = inTagEquals
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
				// blanks may stand around "="
			case p.state == inTagEquals && c == '"':
				p.state = inDoubleQuoted
			case p.state == inTagEquals && c == '\'':
				p.state = inSingleQuoted
			default:
				// a name, or an unquoted value: a quote in it
				// ("alt=Customer's") opens nothing
				p.state = inTag
			}
		case inDoubleQuoted:
			if c == '"' {
				p.state = inTag
			}
		case inSingleQuoted:
			if c == '\'' {
				p.state = inTag
			}
		case inRawText:
			if c == '<' && k < len(raw) && raw[k] == '/' && rawTextElement(raw[k+1:]) == p.rawText {
				p.state, p.rawText = inTag, ""
			}
		case inComment:
			switch {
			case c != '-':
			case bytes.HasPrefix(raw[k:], []byte("->")):
				k, p.state = k+2, inText
			case bytes.HasPrefix(raw[k:], []byte("-!>")): // "--!>" closes one too (HTML's parse error)
				k, p.state = k+3, inText
			}
		}
	}
	p.scanned = max(p.scanned, k)
	return p.state == inComment
}

// isTagStart reports whether c, after "<", starts a tag, a closing tag or
// a declaration ("<div", "</p", "<!DOCTYPE", "<?xml").
func isTagStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// offset returns the source offset of byte i (at least the last i asked
// for); a byte of a segment's padding (a tab expanded) is at the
// segment's start.
func (p *rawPlaces) offset(i int) int {
	for p.seg < len(p.segs) && i >= p.base+p.segs[p.seg].Len() {
		p.base += p.segs[p.seg].Len()
		p.seg++
	}
	if p.seg == len(p.segs) {
		if len(p.segs) > 0 {
			return p.segs[len(p.segs)-1].Stop
		}
		return 0
	}
	seg := p.segs[p.seg]
	return seg.Start + max(i-p.base-seg.Padding, 0)
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
// user content, plus class, id and lang on every element, name on <a> (and
// only there) and the table elements docs use; no scripts, styles, event
// handlers or script URLs.
func Policy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.UGCPolicy()
		p.AllowAttrs("class", "id", "lang", "dir", "title").Globally()
		p.AllowAttrs("scope", "colspan", "rowspan", "headers").OnElements("th", "td")
		// <a name="x">: the target of a link to #x in pages written
		// before ids (tables of contents). Harmless on <a>: it names no
		// document property (the DOM clobbering of name="cookie" on
		// form, img, iframe, embed and object, where it stays removed),
		// and a window property no more than an id does.
		p.AllowAttrs("name").OnElements("a")
		p.AllowElements("caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "br", "details", "summary", "figure", "figcaption", "abbr", "mark", "kbd")
		p.AllowDataAttributes()
		p.RequireNoFollowOnLinks(false)
		policy = p
	})
	return policy
}

func (r *SafeHTMLRenderer) write(w util.BufWriter, b []byte) {
	b = expandKeywords(r.keywords, b, nil, nil)
	if r.unsafe {
		_, _ = w.Write(b)
		return
	}
	if !cacheable(b) {
		_, _ = w.Write(Policy().SanitizeBytes(b))
		return
	}
	out, ok := r.cache.get(b)
	if !ok {
		out = Policy().SanitizeBytes(b)
		r.cache.put(b, out)
	}
	_, _ = w.Write(out)
}

func (r *SafeHTMLRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	if v, ok := n.AttributeString(sanitizedAttr); ok {
		_, _ = w.Write(v.([]byte))
		return ast.WalkSkipChildren, nil
	}
	r.write(w, nodes.RawBytes(n, source))
	return ast.WalkSkipChildren, nil
}

// sanitizedAttr holds, on a RawHTML or HTMLBlock node, its output: keyword
// references resolved and, unless unsafe, sanitized.
const sanitizedAttr = "mdraci-sanitized"

// rawHTMLTransformer resolves the keyword references in raw HTML at parse
// time, where it can report those it cannot resolve and budget their
// values, and sanitizes inline raw HTML tag by tag, so that the closing tag
// of an element whose opening tag the sanitizer removed is removed too (no
// stray "</a>"). With unsafe, it resolves references and sanitizes nothing.
type rawHTMLTransformer struct {
	keywords       *keyword.Data
	strict, unsafe bool
	cache          htmlCache[rawTag]
}

// sanitize is Policy().SanitizeBytes(b), or b when unsafe.
func (t *rawHTMLTransformer) sanitize(b []byte) []byte {
	if t.unsafe {
		return b
	}
	return Policy().SanitizeBytes(b)
}

// rawTag is one inline piece of raw HTML, sanitized.
type rawTag struct {
	out     []byte // the sanitized HTML
	name    string // the element name, lower case; "" when not a tag
	closing bool   // a closing tag "</a>"
	dropped bool   // an opening tag the sanitizer removed
}

// Transform implements parser.ASTTransformer.Transform.
func (t *rawHTMLTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var dropped map[string]int
	// keyword values in raw HTML share the document's budget with inline
	// references: a short page cannot blow the output up
	offset := 0
	allow := func(n int) bool {
		ok, first := keyword.Spend(pc, len(src), n)
		if first {
			diag.Report(pc, src, offset, diag.Warning, "keyword-too-large",
				"this document's keyword values add up to more than %d bytes; the references in raw HTML from here on are left as written", keyword.Budget(len(src)))
		}
		return ok
	}
	// references left as written are reported where they are, unless in
	// a comment, which no reader sees
	var places rawPlaces
	unresolved := func(at int, err error) {
		if !places.commented(at) {
			keyword.Report(pc, src, places.offset(at), t.strict, err)
		}
	}
	for _, n := range nodes.Of(pc, doc).HTMLBlocks {
		if n.Lines().Len() > 0 {
			offset = n.Lines().At(0).Start
		}
		if blockHasRef(n, src) {
			raw := nodes.BlockBytes(n, src)
			segs := n.Lines().Sliced(0, n.Lines().Len())
			if n.HasClosure() {
				segs = append(segs, n.ClosureLine)
			}
			places = rawPlaces{raw: raw, segs: segs}
			n.SetAttributeString(sanitizedAttr, t.sanitize(expandKeywords(t.keywords, raw, allow, unresolved)))
		}
	}
	var pieces []rawPiece
	for _, n := range nodes.Of(pc, doc).RawHTML {
		if n.Segments.Len() > 0 {
			offset = n.Segments.At(0).Start
		}
		raw := nodes.RawBytes(n, src)
		refs := bytes.Contains(raw, []byte("{{"))
		if refs {
			places = rawPlaces{raw: raw, segs: n.Segments.Sliced(0, n.Segments.Len())}
		}
		if t.unsafe {
			if refs {
				n.SetAttributeString(sanitizedAttr, expandKeywords(t.keywords, raw, allow, unresolved))
			}
			continue
		}
		tag := t.tag(raw, allow, unresolved)
		out := tag.out
		switch {
		case tag.name == "":
		case tag.closing && dropped[tag.name] > 0:
			dropped[tag.name]--
			out = nil
		case tag.dropped:
			if dropped == nil {
				dropped = map[string]int{}
			}
			dropped[tag.name]++
		}
		n.SetAttributeString(sanitizedAttr, out)
		if tag.name != "" {
			pieces = append(pieces, rawPiece{node: n, name: tag.name, closing: tag.closing, kept: len(out) > 0 && !tag.dropped, at: offset})
		}
	}
	balance(pc, src, pieces)
}

// blockHasRef reports whether the source of HTML block n, as
// nodes.BlockBytes returns it, holds "{{" (a keyword reference), reading
// its lines where they are rather than copying them together: most
// blocks hold none.
func blockHasRef(n *ast.HTMLBlock, src []byte) bool {
	// brace: the lines so far end with '{'
	brace := false
	for i := 0; i <= n.Lines().Len(); i++ {
		var seg text.Segment
		switch {
		case i < n.Lines().Len():
			seg = n.Lines().At(i)
		case n.HasClosure():
			seg = n.ClosureLine
		default:
			return false
		}
		// a line's value is its Padding spaces, these bytes, and a line
		// break when ForceNewline and it has none
		line := src[seg.Start:seg.Stop]
		if brace && seg.Padding == 0 && len(line) > 0 && line[0] == '{' || bytes.Contains(line, []byte("{{")) {
			return true
		}
		if seg.Padding > 0 || len(line) > 0 {
			brace = len(line) > 0 && line[len(line)-1] == '{' && !seg.ForceNewline
		}
	}
	return false
}

// tag sanitizes raw, remembering the result for short tags (those with no
// keyword reference); allow budgets keyword values, unresolved is told of
// references left as written.
func (t *rawHTMLTransformer) tag(raw []byte, allow func(n int) bool, unresolved func(at int, err error)) rawTag {
	keep := cacheable(raw)
	if keep {
		if tag, ok := t.cache.get(raw); ok {
			return tag
		}
	}
	tag := rawTag{out: Policy().SanitizeBytes(expandKeywords(t.keywords, raw, allow, unresolved))}
	tag.name, tag.closing = tagName(raw)
	tag.dropped = tag.name != "" && !tag.closing && !bytes.HasSuffix(bytes.TrimSpace(raw), []byte("/>")) &&
		!bytes.Contains(bytes.ToLower(tag.out), []byte("<"+tag.name))
	if keep {
		t.cache.put(raw, tag)
	}
	return tag
}

// tagName returns the lower-case element name of a tag "<a …>" or "</a>".
func tagName(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '<' {
		return "", false
	}
	i, closing := 1, false
	if raw[1] == '/' {
		i, closing = 2, true
	}
	j := i
	for j < len(raw) && (raw[j] >= 'a' && raw[j] <= 'z' || raw[j] >= 'A' && raw[j] <= 'Z' || raw[j] >= '0' && raw[j] <= '9' || raw[j] == '-') {
		j++
	}
	return string(bytes.ToLower(raw[i:j])), closing
}

func (r *SafeHTMLRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	if v, ok := n.AttributeString(sanitizedAttr); ok {
		_, _ = w.Write(v.([]byte)) // keywords expanded (and sanitized) while parsing
		return ast.WalkContinue, nil
	}
	r.write(w, nodes.BlockBytes(n, source))
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
