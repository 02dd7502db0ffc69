package model

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/table"
)

// Lint codes.
const (
	CodeNoAccountable     = "RACI001" // error: no party is Accountable
	CodeManyAccountable   = "RACI002" // error: more than one party is Accountable
	CodeNoResponsible     = "RACI003" // warning: no party is Responsible
	CodeUndefinedLetter   = "RACI004" // error: a letter the legend does not define
	CodeNonCanonical      = "RACI005" // info: letters not written in legend order
	CodeDuplicateLetter   = "RACI006" // warning: a letter written twice in a cell
	CodeEmptyRow          = "RACI008" // error: no party has a role
	CodePlaceholder       = "PROSE001"
	CodeEmptyProse        = "PROSE002"
	CodeUnresolvedKeyword = "PROSE003"
	CodeRowShort          = "TBL001"
	CodeRowLong           = "TBL002"
	CodeUnknownColumn     = "TBL003"
	CodeDuplicatePartyCol = "TBL004"
	CodeNoRows            = "TBL005" // warning: a header and no rows
	CodeTransposed        = "TBL009"
	CodeLegendMissing     = "DOC002"
	CodeDuplicateAnchor   = "ANCHOR001"
	CodePartySpelling     = "PARTY001"
	CodeUndefinedNote     = "NOTE001"
	CodeDuplicateRow      = "ROW001" // warning: an activity written twice in a matrix
)

// Codes are the codes of the model's findings, with their severities:
// those found while reading the tables (TBL…), then the lint rules'.
var Codes = []diag.Code{
	{Code: CodeRowShort, Severity: SevWarning, Summary: "a row shorter than its header (the missing cells read as empty)"},
	{Code: CodeRowLong, Severity: SevError, Summary: "a row longer than its header (the extra cells are kept)"},
	{Code: CodeUnknownColumn, Severity: SevWarning, Summary: "a column that is neither activity, party, qualifier nor comment (its cells are kept)"},
	{Code: CodeDuplicatePartyCol, Severity: SevError, Summary: "two columns name the same party"},
	{Code: CodeNoRows, Severity: SevWarning, Summary: "a table with a header and no rows (a blank line after the header makes the rows a paragraph)"},
	{Code: CodeTransposed, Severity: SevInfo, Summary: "a table with the parties down its first column, read transposed"},
	{Code: CodeNoAccountable, Severity: SevError, Summary: "no party is Accountable"},
	{Code: CodeManyAccountable, Severity: SevError, Summary: "more than one party is Accountable"},
	{Code: CodeNoResponsible, Severity: SevWarning, Summary: "no party is Responsible"},
	{Code: CodeUndefinedLetter, Severity: SevError, Summary: "a letter the legend does not define"},
	{Code: CodeNonCanonical, Severity: SevInfo, Summary: "letters not written as the legend writes them (\"A / R\" reads as RA)"},
	{Code: CodeDuplicateLetter, Severity: SevWarning, Summary: "a letter written twice in a cell"},
	{Code: CodeEmptyRow, Severity: SevError, Summary: "no party has a role in a row"},
	{Code: CodePlaceholder, Severity: SevWarning, Summary: "a placeholder cell (\"NEED CONTENT\", \"TBD\", \"??\")"},
	{Code: CodeEmptyProse, Severity: SevWarning, Summary: "an empty prose cell"},
	{Code: CodeUnresolvedKeyword, Severity: SevWarning, Summary: "an unresolved keyword inside a matrix"},
	{Code: CodeLegendMissing, Severity: SevInfo, Summary: "no legend: plain RACI assumed"},
	{Code: CodeDuplicateAnchor, Severity: SevError, Summary: "an id used twice (headings, matrices, rows)"},
	{Code: CodePartySpelling, Severity: SevWarning, Summary: "a party spelled two ways in one document"},
	{Code: CodeUndefinedNote, Severity: SevWarning, Summary: "a footnote mark without a definition"},
	{Code: CodeDuplicateRow, Severity: SevWarning, Summary: "an activity written twice in a matrix (same group and qualifiers)"},
}

