package model

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/source"
)

// activityHeaders are folded headers of the activity column.
var activityHeaders = map[string]bool{
	"activity": true, "activities": true, "activite": true, "activites": true, "task": true, "tasks": true,
	"tache": true, "taches": true, "resource": true, "resources": true, "ressource": true, "area": true,
	"areas": true, "domaine": true, "domain": true, "action": true, "actions": true, "component": true,
	"composant": true, "item": true, "key activities": true, "security domain": true, "control": true,
	"process": true, "processus": true, "step": true, "etape": true, "function": true, "fonction": true,
	"responsibility": true, "topic": true, "category": true, "service": true, "operation": true,
}

// qualifierHeaders map folded headers to qualifier keys.
var qualifierHeaders = map[string]string{
	"plan": "plan", "plans": "plan", "offer": "offer", "offre": "offer", "option": "option", "options": "option",
	"range": "range", "gamme": "range", "tier": "tier", "edition": "edition", "scope": "scope",
	"perimetre": "scope", "service level": "service-level", "frequency": "frequency", "frequence": "frequency",
	"deployment": "deployment", "deployment model": "deployment",
}

// commentHeaders are folded headers of comment columns.
var commentHeaders = map[string]bool{
	"comment": true, "comments": true, "commentaire": true, "commentaires": true, "note": true, "notes": true,
	"remark": true, "remarks": true, "remarque": true, "remarques": true, "details": true, "description": true,
}

// shape is a table classified as a matrix.
type shape struct {
	table      *source.Table
	cols       []Column
	names      []string // party name per column ("" for other roles)
	kind       string
	transposed bool
	// headerParties counts the party columns named by their header (not
	// guessed from their cells)
	headerParties int
	// counted caches the column statistics, by column index
	counted []counted
}

// counted is a column's statistics, partial when counting stopped once
// most cells were other text (the column can then hold neither letters,
// marks nor party names); done tells whether the column was counted.
type counted struct {
	columnStats
	partial, done bool
}

// cellText returns the text of cell i of cells, "" when missing.
func cellText(cells []source.Cell, i int) string {
	if i < len(cells) {
		return cells[i].Text
	}
	return ""
}

// columnStats counts what the body cells of column i hold.
type columnStats struct{ letters, checks, parties, other, blank int }

// statsOf returns the statistics of column i of the shape's table,
// counting them once; with quick, they may be partial (other counts stop
// at more than half the rows).
func (b *builder) statsOf(sh *shape, i int, quick bool) columnStats {
	if sh.counted == nil {
		sh.counted = make([]counted, len(sh.cols))
	}
	if c := sh.counted[i]; c.done && (quick || !c.partial) {
		return c.columnStats
	}
	s, partial := b.stats(sh.table, i, quick)
	sh.counted[i] = counted{s, partial, true}
	return s
}

// longCell is the length from which a cell is prose: role letters, marks
// and party names are shorter ("Responsible, Accountable, Informed").
const longCell = 80

// plainOther reports, from a look at its bytes, that a cell can be neither
// blank, a placeholder, role letters, a mark nor party names: it is long,
// holds many words, or holds no letter ("12.5", "2 x 10"); such cells are
// most cells of ordinary data tables, and the full readings are slow.
func plainOther(text string) bool {
	if len(text) > longCell {
		return strings.IndexByte(text, '<') < 0
	}
	letter, words, space := false, 0, true
	for i, r := range text {
		if r < utf8.RuneSelf {
			// ASCII, most bytes: the tests below, without unicode's
			c := text[i]
			switch {
			case isASCIILetter(c):
				letter = true
			case c == '-' || c == '?':
				return false
			}
			if isSpace := c == ' ' || c == '\t' || c == '\n'; isSpace != space {
				space = isSpace
				if !isSpace {
					words++
				}
			}
			continue
		}
		switch {
		case unicode.IsLetter(r):
			letter = true
		case r == '-' || r == '–' || r == '—' || r == '?' || r >= 0x2022 && !unicode.IsDigit(r):
			return false // dashes, "??", marks (✓ ✔ ● •), superscripts
		}
		if isSpace := r == ' ' || r == '\t' || r == '\n'; isSpace != space {
			space = isSpace
			if !isSpace {
				words++
			}
		}
	}
	return !letter && strings.TrimSpace(text) != "" || words > 8
}

