package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/diag"
	"gopkg.in/yaml.v3"
)

// newDiag makes a diagnostic about the input file at p: a table that could
// not be read completely, a cell that was repeated to fill a span, and so
// on. Readers never fail; they report what they could not read cleanly as
// diagnostics. Positions are 1-based: an unknown column (0) points at the
// line's start, an unknown line at the first.
func newDiag(file string, sev diag.Severity, msg string, p Pos, code string) diag.Diagnostic {
	return diag.Diagnostic{Code: code, Severity: sev, Message: msg, File: file, Line: max(p.Line, 1), Col: max(p.Col, 1)}
}

// Diagnostic codes reported by FromText.
const (
	codeTextIncompleteRow = "text-incomplete-row"
	codeTextInvalidUTF8   = "text-invalid-utf8"
)

// FromText reads plain text copied from a web page: prose lines and tables
// flattened to one cell per line. A table is recognised by a run of 2 to 6
// short header lines (a first column such as "Component", "Activity" or
// "Task" followed by party columns such as "PTC Responsibilities" or
// "Customer"); the following lines are taken as body rows, as many lines per
// row as there are header lines, until a line that clearly is not a cell
// (page boilerplate such as "Was this helpful?", a blank line inside a row,
// a new header) or the end of input. A table copied with its cells
// separated by tabs, a row per line, is read so (see tabRun); a line
// without a tab between its rows continues the cell before it. Lines that
// belong to no table become paragraphs (blank lines separate paragraphs);
// the very first line becomes a level-1 heading and the document title
// when it is short and has no terminal punctuation.
//
// Double-spaced text (a blank line after every line, as pages that make
// each line a paragraph copy) is read as the same text without those
// blank lines, each line outside a table a paragraph of its own.
//
// YAML front matter at the very start ("---" lines around a mapping) is
// read into Meta, its title (if any) the document's, as Markdown's is.
//
// FromText never fails and never drops a non-blank line: every one of them
// ends up in the front matter, a heading, a paragraph line or a table cell.
// Problems, such as an incomplete last row, are reported as diagnostics.
func FromText(file string, src []byte) (*Document, []diag.Diagnostic) {
	r := &textReader{doc: &Document{File: file, Format: "text"}}
	r.split(src)
	r.read()
	return r.doc, r.diags
}

// textLine is one input line.
type textLine struct {
	raw  string // as written, without the line terminator
	text string // trimmed, white space collapsed, valid UTF-8
	line int    // 1-based
	col  int    // 1-based byte column of text's first character in raw
	// gap is true when a blank line before it was dropped (squeeze): it
	// starts a paragraph
	gap bool
}

func (l textLine) blank() bool { return l.text == "" }

func (l textLine) pos() Pos { return Pos{Line: l.line, Col: l.col} }

type textReader struct {
	doc   *Document
	diags []diag.Diagnostic
	lines []textLine
	para  []Line // paragraph being collected
	// spaced is true for double-spaced text (spaced), read squeezed
	spaced bool
}

// frontMatter reads YAML front matter at the start of the text: a "---"
// line, a YAML mapping, a "---" or "..." line. It returns the index of the
// first line after it, 0 when there is none (or it is not a mapping: the
// lines are then text).
func (r *textReader) frontMatter() int {
	if len(r.lines) < 2 || strings.TrimRight(r.lines[0].raw, " \t") != "---" {
		return 0
	}
	for end := 1; end < len(r.lines); end++ {
		if l := strings.TrimRight(r.lines[end].raw, " \t"); l != "---" && l != "..." {
			continue
		}
		var b strings.Builder
		for _, l := range r.lines[1:end] {
			b.WriteString(l.raw)
			b.WriteByte('\n')
		}
		var m map[string]any
		if err := yaml.Unmarshal([]byte(b.String()), &m); err != nil || m == nil {
			return 0
		}
		r.doc.Meta = PlainMeta(m)
		if t, ok := m["title"].(string); ok {
			r.doc.Title = t
		}
		return end + 1
	}
	return 0
}

