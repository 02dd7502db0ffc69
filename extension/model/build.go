package model

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/ids"
	"github.com/mdraci/mdraci/extension/internal/lower"
	plaintext "github.com/mdraci/mdraci/extension/internal/plain"
	"github.com/mdraci/mdraci/extension/source"
)

// Option configures Build.
type Option func(*builder)

// WithParties declares parties: their ids, kinds and the header or cell
// spellings ("Red Hat SRE" → "red-hat") that name them.
func WithParties(parties ...PartySpec) Option {
	return func(b *builder) {
		for _, p := range parties {
			id := p.ID
			if id == "" {
				id = slug(p.Name, 40)
			}
			if id == "" {
				continue
			}
			if p.Kind != "" {
				b.kinds[id] = p.Kind
			}
			for _, a := range append([]string{p.Name}, p.Aliases...) {
				if f := fold(a); f != "" {
					b.aliases[f] = id
				}
			}
		}
	}
}

// WithLint tells whether Build lints the document (the default): with it,
// Diagnostics holds what Lint finds with the default LintConfig; without
// it, only the findings made while reading the tables, and Lint gives the
// rest when asked. A converter that renders the matrices and reports no
// findings spares the lint so.
func WithLint(on bool) Option {
	return func(b *builder) { b.noLint = !on }
}

// WithReservedIDs gives the ids the page already uses besides its
// headings' (ids written in its raw HTML, the ids of other elements):
// the ids Build makes for matrices and rows are made unique against them,
// so that a link to a row reaches the row.
func WithReservedIDs(ids ...string) Option {
	return func(b *builder) { b.reserved = append(b.reserved, ids...) }
}

// builder holds the state of one Build.
type builder struct {
	noLint bool
	// noLegendTables reads every table as a table, none as a legend
	noLegendTables bool
	// tables counts the document's tables
	tables int
	// reserved are ids the page uses (WithReservedIDs)
	reserved []string
	src      *source.Document
	doc      *Document
	legend   *legend
	derived  bool
	parties  map[string]*Party
	order    []string
	aliases  map[string]string // folded spelling → party id
	kinds    map[string]string // configured party kinds
	ids      *ids.Registry     // ids given out (headings, matrices and rows)
	section  []Heading
	// sectionLines are the lines of section's headings
	sectionLines []int
	perSec       map[string]int
	// letters memoizes parseLetters by cell text (the legend is fixed
	// once the first pass is done): cells repeat ("RA", "I", "")
	letters map[string]*cellValue
	// classes memoizes classOf by cell text
	classes map[string]cellClass
	// named memoizes, by cell text, the text namesParties reads (notes
	// lifted)
	named map[string]string
	// aliasGen counts the spellings added to aliases (see cellNames)
	aliasGen int
	// headers memoizes headerParty's reading by header text
	headers map[string]headerName
	// folds memoizes fold by text: headers are folded by several
	// readings, party cells repeat ("IBM", "Customer")
	folds map[string]string
	// cellNames memoizes cellParties by text (see there)
	cellNames map[string]cellNames
	// spare is a shape classify dropped, for newShape to reuse
	spare *shape
	// responsible and accountable are the legend's letters for these
	// roles ("" when it has none), the legend being fixed once read
	responsible, accountable string
	// namesSeen are the names party registered as their own alias, with
	// their ids: registering them again changes nothing
	namesSeen map[string]string
}

// folded is fold(s), memoized.
func (b *builder) folded(s string) string {
	if f, ok := b.folds[s]; ok {
		return f
	}
	if b.folds == nil {
		b.folds = map[string]string{}
	}
	f := fold(s)
	b.folds[s] = f
	return f
}

// Build builds the responsibility model of doc. It never panics; a nil doc
// gives an empty Document.
func Build(doc *source.Document, opts ...Option) *Document {
	if doc == nil {
		doc = &source.Document{}
	}
	d := build(doc, false, opts)
	if len(d.LegendTables) > 0 && !usesLetters(d) && !legendHeaders(doc, d.LegendTables) {
		// a table of letters and texts that explains no matrix's
		// letters, under headers that do not say legend, is no legend
		// ("Plan | What you get" of "A", "B", "C"): read the document
		// again, its tables as tables
		d = build(doc, true, opts)
	}
	return d
}

// legendWords are the folded words of the headers that say a table is a
// legend ("Roles", "Letter | Meaning", "Rôle | Description"). "Key" is
// not one: it heads shortcut and data tables as often.
var legendWords = map[string]bool{
	"role": true, "roles": true, "legend": true, "legende": true, "letter": true, "letters": true,
	"lettre": true, "lettres": true, "raci": true, "rasci": true, "abbreviation": true,
}

