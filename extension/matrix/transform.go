package matrix

import (
	"cmp"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/ids"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/mdraci/mdraci/extension/table"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// LegendID is the HTML id the legend gets (made unique on the page).
const LegendID = "raci-legend"

var resultKey = parser.NewContextKey()

// result is what the transformer leaves in the parser context.
type result struct {
	src *source.Document
	doc *model.Document
}

// Get returns the source document and the responsibility model the
// transformer built while parsing with pc; nils when it did not run. The
// model is not linted (model.WithLint(false)): its Diagnostics hold the
// findings made while reading the tables, and its Lint method the rest.
func Get(pc parser.Context) (*source.Document, *model.Document) {
	if r, ok := pc.Get(resultKey).(*result); ok {
		return r.src, r.doc
	}
	return nil, nil
}

type astTransformer struct {
	cfg *Config
}

// NewMatrixASTTransformer returns the AST transformer that builds the
// document's responsibility model and puts Matrix and Legend nodes in place
// of the tables the model reads. It runs after every other transformer of
// the extension (keywords resolved, attribute lists applied, headings
// given ids).
func NewMatrixASTTransformer(opts ...Option) parser.ASTTransformer {
	return &astTransformer{cfg: newConfig(opts)}
}

// Transform implements parser.ASTTransformer.Transform.
func (t *astTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if !t.cfg.Render || len(nodes.Of(pc, doc).Tables) == 0 {
		return // nothing to render: Result.Model builds the model on demand
	}
	var fm map[string]any
	if m, err := meta.TryGet(pc); err == nil && m != nil {
		fm = source.PlainMeta(m)
	}
	lines := diag.LinesOf(pc, reader.Source())
	src := source.FromMarkdown("", doc, reader.Source(), fm, source.WithKeywords(t.cfg.Keywords),
		source.WithLines(lines))
	// the page's ids (raw HTML's, other elements'): matrices and rows
	// take none of them
	reg := ids.OfSource(pc, doc, reader.Source())
	md := model.Build(src, append([]model.Option{model.WithLint(false), model.WithReservedIDs(reg.IDs()...)}, t.cfg.Model...)...)
	pc.Set(resultKey, &result{src: src, doc: md})
	apply(doc, src, md, reg.Unique, reader.Source(), lines)
}

// Apply replaces, below root, the tables md was built from with Matrix
// nodes and the first legend table with a Legend node (or inserts one
// before the first letter matrix when the document has no legend table).
// src is the source document md was built from, read from root's tables
// in document order. unique makes ids unique on the page (it returns its
// first argument, or it with "-2", "-3"… when taken).
func Apply(root ast.Node, src *source.Document, md *model.Document, unique func(base, fallback string) string) {
	apply(root, src, md, unique, nil, nil)
}

// apply is Apply; with the Markdown source text and its line index lines,
// a legend written as lines of a paragraph is moved out of it, the Legend
// node taking its place.
func apply(root ast.Node, src *source.Document, md *model.Document, unique func(base, fallback string) string, text []byte, lines *diag.Lines) {
	if md == nil || (len(md.Matrices) == 0 && len(md.LegendTables) == 0) {
		return
	}
	var tables []*east.Table
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if tbl, ok := n.(*east.Table); ok && entering {
			tables = append(tables, tbl)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// The source tables in the AST's order; raw HTML tables of a Markdown
	// document are not in the AST as tables, and stay as written.
	srcTables := src.Tables()
	inAST := make([]int, len(srcTables)) // source table → AST table, -1 for raw ones
	n := 0
	for i, t := range srcTables {
		inAST[i] = -1
		if !t.Raw {
			inAST[i] = n
			n++
		}
	}
	if n != len(tables) {
		return // not the AST the source document was read from
	}
	at := func(i int) *east.Table {
		if i >= 0 && i < len(inAST) && inAST[i] >= 0 {
			return tables[inAST[i]]
		}
		return nil
	}
	legendID := ""
	firstLetters := -1 // the first letter matrix rendered
	for i, m := range md.Matrices {
		if (m.Kind == model.MatrixRACI || m.Kind == model.MatrixCheck) && at(m.Table) != nil {
			firstLetters = i
			break
		}
	}
	if len(md.LegendTables) > 0 || firstLetters >= 0 {
		legendID = unique(LegendID, LegendID)
	}
	b := &builder{doc: md, legendID: legendID, text: text}
	b.reserve(md, func(i int) bool { return at(i) != nil })
	placed := len(md.LegendTables) > 0 && at(md.LegendTables[0]) != nil
	if !placed && firstLetters >= 0 && text != nil && lines != nil {
		placed = legendInText(root, lines, md, &Legend{ID: legendID, Entries: md.Legend})
	}
	for i := range md.Matrices {
		m := &md.Matrices[i]
		tbl := at(m.Table)
		if tbl == nil {
			continue
		}
		node := b.matrix(m, tbl, srcTables[m.Table])
		if i == firstLetters && !placed {
			tbl.Parent().InsertBefore(tbl.Parent(), tbl, &Legend{ID: legendID, Entries: md.Legend})
		}
		tbl.Parent().ReplaceChild(tbl.Parent(), tbl, node)
	}
	if len(md.LegendTables) > 0 {
		if tbl := at(md.LegendTables[0]); tbl != nil {
			tbl.Parent().ReplaceChild(tbl.Parent(), tbl, &Legend{ID: legendID, Entries: md.Legend})
		}
	}
}

type builder struct {
	doc      *model.Document
	legendID string
	// text is the Markdown source of the AST, nil when unknown
	text []byte
	// labels memoizes label by letter
	labels map[string]string
	// used marks, per row, the source columns a model column took
	used []bool
	// roles are the Role nodes of the matrix being built, allocated
	// together, handed out in turn
	roles []Role
	// rests memoizes LetterCellRest by matrix kind and cell as written
	rests map[restKey]cellRest
	// dutyRoom is room for the Duty nodes of prose cells, allocated
	// together, handed out in turn
	dutyRoom []Duty
	// strs and bytes are room for the String nodes of texts the builder
	// writes and for their bytes, allocated together, handed out in turn
	strs  []ast.String
	bytes []byte
	// dutyChunk, strChunk and byteChunk are the sizes of the last room
	// allocated for duties, strings and their bytes: each new room is
	// twice the last, up to a cap, so that a small page takes little
	dutyChunk, strChunk, byteChunk int
	// cells and rows are the source cells of the matrix being built, a
	// slice of cells per row, reused from matrix to matrix
	cells []*east.TableCell
	rows  [][]*east.TableCell
}

// nextChunk returns the size of the next room: twice last, at least lo,
// at most hi.
func nextChunk(last, lo, hi int) int {
	return min(max(2*last, lo), hi)
}

// duty returns a new Duty node, from the builder's room.
func (b *builder) duty() *Duty {
	if len(b.dutyRoom) == 0 {
		b.dutyChunk = nextChunk(b.dutyChunk, 8, 32)
		b.dutyRoom = make([]Duty, b.dutyChunk)
	}
	d := &b.dutyRoom[0]
	b.dutyRoom = b.dutyRoom[1:]
	return d
}

// reserveStrings makes room for n more String nodes holding size bytes in
// all, allocated together unless the room left holds them: apply reserves
// the header cells' texts of a page at once.
func (b *builder) reserveStrings(n, size int) {
	if len(b.strs) < n {
		b.strs = make([]ast.String, n)
	}
	if len(b.bytes) < size {
		b.bytes = make([]byte, size)
	}
}

// newString returns a new String node holding a copy of text, as
// ast.NewString([]byte(text)) does, from the builder's room.
func (b *builder) newString(text string) *ast.String {
	if len(b.strs) == 0 {
		b.strChunk = nextChunk(b.strChunk, 8, 64)
		b.strs = make([]ast.String, b.strChunk)
	}
	s := &b.strs[0]
	b.strs = b.strs[1:]
	if len(text) > len(b.bytes) {
		b.byteChunk = nextChunk(b.byteChunk, 256, 4096)
		b.bytes = make([]byte, max(len(text), b.byteChunk))
	}
	// its own bytes: appending to Value copies them
	s.Value = b.bytes[:len(text):len(text)]
	copy(s.Value, text)
	b.bytes = b.bytes[len(text):]
	return s
}

// restKey and cellRest are a LetterCellRest question and answer.
type (
	restKey  struct{ kind, raw, roles string }
	cellRest struct {
		text bool
		mark string
	}
)

// reserve makes room, at once, for what the page's matrices shown (those
// of the tables shown reports true for) take from the builder: the String
// nodes of their header texts and the Role nodes of their letters.
func (b *builder) reserve(md *model.Document, shown func(table int) bool) {
	strs, size, letters := 0, 0, 0
	for i := range md.Matrices {
		m := &md.Matrices[i]
		if !shown(m.Table) {
			continue
		}
		for _, col := range m.Columns {
			if col.Header != "" {
				strs++
				size += len(col.Header)
			}
			if col.Role != model.ColParty {
				continue
			}
			for r := range m.Rows {
				if a := m.Rows[r].Assignments[col.Party]; a != nil {
					letters += len(a.Roles)
				}
			}
		}
	}
	b.reserveStrings(strs, size)
	if letters > 0 {
		b.roles = make([]Role, letters)
	}
}

// role returns a new Role node for letter.
func (b *builder) role(letter string) *Role {
	if len(b.roles) == 0 {
		b.roles = make([]Role, 16)
	}
	r := &b.roles[0]
	b.roles = b.roles[1:]
	r.Letter, r.Label = letter, b.label(letter)
	return r
}

// letterCellRest is LetterCellRest, memoized: a cell's rest depends on its
// text as written and its letters, which letter cells repeat ("RA", "I").
func (b *builder) letterCellRest(kind string, a *model.Assignment) (bool, string) {
	k := restKey{kind, a.Raw, strings.Join(a.Roles, "")}
	if r, ok := b.rests[k]; ok {
		return r.text, r.mark
	}
	text, mark := LetterCellRest(kind, a)
	if b.rests == nil {
		b.rests = map[restKey]cellRest{}
	}
	b.rests[k] = cellRest{text, mark}
	return text, mark
}

// partyKinds orders party columns: providers, the customer, third parties.
var partyKinds = map[string]int{model.KindProvider: 0, model.KindCustomer: 1, model.KindThirdParty: 2}

// columnGroups orders the column roles.
var columnGroups = map[string]int{
	model.ColActivity: 0, model.ColQualifier: 1, model.ColCategory: 2, model.ColParty: 3,
	model.ColUnknown: 4, model.ColComment: 5,
}

func (b *builder) partyKind(id string) string {
	for _, p := range b.doc.Parties {
		if p.ID == id {
			return p.Kind
		}
	}
	return model.KindThirdParty
}

// columns returns m's columns in rendering order; a column naming the
// groups of rows (model.ColGroup) is none: its names head the groups.
func (b *builder) columns(m *model.Matrix) []model.Column {
	cols := make([]model.Column, 0, len(m.Columns))
	for _, c := range m.Columns {
		if c.Role != model.ColGroup {
			cols = append(cols, c)
		}
	}
	// a stable sort by group, party columns by party kind
	slices.SortStableFunc(cols, func(x, y model.Column) int {
		gx, gy := columnGroups[x.Role], columnGroups[y.Role]
		if gx != gy {
			return cmp.Compare(gx, gy)
		}
		if x.Role == model.ColParty {
			return cmp.Compare(partyKinds[b.partyKind(x.Party)], partyKinds[b.partyKind(y.Party)])
		}
		return 0
	})
	return cols
}

// matrix builds the Matrix node of m from its source table tbl (whose
// source-layer reading is st).
func (b *builder) matrix(m *model.Matrix, tbl *east.Table, st *source.Table) *Matrix {
	node := &Matrix{Matrix: m, Summary: nodes.Attr(tbl, "summary"), SummaryID: nodes.Attr(tbl, "aria-describedby")}
	if m.Kind == model.MatrixRACI || m.Kind == model.MatrixCheck {
		node.LegendRef = b.legendID
	}
	node.Classes = strings.Fields(nodes.Attr(tbl, "class"))
	copyAttributes(node, tbl)
	switch strings.ToLower(strings.TrimSpace(nodes.Attr(tbl, "caption-side"))) {
	case "top":
		node.Classes = append(node.Classes, "caption-top")
	case "bottom":
		node.Classes = append(node.Classes, "caption-bottom")
	}
	// The source rows, header first; nil when the cells must come from the
	// model's text (transposed tables).
	var rows [][]*east.TableCell
	if !m.Transposed {
		// one array for all cells, a slice of it per row, both the
		// builder's, reused from matrix to matrix
		n := 0
		for r := tbl.FirstChild(); r != nil; r = r.NextSibling() {
			n += r.ChildCount()
		}
		if cap(b.cells) < n {
			b.cells = make([]*east.TableCell, 0, n)
		}
		all := b.cells[:0]
		rows = b.rows[:0]
		for r := tbl.FirstChild(); r != nil; r = r.NextSibling() {
			from := len(all)
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				if tc, ok := c.(*east.TableCell); ok {
					all = append(all, tc)
				}
			}
			rows = append(rows, all[from:len(all):len(all)])
		}
		b.rows = rows // (the cells' array is not outgrown: its room is n)
		if len(st.Header) == 0 && len(rows) > 0 && len(rows[0]) == 0 {
			rows = rows[1:] // an empty header row: the model used the first body row
		}
		if m.TitleRow && len(rows) > 0 {
			rows = rows[1:] // the title, in the caption: the first body row is the header
		}
	}
	at := func(r, c int) ast.Node {
		if r < len(rows) && c >= 0 && c < len(rows[r]) {
			return rows[r][c]
		}
		return nil // an untyped nil: fill then writes the model's text
	}
	cols := b.columns(m)
	// the rows and their cells, the header's first, allocated together
	trs := make([]MatrixRow, 1+len(m.Rows))
	tds := make([]MatrixCell, (1+len(m.Rows))*len(cols))
	header := &trs[0]
	for c := range cols {
		col := &cols[c]
		cell := &tds[c]
		cell.Header, cell.Column = true, col
		if col.Role == model.ColParty {
			cell.PartyKind = b.partyKind(col.Party)
		}
		if src := at(0, col.Index); src != nil && HeaderKeepsMarkup(src) {
			b.fill(cell, src, "") // a link to the column's section stays one
		} else {
			b.fill(cell, nil, col.Header) // the plain text: one look whatever the markup
		}
		header.AppendChild(header, cell)
	}
	node.AppendChild(node, header)
	for i := range m.Rows {
		row := &m.Rows[i]
		tr := &trs[1+i]
		tr.Row = row
		if row.Heading {
			// a group's name: the activity cell alone, across the row
			// (its other cells are blank), or the cell of the column
			// naming the groups (a "Timeline" before the activities)
			for c := range cols {
				if col := &cols[c]; col.Role == model.ColActivity {
					cell := &tds[(1+i)*len(cols)+c]
					src := at(i+1, col.Index)
					if (src == nil || !src.HasChildren()) && i+1 < len(rows) {
						for _, sc := range rows[i+1] {
							if sc.HasChildren() {
								src = sc
								break
							}
						}
					}
					b.cell(cell, m, row, col, src)
					tr.AppendChild(tr, cell)
					break
				}
			}
			node.AppendChild(node, tr)
			continue
		}
		used := b.usedRow(m, row, rows, i+1)
		for _, c := range m.Columns {
			if c.Role == model.ColGroup && c.Index < len(used) {
				used[c.Index] = true // blank beside an activity
			}
		}
		for c := range cols {
			col := &cols[c]
			if col.Index >= 0 && col.Index < len(used) {
				used[col.Index] = true
			}
			cell := &tds[(1+i)*len(cols)+c]
			b.cell(cell, m, row, col, at(i+1, col.Index))
			tr.AppendChild(tr, cell)
		}
		// cells beyond the header, so that no cell is lost
		switch {
		case !m.Transposed && i+1 < len(rows):
			for c := range rows[i+1] {
				if !used[c] {
					cell := &MatrixCell{Column: &model.Column{Index: c, Role: CellExtra}}
					b.fill(cell, rows[i+1][c], "")
					tr.AppendChild(tr, cell)
				}
			}
		case m.Transposed:
			for _, x := range row.Extra {
				if x.Index < 0 || x.Index >= len(used) || !used[x.Index] {
					cell := &MatrixCell{Column: &model.Column{Index: x.Index, Header: x.Header, Role: CellExtra}}
					b.fill(cell, nil, x.Text)
					tr.AppendChild(tr, cell)
				}
			}
		}
		node.AppendChild(node, tr)
	}
	return node
}

// ownAttributes are the attributes of a source table the Matrix node has
// fields for, or writes itself.
var ownAttributes = map[string]bool{"id": true, "class": true, "caption": true, "caption-side": true,
	"summary": true, "row-headers": true, "aria-describedby": true, "data-kind": true}

// copyAttributes sets on node the attributes of tbl besides
// ownAttributes.
func copyAttributes(node *Matrix, tbl *east.Table) {
	for _, a := range tbl.Attributes() {
		if !ownAttributes[string(a.Name)] {
			node.SetAttribute(a.Name, a.Value)
		}
	}
}

// usedRow returns the row's marks of used source columns, all false, wide
// enough for every column index of the matrix, the source row (number r of
// rows) and the row's extra cells.
func (b *builder) usedRow(m *model.Matrix, row *model.Row, rows [][]*east.TableCell, r int) []bool {
	n := len(m.Columns)
	for _, c := range m.Columns {
		n = max(n, c.Index+1)
	}
	if r < len(rows) {
		n = max(n, len(rows[r]))
	}
	for _, x := range row.Extra {
		n = max(n, x.Index+1)
	}
	if cap(b.used) < n {
		b.used = make([]bool, n)
	}
	b.used = b.used[:n]
	clear(b.used)
	return b.used
}

// cell fills cell, a new body cell.
func (b *builder) cell(cell *MatrixCell, m *model.Matrix, row *model.Row, col *model.Column, src ast.Node) {
	cell.Column = col
	switch col.Role {
	case model.ColActivity:
		b.fill(cell, src, row.Activity)
	case model.ColQualifier:
		b.fill(cell, src, row.Qualifiers[col.Key])
	case model.ColComment:
		b.fill(cell, src, row.Comment)
	case model.ColCategory:
		cell.Assignment = row.Categories[col.Key]
		text := ""
		if cell.Assignment != nil {
			text = cell.Assignment.Raw
		}
		b.fill(cell, src, text)
	case model.ColParty:
		cell.PartyKind = b.partyKind(col.Party)
		a := row.Assignments[col.Party]
		cell.Assignment = a
		if a == nil {
			break
		}
		switch {
		case m.Kind == model.MatrixProse && a.Status == model.StatusFilled:
			b.duties(cell, src, a)
		case len(a.Roles) > 0:
			for _, l := range a.Roles {
				cell.AppendChild(cell, b.role(l))
			}
			if src == nil {
				// no source cell (a transposed table): the rest from
				// the model's plain text
				b.letterRest(cell, m.Kind, a)
				break
			}
			switch text, mark := b.letterCellRest(m.Kind, a); {
			case text:
				// "A (on request)": the letters, then the cell as
				// written, less the letters it starts with
				t := &CellText{}
				moveChildren(t, src)
				stripLetters(t, a.Roles, b.text)
				if t.HasChildren() { // (else all it said was markup: <select>…)
					cell.AppendChild(cell, t)
				}
			case mark != "":
				// "A*": the letters, then the footnote mark
				t := &CellText{Note: true}
				t.AppendChild(t, b.newString(mark))
				cell.AppendChild(cell, t)
			}
		case a.Status == model.StatusEmpty:
		default:
			b.fill(cell, src, a.Raw)
		}
	default:
		text := ""
		for _, x := range row.Extra {
			if x.Index == col.Index {
				text = x.Text
			}
		}
		b.fill(cell, src, text)
	}
}

// dropMarker removes the list marker a duty read from a line of a cell
// starts with ("* Update IAM policies" among lines that are not all
// items): the duty is a list item already.
func (b *builder) dropMarker(d *Duty) {
	switch first := d.FirstChild().(type) {
	case *ast.Text:
		if b.text == nil {
			return
		}
		// the marker as written ("*" may be a text node of its own,
		// before " Update"), taken off the text nodes it spans
		start := first.Segment.Start
		n := table.MarkerLen(b.text[start:min(start+16, len(b.text))])
		for n > 0 {
			t, ok := d.FirstChild().(*ast.Text)
			if !ok || t.Segment.Start != start {
				return
			}
			if l := t.Segment.Len(); n >= l {
				d.RemoveChild(d, t)
				start, n = start+l, n-l
				continue
			}
			t.Segment = t.Segment.WithStart(t.Segment.Start + n)
			return
		}
	case *ast.String:
		if n := table.MarkerLen(first.Value); n > 0 {
			first.Value = first.Value[n:]
		}
	}
}

// letterRest appends to cell, after its letters, what a letter cell
// without a source cell says besides them (PlainRest).
func (b *builder) letterRest(cell *MatrixCell, kind string, a *model.Assignment) {
	text, mark := PlainRest(kind, a)
	switch {
	case text != "":
		ct := &CellText{}
		ct.AppendChild(ct, b.newString(text))
		cell.AppendChild(cell, ct)
	case mark != "":
		ct := &CellText{Note: true}
		ct.AppendChild(ct, b.newString(mark))
		cell.AppendChild(cell, ct)
	}
}

// PlainRest is LetterCellRest for a letter cell shown without its source
// cell (a transposed table's), from the model's plain text: text is what
// the cell says besides its letters, less the letters it starts with;
// else mark is its footnote mark; both "" when it says nothing more.
func PlainRest(kind string, a *model.Assignment) (text, mark string) {
	says, mark := LetterCellRest(kind, a)
	if !says {
		return "", mark
	}
	t := a.Text()
	return strings.TrimSpace(t[LetterPrefix(t, a.Roles):]), ""
}

// duties fills a prose party cell with one Duty per item: per line of a
// cell split by " \n " (CellLine), per item of a list, else one Duty for
// the whole cell. Without a source cell, the model's duties are written.
func (b *builder) duties(cell *MatrixCell, src ast.Node, a *model.Assignment) {
	if src == nil {
		for _, t := range a.Duties {
			d := b.duty()
			d.AppendChild(d, b.newString(t))
			cell.AppendChild(cell, d)
		}
		return
	}
	var run *Duty // inline content outside lines and lists
	for c := src.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch {
		case c.Kind() == table.KindCellLine:
			run = nil
			d := b.duty()
			moveChildren(d, c)
			b.dropMarker(d)
			cell.AppendChild(cell, d)
		case c.Kind() == ast.KindList:
			run = nil
			for item := c.FirstChild(); item != nil; item = item.NextSibling() {
				d := b.duty()
				for blk := item.FirstChild(); blk != nil; blk = blk.NextSibling() {
					moveChildren(d, blk)
				}
				cell.AppendChild(cell, d)
			}
		default:
			if run == nil {
				run = b.duty()
				cell.AppendChild(cell, run)
			}
			run.AppendChild(run, c)
		}
		c = next
	}
}