// split cuts src into lines; "\n", "\r\n" and a lone "\r" end a line.
func (r *textReader) split(src []byte) {
	n := 1
	for len(src) > 0 {
		i := bytes.IndexAny(src, "\r\n")
		var raw []byte
		if i < 0 {
			raw, src = src, nil
		} else {
			raw = src[:i]
			if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				src = src[i+2:]
			} else {
				src = src[i+1:]
			}
		}
		if bad := firstInvalid(raw); bad >= 0 {
			r.diags = append(r.diags, newDiag(r.doc.File, diag.Warning,
				"line is not valid UTF-8; invalid bytes replaced by U+FFFD",
				Pos{Line: n, Col: bad + 1}, codeTextInvalidUTF8))
		}
		s := string(raw)
		r.lines = append(r.lines, textLine{raw: s, text: cleanText(s), line: n, col: leadCol(s)})
		n++
	}
}

// firstInvalid returns the offset of the first byte of b that is not valid
// UTF-8, -1 when b is valid.
func firstInvalid(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// leadCol returns the 1-based byte column of the first character of s that
// cleanText keeps: the column of the line's text, past leading white space
// and invisible characters (1 for a blank line).
func leadCol(s string) int {
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(c) && !invisible(c) {
			return i + 1
		}
		i += size
	}
	return 1
}

// invisible tells whether c is one of the characters cleanText drops:
// zero-width space, byte order mark, soft hyphen.
func invisible(c rune) bool {
	return c == '\u200b' || c == '\ufeff' || c == '\u00ad'
}

// cleanText makes s valid UTF-8 (invalid bytes and NUL become U+FFFD),
// collapses runs of white space to one space and trims it.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case c == utf8.RuneError && size == 1, c == 0:
			c = unicode.ReplacementChar
		case invisible(c):
			continue
		case unicode.IsSpace(c):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
	}
	return b.String()
}

func (r *textReader) read() {
	i := r.frontMatter()
	if spaced(r.lines[i:]) {
		r.spaced = true
		r.lines = append(r.lines[:i:i], squeeze(r.lines[i:])...)
	}
	lines := r.lines
	// Title: the first non-blank line when it looks like one.
	for i < len(lines) && lines[i].blank() {
		i++
	}
	if i < len(lines) && isTitleLine(lines[i].text) &&
		(headerRun(lines, i) == 0 || !isFirstColumnHeader(lines[i].text) && headerRun(lines, i+1) > 0) {
		if r.doc.Title == "" {
			r.doc.Title = lines[i].text
		}
		r.doc.Blocks = append(r.doc.Blocks, Block{Kind: KindHeading, Heading: &Heading{
			Level: 1, Text: lines[i].text, Pos: lines[i].pos(),
		}})
		i++
	}
	for i < len(lines) {
		if n := tabRun(lines, i); n > 0 {
			i = r.readTabTable(i, n)
			continue
		}
		if n := headerRun(lines, i); n > 0 {
			if next, ok := r.readTable(i, n); ok {
				i = next
				continue
			}
		}
		if lines[i].blank() || lines[i].gap {
			r.flushPara()
		}
		if !lines[i].blank() {
			r.para = append(r.para, Line{Text: lines[i].text, Pos: lines[i].pos()})
		}
		i++
	}
	r.flushPara()
}

// spaced reports whether lines are double-spaced: a blank line after each
// of at least 6 non-blank lines, none followed by another (text copied
// from a page that made every line, every table cell, a paragraph).
func spaced(lines []textLine) bool {
	n := 0
	for i, l := range lines {
		if l.blank() {
			continue
		}
		if i+1 < len(lines) && !lines[i+1].blank() {
			return false
		}
		n++
	}
	return n >= 6
}

