// Package source is the neutral document layer between the readers and the
// responsibility model: a document as an ordered list of headings,
// paragraphs and tables, with 1-based source positions and plain text
// already extracted (markup stripped, keywords resolved).
//
// Three readers produce it: the Markdown reader (from a goldmark AST, see
// FromMarkdown), the plain-text reader for tables flattened one cell per line
// (FromText) and the HTML reader for saved web pages (FromHTML). The model
// package builds the canonical responsibility model from a Document without
// knowing which reader made it.
package source

import "fmt"

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// bytes. The zero Pos means "unknown".
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col,omitempty"`
}

// Kind tells what a Block holds.
type Kind int

const (
	// KindHeading is a section heading.
	KindHeading Kind = iota + 1
	// KindParagraph is running text: a paragraph, or lines of plain text.
	KindParagraph
	// KindTable is a table.
	KindTable
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case KindHeading:
		return "heading"
	case KindParagraph:
		return "paragraph"
	case KindTable:
		return "table"
	}
	return "unknown"
}

// Document is one input file read into blocks, in document order.
type Document struct {
	// File is the path as given by the caller ("<stdin>" for standard input).
	File string
	// Format is the reader that made the document: "markdown", "text" or "html".
	Format string
	// Title is the front matter title, else the first level-1 heading, else "".
	Title string
	// Meta is the front matter, nil when there is none.
	Meta map[string]any
	// Blocks are the headings, paragraphs and tables in document order.
	Blocks []Block
}

// Block is one heading, paragraph or table. Exactly one of Heading, Lines
// (for paragraphs) and Table is set, as Kind says.
type Block struct {
	Kind    Kind
	Heading *Heading
	Lines   []Line
	Table   *Table
}

// Heading is a section heading.
type Heading struct {
	// Level is 1 to 6.
	Level int
	// Text is the heading's plain text as written, emphasis stripped,
	// keywords resolved, its number included ("3.1.1. Daily operations").
	Text string
	// Anchor is the heading's id in the HTML output ("" when it has none).
	Anchor string
	Pos    Pos
}

// Line is one line of plain text in a paragraph.
type Line struct {
	Text string
	Pos  Pos
}

// Table is a table as written: a header row and body rows of cells.
type Table struct {
	// Header is the header row; nil for a table without one.
	Header []Cell
	// Rows are the body rows, each as written: rows may be shorter or
	// longer than the header.
	Rows []Row
	// ID is the table's id from an attribute list, "" when none was given.
	ID string
	// Caption is the table's caption from an attribute list, "" when none.
	Caption string
	// Summary is the table's summary from an attribute list, "" when none.
	Summary string
	// Attrs holds the table's other attributes as written (for example
	// "row-headers" or "caption-side").
	Attrs map[string]string
	// Pos is the position of the header row (or the first row).
	Pos Pos
	// Raw is true for a table of raw HTML inside a Markdown document: the
	// goldmark AST holds it as HTML, not as a table node.
	Raw bool
}

// Row is one body row of a table.
type Row struct {
	Cells []Cell
	Pos   Pos
}

// Cell is one table cell.
type Cell struct {
	// Text is the cell's plain text: markup stripped, keywords resolved,
	// white space collapsed, list items joined by a single space.
	Text string
	// Raw is the cell's source text as written.
	Raw string
	// Items are the cell's pieces when it holds a list or line breaks
	// (IBM's " \n "-separated bullets, <ul><li>, <br>), plain text each,
	// list markers removed; nil when the cell is one piece.
	Items []string
	Pos   Pos
}

// Tables returns the document's tables in document order.
func (d *Document) Tables() []*Table {
	var out []*Table
	for _, b := range d.Blocks {
		if b.Kind == KindTable && b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// PlainMeta returns front matter as JSON-ready values: the nested maps a
// YAML decoder gives with any-typed keys become maps with string keys.
func PlainMeta(m map[string]any) map[string]any {
	return plainValue(m).(map[string]any)
}

func plainValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[k] = plainValue(x)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[fmt.Sprint(k)] = plainValue(x)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = plainValue(x)
		}
		return out
	}
	return v
}