// LintConfig tunes Lint. The zero value reports everything.
type LintConfig struct {
	// Disable lists codes not to report.
	Disable []string
	// Severity overrides the severity of codes ("RACI002": SevWarning).
	Severity map[string]diag.Severity
	// MinSeverity drops findings below it (SevWarning drops info); the
	// zero value, SevInfo, drops nothing.
	MinSeverity diag.Severity
}

// Lint returns the findings of Build and of the lint rules, configured by
// cfg, ordered by position.
func (d *Document) Lint(cfg LintConfig) []Diagnostic {
	if d == nil {
		return nil
	}
	l := &linter{d: d, lg: d.lg}
	if l.lg == nil {
		l.lg = newLegend(d.Legend)
	}
	l.out = append(l.out, d.structural...)
	for i := range d.Matrices {
		l.matrix(&d.Matrices[i])
	}
	l.anchors()
	l.spellings()
	return cfg.apply(l.out)
}

// apply filters and re-grades findings, and orders them by position.
func (cfg LintConfig) apply(in []Diagnostic) []Diagnostic {
	out := cfg.Filter(in)
	sortDiagnostics(out)
	return out
}

// Filter returns the findings of in that cfg keeps, re-graded as it says,
// in their order: those of disabled codes and those below MinSeverity
// (after re-grading) are left out. It serves any findings, the readers'
// ("keyword-unknown") as well as the lint rules'.
func (cfg LintConfig) Filter(in []Diagnostic) []Diagnostic {
	out := []Diagnostic{}
	for _, dg := range in {
		if slices.Contains(cfg.Disable, dg.Code) {
			continue
		}
		if s, ok := cfg.Severity[dg.Code]; ok {
			dg.Severity = s
		}
		if dg.Severity < cfg.MinSeverity { // diag.Severity is ordered: Info < Warning < Error
			continue
		}
		out = append(out, dg)
	}
	return out
}

// linter collects findings.
type linter struct {
	d   *Document
	lg  *legend
	out []Diagnostic
}

// add records a finding.
func (l *linter) add(code string, sev diag.Severity, line, col int, format string, args ...any) {
	l.out = append(l.out, newDiagnostic(l.d.File, code, sev, line, col, format, args...))
}

// matrix lints one matrix.
func (l *linter) matrix(m *Matrix) {
	for _, c := range m.Columns {
		if unresolvedKeyword(c.Header) {
			l.add(CodeUnresolvedKeyword, SevWarning, m.Line, c.col, "unresolved keyword in header %q", c.Header)
		}
	}
	l.duplicateRows(m)
	for i := range m.Rows {
		r := &m.Rows[i]
		l.keywords(m, r)
		if r.Heading {
			continue // names a group: assigns nothing
		}
		switch m.Kind {
		case MatrixRACI, MatrixCheck:
			l.letterRow(m, r)
		case MatrixProse:
			l.proseRow(m, r)
		case MatrixGrid:
			l.gridRow(m, r)
		}
	}
}

// duplicateRows reports the rows of m whose activity an earlier row of
// the same group and qualifiers names already (activities compared as diff
// pairs them: case, accents and punctuation aside): the same duty twice,
// or, when their assignments differ, two answers to one question.
func (l *linter) duplicateRows(m *Matrix) {
	var first map[string]int // row key → index of its first row
	for i := range m.Rows {
		r := &m.Rows[i]
		if r.Heading || r.Activity == "" {
			continue
		}
		key := rowKey(r)
		if key == "" {
			continue
		}
		key = r.Group + "\x00" + qualifierList(r.Qualifiers) + "\x00" + key
		if first == nil {
			first = make(map[string]int, len(m.Rows))
		}
		j, seen := first[key]
		if !seen {
			first[key] = i
			continue
		}
		prev := &m.Rows[j]
		what := "repeats"
		if !sameAssignments(prev, r) {
			what = "assigns it otherwise than"
		}
		l.add(CodeDuplicateRow, SevWarning, r.Line, 0, "activity %q is written twice in this matrix: this row %s the row of line %d",
			diag.Clip(r.Activity, 60), what, prev.Line)
	}
}