// squeeze drops the single blank lines between the lines of double-spaced
// text, marking the line after each (gap): tables are then found as in
// text without them, and the lines outside tables stay paragraphs of
// their own. A run of blank lines keeps one, which ends a table as a blank
// line does.
func squeeze(lines []textLine) []textLine {
	out := make([]textLine, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if !lines[i].blank() {
			out = append(out, lines[i])
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j].blank() {
			j++
		}
		if j-i > 1 || i == 0 || j == len(lines) {
			out = append(out, lines[i])
		} else {
			lines[j].gap = true
		}
		i = j - 1
	}
	return out
}

func (r *textReader) flushPara() {
	if len(r.para) == 0 {
		return
	}
	r.doc.Blocks = append(r.doc.Blocks, Block{Kind: KindParagraph, Lines: r.para})
	r.para = nil
}

// readTable reads the table whose n header lines start at lines[i] and
// returns the index of the first line after it. A header followed by no
// row is no table (it is short lines of prose, such as "RACI" / "Sharing
// responsibilities" atop a page): readTable then returns false and adds
// nothing.
func (r *textReader) readTable(i, n int) (int, bool) {
	lines := r.lines
	t := &Table{Pos: lines[i].pos()}
	for _, l := range lines[i : i+n] {
		t.Header = append(t.Header, textCell(l))
	}
	i += n
	labelRows := 0 // rows so far whose first cell is a short label
	blankSep := false
rows:
	for i < len(lines) {
		// Blank lines between rows are separators when the table uses them
		// from its first row on; otherwise a blank line ends the table,
		// unless what follows it is more whole rows (rowBlock).
		j := i
		for j < len(lines) && lines[j].blank() {
			j++
		}
		if j > i {
			switch {
			case len(t.Rows) == 0:
				blankSep = true
			case !blankSep && !rowBlock(lines, j, n, labelRows == len(t.Rows)):
				break rows
			}
		}
		if j == len(lines) || !fitsCell(lines, j, j > i) {
			break
		}
		// Collect up to n cells.
		k := j
		for k < len(lines) && k-j < n && !lines[k].blank() && (k == j || fitsCell(lines, k, false)) {
			k++
		}
		cells := lines[j:k]
		// A sentence after a column of short labels is prose, not a row;
		// in double-spaced text, where no blank line ends a table, so is
		// a line ending as sentences do.
		if labelRows >= 2 && isSentence(cells[0].text) ||
			r.spaced && len(t.Rows) > 0 && labelRows == len(t.Rows) && hasTerminalPunct(cells[0].text) {
			break
		}
		row := Row{Pos: cells[0].pos()}
		for _, l := range cells {
			row.Cells = append(row.Cells, textCell(l))
		}
		t.Rows = append(t.Rows, row)
		if isLabel(cells[0].text) {
			labelRows++
		}
		i = k
		if len(cells) < n {
			r.diags = append(r.diags, newDiag(r.doc.File, diag.Warning,
				fmt.Sprintf("incomplete table row: %d of %d cells (table header at line %d)",
					len(cells), n, t.Pos.Line),
				row.Pos, codeTextIncompleteRow))
			break
		}
	}
	if len(t.Rows) == 0 {
		return i, false
	}
	r.flushPara()
	r.doc.Blocks = append(r.doc.Blocks, Block{Kind: KindTable, Table: t})
	return i, true
}

// rowBlock tells whether the lines from lines[i] on, after a blank line
// that follows a table's rows, are more rows of its n cells: a run of
// lines up to a blank line or the end, as many as whole rows hold, all
// fitting cells, each row's first a short label when the rows so far start
// with labels (labels). A table that leaves a blank line between some of
// its rows goes on so; the prose after a table (a run of another length,
// or sentences after labels) ends it.
func rowBlock(lines []textLine, i, n int, labels bool) bool {
	end := i
	for end < len(lines) && !lines[end].blank() {
		end++
	}
	if end == i || (end-i)%n != 0 {
		return false
	}
	for k := i; k < end; k++ {
		if !fitsCell(lines, k, k == i) || labels && (k-i)%n == 0 && !isLabel(lines[k].text) {
			return false
		}
	}
	return true
}

