package matrix

import (
	"github.com/mdraci/mdraci/extension/model"
	"github.com/yuin/goldmark/ast"
)

// KindMatrix is the NodeKind of a responsibility matrix.
var KindMatrix = ast.NewNodeKind("Matrix")

// KindMatrixRow is the NodeKind of one row (activity) of a Matrix.
var KindMatrixRow = ast.NewNodeKind("MatrixRow")

// KindMatrixCell is the NodeKind of one cell of a Matrix.
var KindMatrixCell = ast.NewNodeKind("MatrixCell")

// KindDuty is the NodeKind of one prose duty inside a party cell.
var KindDuty = ast.NewNodeKind("Duty")

// KindRole is the NodeKind of one role letter.
var KindRole = ast.NewNodeKind("Role")

// KindCellText is the NodeKind of a letter cell's text kept beside its
// role letters.
var KindCellText = ast.NewNodeKind("CellText")

// KindLegend is the NodeKind of the page's legend of role letters.
var KindLegend = ast.NewNodeKind("Legend")

// Matrix is a responsibility table rendered from the model. Its children
// are MatrixRow nodes: the header row first, then one per model row. Its
// own attributes (Attributes) are the source table's others, those its
// attribute lists set and the allowlist let through (lang, dir, title,
// data-*…), which the matrix's table has too.
type Matrix struct {
	ast.BaseBlock
	// Matrix is the model's matrix.
	Matrix *model.Matrix
	// LegendRef is the id of the legend the caption links to; "" for
	// matrices without role letters.
	LegendRef string
	// Summary is the source table's summary, rendered as the matrix's
	// description.
	Summary string
	// SummaryID is the id of the summary paragraph ("" without summary).
	SummaryID string
	// Classes are the source table's own classes ({: .class}) plus the
	// caption side ("caption-bottom").
	Classes []string
}

// Kind implements ast.Node.Kind.
func (n *Matrix) Kind() ast.NodeKind { return KindMatrix }

// Dump implements ast.Node.Dump.
func (n *Matrix) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Matrix.ID, "Kind": n.Matrix.Kind}, nil)
}

// MatrixRow is a row of a Matrix: the header row (Row is nil) or a body
// row. Its children are MatrixCell nodes.
type MatrixRow struct {
	ast.BaseBlock
	// Row is the model's row; nil for the header row.
	Row *model.Row
}

// Kind implements ast.Node.Kind.
func (n *MatrixRow) Kind() ast.NodeKind { return KindMatrixRow }

// Dump implements ast.Node.Dump.
func (n *MatrixRow) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Cell roles beyond the model's column roles.
const (
	// CellExtra is a cell beyond the header's columns.
	CellExtra = "extra"
)

// MatrixCell is one cell of a Matrix. Its children are the cell's content:
// the source cell's inline nodes, Duty nodes for prose duties or Role
// nodes for role letters.
type MatrixCell struct {
	ast.BaseBlock
	// Header is true in the header row.
	Header bool
	// Column is the model column the cell belongs to (its Role is
	// model.ColActivity, ColParty, ColQualifier, ColComment, ColCategory,
	// ColUnknown, or CellExtra for cells beyond the header). Cells of one
	// column share it: do not change it.
	Column *model.Column
	// PartyKind is the kind of the column's party (party columns only).
	PartyKind string
	// Assignment is the party's assignment (party and category cells of
	// body rows); nil otherwise.
	Assignment *model.Assignment
}

// Kind implements ast.Node.Kind.
func (n *MatrixCell) Kind() ast.NodeKind { return KindMatrixCell }

// Dump implements ast.Node.Dump.
func (n *MatrixCell) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Role": n.Column.Role}, nil)
}

// Duty is one prose duty of a party cell; its children are the duty's
// inline content.
type Duty struct {
	ast.BaseBlock
}

// Kind implements ast.Node.Kind.
func (n *Duty) Kind() ast.NodeKind { return KindDuty }

// Dump implements ast.Node.Dump.
func (n *Duty) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Role is one role letter, labelled from the document's legend.
type Role struct {
	ast.BaseInline
	// Letter is the canonical letter ("R").
	Letter string
	// Label is the legend's label for the letter ("Responsible").
	Label string
}

// Kind implements ast.Node.Kind.
func (n *Role) Kind() ast.NodeKind { return KindRole }

// Dump implements ast.Node.Dump.
func (n *Role) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Letter": n.Letter}, nil)
}

// CellText is a letter cell's text as written, kept after its role letters
// when it says more than they do ("A (on request)").
type CellText struct {
	ast.BaseInline
	// Note is true when the text is a footnote mark ("*"), rendered as
	// a superscript.
	Note bool
}

// Kind implements ast.Node.Kind.
func (n *CellText) Kind() ast.NodeKind { return KindCellText }

// Dump implements ast.Node.Dump.
func (n *CellText) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Legend is the page's legend of role letters, rendered once.
type Legend struct {
	ast.BaseBlock
	// ID is the legend's HTML id ("raci-legend").
	ID string
	// Entries are the legend's letters in canonical order.
	Entries []model.LegendEntry
}

// Kind implements ast.Node.Kind.
func (n *Legend) Kind() ast.NodeKind { return KindLegend }

// Dump implements ast.Node.Dump.
func (n *Legend) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