// sameAssignments reports whether two rows give every party the same
// roles and duties.
func sameAssignments(a, b *Row) bool {
	if len(a.Assignments) != len(b.Assignments) {
		return false
	}
	for id, x := range a.Assignments {
		y, ok := b.Assignments[id]
		if !ok || !sameRoles(x, y) || dutiesOf(x) != dutiesOf(y) {
			return false
		}
	}
	return true
}

// rowHasKeyword reports whether a text of r that keywords reads (the
// activity, the comment, a party's duties, an extra cell) holds an
// unresolved keyword reference.
func rowHasKeyword(r *Row) bool {
	if unresolvedKeyword(r.Activity) || unresolvedKeyword(r.Comment) {
		return true
	}
	for _, a := range r.Assignments {
		if a != nil && slices.ContainsFunc(a.Duties, unresolvedKeyword) {
			return true
		}
	}
	for _, e := range r.Extra {
		if unresolvedKeyword(e.Text) {
			return true
		}
	}
	return false
}

// keywords reports unresolved keyword references in a row's cells: for
// each cell, in column order, the first one it holds outside code
// (references in code spans are never resolved, so they are not
// unresolved), at the reference when the cell shows it on its first line.
func (l *linter) keywords(m *Matrix, r *Row) {
	if !rowHasKeyword(r) {
		return // most rows: spare gathering their texts in order
	}
	// the cells' texts (a party's duties; the whole text for the others),
	// the cells as written ("": unknown) and where they are (col 0:
	// unknown)
	type written struct {
		texts     []string
		raw       string
		line, col int
	}
	texts := []written{
		{[]string{r.Activity}, r.activityRaw, r.activityAt.Line, r.activityAt.Col},
		{[]string{r.Comment}, r.commentRaw, r.commentAt.Line, r.commentAt.Col},
	}
	// every assignment, in column order, then (grids name their parties
	// in cells) the others by id: the same finding on every run
	ids := partyIDs(m)
	var others []string
	for id := range r.Assignments {
		if !slices.Contains(ids, id) {
			others = append(others, id)
		}
	}
	sort.Strings(others)
	for _, id := range append(ids, others...) {
		if a := r.Assignments[id]; a != nil && len(a.Duties) > 0 {
			texts = append(texts, written{a.Duties, a.Raw, a.Line, a.Col})
		}
	}
	for _, e := range r.Extra {
		texts = append(texts, written{[]string{e.Text}, e.Raw, e.Line, e.Col})
	}
	for _, t := range texts {
		if !slices.ContainsFunc(t.texts, unresolvedKeyword) {
			continue
		}
		all := t.texts[0]
		if len(t.texts) > 1 {
			all = strings.Join(t.texts, "\n")
		}
		ref, i, ok := unresolvedRef(all, t.raw)
		if !ok {
			continue // every reference is in code
		}
		line, col := r.Line, 0
		if t.line > 0 {
			line = t.line
		}
		// at the reference, when the cell as written shows it on its
		// first line
		if i >= 0 && t.col > 0 && !strings.Contains(t.raw[:i], "\n") {
			col = t.col + i
		}
		text := t.texts[0] // the text (duty) holding the reference
		for _, x := range t.texts {
			if strings.Contains(x, ref) {
				text = x
				break
			}
		}
		l.add(CodeUnresolvedKeyword, SevWarning, line, col, "unresolved keyword in %q", diag.Clip(text, 60))
	}
}

// unresolvedRef returns the first keyword reference of text, a cell's
// text (where resolved references show their values), that raw, the cell
// as written, holds outside code spans, and where raw holds it: ok is
// false when raw holds every reference of text in code spans only. A
// reference raw does not hold as text shows it (a value that holds it) is
// at raw's first reference outside code; with raw unknown (""), the first
// reference of text is unresolved, at -1.
func unresolvedRef(text, raw string) (ref string, at int, ok bool) {
	var code [][2]int
	if raw != "" {
		code = table.CodeSpans([]byte(raw))
	}
	for k := 0; k < len(text); {
		i := strings.Index(text[k:], "{{site.data.")
		if i < 0 {
			break
		}
		ref = text[k+i:]
		if e := strings.Index(ref, "}}"); e >= 0 {
			ref = ref[:e+2]
		} else if w := strings.IndexAny(ref, " \t\n"); w >= 0 {
			ref = ref[:w] // unterminated: up to the white space
		}
		k += i + len(ref)
		if raw == "" {
			return ref, -1, true
		}
		// a reference is resolved everywhere outside code or nowhere:
		// text holds it more often than raw's code spans do when it is
		// left as written outside them
		first, inCode := -1, 0
		for j := 0; j < len(raw); {
			x := strings.Index(raw[j:], ref)
			if x < 0 {
				break
			}
			x += j
			if inSpans(code, x) {
				inCode++
			} else if first < 0 {
				first = x
			}
			j = x + len(ref)
		}
		if strings.Count(text, ref) > inCode {
			if first < 0 {
				first = outsideSpans(raw, "{{", code)
			}
			return ref, first, true
		}
	}
	return "", -1, false
}