// tabCells splits a line copied from a table of a web page, its cells
// separated by tabs, into its cells; nil when it holds no tab.
func tabCells(l textLine) []Cell {
	if strings.IndexByte(l.raw, '\t') < 0 {
		return nil
	}
	var cells []Cell
	at := 0 // the offset of the cell in l.raw
	for _, f := range strings.Split(l.raw, "\t") {
		cells = append(cells, Cell{Text: cleanText(f), Raw: f, Pos: Pos{Line: l.line, Col: at + leadCol(f)}})
		at += len(f) + 1
	}
	return cells
}

// filledCells counts the cells that hold text.
func filledCells(cells []Cell) int {
	n := 0
	for _, c := range cells {
		if c.Text != "" {
			n++
		}
	}
	return n
}

// tabRun returns the number of lines of the tab-separated table starting
// at lines[i] (what a browser copies of a table: a row per line, its cells
// separated by tabs), 0 when none starts there: a header line of two cells
// or more with text, then at least one line that holds a tab, directly
// or after lines without one (a cell's further lines).
func tabRun(lines []textLine, i int) int {
	if filledCells(tabCells(lines[i])) < 2 || isBoilerplate(lines[i].text) {
		return 0
	}
	end, n := i+1, 0
	for k := i + 1; k < len(lines) && !lines[k].blank() && !isBoilerplate(lines[k].text); k++ {
		if strings.IndexByte(lines[k].raw, '\t') >= 0 {
			end, n = k+1, n+1
		}
	}
	if n == 0 {
		return 0
	}
	return end - i
}

// readTabTable reads the tab-separated table of the n lines from lines[i]
// (see tabRun) and returns the index of the first line after it. A line
// without a tab continues the last cell of the row before it: a cell of
// several lines (a list, line breaks) is copied so, each line an item.
func (r *textReader) readTabTable(i, n int) int {
	r.flushPara()
	lines := r.lines[i : i+n]
	t := &Table{Pos: lines[0].pos(), Header: tabCells(lines[0])}
	for _, l := range lines[1:] {
		if cells := tabCells(l); cells != nil {
			t.Rows = append(t.Rows, Row{Pos: l.pos(), Cells: cells})
			continue
		}
		var last *Cell // the row before's last cell; the header's before any row
		if len(t.Rows) == 0 {
			last = &t.Header[len(t.Header)-1]
		} else {
			row := t.Rows[len(t.Rows)-1].Cells
			last = &row[len(row)-1]
		}
		continueCell(last, l)
	}
	r.doc.Blocks = append(r.doc.Blocks, Block{Kind: KindTable, Table: t})
	return i + n
}

// continueCell adds the line l to the cell c: a cell of several lines has
// each line as an item.
func continueCell(c *Cell, l textLine) {
	if c.Items == nil && c.Text != "" {
		c.Items = []string{c.Text}
	}
	if c.Text == "" {
		c.Pos = l.pos()
	}
	c.Items = append(c.Items, l.text)
	c.Text = strings.TrimSpace(c.Text + " " + l.text)
	c.Raw += "\n" + l.raw
}

func textCell(l textLine) Cell {
	return Cell{Text: l.text, Raw: l.raw, Pos: l.pos()}
}

// fitsCell tells whether lines[i] can be a table body cell: it is not blank,
// not page boilerplate and does not start a new table. Inside a table, where
// body cells may be bare party names ("Customer"), a new header is only
// recognised after a blank line or when it names responsibilities or roles.
func fitsCell(lines []textLine, i int, afterBlank bool) bool {
	if lines[i].blank() || isBoilerplate(lines[i].text) {
		return false
	}
	n := headerRun(lines, i)
	if n == 0 || afterBlank {
		return n == 0
	}
	for _, l := range lines[i : i+n] {
		if hasResponsibilityWord(strings.ToLower(l.text)) {
			return false
		}
	}
	return true
}