// namesParties reports whether a cell names parties ("IBM", "Shared",
// "Workload provider [^1]").
func (b *builder) namesParties(text string) bool {
	if alreadyPlain(text) && !endsLikeMark(text) {
		return b.cellPartiesOK(text) // (most cells) the text is as read
	}
	named, seen := b.named[text]
	if !seen {
		named, _ = liftNotes(plain(text))
		if b.named == nil {
			b.named = map[string]string{}
		}
		b.named[text] = named
	}
	return b.cellPartiesOK(named)
}

// cellPartiesOK reports whether cellParties reads party names in text.
func (b *builder) cellPartiesOK(text string) bool {
	_, _, ok := b.cellParties(text)
	return ok
}

// stats reads the body cells of column i; with quick, it stops (partial)
// once more than half of them are other text.
func (b *builder) stats(t *source.Table, i int, quick bool) (s columnStats, partial bool) {
	for _, r := range t.Rows {
		if quick && s.other*2 > len(t.Rows) {
			return s, true
		}
		text := cellText(r.Cells, i)
		if plainOther(text) {
			s.other++ // spare the letter and party readings
			continue
		}
		switch b.classOf(text) {
		case classBlank:
			s.blank++
		case classCheck:
			s.checks++
		case classLetters:
			s.letters++
		default:
			if b.namesParties(text) {
				s.parties++
			} else {
				s.other++
			}
		}
	}
	return s, false
}

// classify decides whether t is a responsibility matrix and how its
// columns read; ok is false for other tables. allowTranspose is false
// for t read transposed (the shape says so).
func (b *builder) classify(t *source.Table, allowTranspose bool) (*shape, bool) {
	if len(t.Header) == 0 {
		return nil, false
	}
	sh := b.newShape(t, !allowTranspose)
	activity := -1
	for i, h := range t.Header {
		col := &sh.cols[i]
		*col = Column{Index: i, Header: h.Text, Role: ColUnknown, line: h.Pos.Line, col: h.Pos.Col}
		f := b.folded(h.Text)
		if _, ok := b.aliases[f]; ok {
			col.Role, sh.names[i] = ColParty, plain(h.Text)
			sh.headerParties++
			continue
		}
		switch {
		case activityHeaders[f] && activity < 0:
			col.Role, activity = ColActivity, i
		case activityHeaders[f] && activityHeaders[b.folded(t.Header[activity].Text)]:
			// "Process | Task": the first groups the rows, the last
			// names the activity
			prev := &sh.cols[activity]
			prev.Role, prev.Key = ColQualifier, slug(prev.Header, 40)
			col.Role, activity = ColActivity, i
		case qualifierHeaders[f] != "":
			col.Role, col.Key = ColQualifier, qualifierHeaders[f]
		case commentHeaders[f]:
			col.Role = ColComment
		case f == "" && i == 0:
			col.Role, activity = ColActivity, i
		default:
			if letter, ok := b.roleHeader(h.Text); ok {
				col.Role, col.Key, col.Letter = ColCategory, slug(h.Text, 40), letter
			} else if name, ok := b.headerParty(h.Text); ok {
				col.Role, sh.names[i] = ColParty, name
				sh.headerParties++
			}
		}
	}
	if allowTranspose && !sh.hasRole(ColParty) && (activity < 0 || b.folded(t.Header[0].Text) == "") && b.looksTransposed(t) {
		// read transposed: letters, or duties under an empty corner
		// ("| | Backups |" / "| IBM | Runs them |"); a "Name |
		// Description" or "Party | Contact" table listing parties is no
		// matrix
		if out, ok := b.classify(transpose(t), false); ok && (out.kind != MatrixProse || b.folded(t.Header[0].Text) == "") {
			b.spare = sh
			return out, true // out.transposed is set
		} else if ok {
			b.spare = out
		}
	}
	b.classifyByCells(sh, activity)
	out, ok := b.decide(sh)
	if !ok {
		b.spare = sh
	}
	return out, ok
}