// inSpans reports whether byte i is inside one of spans.
func inSpans(spans [][2]int, i int) bool {
	for _, s := range spans {
		if i >= s[0] && i < s[1] {
			return true
		}
	}
	return false
}

// outsideSpans returns where s first holds sub outside spans; -1 for
// nowhere.
func outsideSpans(s, sub string, spans [][2]int) int {
	for j := 0; j < len(s); {
		x := strings.Index(s[j:], sub)
		if x < 0 {
			return -1
		}
		if x += j; !inSpans(spans, x) {
			return x
		}
		j = x + len(sub)
	}
	return -1
}

// tokenAt returns where s holds tok as a whole token, from from on: not
// preceded nor followed by a letter or digit ("on" in "Conditional on" is
// the second word, not the letters inside the first); -1 for none.
func tokenAt(s, tok string, from int) int {
	if tok == "" {
		return -1
	}
	for from <= len(s) {
		i := strings.Index(s[from:], tok)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(tok):])
		if !isWordRune(before) && !isWordRune(after) {
			return i
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		from = i + w
	}
	return -1
}

// isWordRune reports whether r is a letter or a digit (utf8.RuneError, for
// the ends of a text, is neither).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// cellOf re-reads an assignment's cell (also for documents read from JSON).
func (l *linter) cellOf(a *Assignment) cellValue {
	if a.parsed != nil && a.parsed.status != "" {
		return *a.parsed
	}
	text := a.text
	if text == "" {
		text = a.Raw
	}
	return parseLetters(text, l.lg)
}

// partyIDs returns the assignment keys in column order of m.
func partyIDs(m *Matrix) []string {
	var ids []string
	for _, c := range m.Columns {
		if c.Role == ColParty {
			ids = append(ids, c.Party)
		}
	}
	return ids
}

// letterRow lints a RACI or check row.
func (l *linter) letterRow(m *Matrix, r *Row) {
	acc, resp := l.lg.letterFor("accountable"), l.lg.letterFor("responsible")
	var accountable []string
	anyRole, responsible := false, false
	for _, id := range partyIDs(m) {
		a := r.Assignments[id]
		if a == nil {
			continue
		}
		l.letterCell(m, id, a)
		for _, x := range a.Roles {
			anyRole = true
			if x == acc {
				accountable = append(accountable, l.name(id))
			}
			if x == resp {
				responsible = true
			}
		}
	}
	switch {
	case !anyRole:
		switch {
		case allStatus(r, StatusNotApplicable):
		case allStatus(r, StatusEmpty) && len(r.Extra) == 0 && r.Activity != "":
			// blank but for its activity: perhaps a group's name
			l.add(CodeEmptyRow, SevError, r.Line, 0, "no party has a role in %q (a row naming a group of the rows below it is written in bold)",
				diag.Clip(r.Activity, 60))
		default:
			l.add(CodeEmptyRow, SevError, r.Line, 0, "no party has a role in %q", diag.Clip(r.Activity, 60))
		}
		return
	case m.Kind == MatrixCheck:
		return
	}
	if acc != "" && len(accountable) == 0 {
		l.add(CodeNoAccountable, SevError, r.Line, 0, "no party is Accountable for %q", diag.Clip(r.Activity, 60))
	}
	if len(accountable) > 1 {
		l.add(CodeManyAccountable, SevError, r.Line, 0, "more than one party is Accountable for %q: %s", diag.Clip(r.Activity, 60), strings.Join(accountable, ", "))
	}
	if resp != "" && !responsible {
		l.add(CodeNoResponsible, SevWarning, r.Line, 0, "no party is Responsible for %q", diag.Clip(r.Activity, 60))
	}
}

