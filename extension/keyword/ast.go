package keyword

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindKeyword is the NodeKind of a keyword reference.
var KindKeyword = ast.NewNodeKind("Keyword")

// Node is an inline {{site.data.PATH}} reference.
type Node struct {
	ast.BaseInline
	// Path is the reference without braces, "site.data.keyword.cloud".
	Path string
	// Value is the resolved plain-text value; meaningful when Resolved.
	Value string
	// Resolved is false when the reference could not be resolved.
	Resolved bool
	// Literal is the reference as written, braces included.
	Literal []byte
}

// NewKeyword returns a new keyword Node.
func NewKeyword(path string, literal []byte) *Node {
	return &Node{Path: path, Literal: literal}
}

// Kind implements ast.Node.Kind.
func (n *Node) Kind() ast.NodeKind { return KindKeyword }

// Dump implements ast.Node.Dump.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Path": n.Path, "Value": n.Value, "Resolved": fmt.Sprint(n.Resolved),
	}, nil)
}

// Text implements ast.Node.Text: what the node shows.
//
// Deprecated: kept for goldmark's interface; use Shown.
func (n *Node) Text(source []byte) []byte { return []byte(n.Shown()) }

// Shown returns what the node shows: its value when resolved, else the
// reference as written.
func (n *Node) Shown() string {
	if n.Resolved {
		return n.Value
	}
	return string(n.Literal)
}
