package model

import (
	"fmt"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/source"
)

// Document is the canonical responsibility model of one input file.
type Document struct {
	// File is the input path as the reader got it.
	File string `json:"file"`
	// Title is the document title (front matter title or first level-1 heading).
	Title string `json:"title"`
	// Meta is the front matter, omitted when there is none.
	Meta map[string]any `json:"meta,omitempty"`
	// Parties are the parties the matrices name, in order of first column.
	Parties []Party `json:"parties"`
	// Legend defines the role letters, in canonical print order.
	Legend []LegendEntry `json:"legend"`
	// Matrices are the responsibility tables in document order.
	Matrices []Matrix `json:"matrices"`
	// Notes are footnote definitions found in the document ("*Each execution…").
	Notes []Note `json:"notes"`
	// Diagnostics are the findings of Build and of Lint with the default
	// configuration, ordered by position.
	Diagnostics []Diagnostic `json:"diagnostics"`

	// LegendTables are the indexes, among the source document's tables
	// (0-based, in document order), of the tables read as the legend.
	LegendTables []int `json:"-"`

	// structural holds the findings made while building, before any lint.
	structural []Diagnostic
	// lg is the legend as built (rebuilt from Legend when nil).
	lg *legend
}

// Party kinds.
const (
	KindProvider   = "provider"
	KindCustomer   = "customer"
	KindThirdParty = "third-party"
)

// Party is one party that holds responsibilities: the provider, the
// customer or a third party.
type Party struct {
	// ID is a stable slug ("ibm", "customer", "cegedim-cloud").
	ID string `json:"id"`
	// Name is the first spelling seen, markup stripped ("IBM Cloud").
	Name string `json:"name"`
	// Kind is KindProvider, KindCustomer or KindThirdParty.
	Kind string `json:"kind"`
	// Aliases are all header or cell spellings that named the party.
	Aliases []string `json:"aliases"`
	// names are the distinct party names seen (header minus "responsibilities").
	names []string
	line  int
}

// LegendEntry defines one role letter.
type LegendEntry struct {
	// Letter is the upper-case letter ("R").
	Letter string `json:"letter"`
	// Label is the legend's text for the letter, as written.
	Label string `json:"label"`
	// Description is the legend's longer explanation when it gives one apart
	// from the label (cegedim's "R | Responsible | Assigned to …").
	Description string `json:"description,omitempty"`
	// Role is the role name: responsible, accountable, consulted, informed,
	// support, verifier, signatory, omitted, orderer or other.
	Role string `json:"role"`
	// Derived is true when the document defines no legend and the entry is
	// the plain RACI default.
	Derived bool `json:"derived,omitempty"`
	// Line is the source line of the definition (0 when derived).
	Line int `json:"line,omitempty"`
}

// Matrix kinds.
const (
	// MatrixRACI holds role letters in party columns.
	MatrixRACI = "raci"
	// MatrixProse holds duties written out in party columns.
	MatrixProse = "prose"
	// MatrixCheck holds check marks (✓, X, Yes) in party columns; a mark
	// means the party is Responsible.
	MatrixCheck = "check"
	// MatrixGrid is a category grid: the columns are categories and the
	// cells name the party ("IBM", "Shared", "Customer").
	MatrixGrid = "grid"
)