// allStatus reports whether every assignment of r has status s.
func allStatus(r *Row, s string) bool {
	for _, a := range r.Assignments {
		if a.Status != s {
			return false
		}
	}
	return len(r.Assignments) > 0
}

// letterCell lints one role-letter cell.
func (l *linter) letterCell(m *Matrix, id string, a *Assignment) {
	v := l.cellOf(a)
	line, col := a.Line, a.Col
	from := 0                  // the tokens come in order: the next one is after the last
	var missed map[string]bool // tokens not found after from: nor later
	for _, u := range v.unknown {
		at := col // at the token, when the cell as written shows it
		i := -1
		if !missed[u] {
			i = tokenAt(a.Raw, u, from)
		}
		switch {
		case i >= 0:
			from = i + len(u)
			if col > 0 && !strings.Contains(a.Raw[:i], "\n") {
				at = col + i
			}
		case missed == nil:
			missed = map[string]bool{u: true}
		default:
			missed[u] = true
		}
		switch {
		case m.Kind == MatrixCheck:
			// a word among marks ("Primary" beside "X"): no letters meant
			l.add(CodeUndefinedLetter, SevError, line, at, "%q in column %q is neither a check mark nor role letters the legend defines", u, column(m, id))
		case len([]rune(u)) == 1:
			l.add(CodeUndefinedLetter, SevError, line, at, "letter %q in column %q is not defined by the legend", u, column(m, id))
		default:
			l.add(CodeUndefinedLetter, SevError, line, at, "%q in column %q is not a run of role letters the legend defines", u, column(m, id))
		}
	}
	for _, x := range v.dups {
		l.add(CodeDuplicateLetter, SevWarning, line, col, "%s (%s) is written twice in column %q", l.lg.roleName(x), x, column(m, id))
	}
	if v.placeholder && v.status != StatusFilled {
		l.add(CodePlaceholder, SevWarning, line, col, "the cell in column %q is a placeholder (%q)", column(m, id), a.Raw)
	}
	if p, ok := l.remarkPlaceholder(a, v); ok {
		l.add(CodePlaceholder, SevWarning, line, col, "the cell in column %q holds a placeholder (%q)", column(m, id), p)
	}
	if v.status == StatusFilled && !v.check && len(v.unknown) == 0 && !v.canonical && m.Kind == MatrixRACI {
		l.add(CodeNonCanonical, SevInfo, line, col, "%q reads as %s (%s)", strings.TrimSpace(a.Raw), strings.Join(a.Roles, ""), l.spell(a.Roles))
	}
}

// remarkPlaceholder returns the placeholder a letter cell holds beside its
// letters: a remark after them that is a placeholder ("RA (TBD)"), which
// letterRemark makes the cell's duty. A cell read with its placeholder
// flagged but not kept as a duty is re-read for it.
func (l *linter) remarkPlaceholder(a *Assignment, v cellValue) (string, bool) {
	if v.status != StatusFilled {
		return "", false // a placeholder cell is reported as one
	}
	for _, d := range v.duties {
		if isPlaceholder(d) {
			return diag.Clip(strings.TrimSpace(d), 60), true
		}
	}
	if !v.placeholder {
		return "", false
	}
	s, _ := liftNotes(nonASCII(homoglyphs, plain(a.Text())))
	if _, remark, ok := letterRemark(s, l.lg); ok && isPlaceholder(remark) {
		return diag.Clip(strings.TrimSpace(remark), 60), true
	}
	return diag.Clip(a.Raw, 60), true
}

// spell spells letters out: "Responsible, Accountable".
func (l *linter) spell(letters []string) string {
	names := make([]string, len(letters))
	for i, x := range letters {
		names[i] = l.lg.roleName(x)
	}
	return strings.Join(names, ", ")
}