// newShape returns an empty shape for t, reusing the spare one (the shape
// of the last table that made no matrix) when it has room for t's
// columns: most tables make none, and a shape is read, then dropped.
func (b *builder) newShape(t *source.Table, transposed bool) *shape {
	n := len(t.Header)
	sh := b.spare
	b.spare = nil
	if sh == nil || cap(sh.cols) < n || cap(sh.names) < n {
		return &shape{table: t, cols: make([]Column, n), names: make([]string, n), transposed: transposed}
	}
	names, counted := sh.names[:n], sh.counted[:0]
	clear(names)
	if cap(counted) >= n {
		counted = counted[:n]
		clear(counted)
	} else {
		counted = nil
	}
	// (classify sets every column)
	*sh = shape{table: t, cols: sh.cols[:n], names: names, counted: counted, transposed: transposed}
	return sh
}

// classifyByCells settles the columns whose header says nothing: letters or
// marks after the activity make a party column, marks before it a
// qualifier, party names a grid category.
func (b *builder) classifyByCells(sh *shape, activity int) {
	for i := range sh.cols {
		col := &sh.cols[i]
		if col.Role != ColUnknown {
			continue
		}
		s := b.statsOf(sh, i, true)
		switch {
		case s.letters > 0 && s.letters >= s.other+s.parties:
			col.Role, sh.names[i] = ColParty, partyName(col.Header)
		case s.checks > 0 && s.checks >= s.other && activity >= 0 && i < activity:
			col.Role, col.Key = ColQualifier, slug(col.Header, 40)
		case s.checks > 0 && s.checks >= s.other+s.parties:
			col.Role, sh.names[i] = ColParty, partyName(col.Header)
		case s.parties > 0 && s.parties >= s.other && i > 0:
			// (party names down the first column list the parties: "Party
			// | Contact", no grid)
			col.Role, col.Key = ColCategory, slug(col.Header, 40)
		}
	}
}

// decide picks the matrix kind from the classified columns.
func (b *builder) decide(sh *shape) (*shape, bool) {
	var parties, categories []int
	for i, c := range sh.cols {
		switch c.Role {
		case ColParty:
			parties = append(parties, i)
		case ColCategory:
			categories = append(categories, i)
		}
	}
	switch {
	case len(parties) > 0:
		for _, i := range categories {
			sh.cols[i].Role, sh.cols[i].Key, sh.cols[i].Letter = ColUnknown, "", ""
		}
		if !sh.ensureActivity() && sh.headerParties == 0 {
			// columns of letters under headers that name no party and
			// nothing else (a one-column "| ???? |" of "a", "b"): no
			// one does anything. Headers that name the parties make a
			// matrix without an activity column ("| Stakater
			// Responsibilities | Customer Responsibilities |", the
			// section saying what)
			return nil, false
		}
		parties = b.blankParties(sh, parties)
		if len(parties) < 2 && sh.headerParties == 0 && !sh.transposed {
			// one column of letters under a header that names no party
			// ("Action | Key" of "C", "R", "I": shortcuts): who does
			// what needs the parties named, or two of them. (Read
			// transposed, the party is a first cell looksTransposed
			// took for one.)
			return nil, false
		}
		sh.kind = b.matrixKind(sh, parties)
		if sh.kind == MatrixCheck && sh.headerParties == 0 {
			// marks under headers that name no party ("Optional" |
			// "Yes") are a feature list, not who does what
			return nil, false
		}
		if (sh.kind == MatrixProse || sh.kind == MatrixCheck) && b.comparison(sh) {
			// vendors side by side, feature by feature ("Feature | AWS
			// | Azure"): texts or marks under the bare names of
			// companies
			return nil, false
		}
		return sh, true
	case len(categories) > 0:
		if !sh.ensureActivity() {
			// party names down the only text column define parties
			// ("Role | Description"): nothing is assigned
			return nil, false
		}
		sh.kind = MatrixGrid
		return sh, true
	}
	return nil, false
}

// comparison reports whether a table of prose or marks compares
// companies rather than sharing duties between them: every party column
// is headed by a bare company name ("AWS", "Azure", "Google Cloud"), none
// names the customer or says "responsibilities" or "role", and neither
// the table's caption, the headings above it nor the title speak of
// responsibilities.
func (b *builder) comparison(sh *shape) bool {
	for _, c := range sh.cols {
		if c.Role != ColParty {
			continue
		}
		v, read := b.headers[c.Header]
		if !read || v.byForm {
			return false // named by an earlier table, or by its form
		}
		if _, customer := customerWords[v.folded]; customer {
			return false
		}
	}
	texts := []string{sh.table.Caption, b.doc.Title}
	for _, h := range b.section {
		texts = append(texts, h.Text)
	}
	for _, t := range texts {
		if speaksOfResponsibility(t) {
			return false
		}
	}
	return true
}