// maxShort is the longest line, in bytes, that can be a header or a title.
const maxShort = 80

// headerRun returns the number of header lines of a table starting at
// lines[i], 0 when no table header starts there.
func headerRun(lines []textLine, i int) int {
	if i >= len(lines) || len(lines[i].text) > maxShort {
		return 0
	}
	first := lines[i].text
	n := 0
	switch {
	case isFirstColumnHeader(first):
		n = 1
	case isPartyHeader(first):
		// A table without an activity column: party headers only.
	default:
		return 0
	}
	n = partyRun(lines, i+n, n)
	if n < 2 {
		return 0
	}
	if !isFirstColumnHeader(first) {
		// Party headers only: need at least two, and at least one of them
		// naming a responsibility, so that a pair of short lines such as
		// "Customer" / "Provider" in prose does not start a table.
		ok := false
		for _, l := range lines[i : i+n] {
			if hasResponsibilityWord(strings.ToLower(l.text)) {
				ok = true
			}
		}
		if !ok {
			return 0
		}
	}
	// Something must follow the header.
	j := i + n
	for j < len(lines) && lines[j].blank() {
		j++
	}
	if j == len(lines) {
		return 0
	}
	return n
}

// partyRun returns n plus the number of party header lines from
// lines[from] on, at most 6 lines in all. Once a party header names
// responsibilities or roles ("PTC Responsibilities"), the following ones must
// too or be bare party names ("Customer", "Notes"): a line such as "User
// management" or "Customer data" after them is the first body cell.
func partyRun(lines []textLine, from, n int) int {
	styled := false
	for k := from; k < len(lines) && n < 6 && isPartyHeader(lines[k].text); k++ {
		low := strings.ToLower(lines[k].text)
		resp := hasResponsibilityWord(low)
		if styled && !resp && !onlyPartyWords(low) {
			break
		}
		styled = styled || resp
		n++
	}
	return n
}

// onlyPartyWords tells whether every word of low is a party word (or a
// connective such as "and").
func onlyPartyWords(low string) bool {
	f := strings.FieldsFunc(low, func(c rune) bool { return c < utf8.RuneSelf && !isWordByte(byte(c)) })
	for k := 0; k < len(f); k++ {
		switch {
		case f[k] == "red" && k+1 < len(f) && f[k+1] == "hat":
			k++
		case partyWordSet[f[k]] || f[k] == "and" || f[k] == "or" || f[k] == "the":
		default:
			return false
		}
	}
	return len(f) > 0
}

// partyWordSet holds the one-word partyWords.
var partyWordSet = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range partyWords {
		if !strings.Contains(w, " ") {
			m[w] = true
		}
	}
	return m
}()

// firstColumnWords name the first (activity) column of a responsibility table.
var firstColumnWords = []string{
	"component", "components", "activity", "activities", "task", "tasks",
	"resource", "resources", "area", "areas", "service", "services",
	"feature", "features", "category", "categories", "function", "functions",
	"process", "processes", "control", "controls", "domain", "domains",
	"layer", "layers", "capability", "capabilities", "operation", "operations",
	"requirement", "requirements", "item", "items", "topic", "topics",
	"action", "actions", "duty", "duties",
	"element", "elements", "aspect", "aspects", "stage", "phase", "workload",
	"description",
}

// partyWords name the parties of a responsibility table, or the words
// ending a party column header.
var partyWords = []string{
	"customer", "customers", "client", "clients", "you", "your", "tenant",
	"consumer", "user", "users", "provider", "vendor", "partner", "partners",
	"supplier", "shared", "both", "responsible", "accountable", "consulted",
	"informed", "raci", "owner", "role", "roles", "responsibility",
	"responsibilities", "duties", "obligations",
	"aws", "amazon", "microsoft", "azure", "google", "gcp", "ibm", "oracle",
	"sap", "ptc", "red hat", "redhat", "ovhcloud", "ovh", "salesforce",
	"alibaba", "cloudflare", "snowflake", "databricks", "mongodb", "elastic",
	"atlassian", "zilliz", "we", "us",
	// Extra columns often found after the party columns.
	"notes", "note", "comments", "comment", "details", "remarks",
	"differences", "examples", "scope", "frequency", "evidence", "description",
}