// proseRow lints a prose row.
func (l *linter) proseRow(m *Matrix, r *Row) {
	for _, id := range partyIDs(m) {
		a := r.Assignments[id]
		if a == nil {
			continue
		}
		switch a.Status {
		case StatusFilled:
			// a placeholder item beside duties ("- Back up data. \n -
			// NEED CONTENT"): parseDuties leaves it out of the duties
			if a.parsed != nil && a.parsed.placeholder {
				l.add(CodePlaceholder, SevWarning, a.Line, a.Col, "the cell in column %q holds a placeholder (%q)", column(m, id), placeholderText(a))
			}
		case StatusPlaceholder:
			l.add(CodePlaceholder, SevWarning, a.Line, a.Col, "the cell in column %q is a placeholder (%q)", column(m, id), diag.Clip(a.Raw, 60))
		case StatusEmpty:
			line := a.Line
			if line == 0 {
				line = r.Line
			}
			l.add(CodeEmptyProse, SevWarning, line, a.Col, "column %q is empty for %q", column(m, id), diag.Clip(r.Activity, 60))
		}
	}
}

// placeholderWordRE finds a placeholder inside a cell's text (see
// placeholderRE), and placeholderMarksRE a run of question marks standing
// alone.
var (
	placeholderWordRE  = regexp.MustCompile(`(?i)\b(needs? content|tbd|tbc|todo|xxx+|replace_me|lorem ipsum|to be (?:defined|determined|completed))\b`)
	placeholderMarksRE = regexp.MustCompile(`(?:^|\s)(\?+)(?:\s|$)`)
)

// placeholderText returns the placeholder a prose cell holds beside its
// duties, as its text writes it ("NEED CONTENT"): looked for in what the
// duties leave of the text, then in the whole text; else the cell as
// written.
func placeholderText(a *Assignment) string {
	text := a.Text()
	rest := text
	for _, d := range a.Duties {
		rest = strings.Replace(rest, d, " ", 1)
	}
	for _, s := range []string{rest, text} {
		if m := placeholderWordRE.FindString(s); m != "" {
			return m
		}
		if m := placeholderMarksRE.FindStringSubmatch(s); m != nil {
			return m[1]
		}
	}
	return diag.Clip(a.Raw, 60)
}

// gridRow lints a grid row as letterRow lints a letter row, when the grid
// has role columns ("Accountable", "Who is accountable (A)"): their cells
// name the parties that hold the role (the other categories' parties hold
// R). A grid of categories alone ("IBM | Shared | You") has no roles to
// check; nor has a row where no party holds a role (a row of headings,
// "**Day 0**", or cells naming no party). A role is checked only where a
// column gives it: a grid of one "Responsible" column says nothing of who
// is accountable.
// notApplicable reports whether r's cell in m's column of role letter
// says "not applicable" ("n/a" under "Who is accountable (A)": nobody is,
// on purpose).
func notApplicable(m *Matrix, r *Row, letter string) bool {
	for _, c := range m.Columns {
		if c.Role == ColCategory && c.Letter == letter {
			if cat := r.Categories[c.Key]; cat != nil && cat.Status == StatusNotApplicable {
				return true
			}
		}
	}
	return false
}