// Matrix is one responsibility table.
type Matrix struct {
	// ID is stable: the table's IAL id, else derived from the section.
	ID string `json:"id"`
	// Kind is MatrixRACI, MatrixProse, MatrixCheck or MatrixGrid.
	Kind string `json:"kind"`
	// Caption is the table's caption, else derived from the section path.
	Caption string `json:"caption"`
	// Anchor is the HTML id the table gets (same as ID); "" when the HTML
	// shows the table as written, with no id to link to (a table of raw
	// HTML in a Markdown document).
	Anchor string `json:"anchor"`
	// Section is the heading path above the table, outermost first.
	Section []Heading `json:"section"`
	// Columns classify the table's columns (after transposition, if any).
	Columns []Column `json:"columns"`
	// Rows are the body rows.
	Rows []Row `json:"rows"`
	// Transposed is true when the source table had the parties down its
	// first column and was turned so that parties are columns.
	Transposed bool `json:"transposed,omitempty"`
	// Line is the source line of the table's header row.
	Line int `json:"line"`
	// Table is the index, among the source document's tables (0-based, in
	// document order), of the table the matrix was read from. Renderers use
	// it to put the matrix in the table's place.
	Table int `json:"-"`
	// TitleRow is true when the source table's header row holds only its
	// title, in its first cell ("| Shared responsibilities | | |"): the
	// title is the caption (after the table's own), and the first body
	// row as written is the header. Renderers then skip a row of the
	// table as written.
	TitleRow bool `json:"-"`
	// explicitID is true when ID came from the source (IAL).
	explicitID bool
	// parties counts the party columns (a size hint for rows' maps).
	parties int
	// sectionLines are the lines of Section's headings (nil for a
	// document read from JSON).
	sectionLines []int
}

// Heading is one level of a matrix's section path.
type Heading struct {
	Level int `json:"level"`
	// Number is the heading's number without trailing dot ("3.1.1"), "" when none.
	Number string `json:"number,omitempty"`
	// Text is the heading text without number and emphasis.
	Text string `json:"text"`
	// Anchor is the heading's HTML id, "" when none.
	Anchor string `json:"anchor,omitempty"`
}

// GroupNames maps the ids of m's group headings (Row.Heading) to their
// names, the rows' Row.Group to what it stands for; nil when m has none.
func (m *Matrix) GroupNames() map[string]string {
	var out map[string]string
	for i := range m.Rows {
		if r := &m.Rows[i]; r.Heading {
			if out == nil {
				out = map[string]string{}
			}
			out[r.ID] = r.Activity
		}
	}
	return out
}

// Column roles.
const (
	ColActivity  = "activity"
	ColParty     = "party"
	ColQualifier = "qualifier"
	ColComment   = "comment"
	ColCategory  = "category"
	// ColGroup is a column before the activity's that names the groups
	// of rows, in rows of their own (Row.Heading), blank elsewhere.
	ColGroup   = "group"
	ColUnknown = "unknown"
)

// Column describes one column of a matrix.
type Column struct {
	// Index is the 0-based column index.
	Index int `json:"index"`
	// Header is the header text as read.
	Header string `json:"header"`
	// Role is ColActivity, ColParty, ColQualifier, ColComment, ColCategory
	// (grid matrices), ColGroup or ColUnknown.
	Role string `json:"role"`
	// Party is the party id for party columns.
	Party string `json:"party,omitempty"`
	// Key is the qualifier or category key ("plan").
	Key string `json:"key,omitempty"`
	// Letter is, for a category column whose header names a role
	// ("Responsible", "Who is accountable (A)"), the role letter the
	// parties its cells name hold; "" for other columns (their parties
	// hold R).
	Letter    string `json:"letter,omitempty"`
	line, col int
}

// Ownership values.
const (
	OwnerProvider = "provider"
	OwnerCustomer = "customer"
	OwnerShared   = "shared"
	OwnerUnknown  = "unknown"
)