func isFirstColumnHeader(s string) bool {
	if s == "" || len(s) > maxShort || hasTerminalPunct(s) || words(s) > 4 {
		return false
	}
	return containsWord(strings.ToLower(s), firstColumnWords)
}

func isPartyHeader(s string) bool {
	if s == "" || len(s) > 60 || hasTerminalPunct(s) || words(s) > 6 {
		return false
	}
	low := strings.ToLower(s)
	return containsWord(low, partyWords) || hasResponsibilityWord(low)
}

func hasResponsibilityWord(low string) bool {
	return strings.Contains(low, "responsib") || strings.HasSuffix(low, "role") ||
		strings.HasSuffix(low, "roles")
}

// containsWord tells whether low contains one of ws as whole words.
func containsWord(low string, ws []string) bool {
	for _, w := range ws {
		for off := 0; ; {
			k := strings.Index(low[off:], w)
			if k < 0 {
				break
			}
			k += off
			end := k + len(w)
			if (k == 0 || !isWordByte(low[k-1])) && (end == len(low) || !isWordByte(low[end])) {
				return true
			}
			off = k + 1
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func words(s string) int { return len(strings.Fields(s)) }

func hasTerminalPunct(s string) bool {
	if s == "" {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;,。！？：", c)
}

// isTitleLine tells whether s can be a document title.
func isTitleLine(s string) bool {
	return s != "" && len(s) <= maxShort+40 && words(s) <= 14 && !hasTerminalPunct(s) && !isBoilerplate(s)
}

// isLabel tells whether s looks like a short label (an activity name) rather
// than a sentence.
func isLabel(s string) bool {
	return words(s) <= 10 && !hasTerminalPunct(s)
}

// isSentence tells whether s clearly is a sentence of prose.
func isSentence(s string) bool {
	if words(s) < 6 {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(s)
	return c == '.' || c == '!' || c == '?'
}

// boilerplate are lines of web page chrome that end a copied table. The
// questions and notices in chromeAny are chrome whatever follows them;
// the names of page parts in chromeAlone only when they stand alone or are
// followed by something other than words ("Feedback", "Copyright © 2024",
// "Related topics:"), for a table cell may start with them ("Feedback
// collection", "Copyright compliance", "Provide feedback on releases.").
var (
	chromeAny = []string{
		"was this helpful", "was this page helpful", "was this article helpful",
		"did this page help", "did you find this helpful", "is this page helpful",
		"rate this page", "share this page", "print this page", "last updated",
		"all rights reserved",
	}
	chromeAlone = []string{
		"feedback", "give feedback", "provide feedback", "submit feedback",
		"related topics", "related information", "related links", "related content",
		"parent topic", "next steps", "see also", "back to top", "table of contents",
		"in this article", "previous topic", "next topic", "on this page", "copyright",
	}
)

// isBoilerplate tells whether s is web page chrome rather than content.
func isBoilerplate(s string) bool {
	if len(s) > maxShort {
		return false
	}
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "©") || strings.HasPrefix(low, "(c) ") {
		return true
	}
	for _, b := range chromeAny {
		if strings.HasPrefix(low, b) {
			return true
		}
	}
	for _, b := range chromeAlone {
		if rest, ok := strings.CutPrefix(low, b); ok && chromeTail(rest) {
			return true
		}
	}
	return false
}

// chromeTail tells whether rest, what follows the name of a page part on a
// line, leaves the line page chrome: nothing, or a number or symbol rather
// than words or a sentence's punctuation.
func chromeTail(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if rest == "" {
		return true
	}
	c, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsDigit(c) || strings.ContainsRune("?!:|»›>-–—(©", c)
}