func (l *linter) gridRow(m *Matrix, r *Row) {
	acc, resp := l.lg.letterFor("accountable"), l.lg.letterFor("responsible")
	roles, accCol, respCol := false, false, false
	for _, c := range m.Columns {
		if c.Role != ColCategory {
			continue
		}
		roles = roles || c.Letter != ""
		accCol = accCol || acc != "" && c.Letter == acc
		respCol = respCol || resp != "" && (c.Letter == resp || c.Letter == "")
	}
	if !roles {
		return
	}
	// the parties in the order the row's cells name them: the
	// accountable cells' first, then column by column, then any other by
	// id (so that the accountable are named as the cells write them)
	var ids []string
	for _, first := range []bool{true, false} {
		for _, c := range m.Columns {
			if cat := r.Categories[c.Key]; c.Role == ColCategory && cat != nil && (c.Letter == acc && acc != "") == first {
				for _, id := range cat.Parties {
					if r.Assignments[id] != nil && !slices.Contains(ids, id) {
						ids = append(ids, id)
					}
				}
			}
		}
	}
	var others []string
	for id := range r.Assignments {
		if !slices.Contains(ids, id) {
			others = append(others, id)
		}
	}
	sort.Strings(others)
	ids = append(ids, others...)
	var accountable []string
	anyRole, responsible := false, false
	for _, id := range ids {
		a := r.Assignments[id]
		if a == nil {
			continue
		}
		for _, x := range a.Roles {
			anyRole = true
			if x == acc && acc != "" {
				accountable = append(accountable, l.name(id))
			}
			if x == resp && resp != "" {
				responsible = true
			}
		}
	}
	if !anyRole {
		return
	}
	if accCol && len(accountable) == 0 && !notApplicable(m, r, acc) {
		l.add(CodeNoAccountable, SevError, r.Line, 0, "no party is Accountable for %q", diag.Clip(r.Activity, 60))
	}
	if len(accountable) > 1 {
		l.add(CodeManyAccountable, SevError, r.Line, 0, "more than one party is Accountable for %q: %s", diag.Clip(r.Activity, 60), strings.Join(accountable, ", "))
	}
	if respCol && !responsible {
		l.add(CodeNoResponsible, SevWarning, r.Line, 0, "no party is Responsible for %q", diag.Clip(r.Activity, 60))
	}
}

// anchors reports ids used twice among headings, matrices and rows, as far
// as the model sees them: its headings are only those on the matrices'
// section paths, without their positions or whether their ids were
// written, and a heading is on several paths, so two headings with one id
// are not told from one heading seen twice. The Markdown reader reports
// what the model cannot see (heading.CodeDuplicateAnchor, in the reading
// diagnostics): an attribute-list id given to two headings, to a table and
// a heading after it, to a table and a heading off its section path.
func (l *linter) anchors() {
	type use struct {
		what string
		line int
	}
	// about how many ids check sees: each matrix's, its rows', and a
	// heading for it (matrices share their sections' headings)
	ids := 0
	for i := range l.d.Matrices {
		ids += 2 + len(l.d.Matrices[i].Rows)
	}
	seen := make(map[string]use, ids)
	check := func(id, what string, line, col int) {
		if id == "" {
			return
		}
		if prev, ok := seen[id]; ok && !(prev.what == "heading" && what == "heading") {
			l.add(CodeDuplicateAnchor, SevError, line, col, "anchor %q of this %s is already used by the %s at line %d", id, what, prev.what, prev.line)
			return
		}
		seen[id] = use{what, line}
	}
	for k := range l.d.Matrices {
		m := &l.d.Matrices[k]
		for i, h := range m.Section {
			if _, ok := seen[h.Anchor]; !ok {
				line := m.Line // read from JSON: the matrix's
				if i < len(m.sectionLines) && m.sectionLines[i] > 0 {
					line = m.sectionLines[i]
				}
				check(h.Anchor, "heading", line, 0)
			}
		}
	}
	for k := range l.d.Matrices {
		m := &l.d.Matrices[k]
		check(m.ID, "matrix", m.Line, 0)
		for i := range m.Rows {
			check(m.Rows[i].ID, "row", m.Rows[i].Line, 0)
		}
	}
}

// name is the name of the party of id, as the document writes it; the id
// when the document has no such party.
func (l *linter) name(id string) string {
	for i := range l.d.Parties {
		if p := &l.d.Parties[i]; p.ID == id && p.Name != "" {
			return p.Name
		}
	}
	return id
}

// column is the header of m's column of the party of id, as the reader
// sees it; the id when m has no such column.
func column(m *Matrix, id string) string {
	for _, c := range m.Columns {
		if c.Role == ColParty && c.Party == id {
			if h := plain(c.Header); h != "" {
				return h
			}
		}
	}
	return id
}

// spellings reports parties written two ways in one document.
func (l *linter) spellings() {
	for _, p := range l.d.Parties {
		if len(p.names) < 2 {
			continue
		}
		quoted := make([]string, len(p.names))
		for i, n := range p.names {
			quoted[i] = fmt.Sprintf("%q", n)
		}
		sort.Strings(quoted[1:])
		l.add(CodePartySpelling, SevWarning, p.line, 0, "party %s is spelled %d ways: %s", p.Name, len(p.names), strings.Join(quoted, ", "))
	}
}
