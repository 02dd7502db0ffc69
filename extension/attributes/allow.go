package attributes

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
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
func safeValue(v string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(v), ""))
	return !strings.HasPrefix(s, "javascript:") && !strings.HasPrefix(s, "vbscript:") && !strings.HasPrefix(s, "data:")
}