// label is the abbr title of a letter: the role's name, with the legend's
// own wording when it says more ("Responsible: Is in charge of…").
func (b *builder) label(letter string) string {
	if l, ok := b.labels[letter]; ok {
		return l
	}
	l := letter
	for _, e := range b.doc.Legend {
		if e.Letter == letter {
			l = Title(e)
			break
		}
	}
	if b.labels == nil {
		b.labels = map[string]string{}
	}
	b.labels[letter] = l
	return l
}

// Title is the text a role letter's <abbr title> shows for a legend entry:
// the role's name ("Responsible"), followed by the legend's label when the
// label says something else ("Responsible: Is in charge of the process").
func Title(e model.LegendEntry) string {
	name := ""
	if e.Role != "" && e.Role != "other" {
		name = strings.ToUpper(e.Role[:1]) + e.Role[1:]
	}
	label := strings.TrimSpace(e.Label)
	switch {
	case name == "":
		if label == "" {
			return e.Letter
		}
		return label
	case label == "" || strings.EqualFold(label, name):
		return name
	}
	return name + ": " + label
}

// HeaderKeepsMarkup reports whether a matrix shows header cell n as
// written rather than as its plain text (the one look of every header,
// "**Activity**" or not): when n holds a link or an autolink ("[Change
// management](#change-management)", a grid's column pointing to its
// section), which plain text would lose.
func HeaderKeepsMarkup(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (c.Kind() == ast.KindLink || c.Kind() == ast.KindAutoLink) {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// fill moves src's children into cell, or, without src, writes text.
func (b *builder) fill(cell ast.Node, src ast.Node, text string) {
	if src != nil {
		moveChildren(cell, src)
		return
	}
	if text != "" {
		cell.AppendChild(cell, b.newString(text))
	}
}

func moveChildren(to, from ast.Node) {
	for c := from.FirstChild(); c != nil; {
		next := c.NextSibling()
		to.AppendChild(to, c)
		c = next
	}
}

// LetterCellRest tells what a letter cell holds besides its role letters,
// which the matrix shows after them: text is true when the cell says more
// than its letters ("A (on request)"), and the cell is then shown as
// written, less the letters it starts with (LetterPrefix); else mark is
// the footnote mark it ends with ("*"), or "". Check
// marks ("X", "✓") say nothing more than the letter they stand for.
func LetterCellRest(kind string, a *model.Assignment) (text bool, mark string) {
	if a == nil || len(a.Roles) == 0 {
		return false, ""
	}
	if kind == model.MatrixRACI && saysMore(a.Raw, a.Roles) {
		return true, ""
	}
	if kind == model.MatrixCheck {
		// "✓ (on request)": the mark is drawn as its letter; a remark
		// after it says more
		raw := strings.TrimSpace(a.Raw)
		if n := model.CheckMarkLen(raw); n > 0 && saysMore(raw[n:], a.Roles) {
			return true, ""
		}
	}
	return false, noteMark(a.Raw)
}

// saysMore reports whether a letter cell's text holds more than its role
// letters and their spelled-out names (model.IsRoleWord, in English or
// French): words (runs of letters and digits) with a character the
// letters leave out. raw is Markdown: a character reference or backslash
// escape ("&amp;", "\\/") is the character it stands for, not a word
// ("amp").
func saysMore(raw string, roles []string) bool {
	for i := 0; i < len(raw); {
		if l := lineBreak(raw[i:]); l > 0 {
			i += l // "R \n A", "R<br>A": letters on lines
			continue
		}
		if l, d := escaped(raw[i:]); l > 0 {
			if isWordRune(d) {
				return true // a letter written as a reference: shown as written
			}
			i += l
			continue
		}
		c, size := utf8.DecodeRuneInString(raw[i:])
		if !isWordRune(c) {
			i += size
			continue
		}
		if n := model.RolePhrase(raw[i:]); n > 0 {
			i += n // "En charge": a role spelled out in words
			continue
		}
		end := strings.IndexFunc(raw[i:], func(c rune) bool { return !isWordRune(c) })
		if end < 0 {
			end = len(raw) - i
		}
		word := raw[i : i+end]
		i += end
		if model.IsRoleWord(word) {
			continue
		}
		for _, c := range word {
			if !inLetters(unicode.ToLower(c), roles) {
				return true
			}
		}
	}
	return false
}

// LetterPrefix returns the length of the role letters text starts with,
// with the blanks and separators ("/", ",", "&", "+", ";") after them: the
// part of a letter cell's text the role letters drawn before it already
// show ("R " of "R (on request)", "A / R " of "A / R if asked"). Words are
// runs of letters and digits; a letter word holds only characters of
// roles, or is a role spelled out (model.IsRoleWord). text is Markdown: a
// separator may be written as a character reference ("R &amp; A") or
// escaped ("R \/ A"), and letters emphasized ("**R** (always)"); the
// prefix never ends inside a reference, an escape or an emphasis. A check
// mark the text starts with ("✓ (on request)") is drawn as its letter too.
func LetterPrefix(text string, roles []string) int {
	n := 0 // text[:n] is letters and separators
	i := 0
	if m := model.CheckMarkLen(text); m > 0 {
		i, n = m, m // a check mark, drawn as its letter
	}
	for i < len(text) {
		if l := lineBreak(text[i:]); l > 0 {
			i += l // letters on lines: "R \n A", "R<br>A"
			n = i
			continue
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		if l, d := escaped(text[i:]); l > 0 {
			if !isSeparator(d) {
				return n
			}
			c, size = d, l // a separator written as a reference or an escape
		}
		switch {
		case isSeparator(c):
			i += size
			n = i
			continue
		case c == '*' || c == '_':
			// letters emphasized: the same run of c after them
			run := len(text[i:]) - len(strings.TrimLeft(text[i:], string(c)))
			// as CommonMark reads emphasis: no blank inside the
			// delimiters, and "_" not closing inside a word
			inner := LetterPrefix(text[i+run:], roles)
			body := text[i+run : i+run+inner]
			after := text[i+run+inner:]
			if inner == 0 || strings.TrimSpace(body) != body ||
				!strings.HasPrefix(after, text[i:i+run]) || strings.HasPrefix(after[run:], string(c)) {
				return n
			}
			if next, _ := utf8.DecodeRuneInString(after[run:]); c == '_' && isWordRune(next) {
				return n
			}
			i += 2*run + inner
			n = i
			continue
		case !isWordRune(c):
			return n
		}
		if p := model.RolePhrase(text[i:]); p > 0 {
			i += p
			n = i
			continue
		}
		end := strings.IndexFunc(text[i:], func(c rune) bool { return !isWordRune(c) })
		if end < 0 {
			end = len(text) - i
		}
		word := text[i : i+end]
		if !model.IsRoleWord(word) {
			for _, c := range word {
				if !inLetters(unicode.ToLower(c), roles) {
					return n
				}
			}
		}
		i += end
		n = i
	}
	return n
}

// lineBreak returns the length of the line break text starts with: IBM's
// "\n" before a blank or at the end, or a <br> tag ("<br>", "<BR/>",
// "<br />", "</br>", which browsers read as <br>); 0 when it starts with
// neither.
func lineBreak(text string) int {
	if strings.HasPrefix(text, `\n`) && (len(text) == 2 || text[2] == ' ' || text[2] == '\t') {
		return 2
	}
	i := 1
	if len(text) > 1 && text[1] == '/' {
		i = 2
	}
	if len(text) < i+3 || text[0] != '<' || !strings.EqualFold(text[i:i+2], "br") {
		return 0
	}
	i += 2
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i < len(text) && text[i] == '/' {
		i++
	}
	if i < len(text) && text[i] == '>' {
		return i + 1
	}
	return 0
}

// isSeparator reports whether c separates role letters ("R / A"); a
// no-break space is a blank too ("R&nbsp;(on request)").
func isSeparator(c rune) bool { return strings.ContainsRune(" \t/,&+;\u00a0", c) }

// escaped reads the character reference ("&amp;", "&#47;", "&#x2F;") or
// backslash escape ("\/") text starts with: its length and the character
// it stands for; 0 when text starts with neither.
func escaped(text string) (int, rune) {
	if len(text) > 1 && text[0] == '\\' {
		if util.IsPunct(text[1]) { // what CommonMark lets a backslash escape
			return 2, rune(text[1])
		}
		return 0, 0
	}
	if len(text) == 0 || text[0] != '&' {
		return 0, 0
	}
	end := strings.IndexByte(text, ';')
	if end < 2 || end > 33 {
		return 0, 0
	}
	ref := text[:end+1]
	body := ref[1:end]
	switch {
	case body[0] == '#' && len(body) > 1 && (body[1] == 'x' || body[1] == 'X'):
		if len(body) < 3 || len(body) > 8 || strings.Trim(body[2:], "0123456789abcdefABCDEF") != "" {
			return 0, 0
		}
	case body[0] == '#':
		if len(body) > 8 || strings.Trim(body[1:], "0123456789") != "" || len(body) < 2 {
			return 0, 0
		}
	default:
		for _, c := range body {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return 0, 0
			}
		}
	}
	d := html.UnescapeString(ref)
	if d == ref {
		return 0, 0 // not a reference HTML knows
	}
	r, size := utf8.DecodeRuneInString(d)
	if size != len(d) {
		return len(ref), 0 // more than one character: no separator
	}
	return len(ref), r
}

// stripLetters removes, from the start of t, the role letters it starts
// with (LetterPrefix), as text and emphasized text of source, or as a
// string (a cell read from HTML or text, source nil): they are drawn
// before it.
func stripLetters(t ast.Node, roles []string, source []byte) {
	for {
		switch first := t.FirstChild().(type) {
		case *ast.Text:
			if source == nil {
				return
			}
			n := LetterPrefix(string(first.Value(source)), roles)
			if n == 0 {
				return
			}
			if n < first.Segment.Len() {
				first.Segment = first.Segment.WithStart(first.Segment.Start + n)
				return
			}
			t.RemoveChild(t, first)
		case *table.CellLine:
			// letters on lines ("R \n A (on request)"): the lines of
			// letters go, the first other line loses its letters
			stripLetters(first, roles, source)
			if first.HasChildren() {
				return
			}
			t.RemoveChild(t, first)
		case *ast.RawHTML:
			if source == nil || lineBreak(string(nodes.RawBytes(first, source))) == 0 {
				return
			}
			t.RemoveChild(t, first) // "R<br>A (on request)": the <br> after letters
		case *ast.String:
			// a cell read from HTML or plain text: its text as a string
			n := LetterPrefix(string(first.Value), roles)
			if n == 0 {
				return
			}
			if n < len(first.Value) {
				first.Value = first.Value[n:]
				return
			}
			t.RemoveChild(t, first)
		case *ast.Emphasis:
			if source == nil {
				return
			}
			inner, ok := emphasized(first, source)
			if !ok {
				return
			}
			if inner == "" || LetterPrefix(inner, roles) != len(inner) || strings.TrimSpace(inner) != inner {
				return
			}
			t.RemoveChild(t, first)
		default:
			return
		}
	}
}

// emphasized returns the text of emphasis e, which may hold emphasis
// ("***R***"); ok is false when it holds anything else.
func emphasized(e *ast.Emphasis, source []byte) (text string, ok bool) {
	for c := e.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			text += string(v.Value(source))
		case *ast.Emphasis:
			t, ok := emphasized(v, source)
			if !ok {
				return "", false
			}
			text += t
		default:
			return "", false
		}
	}
	return text, true
}

// isWordRune reports whether c belongs to a word: a letter or a digit.
func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// inLetters reports whether the lower-case c is a character of one of
// roles, lowered.
func inLetters(c rune, roles []string) bool {
	for _, r := range roles {
		for _, l := range r {
			if unicode.ToLower(l) == c {
				return true
			}
		}
	}
	return false
}

// noteMark returns the footnote marks a cell's text ends with ("*", "**",
// "†", "¹"), "" when none; emphasis around the whole cell ("**RA**") is
// not a mark.
func noteMark(raw string) string {
	t := strings.TrimSpace(raw)
	for _, em := range []string{"**", "__", "*", "_"} {
		if len(t) > 2*len(em) && strings.HasPrefix(t, em) && strings.HasSuffix(t, em) {
			t = strings.TrimSpace(t[len(em) : len(t)-len(em)])
			break
		}
	}
	rest := strings.TrimRightFunc(t, func(c rune) bool { return strings.ContainsRune("*†‡¹²³⁴⁵⁶⁷⁸⁹", c) })
	return t[len(rest):]
}