// responsibilityWords are (folded) word starts that speak of who does
// what.
var responsibilityWords = []string{
	"responsib", "responsabilit", "raci", "rasci", "who does what", "shared", "partage", "role", "duties",
	"ownership", "accountab", "obligation",
}

// speaksOfResponsibility reports whether a caption or heading speaks of
// responsibilities.
func speaksOfResponsibility(s string) bool {
	f := fold(s)
	for _, w := range responsibilityWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// hasRole reports whether a column has the role.
func (sh *shape) hasRole(role string) bool {
	for _, c := range sh.cols {
		if c.Role == role {
			return true
		}
	}
	return false
}

// blankParties makes party columns of the named unknown columns after the
// activity whose cells hold nothing but marks, letters or blanks (a
// "Zilliz BYOC" column next to "Customer" with few marks).
func (b *builder) blankParties(sh *shape, parties []int) []int {
	seenActivity := false
	for i, c := range sh.cols {
		if c.Role == ColActivity {
			seenActivity = true
		}
		if c.Role != ColUnknown || !seenActivity || plain(c.Header) == "" {
			continue
		}
		if s := b.statsOf(sh, i, true); s.other == 0 && s.parties == 0 {
			sh.cols[i].Role, sh.names[i] = ColParty, partyName(c.Header)
			parties = append(parties, i)
		}
	}
	sort.Ints(parties)
	return parties
}

// activity returns the index of the activity column, -1 when there is none.
func (sh *shape) activity() int {
	for i, c := range sh.cols {
		if c.Role == ColActivity {
			return i
		}
	}
	return -1
}

// ensureActivity makes the first unknown column the activity column when
// the header names none; false when there is no activity column.
func (sh *shape) ensureActivity() bool {
	if sh.activity() >= 0 {
		return true
	}
	for i, c := range sh.cols {
		if c.Role == ColUnknown {
			sh.cols[i].Role = ColActivity
			return true
		}
	}
	return false
}

// matrixKind decides raci, check or prose from the party cells. Headers
// saying "responsibilities" or "role" lean to prose: letters or marks must
// then outnumber the other cells.
func (b *builder) matrixKind(sh *shape, parties []int) string {
	var s columnStats
	proseHeader := false
	for _, i := range parties {
		c := b.statsOf(sh, i, false)
		s.letters += c.letters
		s.checks += c.checks
		s.other += c.other + c.parties
		f := b.folded(sh.cols[i].Header)
		proseHeader = proseHeader || strings.Contains(f, "responsib") || strings.Contains(f, "role") || strings.HasPrefix(f, "your ")
	}
	beats := func(n int) bool {
		if proseHeader {
			return n > s.other
		}
		return n >= s.other
	}
	switch {
	case s.letters > 0 && s.letters >= s.checks && beats(s.letters):
		return MatrixRACI
	case s.checks > 0 && beats(s.checks):
		return MatrixCheck
	case s.other > 0 || proseHeader:
		return MatrixProse
	}
	return MatrixRACI
}

// roleFillers are words a role column's header may hold beside the role
// ("Who is responsible (R)").
var roleFillers = map[string]bool{"who": true, "is": true, "are": true, "the": true, "party": true, "parties": true, "qui": true, "est": true}

// roleHeader reads a role column's header: one role word, possibly with
// filler words and the letter in parentheses ("Responsible", "Who is
// accountable (A)"). Its cells name the parties holding the role; letter
// is the legend's letter for it.
func (b *builder) roleHeader(header string) (letter string, ok bool) {
	h := plain(header)
	if rest, l, ok := cutRoleLetter(h); ok {
		letter, h = strings.ToUpper(l), rest
	}
	role := ""
	for _, w := range strings.Fields(b.folded(h)) {
		switch {
		case roleFillers[w]:
		case wordRoles[w] != "" && role == "":
			role = wordRoles[w]
		default:
			return "", false
		}
	}
	if role == "" {
		return "", false
	}
	if want := b.legend.letterFor(role); letter == "" || !b.legend.has(letter) {
		letter = want
	}
	return letter, letter != ""
}

// cutRoleLetter cuts a role letter in parentheses, and the white space
// before it, off the end of a header ("Who is accountable (A)" → "Who is
// accountable", "A"), as the regexp \s*\(([A-Za-z])\)$ would find it.
func cutRoleLetter(h string) (rest, letter string, ok bool) {
	n := len(h)
	if n < 3 || h[n-3] != '(' || !isLetters(h[n-2:n-1]) || h[n-1] != ')' {
		return h, "", false
	}
	return trimRightReSpace(h[:n-3]), h[n-2 : n-1], true
}

// looksTransposed reports whether t has parties down its first column: a
// header without parties and body rows whose first cell names a party or
// whose other cells are role letters.
func (b *builder) looksTransposed(t *source.Table) bool {
	if len(t.Header) < 2 {
		return false
	}
	for _, r := range t.Rows {
		if len(r.Cells) < 2 {
			continue
		}
		// (fold(first) is empty exactly when plain(first) is) first
		// cells are read as headers, not memoized: most come once, and
		// the memo would grow by a row's worth of texts
		if first := r.Cells[0].Text; !plainOther(first) && plain(first) != "" {
			if b.namesParty(b.readHeaderParty(first)) {
				return true
			}
		}
		letters := 0
		for _, c := range r.Cells[1:] {
			if !plainOther(c.Text) && b.classOf(c.Text) == classLetters {
				letters++
			}
		}
		if letters*2 >= len(r.Cells)-1 && letters >= 2 {
			return true
		}
	}
	return false
}

// transpose turns t so that its first column becomes the header row.
func transpose(t *source.Table) *source.Table {
	header := []source.Cell{t.Header[0]}
	for _, r := range t.Rows {
		header = append(header, cellOrEmpty(r.Cells, 0))
	}
	out := &source.Table{Header: header, ID: t.ID, Caption: t.Caption, Summary: t.Summary, Attrs: t.Attrs, Pos: t.Pos}
	width := len(t.Header)
	for _, r := range t.Rows {
		if len(r.Cells) > width {
			width = len(r.Cells)
		}
	}
	for j := 1; j < width; j++ {
		row := source.Row{Cells: []source.Cell{cellOrEmpty(t.Header, j)}, Pos: cellOrEmpty(t.Header, j).Pos}
		if row.Pos.Line == 0 {
			row.Pos = t.Pos
		}
		for _, r := range t.Rows {
			row.Cells = append(row.Cells, cellOrEmpty(r.Cells, j))
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// cellOrEmpty returns cells[i] or an empty cell.
func cellOrEmpty(cells []source.Cell, i int) source.Cell {
	if i < len(cells) {
		return cells[i]
	}
	return source.Cell{}
}

// splitHeadingNumber splits "3.1.1. Daily operations" into its number and
// text, as the regexp ^(\d+(?:\.\d+)*)\.?\s+(\S.*)$ would: ok is false
// when s does not start with a number, white space and text.
func splitHeadingNumber(s string) (number, text string, ok bool) {
	end := digitsEnd(s, 0) // the number is s[:end]
	if end == 0 {
		return "", "", false
	}
	for end+1 < len(s) && s[end] == '.' && isDigit(s[end+1]) {
		end = digitsEnd(s, end+1)
	}
	if end > 3 && !strings.Contains(s[:end], ".") && (end == len(s) || s[end] != '.') {
		return "", "", false // a year ("2024 changes"), not a section number
	}
	rest := strings.TrimPrefix(s[end:], ".")
	text = trimLeftReSpace(rest)
	if text == "" || len(text) == len(rest) || strings.IndexByte(text, '\n') >= 0 {
		return "", "", false // no white space, or no text on the line after it
	}
	return s[:end], text, true
}

// isDigit reports whether c is an ASCII digit (regexp \d).
func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// digitsEnd returns the end of the run of ASCII digits of s from i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// readHeading turns a source heading into a section path element.
func readHeading(h *source.Heading) Heading {
	text := plain(h.Text)
	out := Heading{Level: h.Level, Text: text, Anchor: h.Anchor}
	if number, rest, ok := splitHeadingNumber(text); ok {
		out.Number, out.Text = number, plain(rest)
	}
	return out
}
