package table

import (
	"github.com/yuin/goldmark/ast"
)

// KindCellLine is the NodeKind of one line of a table cell split by " \n ".
var KindCellLine = ast.NewNodeKind("CellLine")

// CellLine is one piece of a table cell that IBM's " \n " separates from
// the next; the renderer puts a line break between pieces.
type CellLine struct {
	ast.BaseBlock
}

// NewCellLine returns a new CellLine.
func NewCellLine() *CellLine { return &CellLine{} }

// Kind implements ast.Node.Kind.
func (n *CellLine) Kind() ast.NodeKind { return KindCellLine }

// Dump implements ast.Node.Dump.
func (n *CellLine) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