// legendHeaders reports whether the header of one of doc's tables at the
// indexes says it is a legend.
func legendHeaders(doc *source.Document, indexes []int) bool {
	tables := doc.Tables()
	for _, i := range indexes {
		if i < 0 || i >= len(tables) {
			continue
		}
		for _, h := range tables[i].Header {
			for _, w := range strings.FieldsFunc(fold(h.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if legendWords[w] {
					return true
				}
			}
		}
	}
	return false
}

// usesLetters reports whether a matrix of d holds role letters: a RACI or
// check matrix, or a grid with a role column ("Who is accountable (A)").
func usesLetters(d *Document) bool {
	for _, m := range d.Matrices {
		if m.Kind == MatrixRACI || m.Kind == MatrixCheck {
			return true
		}
		for _, c := range m.Columns {
			if c.Letter != "" {
				return true
			}
		}
	}
	return false
}

// build is Build, legend tables read as tables when noLegendTables.
func build(doc *source.Document, noLegendTables bool, opts []Option) *Document {
	// the classes memo ends up holding about a tenth as many texts as
	// the tables have cells (a few hundred at most on real pages), the
	// party readings' about half that, the folds memo (headers and party
	// names) a quarter: sized so, they seldom grow (growing them took a
	// quarter of the time of a page of many short data cells)
	cells, rows, tables := tableCells(doc)
	memo := min(cells/8, 512)
	b := &builder{
		noLegendTables: noLegendTables, tables: tables,
		src: doc, doc: &Document{}, parties: map[string]*Party{}, aliases: map[string]string{},
		kinds: map[string]string{}, ids: ids.NewCap(rows + len(doc.Blocks)/4), perSec: map[string]int{},
		folds: make(map[string]string, memo/4), classes: make(map[string]cellClass, memo),
		cellNames: make(map[string]cellNames, memo/2),
	}
	for _, o := range opts {
		o(b)
	}
	for _, id := range b.reserved {
		b.ids.Reserve(id)
	}
	b.doc.File, b.doc.Title, b.doc.Meta = doc.File, doc.Title, doc.Meta
	b.readLegendAndNotes()
	b.readMatrices()
	b.finish()
	return b.doc
}

// tableCells counts the header and body cells, the body rows and the
// tables of doc.
func tableCells(doc *source.Document) (cells, rows, tables int) {
	for _, bl := range doc.Blocks {
		if bl.Table == nil {
			continue
		}
		tables++
		cells += len(bl.Table.Header)
		rows += len(bl.Table.Rows)
		for _, r := range bl.Table.Rows {
			cells += len(r.Cells)
		}
	}
	return cells, rows, tables
}

// diag records a structural finding.
func (b *builder) diag(code string, sev diag.Severity, line, col int, format string, args ...any) {
	b.doc.structural = append(b.doc.structural, newDiagnostic(b.src.File, code, sev, line, col, format, args...))
}

// readLegendAndNotes is the first pass: legend tables and lines, footnotes.
func (b *builder) readLegendAndNotes() {
	var entries []LegendEntry
	var para []source.Line
	flush := func() {
		entries = append(entries, legendFromParagraphs(para)...)
		para = para[:0] // (it does not keep the lines)
	}
	// a Markdown paragraph is one text wrapped over its lines
	wrapped := b.src.Format == "markdown"
	tables := 0
	for _, bl := range b.src.Blocks {
		switch {
		case bl.Kind == source.KindParagraph:
			b.readNotes(bl.Lines, wrapped)
			para = append(para, bl.Lines...)
		case bl.Kind == source.KindTable && bl.Table != nil:
			flush()
			if b.noLegendTables {
				// read as a table by the second pass
			} else if e, ok := legendFromTable(bl.Table); ok {
				entries = append(entries, e...)
				b.doc.LegendTables = append(b.doc.LegendTables, tables)
			}
			tables++
		default:
			flush()
		}
	}
	flush()
	if len(entries) == 0 {
		entries, b.derived = defaultLegend(), true
	}
	b.legend = newLegend(entries)
	b.responsible, b.accountable = b.legend.letterFor("responsible"), b.legend.letterFor("accountable")
}

// noteRE matches a footnote definition line other than "*text":
// "[^1]: …", "¹ …", "† …", "(1) …", "[*] …", "[1] …".
var noteRE = regexp.MustCompile(`^(†|‡|★|[¹²³⁴⁵⁶⁷⁸⁹]+|\[\^?[\w-]+\]:|\[(?:\*{1,3}|†|‡|\d{1,3})\]|\(\d{1,2}\))\s*(\S.*)$`)

// emphasizedLine returns the inside of a line that is all one emphasis,
// "*…*" or "_…_" (not "**…**"); ok is false otherwise.
func emphasizedLine(t string) (string, bool) {
	if _, ok := emphasisOpen(t); !ok || len(t) < 3 || t[len(t)-1] != t[0] || t[len(t)-2] == ' ' {
		return "", false
	}
	return t[1 : len(t)-1], true
}

// readNotes records the footnote definitions among the lines of a
// paragraph: "*Each execution …" (stars directly followed by text),
// "[^1]: …", "¹ …", "† …", "(1) …", each maybe in italics. When wrapped
// (Markdown, where a paragraph is one text however its lines break), the
// lines after a definition, up to the next one or a legend line, go on
// with its text, and its italics may close on the last of them ("*(1) The
// backbone is …" / "… the provider's network.*").
func (b *builder) readNotes(lines []source.Line, wrapped bool) {
	for i := 0; i < len(lines); {
		end := i + 1 // the definition's lines are lines[i:end]
		if wrapped && startsNote(strings.TrimSpace(lines[i].Text)) {
			for end < len(lines) && continuesNote(strings.TrimSpace(lines[end].Text)) {
				end++
			}
		}
		b.doc.Notes = append(b.doc.Notes, readNote(lines[i:end])...)
		i = end
	}
}

// startsNote reports whether a line, trimmed, starts a footnote
// definition, maybe in italics that close on a later line.
func startsNote(t string) bool {
	if _, _, ok := noteDefinition(t); ok {
		return true
	}
	if inner, ok := emphasisOpen(t); ok {
		_, _, ok = noteDefinition(inner)
		return ok
	}
	return false
}

// continuesNote reports whether a line, trimmed, of a wrapped paragraph
// goes on with the footnote definition above it: it is neither another
// definition nor a legend line ("R = Responsible"), nor blank.
func continuesNote(t string) bool {
	if t == "" || startsNote(t) {
		return false
	}
	_, _, _, legend := parseLegendLine(t)
	return !legend
}

// emphasisOpen returns what follows a line's opening "*" or "_" of
// emphasis (not "**", nor a bullet's "* "); ok is false when it opens
// none.
func emphasisOpen(t string) (string, bool) {
	if len(t) < 2 || (t[0] != '*' && t[0] != '_') || t[1] == t[0] || t[1] == ' ' {
		return "", false
	}
	return t[1:], true
}

// readNote reads a footnote definition from its lines: the first gives
// the mark, all of them, joined, the text. A definition that reads as
// such only on its first line (stars then text, "*Each execution of" /
// "the *job*") keeps that line's mark, the others going on with its text.
// nil when the lines define no note.
func readNote(lines []source.Line) []Note {
	line := lines[0].Pos.Line
	first := strings.TrimSpace(lines[0].Text)
	whole := first
	if len(lines) > 1 {
		parts := make([]string, len(lines))
		for i, l := range lines {
			parts[i] = strings.TrimSpace(l.Text)
		}
		whole = strings.Join(parts, " ")
	}
	if notes := notesIn(whole, line); notes != nil || len(lines) == 1 {
		return notes
	}
	notes := notesIn(first, line)
	if len(notes) == 1 {
		notes[0].Text = plain(notes[0].Text + " " + whole[len(first):])
	}
	return notes
}

// notesIn reads the footnote definitions a text, one line or a
// definition's lines joined, makes, their texts plain as activities are:
// one, or one per piece of "★ = AI-specific | \* = Critical" when every
// piece is one, maybe in italics; nil when it makes none.
func notesIn(t string, line int) []Note {
	marker, text, ok := noteDefinition(t)
	if inner, em := emphasizedLine(t); !ok && em {
		// "*(1) The backbone is the provider's network.*": the
		// note in italics
		t = inner
		marker, text, ok = noteDefinition(t)
	}
	if !ok {
		return nil
	}
	if parts := strings.Split(t, " | "); len(parts) > 1 {
		var notes []Note
		for _, part := range parts {
			m, x, ok := noteDefinition(strings.TrimSpace(part))
			if !ok {
				notes = nil
				break
			}
			notes = append(notes, Note{Marker: m, Text: plain(x), Line: line})
		}
		if notes != nil {
			return notes
		}
	}
	return []Note{{Marker: marker, Text: plain(text), Line: line}}
}

// noteText is a footnote definition's text less the "=" or ":" that may
// join it to its mark ("★ = AI-specific").
func noteText(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 1 && (s[0] == '=' || s[0] == ':') && (s[1] == ' ' || s[1] == '\t') {
		s = strings.TrimSpace(s[1:])
	}
	return s
}

// noteDefinition splits a footnote definition line into mark and text.
func noteDefinition(t string) (marker, text string, ok bool) {
	if t == "" || t[0] < utf8.RuneSelf && t[0] != '\\' && t[0] != '*' && t[0] != '[' && t[0] != '(' && t[0] != '<' && t[0] != '`' {
		return "", "", false // every mark starts so (most lines: spare the looks below)
	}
	if t[0] == '`' {
		// "`[*]` Recovered components have no data reloaded.": the
		// mark in a code span, as the cells write it
		end := strings.IndexByte(t[1:min(len(t), 12)], '`')
		if end <= 0 {
			return "", "", false
		}
		mark := t[1 : 1+end]
		if m, x, ok := noteDefinition(mark + " " + strings.TrimSpace(t[2+end:])); ok && m == normalizeMarker(mark) {
			return m, x, true
		}
		return "", "", false
	}
	if t[0] == '<' {
		return supDefinition(t)
	}
	if escaped := strings.TrimLeft(t, `\*`); len(escaped) < len(t) && strings.HasPrefix(t, `\*`) {
		// "\* Only on request.": stars escaped so as not to make a list
		marks := strings.ReplaceAll(t[:len(t)-len(escaped)], `\`, "")
		if len(marks) <= 3 && strings.Count(t[:len(t)-len(escaped)], `\`) == len(marks) && strings.TrimSpace(escaped) != "" {
			return marks, noteText(escaped), true
		}
	}
	if stars := len(t) - len(strings.TrimLeft(t, "*")); stars > 0 && stars <= 3 {
		rest := t[stars:]
		if rest == "" || rest[0] == ' ' || strings.HasSuffix(rest, "*") {
			return "", "", false // a bullet or emphasis, not a note
		}
		if stars > 1 && strings.Contains(rest, t[:stars]) {
			return "", "", false // "**Important** : …": bold, not a note
		}
		if i := strings.IndexByte(rest, '*'); stars == 1 && i > 0 && rest[i-1] != ' ' && rest[i-1] != '\t' {
			// "*Note*: backups run daily.": the first star after the
			// text closes the one before it, an emphasis ("*Each run
			// of the *job*": one opening, after a blank, does not)
			return "", "", false
		}
		return t[:stars], noteText(rest), true
	}
	if t == "" || t[0] != '[' && t[0] != '(' && t[0] < utf8.RuneSelf {
		return "", "", false // noteRE's marks start so: spare the regexp
	}
	m := noteRE.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	return normalizeMarker(strings.TrimSuffix(m[1], ":")), noteText(m[2]), true
}

// supDefinition splits a footnote definition whose mark is written in
// raw HTML, "<sup>1</sup> Within 24 hours.", into mark and text: the mark
// is one plaintext.Mark reads (1 to 3 digits, or up to three "*", "†" or "‡").
func supDefinition(t string) (marker, text string, ok bool) {
	const open, end = "<sup>", "</sup>"
	if !lower.HasPrefix(t, open) {
		return "", "", false
	}
	i := lower.Index(t[:min(len(t), 32)], end)
	if i < 0 {
		return "", "", false
	}
	mark, rest := t[len(open):i], strings.TrimSpace(t[i+len(end):])
	if rest == "" || plaintext.Mark(mark) == "" {
		return "", "", false
	}
	return normalizeMarker(strings.TrimSpace(mark)), noteText(rest), true
}

// readMatrices is the second pass: section path and matrices.
func (b *builder) readMatrices() {
	legends := map[int]bool{}
	for _, i := range b.doc.LegendTables {
		legends[i] = true
	}
	tables := -1
	if n := b.tables - len(b.doc.LegendTables); n > 0 {
		b.doc.Matrices = make([]Matrix, 0, n) // room for a matrix per table
	}
	for i, bl := range b.src.Blocks {
		switch {
		case bl.Kind == source.KindHeading && bl.Heading != nil:
			b.enter(readHeading(bl.Heading), bl.Heading.Pos.Line)
		case bl.Kind == source.KindTable && bl.Table != nil:
			tables++
			if legends[tables] {
				continue // read by the first pass
			}
			t := withHeader(bl.Table)
			var sh *shape
			var ok bool
			// a title in the header row: read under the row after it,
			// when that makes a matrix
			titled := b.titleRow(t)
			if titled != nil {
				if sh, ok = b.classify(titled, true); ok && !sh.transposed {
					t = titled
				} else {
					titled = nil
				}
			}
			if titled == nil {
				sh, ok = b.classify(t, true)
			}
			if ok {
				m := b.matrix(sh, t)
				m.Table, m.TitleRow = tables, titled != nil
				if len(m.Rows) == 0 {
					b.noRows(t, b.src.Blocks[i+1:])
				}
				b.doc.Matrices = append(b.doc.Matrices, m)
			}
		}
	}
}

// noRows reports a matrix of a header and no rows (TBL005), pointing at
// the paragraph of pipe rows below it when there is one: a blank line
// after the header ends the table, and makes the rows text.
func (b *builder) noRows(t *source.Table, next []source.Block) {
	if len(next) > 0 && next[0].Kind == source.KindParagraph && len(next[0].Lines) > 0 && strings.HasPrefix(next[0].Lines[0].Text, "|") {
		b.diag(CodeNoRows, SevWarning, t.Pos.Line, t.Pos.Col,
			"table has a header but no rows; the lines from line %d read as a paragraph, as a blank line after the header ends the table", next[0].Lines[0].Pos.Line)
		return
	}
	b.diag(CodeNoRows, SevWarning, t.Pos.Line, t.Pos.Col, "table has a header but no rows")
}

// withHeader uses the first row as header when a table has none.
func withHeader(t *source.Table) *source.Table {
	if len(t.Header) > 0 || len(t.Rows) == 0 {
		return t
	}
	c := *t
	c.Header, c.Rows = t.Rows[0].Cells, t.Rows[1:]
	return &c
}

// titleRow returns t read with its first body row as the header and its
// header's title as its caption (after the one it has), when the header
// row holds nothing but that title, in its first cell, over a row naming
// every column but the first ("| Shared responsibilities | | |" then
// "| Task | Provider | Customer |"): a table converted from HTML whose
// title row spanned it. Nil otherwise: a first cell naming the activity
// column ("| Activity | | |") is no title, nor a row of role letters or
// marks a header.
func (b *builder) titleRow(t *source.Table) *source.Table {
	if len(t.Header) < 2 || len(t.Rows) < 2 || blankCell(t.Header[0]) || len(t.Rows[0].Cells) != len(t.Header) ||
		activityHeaders[b.folded(t.Header[0].Text)] {
		return nil
	}
	for _, c := range t.Header[1:] {
		if !blankCell(c) {
			return nil
		}
	}
	for _, c := range t.Rows[0].Cells[1:] {
		if blankCell(c) || b.classOf(c.Text) != classOther {
			return nil
		}
	}
	c := *t
	c.Header, c.Rows = t.Rows[0].Cells, t.Rows[1:]
	c.Caption = strings.TrimSpace(t.Caption + " " + t.Header[0].Text)
	return &c
}

// enter puts a heading on the section path.
func (b *builder) enter(h Heading, line int) {
	for len(b.section) > 0 && b.section[len(b.section)-1].Level >= h.Level {
		b.section = b.section[:len(b.section)-1]
		b.sectionLines = b.sectionLines[:len(b.sectionLines)-1]
	}
	b.section = append(b.section, h)
	b.sectionLines = append(b.sectionLines, line)
	if h.Anchor != "" {
		b.ids.Reserve(h.Anchor)
	}
}

// sectionBase is the id stem of the current section: its anchor, else its
// number, else its text.
func (b *builder) sectionBase() string {
	if len(b.section) == 0 {
		return "responsibilities"
	}
	h := b.section[len(b.section)-1]
	for _, s := range []string{h.Anchor, h.Number, h.Text} {
		if id := slug(s, 40); id != "" {
			return id
		}
	}
	return "section"
}

// caption derives a caption from the section path ("3.1.1 Daily
// operations"): the nearest heading with text, else the title, else
// "Responsibilities".
func (b *builder) caption() string {
	// the nearest heading that says something: an empty one ("##", a
	// keyword resolved to nothing) names no table
	for i := len(b.section) - 1; i >= 0; i-- {
		h := b.section[i]
		if c := strings.TrimSpace(h.Number + " " + h.Text); c != "" {
			return c
		}
	}
	if t := strings.TrimSpace(b.doc.Title); t != "" {
		return t
	}
	return "Responsibilities"
}

// matrix builds a Matrix from a classified table.
func (b *builder) matrix(sh *shape, src *source.Table) Matrix {
	t := sh.table
	base := b.sectionBase()
	b.perSec[base]++
	m := Matrix{Kind: sh.kind, Caption: t.Caption, Section: append([]Heading{}, b.section...), sectionLines: append([]int(nil), b.sectionLines...),
		Transposed: sh.transposed, Line: src.Pos.Line}
	if strings.TrimSpace(m.Caption) == "" {
		m.Caption = b.caption() // caption="   " says nothing either
	}
	if t.ID != "" {
		m.ID, m.explicitID = t.ID, true
		b.ids.Reserve(t.ID)
	} else {
		m.ID = b.ids.Unique(base+"-table-"+strconv.Itoa(b.perSec[base]), "")
	}
	if !src.Raw {
		m.Anchor = m.ID // a raw HTML table is shown as written, with no id
	}
	if sh.transposed {
		b.diag("TBL009", SevInfo, m.Line, src.Pos.Col, "table has the parties down its first column; read transposed")
	}
	if g := groupColumn(sh); g >= 0 {
		sh.cols[g].Role = ColGroup
	}
	m.Columns = b.columns(sh)
	for _, c := range m.Columns {
		if c.Role == ColParty {
			m.parties++
		}
	}
	if m.Kind == MatrixGrid {
		b.gridParties(t, m.Columns)
	}
	m.Rows = make([]Row, 0, len(t.Rows)) // [] in JSON for a table of no rows
	// the party cells' assignments of all rows, allocated at once: a
	// slice of it per row
	slab := make([]Assignment, len(t.Rows)*m.parties)
	heads := headingRows(sh)
	group := ""
	for n, r := range t.Rows {
		if heads != nil && heads[n] {
			row := b.headingRow(&m, r, n, base)
			group = row.ID
			m.Rows = append(m.Rows, row)
			continue
		}
		row := b.row(&m, r, n, base, slab[n*m.parties:n*m.parties:(n+1)*m.parties])
		row.Group = group
		m.Rows = append(m.Rows, row)
	}
	return m
}

// headingRows tells which body rows of the shape's table are group
// headings (Row.Heading); nil when none is. A row is one when its
// activity cell is its only cell with text and the row is that one cell,
// or the cell is all bold; bold rows head groups only in a table with a
// row that assigns something under an activity not in bold (in a table
// of bold activities, a bold row of blank cells is an activity no one
// holds). A column before the activity's may name the groups instead
// (ColGroup, "Timeline": "**Day 0**", then blank beside the activities of
// day 0): its rows with text are the headings. Transposed tables have
// none.
func headingRows(sh *shape) []bool {
	act := sh.activity()
	if act < 0 || len(sh.cols) < 2 || sh.transposed {
		return nil
	}
	for g, c := range sh.cols {
		if c.Role == ColGroup {
			heads := make([]bool, len(sh.table.Rows))
			for n, r := range sh.table.Rows {
				heads[n] = g < len(r.Cells) && !blankCell(r.Cells[g])
			}
			return heads
		}
	}
	var heads []bool
	plainRows := false // a row assigning something, its activity not bold
	for n, r := range sh.table.Rows {
		if act >= len(r.Cells) || blankCell(r.Cells[act]) {
			continue
		}
		only := true
		for i, c := range r.Cells {
			if i != act && !blankCell(c) {
				only = false
				break
			}
		}
		bold := allBold(r.Cells[act].Raw)
		switch {
		case !only:
			plainRows = plainRows || !bold
		case bold && hasLetter(r.Cells[act].Text), len(r.Cells) == 1 && nameLike(r.Cells[act].Text):
			if heads == nil {
				heads = make([]bool, len(sh.table.Rows))
			}
			heads[n] = true
		}
	}
	if !plainRows {
		return nil
	}
	return heads
}

// groupColumn returns the index of a column of the shape, before the
// activity column, that names the groups of rows (ColGroup): a column of
// unknown role, or a qualifier's, whose cells are blank but in rows where
// it is the only cell with text, a name (bold or nameLike), of which there
// is one at least, and there is an activity; -1 when there is no such
// column. Transposed tables have none.
func groupColumn(sh *shape) int {
	act := sh.activity()
	if act < 0 || sh.transposed {
		return -1
	}
	rows := sh.table.Rows
	activities := false
	for _, r := range rows {
		if act < len(r.Cells) && !blankCell(r.Cells[act]) {
			activities = true
			break
		}
	}
	if !activities {
		return -1
	}
	for g := 0; g < act; g++ {
		if r := sh.cols[g].Role; r != ColUnknown && r != ColQualifier {
			continue
		}
		named := false
		for _, r := range rows {
			if g >= len(r.Cells) || blankCell(r.Cells[g]) {
				continue
			}
			c := r.Cells[g]
			if !onlyCell(r, g) || !allBold(c.Raw) && !nameLike(c.Text) {
				named = false
				break
			}
			named = true
		}
		if named {
			return g
		}
	}
	return -1
}

// onlyCell reports whether cell i is the only cell of r with text.
func onlyCell(r source.Row, i int) bool {
	for j, c := range r.Cells {
		if j != i && !blankCell(c) {
			return false
		}
	}
	return true
}

// nameLike reports whether the text of a row's only cell reads as a
// group's name: a few words with a letter, not the end of a sentence (".
// |", the rest of a cell its author broke over two lines).
func nameLike(text string) bool {
	text = strings.TrimSpace(text)
	return len(text) <= longCell && hasLetter(text) && !strings.ContainsAny(text[len(text)-1:], ".,;:")
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// blankCell reports whether a cell holds no text.
func blankCell(c source.Cell) bool {
	return len(c.Items) == 0 && strings.TrimSpace(c.Text) == ""
}

// allBold reports whether a cell as written is one run of bold text:
// "**Compute**", "__Compute__", "<strong>Compute</strong>" or
// "<b>Compute</b>".
func allBold(raw string) bool {
	raw = strings.TrimSpace(raw)
	for _, d := range [...][2]string{{"**", "**"}, {"__", "__"}, {"<strong>", "</strong>"}, {"<b>", "</b>"}} {
		if len(raw) > len(d[0])+len(d[1]) && lower.HasPrefix(raw, d[0]) && lower.Equal(raw[len(raw)-len(d[1]):], d[1]) {
			inner := raw[len(d[0]) : len(raw)-len(d[1])]
			return strings.TrimSpace(inner) != "" && lower.Index(inner, d[1]) < 0
		}
	}
	return false
}

// headingRow builds the Row of a group heading: its activity and notes,
// no assignments.
func (b *builder) headingRow(m *Matrix, r source.Row, n int, base string) Row {
	row := Row{Line: r.Pos.Line, Heading: true, Ownership: OwnerUnknown, Assignments: map[string]*Assignment{}, cells: len(r.Cells)}
	for i := range r.Cells {
		// the row's only cell with text: the activity's, or that of
		// the column naming the groups (groupColumn)
		if !blankCell(r.Cells[i]) {
			c := r.Cells[i]
			var marks []string
			row.Activity, marks = liftNotes(plain(c.Text))
			row.activityRaw, row.activityAt = c.Raw, c.Pos
			row.Notes = b.resolveNotes(marks, row.Line, m.Line)
			break
		}
	}
	row.ID = b.ids.Unique(rowIDBase(base, row.Activity, n), "")
	return row
}

// columns registers the party columns' parties and returns the columns.
func (b *builder) columns(sh *shape) []Column {
	cols := sh.cols // the shape is dropped once its matrix is built
	used := map[string]int{}
	for i := range cols {
		c := &cols[i]
		switch c.Role {
		case ColParty:
			c.Party = b.party(sh.names[i], plain(c.Header), c.line)
			if prev, dup := used[c.Party]; dup {
				b.diag("TBL004", SevError, c.line, c.col, "columns %d and %d both name party %q; column %d is kept as party %q",
					prev+1, i+1, c.Party, i+1, c.Party+"-"+fmt.Sprint(i+1))
				c.Party = b.partyAs(c.Party+"-"+fmt.Sprint(i+1), b.parties[c.Party].Kind, sh.names[i], plain(c.Header), c.line)
			}
			used[c.Party] = i
		case ColUnknown:
			b.diag("TBL003", SevWarning, c.line, c.col, "column %d %q is neither activity, party, qualifier nor comment; its cells are kept as extra", i+1, c.Header)
		}
	}
	return cols
}

// partyAs registers a party under a given id and kind: a column that
// names a party another column names already (its kind is that party's:
// "Customer" and "Client" both name the customer).
func (b *builder) partyAs(id, kind, name, alias string, line int) string {
	if _, ok := b.parties[id]; !ok {
		b.parties[id] = &Party{ID: id, Name: name, Kind: kind, line: line}
		b.order = append(b.order, id)
	}
	p := b.parties[id]
	p.Aliases = appendUnique(p.Aliases, alias)
	p.names = appendUnique(p.names, name)
	return id
}

// row builds one Row; assigned has room for the party cells' assignments.
func (b *builder) row(m *Matrix, r source.Row, n int, base string, assigned []Assignment) Row {
	row := Row{Line: r.Pos.Line, Assignments: make(map[string]*Assignment, m.parties), cells: len(r.Cells)}
	var marks []string
	for i, col := range m.Columns {
		c, present := source.Cell{}, i < len(r.Cells)
		if present {
			c = r.Cells[i]
		}
		switch col.Role {
		case ColActivity:
			var ms []string
			row.Activity, ms = liftNotes(plain(c.Text))
			row.activityRaw, row.activityAt = c.Raw, c.Pos
			marks = append(marks, ms...)
		case ColParty:
			assigned = append(assigned, b.assignment(m.Kind, c, r.Pos.Line))
			a := &assigned[len(assigned)-1]
			if a.parsed != nil {
				marks = append(marks, a.parsed.marks...)
			}
			row.Assignments[col.Party] = a
		case ColQualifier:
			b.qualifier(&row, col.Key, c.Text)
		case ColComment:
			row.Comment = joinNonEmpty(row.Comment, plain(c.Text))
			if row.commentRaw == "" {
				row.commentAt = c.Pos
			}
			row.commentRaw = joinNonEmpty(row.commentRaw, c.Raw)
		case ColCategory:
			marks = append(marks, b.category(&row, col, c, r.Pos.Line)...)
		default:
			if present {
				row.Extra = append(row.Extra, extra(i, col.Header, c))
			}
		}
	}
	for i := len(m.Columns); i < len(r.Cells); i++ {
		row.Extra = append(row.Extra, extra(i, "", r.Cells[i]))
	}
	b.rowShape(m, &row, r)
	row.Notes = b.resolveNotes(marks, row.Line, m.Line)
	row.Ownership = b.ownership(&row)
	row.ID = b.ids.Unique(rowIDBase(base, row.Activity, n), "")
	return row
}

// rowIDBase returns the id the nth row (0-based) of a table under the
// section id base asks for, before it is made unique: base, "-", and the
// slug of the row's activity, or "row-" and the row's number when that is
// empty. It builds the id in one piece.
func rowIDBase(base, activity string, n int) string {
	var buf [128]byte
	id := append(append(buf[:0], base...), '-')
	from := len(id) // the slug is id[from:]
	if out, ok := appendSlugASCII(id, activity, 60); ok {
		id = out[:from+trimmedSlugLen(out[from:], 60)]
	} else {
		id = append(id, slug(activity, 60)...)
	}
	if len(id) == from {
		id = strconv.AppendInt(append(id, "row-"...), int64(n+1), 10)
	}
	return string(id)
}

// rowShape reports a row shorter or longer than its header.
func (b *builder) rowShape(m *Matrix, row *Row, r source.Row) {
	switch width := len(m.Columns); {
	case len(r.Cells) < width:
		b.diag("TBL001", SevWarning, r.Pos.Line, r.Pos.Col, "row has %d cells, the header %d; the missing cells read as empty", len(r.Cells), width)
	case len(r.Cells) > width:
		col := r.Cells[width].Pos.Col
		b.diag("TBL002", SevError, r.Pos.Line, col, "row has %d cells, the header %d; the extra cells are kept as extra", len(r.Cells), width)
	}
}

// extra wraps a cell of no known column.
func extra(i int, header string, c source.Cell) ExtraCell {
	return ExtraCell{Index: i, Header: header, Text: c.Text, Raw: c.Raw, Line: c.Pos.Line, Col: c.Pos.Col}
}

// joinNonEmpty joins two texts with a new line, skipping empty ones.
func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// qualifier records a qualifier cell; a "*" means all.
func (b *builder) qualifier(row *Row, key, text string) {
	v := plain(text)
	if v == "" {
		return
	}
	if v == "*" {
		v = "all"
	}
	if row.Qualifiers == nil {
		row.Qualifiers = map[string]string{}
	}
	row.Qualifiers[key] = joinNonEmpty(row.Qualifiers[key], v)
}

// parseLetters is parseLetters with the document's legend, memoized: the
// value is shared by the cells of the same text, and never changed (copy
// its slices before handing them out).
func (b *builder) parseLetters(text string) *cellValue {
	if v, ok := b.letters[text]; ok {
		return v
	}
	if b.letters == nil {
		b.letters = map[string]*cellValue{}
	}
	v := parseLetters(text, b.legend)
	b.letters[text] = &v
	return &v
}

// classOf is classifyLetters with the document's legend, memoized (a
// parsed value, when there is one, tells it too).
func (b *builder) classOf(text string) cellClass {
	if c, ok := b.classes[text]; ok {
		return c
	}
	var c cellClass
	if v, ok := b.letters[text]; ok {
		c = v.class()
	} else {
		c = classifyLetters(text, b.legend)
	}
	if b.classes == nil {
		b.classes = map[string]cellClass{}
	}
	b.classes[text] = c
	return c
}

// own returns a copy of s, nil for nil.
func own(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

// assignment normalizes one party cell.
func (b *builder) assignment(kind string, c source.Cell, line int) Assignment {
	var v *cellValue
	var roles, duties []string
	if kind == MatrixProse {
		p := parseDuties(c)
		b.liftDutyNotes(&p)
		v, duties = &p, p.duties
	} else {
		v = b.parseLetters(c.Text) // shared: the slices handed out are copies
		roles, duties = own(v.roles), own(v.duties)
		if v.check {
			roles = []string{b.responsibleLetter()}
		}
	}
	a := Assignment{Roles: roles, Duties: duties, Status: v.status, Raw: c.Raw, Line: c.Pos.Line, Col: c.Pos.Col, parsed: v, text: c.Text}
	if a.Raw == "" {
		a.Raw = c.Text
	}
	if a.Line == 0 && c.Text != "" {
		a.Line = line
	}
	if a.Roles == nil {
		a.Roles = []string{}
	}
	if a.Duties == nil {
		a.Duties = []string{}
	}
	return a
}

// liftDutyNotes lifts the footnote marks prose duties end with ("Recover
// the components. [*]") off them into v's marks, when the document defines
// each of them: a duty may end with what only looks like a mark ("Allow
// the wildcard *").
func (b *builder) liftDutyNotes(v *cellValue) {
	if len(b.doc.Notes) == 0 {
		return // most documents: spare the looks below
	}
	for i, d := range v.duties {
		if !endsLikeMark(d) {
			continue
		}
		text, marks := liftNotes(d)
		if len(marks) == 0 || text == "" || !b.definesNotes(marks) {
			continue
		}
		v.duties[i] = text
		v.marks = append(v.marks, marks...)
	}
}

// definesNotes reports whether the document defines every one of marks.
func (b *builder) definesNotes(marks []string) bool {
	for _, mk := range marks {
		if _, ok := b.findNote(mk, 0); !ok {
			return false
		}
	}
	return true
}

// responsibleLetter is the legend's letter for "responsible" (R by default).
func (b *builder) responsibleLetter() string {
	if b.responsible != "" {
		return b.responsible
	}
	return "R"
}

// category reads a grid cell: the parties it names hold role R for the
// category, which is added to their duties; in a role column ("Who is
// accountable (A)") they hold the column's role instead, and a cell that
// names no known party names parties of its own ("IBM, service owner").
// It returns the footnote marks lifted off the cell.
func (b *builder) category(row *Row, col Column, c source.Cell, line int) []string {
	text, marks := liftNotes(plain(c.Text))
	a := &Assignment{Roles: []string{}, Duties: []string{}, Raw: c.Raw, Line: c.Pos.Line, Col: c.Pos.Col, text: c.Text}
	if a.Raw == "" {
		a.Raw = c.Text
	}
	if marks != nil {
		a.parsed = &cellValue{marks: marks}
	}
	if row.Categories == nil {
		row.Categories = map[string]*Assignment{}
	}
	row.Categories[col.Key] = a
	if a.Status = blankStatus(text); a.Status != "" {
		return marks
	}
	a.Status = StatusFilled
	names, shared, ok := b.gridCellParties(c, text)
	if !ok && col.Letter != "" {
		names, ok = roleCellParties(text)
	}
	switch {
	case shared:
		a.Parties = []string{b.providerID(line), b.party("Customer", "", line)}
		for _, n := range names { // items beside "Shared": "- Shared" "- Partner"
			a.Parties = appendUnique(a.Parties, b.party(n, n, line))
		}
	case ok:
		for _, n := range names {
			a.Parties = append(a.Parties, b.party(n, n, line))
		}
		// a remark after the names is kept: "Customer (3rd Party
		// Vendor/Open Source community)"
		if m := findParen(text); m != "" {
			a.Duties = []string{strings.Trim(strings.TrimSpace(m), "()")}
		}
	default:
		a.Duties = []string{text}
	}
	letter := col.Letter
	if letter == "" {
		letter = b.responsibleLetter()
	}
	for _, id := range a.Parties {
		held := row.Assignments[id]
		if held == nil {
			held = &Assignment{Roles: []string{}, Duties: []string{}, Status: StatusFilled}
			row.Assignments[id] = held
		}
		if !slices.Contains(held.Roles, letter) {
			// (held.Roles is in legend order already)
			held.Roles = b.legend.order(append(held.Roles, letter))
		}
		if col.Letter == "" {
			held.Duties = append(held.Duties, plain(col.Header))
		}
		held.Raw = joinNonEmpty(held.Raw, c.Text)
	}
	return marks
}

// gridCellParties reads the parties a grid cell names: for a cell of list
// items or lines, each item as names ("- SAP" "- Customer") when they all
// name parties; else its text (notes lifted) as one name or a list ("IBM
// and you").
func (b *builder) gridCellParties(c source.Cell, text string) (names []string, shared, ok bool) {
	if len(c.Items) > 1 {
		if names, shared, ok = b.itemParties(c.Items); ok {
			return names, shared, ok
		}
	}
	return b.cellParties(text)
}

// itemParties reads the parties the items of a cell name; ok is false
// unless every item names some.
func (b *builder) itemParties(items []string) (names []string, shared, ok bool) {
	for _, it := range items {
		t, _ := liftNotes(plain(it))
		ns, sh, ok := b.cellParties(t)
		if !ok {
			return nil, false, false
		}
		shared = shared || sh
		for _, n := range ns {
			names = appendUnique(names, n)
		}
	}
	return names, shared, true
}

// roleCellParties reads the cell of a role column as party names: short
// pieces separated by commas, slashes, "and" or "or" ("IBM, service
// owner").
func roleCellParties(text string) ([]string, bool) {
	text = dropParen(text) // "Customer (3rd Party Vendor/…)"
	if len(text) > 80 || strings.ContainsAny(text, ".:;()") {
		return nil, false
	}
	var names []string
	for _, p := range splitParties(text, roleCellWords) {
		p = strings.TrimSpace(p)
		if p == "" || len(strings.Fields(p)) > 6 {
			return nil, false
		}
		names = append(names, p)
	}
	return names, len(names) > 0
}

// gridParties registers the parties a grid's cells name, in reading order,
// before any "Shared" cell needs the provider.
func (b *builder) gridParties(t *source.Table, cols []Column) {
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i >= len(cols) || cols[i].Role != ColCategory {
				continue
			}
			text, _ := liftNotes(plain(c.Text))
			names, _, ok := b.gridCellParties(c, text)
			if !ok && cols[i].Letter != "" && blankStatus(text) == "" {
				names, ok = roleCellParties(text)
			}
			if ok {
				for _, n := range names {
					b.party(n, n, c.Pos.Line)
				}
			}
		}
	}
}

// resolveNotes turns footnote marks into notes with the document's text.
func (b *builder) resolveNotes(marks []string, rowLine, tableLine int) []Note {
	if len(marks) == 0 {
		return nil // most rows: spare the map
	}
	var out []Note
	seen := map[string]bool{}
	for _, mk := range marks {
		if seen[mk] {
			continue
		}
		seen[mk] = true
		n, ok := b.findNote(mk, tableLine)
		if !ok {
			n = Note{Marker: mk, Line: rowLine}
			b.diag("NOTE001", SevWarning, rowLine, 0, "footnote mark %q has no definition in the document", mk)
		}
		out = append(out, n)
	}
	return out
}

// findNote finds the definition of a mark: the first after the table, else
// the first anywhere.
func (b *builder) findNote(mark string, after int) (Note, bool) {
	var first *Note
	for i := range b.doc.Notes {
		n := &b.doc.Notes[i]
		if n.Marker != mark {
			continue
		}
		if n.Line >= after {
			return *n, true
		}
		if first == nil {
			first = n
		}
	}
	if first != nil {
		return *first, true
	}
	return Note{}, false
}

// ownership derives who owns a row from who holds R or A (letter, check
// and grid matrices) or has duties (prose): provider and third parties are
// the provider side.
func (b *builder) ownership(row *Row) string {
	var provider, customer bool
	for id, a := range row.Assignments {
		if !b.holds(a) {
			continue
		}
		if p := b.parties[id]; p != nil && p.Kind == KindCustomer {
			customer = true
		} else {
			provider = true
		}
	}
	switch {
	case provider && customer:
		return OwnerShared
	case provider:
		return OwnerProvider
	case customer:
		return OwnerCustomer
	}
	return OwnerUnknown
}

// holds reports whether an assignment makes its party an owner.
func (b *builder) holds(a *Assignment) bool {
	if len(a.Duties) > 0 && len(a.Roles) == 0 {
		return true
	}
	for _, l := range a.Roles {
		if l == b.responsible || l == b.accountable {
			return true
		}
	}
	return false
}

// finish fills the document: parties, legend, findings.
func (b *builder) finish() {
	d := b.doc
	d.Parties = make([]Party, 0, len(b.order))
	for _, id := range b.order {
		p := *b.parties[id]
		if p.Aliases == nil {
			p.Aliases = []string{}
		}
		d.Parties = append(d.Parties, p)
	}
	d.Legend = b.legend.entries
	if b.derived && d.hasKind(MatrixRACI) {
		b.diag("DOC002", SevInfo, 1, 1, "the document defines no legend; plain RACI (Responsible, Accountable, Consulted, Informed) is assumed")
	}
	if d.Parties == nil {
		d.Parties = []Party{}
	}
	if d.Matrices == nil {
		d.Matrices = []Matrix{}
	}
	if d.Notes == nil {
		d.Notes = []Note{}
	}
	d.lg = b.legend
	if b.noLint {
		d.Diagnostics = append([]Diagnostic{}, d.structural...)
		sortDiagnostics(d.Diagnostics)
		return
	}
	d.Diagnostics = d.Lint(LintConfig{})
}

// hasKind reports whether the document has a matrix of kind k.
func (d *Document) hasKind(k string) bool {
	for _, m := range d.Matrices {
		if m.Kind == k {
			return true
		}
	}
	return false
}

// sortDiagnostics orders findings by line, column and code.
func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Line != ds[j].Line {
			return ds[i].Line < ds[j].Line
		}
		if ds[i].Col != ds[j].Col {
			return ds[i].Col < ds[j].Col
		}
		return ds[i].Code < ds[j].Code
	})
}
