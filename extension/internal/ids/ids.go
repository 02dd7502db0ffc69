// Package ids keeps the HTML ids of one document unique: explicit ids are
// reserved first, generated ones get "-2", "-3" … when taken.
package ids

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Registry holds the ids used in one document.
type Registry struct {
	used map[string]bool
}

var key = parser.NewContextKey()

// Of returns the document's registry kept in pc. On first use it reserves
// every id already set on a node of doc.
func Of(pc parser.Context, doc ast.Node) *Registry {
	if r, ok := pc.Get(key).(*Registry); ok {
		return r
	}
	r := &Registry{used: map[string]bool{}}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Attributes() != nil {
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					r.used[string(b)] = true
				}
			}
		}
		return ast.WalkContinue, nil
	})
	pc.Set(key, r)
	return r
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
	for i := 2; r.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	r.used[id] = true
	return id
}

// Slug turns text into an id: lower case letters and digits, runs of
// anything else become one '-'.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
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
