package model

import (
	"regexp"
	"sort"
	"strings"

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

// stats reads the body cells of column i.
func (b *builder) stats(t *source.Table, i int) columnStats {
	var s columnStats
	for _, r := range t.Rows {
		text := cellText(r.Cells, i)
		v := parseLetters(text, b.legend)
		_, _, isParty := b.cellParties(text)
		switch {
		case v.status != StatusFilled:
			s.blank++
		case v.check:
			s.checks++
		case v.letters():
			s.letters++
		case isParty:
			s.parties++
		default:
			s.other++
		}
	}
	return s
}

// classify decides whether t is a responsibility matrix and how its
// columns read; ok is false for other tables.
func (b *builder) classify(t *source.Table, allowTranspose bool) (*shape, bool) {
	if len(t.Header) == 0 {
		return nil, false
	}
	sh := &shape{table: t, cols: make([]Column, len(t.Header)), names: make([]string, len(t.Header))}
	activity := -1
	for i, h := range t.Header {
		col := &sh.cols[i]
		*col = Column{Index: i, Header: h.Text, Role: ColUnknown, line: h.Pos.Line, col: h.Pos.Col}
		f := fold(h.Text)
		if _, ok := b.aliases[f]; ok {
			col.Role, sh.names[i] = ColParty, plain(h.Text)
			continue
		}
		switch {
		case activityHeaders[f] && activity < 0:
			col.Role, activity = ColActivity, i
		case qualifierHeaders[f] != "":
			col.Role, col.Key = ColQualifier, qualifierHeaders[f]
		case commentHeaders[f]:
			col.Role = ColComment
		case f == "" && i == 0:
			col.Role, activity = ColActivity, i
		default:
			if name, ok := b.headerParty(h.Text); ok {
				col.Role, sh.names[i] = ColParty, name
			}
		}
	}
	if allowTranspose && !sh.hasRole(ColParty) && (activity < 0 || fold(t.Header[0].Text) == "") && b.looksTransposed(t) {
		if out, ok := b.classify(transpose(t), false); ok {
			out.transposed = true
			return out, true
		}
	}
	b.classifyByCells(sh, activity)
	return b.decide(sh)
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
		s := b.stats(sh.table, i)
		switch {
		case s.letters > 0 && s.letters >= s.other+s.parties:
			col.Role, sh.names[i] = ColParty, plain(col.Header)
		case s.checks > 0 && s.checks >= s.other && activity >= 0 && i < activity:
			col.Role, col.Key = ColQualifier, slug(col.Header, 40)
		case s.checks > 0 && s.checks >= s.other+s.parties:
			col.Role, sh.names[i] = ColParty, plain(col.Header)
		case s.parties > 0 && s.parties >= s.other:
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
			sh.cols[i].Role, sh.cols[i].Key = ColUnknown, ""
		}
		sh.ensureActivity()
		parties = b.blankParties(sh, parties)
		sh.kind = b.matrixKind(sh, parties)
		return sh, true
	case len(categories) > 0:
		sh.ensureActivity()
		sh.kind = MatrixGrid
		return sh, true
	}
	return nil, false
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
		if s := b.stats(sh.table, i); s.other == 0 && s.parties == 0 {
			sh.cols[i].Role, sh.names[i] = ColParty, plain(c.Header)
			parties = append(parties, i)
		}
	}
	sort.Ints(parties)
	return parties
}

// ensureActivity makes the first unknown column the activity column when
// the header names none.
func (sh *shape) ensureActivity() {
	for _, c := range sh.cols {
		if c.Role == ColActivity {
			return
		}
	}
	for i, c := range sh.cols {
		if c.Role == ColUnknown {
			sh.cols[i].Role = ColActivity
			return
		}
	}
}

// matrixKind decides raci, check or prose from the party cells. Headers
// saying "responsibilities" or "role" lean to prose: letters or marks must
// then outnumber the other cells.
func (b *builder) matrixKind(sh *shape, parties []int) string {
	var s columnStats
	proseHeader := false
	for _, i := range parties {
		c := b.stats(sh.table, i)
		s.letters += c.letters
		s.checks += c.checks
		s.other += c.other + c.parties
		f := fold(sh.cols[i].Header)
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

// looksTransposed reports whether t has parties down its first column: a
// header without parties and body rows whose first cell names a party or
// whose other cells are role letters.
func (b *builder) looksTransposed(t *source.Table) bool {
	if len(t.Header) < 2 {
		return false
	}
	hits := 0
	for _, r := range t.Rows {
		if len(r.Cells) < 2 {
			continue
		}
		if _, ok := b.headerParty(r.Cells[0].Text); ok && fold(r.Cells[0].Text) != "" {
			hits++
			continue
		}
		letters := 0
		for _, c := range r.Cells[1:] {
			if parseLetters(c.Text, b.legend).letters() {
				letters++
			}
		}
		if letters*2 >= len(r.Cells)-1 && letters >= 2 {
			hits++
		}
	}
	return hits > 0
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

// headingNumberRE splits "3.1.1. Daily operations" into number and text.
var headingNumberRE = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s+(\S.*)$`)

// readHeading turns a source heading into a section path element.
func readHeading(h *source.Heading) Heading {
	text := plain(h.Text)
	out := Heading{Level: h.Level, Text: text, Anchor: h.Anchor}
	if m := headingNumberRE.FindStringSubmatch(text); m != nil {
		out.Number, out.Text = m[1], plain(m[2])
	}
	return out
}