// Row is one activity of a matrix.
type Row struct {
	// ID is stable: section plus activity slug, "-2" on duplicates in the document.
	ID string `json:"id"`
	// Activity is the activity text, footnote marks removed.
	Activity string `json:"activity"`
	// Heading is true for a row that names a group of the rows below it
	// ("Compute", "Networking") rather than an activity: its activity
	// cell is its only cell with text, and the row is that one cell (an
	// HTML cell spanning the table, or "| Compute |") reading as a name,
	// not as the end of a sentence, or the cell is all bold ("|
	// **Compute** | | |") in a table whose activities are not.
	// A heading row has no assignments and its ownership is unknown;
	// lint does not check it.
	Heading bool `json:"heading,omitempty"`
	// Group is the id of the heading row the row falls under; "" for a
	// heading row and the rows before a table's first heading.
	Group string `json:"group,omitempty"`
	// Qualifiers maps qualifier keys to values ("plan": "On request"); a
	// "*" plan means all plans and is stored as "all".
	Qualifiers map[string]string `json:"qualifiers,omitempty"`
	// Comment is the comment column's text.
	Comment string `json:"comment,omitempty"`
	// Notes are the footnote marks lifted off the row's cells.
	Notes []Note `json:"notes,omitempty"`
	// Line is the row's source line.
	Line int `json:"line"`
	// Ownership is derived: provider, customer, shared or unknown.
	Ownership string `json:"ownership"`
	// Assignments maps party ids to the party's assignment.
	Assignments map[string]*Assignment `json:"assignments"`
	// Categories holds a grid row's cells by category key.
	Categories map[string]*Assignment `json:"categories,omitempty"`
	// Extra holds cells of unknown columns and cells beyond the header.
	Extra []ExtraCell `json:"extra,omitempty"`
	// cells is the number of cells the source row had.
	cells int
	// activityRaw and commentRaw are the activity's and the comment's
	// cells as written ("" for a document read from JSON).
	activityRaw, commentRaw string
	// activityAt and commentAt are where those cells start (the first
	// comment cell with text; zero: unknown).
	activityAt, commentAt source.Pos
}

// Cell status values.
const (
	StatusFilled        = "filled"
	StatusEmpty         = "empty"
	StatusPlaceholder   = "placeholder"
	StatusNotApplicable = "not-applicable"
)

// Assignment is what one party does for one activity (or, in a grid
// category, who does it).
type Assignment struct {
	// Roles are canonical letters in legend order.
	Roles []string `json:"roles"`
	// Duties are the prose items, one per list piece, else one per cell.
	Duties []string `json:"duties"`
	// Parties are the parties a grid cell names ("Shared": provider and customer).
	Parties []string `json:"parties,omitempty"`
	// Status is filled, empty, placeholder or not-applicable.
	Status string `json:"status"`
	// Raw is the cell as written.
	Raw string `json:"raw"`
	// Line and Col locate the cell (0 when the row lacks the cell).
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`

	parsed *cellValue // how the cell read; nil for a document read from JSON
	text   string
}

// Text returns the cell's plain text as read (keywords resolved, markup
// removed); Raw for an assignment read from JSON, which does not keep it.
func (a *Assignment) Text() string {
	if a.text == "" && a.parsed == nil {
		return a.Raw
	}
	return a.text
}

// ExtraCell is a cell that is neither activity, party, qualifier nor comment.
type ExtraCell struct {
	Index  int    `json:"index"`
	Header string `json:"header"`
	Text   string `json:"text"`
	Raw    string `json:"raw"`
	Line   int    `json:"line,omitempty"`
	Col    int    `json:"col,omitempty"`
}

// Note is a footnote: a mark and its text.
type Note struct {
	// Marker is the mark ("*", "1", "†").
	Marker string `json:"marker"`
	// Text is the note's text, "" when the document does not define it.
	Text string `json:"text"`
	// Line is where the note is defined (document notes) or where the mark
	// is (row notes whose text is undefined).
	Line int `json:"line"`
}

// Severities of findings: the diag package's, under the names the model
// has always used.
const (
	// SevError is diag.Error: the matrix is wrong or incomplete.
	SevError = diag.Error
	// SevWarning is diag.Warning: a likely mistake.
	SevWarning = diag.Warning
	// SevInfo is diag.Info: a remark, such as a default assumed.
	SevInfo = diag.Info
)

// Diagnostic is one finding. It is an alias of diag.Diagnostic, mdraci's
// one diagnostic type, kept so the model's API reads as before. Its Code is
// stable ("RACI001"); its Message spells roles out ("no party is
// Accountable"); its Line and Col are 1-based, as in the "file:line:col"
// form: a finding about a whole row or table points at its line's first
// column, one about the whole document at line 1.
type Diagnostic = diag.Diagnostic

// newDiagnostic makes a Diagnostic, its position clamped to 1-based (a
// finding made without a column points at the line's start).
func newDiagnostic(file, code string, sev diag.Severity, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{Code: code, Severity: sev, Message: fmt.Sprintf(format, args...), File: file,
		Line: max(line, 1), Col: max(col, 1)}
}
