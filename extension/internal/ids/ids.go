// Package ids keeps the HTML ids of one document unique: explicit ids are
// reserved first, generated ones get "-2", "-3" … when taken.
//
// Explicit ids are those of attribute lists ({: #id}) and those written in
// raw HTML (<div id="x">, <a name="x">): a generated id (a heading's, the
// legend's) never takes one of them, so that a link to it reaches the
// element mdraci made, and the page's own anchors keep working.
package ids

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/internal/lower"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/net/html"
)

// Registry holds the ids used in one document.
type Registry struct {
	used map[string]bool
	next map[string]int // per base, the suffix to try first
}

var key = parser.NewContextKey()

// Of returns the document's registry kept in pc. On first use it reserves
// every id already set on a node of doc (see OfSource for raw HTML's).
func Of(pc parser.Context, doc ast.Node) *Registry { return OfSource(pc, doc, nil) }

// OfSource is Of for the document parsed from src. On first use it also
// reserves the ids and anchor names written in doc's raw HTML (see RawIDs)
// as written: a keyword reference in one ({{site.data.keyword.x}}) is not
// resolved. The first transformer to ask for the registry should call it
// (the heading extension's does, before any id is generated): later calls
// of Of get the same registry.
func OfSource(pc parser.Context, doc ast.Node, src []byte) *Registry {
	if r, ok := pc.Get(key).(*Registry); ok {
		return r
	}
	x := nodes.Of(pc, doc)
	// room for the ids there are and those the headings will get
	r := &Registry{used: make(map[string]bool, len(x.IDs)+len(x.Headings)), next: map[string]int{}}
	for _, id := range x.IDs {
		r.Reserve(string(id))
	}
	if src != nil {
		for _, n := range x.HTMLBlocks {
			if blockSetsIDs(n, src) {
				RawIDs(nodes.BlockBytes(n, src), r.Reserve)
			}
		}
		for _, n := range x.RawHTML {
			RawIDs(nodes.RawBytes(n, src), r.Reserve)
		}
	}
	pc.Set(key, r)
	return r
}

// blockSetsIDs reports whether a line of the HTML block n may set an id or
// an anchor name (hasAttr), without copying the block.
func blockSetsIDs(n *ast.HTMLBlock, src []byte) bool {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if v := seg.Value(src); hasAttr(v, "id") || hasAttr(v, "name") {
			return true
		}
	}
	if n.HasClosure() {
		v := n.ClosureLine.Value(src)
		return hasAttr(v, "id") || hasAttr(v, "name")
	}
	return false
}

// hasAttr reports whether b may set the attribute name (lower case): the
// name, in any case, at the start of b (a line of a tag written over
// several) or after a blank, a quote or "/" (as after a quoted value: <a
// href="x"id="y">), and before "=" (blanks between).
func hasAttr(b []byte, name string) bool {
	for i := 0; ; {
		j := lower.Index(b[i:], name)
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len(name)
		if at > 0 && !isBlank(b[at-1]) && b[at-1] != '"' && b[at-1] != '\'' && b[at-1] != '/' {
			continue
		}
		k := i
		for k < len(b) && isBlank(b[k]) {
			k++
		}
		if k < len(b) && b[k] == '=' {
			return true
		}
	}
}

// isBlank reports whether c is HTML white space.
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// RawIDs calls reserve with each id written in the raw HTML b (id="x" on
// any element) and each name of an <a> (name="x": a link to #x reaches it
// as it reaches an id), as the browser reads them (entities decoded). It
// reads nothing when b sets no attribute named so (hasAttr).
func RawIDs(b []byte, reserve func(id string)) {
	if !hasAttr(b, "id") && !hasAttr(b, "name") {
		return // most raw HTML: <br>, </td>, <ul><li>
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			anchor := len(name) == 1 && name[0] == 'a'
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if len(v) > 0 && (string(k) == "id" || anchor && string(k) == "name") {
					reserve(string(v))
				}
			}
		}
	}
}

// New returns a registry with the ids taken already reserved.
func New(taken ...string) *Registry {
	r := &Registry{used: make(map[string]bool, len(taken)), next: map[string]int{}}
	for _, id := range taken {
		r.used[id] = true
	}
	return r
}

// NewCap returns an empty registry with room for about n ids: a document's
// headings and table rows, say, so that it seldom grows.
func NewCap(n int) *Registry {
	return &Registry{used: make(map[string]bool, n), next: map[string]int{}}
}

// Reserve marks id used, as it is (an explicit id).
func (r *Registry) Reserve(id string) { r.used[id] = true }

// IDs returns the ids in use, in no order.
func (r *Registry) IDs() []string {
	out := make([]string, 0, len(r.used))
	for id := range r.used {
		out = append(out, id)
	}
	return out
}

// Taken reports whether id is in use.
func (r *Registry) Taken(id string) bool { return r.used[id] }

// Unique returns base, or base-2, base-3 … whichever is free first, and
// marks it used. An empty base becomes fallback.
func (r *Registry) Unique(base, fallback string) string {
	if base == "" {
		base = fallback
	}
	id := base
	// ids are never released, so the suffixes below next[base] are still
	// taken: start there, and a page of many equal headings costs linear
	// time, not quadratic.
	if !r.used[id] {
		r.used[id] = true
		return id // base is free: next[base] stays as it is (2 when unset)
	}
	i := max(r.next[base], 2)
	for ; r.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	r.next[base] = i
	r.used[id] = true
	return id
}

// Slug turns text into an id: lower case letters and digits, runs of
// anything else become one '-'.
func Slug(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	dash := false
	for _, r := range text {
		// as ranging over strings.ToLower(text), without the copy
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
