package model

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/source"
	"github.com/mdraci/mdraci/extension/table"
)

// cellValue is a normalized party cell.
type cellValue struct {
	status      string
	roles       []string // canonical letters, legend order
	duties      []string // prose items
	unknown     []string // tokens that are no defined letter
	dups        []string // letters written twice
	marks       []string // footnote marks lifted off the cell
	check       bool     // a check mark (✓, X, Yes)
	negative    bool     // a negative mark (No, ✗): empty, classed as text
	canonical   bool     // written exactly as the canonical letters
	placeholder bool     // holds a placeholder (possibly next to duties)
}

// letters reports whether v is a clean role-letter cell.
func (v cellValue) letters() bool {
	return len(v.roles) > 0 && len(v.unknown) == 0
}

// homoglyphs maps look-alike letters (Cyrillic, full width) to Latin.
var homoglyphs = func() *strings.Replacer {
	pairs := []string{"А", "A", "В", "B", "С", "C", "Е", "E", "Н", "H", "І", "I", "К", "K", "М", "M",
		"О", "O", "Р", "R", "Т", "T", "Х", "X", "Ѕ", "S", "а", "a", "с", "c", "е", "e", "о", "o", "і", "i"}
	for r := 'Ａ'; r <= 'Ｚ'; r++ {
		pairs = append(pairs, string(r), string('A'+(r-'Ａ')))
	}
	return strings.NewReplacer(pairs...)
}()

// checkMarks are folded cells meaning "this party does it".
var checkMarks = map[string]bool{
	"✓": true, "✔": true, "✔️": true, "☑": true, "✅": true, "x": true, "yes": true, "y": true, "oui": true, "●": true, "•": true,
}

// wordRoles map folded whole words to role names.
var wordRoles = map[string]string{
	"responsible": "responsible", "responsable": "responsible", "responsables": "responsible",
	"realise": "responsible", "realisateur": "responsible", "realisation": "responsible",
	"accountable": "accountable", "approuve": "accountable", "approbateur": "accountable",
	"consulted": "consulted", "consult": "consulted", "consulte": "consulted", "consultee": "consulted", "consultes": "consulted",
	"informed": "informed", "inform": "informed", "informe": "informed", "informee": "informed", "informes": "informed",
	"support": "support", "supports": "support", "supportive": "support", "verifier": "verifier", "verify": "verifier", "verifies": "verifier",
	"signatory": "signatory", "signs": "signatory", "omitted": "omitted",
}

// CheckMarkLen returns the length of the check mark s starts with ("✓",
// "X", "Yes", "Oui", "•"), a check matrix's R, up to a blank or "(" (the
// remark: "✓ (on request)"); 0 when s starts with none.
func CheckMarkLen(s string) int {
	end := strings.IndexAny(s, " \t(")
	if end < 0 {
		end = len(s)
	}
	if end == 0 || end > 16 || !isCheckMark(s[:end]) {
		return 0
	}
	return end
}

// IsRoleWord reports whether word is a role spelled out, in any case, with
// or without accents: "Responsible", "Accountable", "Responsable",
// "Consulté", "Informed", "Signatory" (the words a letter cell may hold in
// place of its letter).
func IsRoleWord(word string) bool {
	_, ok := wordRoles[fold(word)]
	return ok
}

var enChargeRE = regexp.MustCompile(`(?i)\ben charge\b`)

// RolePhrase returns the length of the role spelled out in several words
// that s starts with, in any case ("En charge": Accountable, in French),
// blanks between its words; 0 when s starts with none.
func RolePhrase(s string) int {
	if len(s) < 9 || !strings.EqualFold(s[:2], "en") {
		return 0
	}
	i := 2
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i == 2 || len(s)-i < 6 || !strings.EqualFold(s[i:i+6], "charge") {
		return 0
	}
	end := i + 6
	if r, _ := utf8.DecodeRuneInString(s[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
		return 0 // "chargement"
	}
	return end
}

// parseLetters normalizes a role-letter cell: "RA", "A / R", "R, A",
// "A & R", "**RA**", "RA*", "ra", "Responsible", "Responsable" … A run of
// letters splits only when the legend defines every letter.
func parseLetters(text string, lg *legend) cellValue {
	s, marks := liftNotes(nonASCII(homoglyphs, plain(text)))
	v := cellValue{marks: marks}
	if v.status = blankStatus(s); v.status != "" {
		v.placeholder = v.status == StatusPlaceholder
		return v
	}
	if isNegativeMark(s) && !lg.has(strings.ToUpper(s)) {
		// "No" beside "Yes": no part. It classifies a column as text
		// does: a "Differences" column of "Yes" and "No" is no party's
		v.status, v.negative = StatusEmpty, true
		return v
	}
	v.status = StatusFilled
	if isCheckMark(s) && !lg.has(strings.ToUpper(s)) {
		v.check = true
		return v
	}
	if letters, remark, ok := letterRemark(s, lg); ok {
		// "R (on request)": the remark is the cell's duty
		s, v.duties = letters, []string{remark}
		if len(v.marks) == 0 {
			s, v.marks = liftNotes(s) // "RA* (see the SLA)"
		}
		if st := blankStatus(s); st != "" {
			// "N/A (see note)": no role, and no duty (the remark stays
			// in the cell's raw text)
			v.status, v.placeholder, v.duties = st, st == StatusPlaceholder, nil
			return v
		}
		if isCheckMark(s) && !lg.has(strings.ToUpper(s)) {
			v.check = true // "✓ (on request)"
			return v
		}
	}
	before, gloss := glossed(s, lg)
	if gloss {
		s = before // "R (Responsible)": the letter spelled out again
	}
	if inner, ok := dropGlosses(s, lg); ok {
		s, gloss = inner, true // "A (Accountable), R"
	}
	var letters []string
	toks := s
	if containsFold(s, "en charge") { // else enChargeRE cannot match
		toks = enChargeRE.ReplaceAllString(s, "A")
	}
	for _, tok := range splitTokens(toks) {
		letters = append(letters, v.readToken(tok, lg)...)
	}
	seen := map[string]bool{}
	for _, l := range letters {
		if seen[l] {
			v.dups = appendUnique(v.dups, l)
		}
		seen[l] = true
	}
	uniq := make([]string, 0, len(seen))
	for l := range seen {
		uniq = append(uniq, l)
	}
	v.roles = lg.order(uniq)
	v.canonical = !gloss && s == strings.Join(v.roles, "") && len(v.dups) == 0
	return v
}

// letterRemark splits a cell that ends with a remark in parentheses after
// its text into the text and the remark: "R (on request)" → "R", "on
// request". ok is false when the cell has no such remark, nothing before
// it, or when the remark is role letters itself ("A (C)", "A(C)").
func letterRemark(s string, lg *legend) (text, remark string, ok bool) {
	if !strings.HasSuffix(s, ")") {
		return s, "", false // most cells: spare cutParen
	}
	before, paren, ok := cutParen(s)
	if !ok || before == "" {
		return s, "", false
	}
	remark = strings.TrimSpace(strings.TrimSpace(paren)[1:])
	remark = strings.TrimSpace(remark[:len(remark)-1])
	if remark == "" || classifyLetters(remark, lg) == classLetters {
		return s, "", false
	}
	return before, remark, true
}

// glossed returns the letters of a cell that ends with its letters spelled
// out in parentheses ("R (Responsible)", "A/R (Accountable, Responsible)"):
// the part before them; ok is false for any other cell.
func glossed(s string, lg *legend) (string, bool) {
	if !strings.HasSuffix(s, ")") {
		return s, false
	}
	before, paren, ok := cutParen(s)
	if !ok || strings.TrimSpace(before) == "" || len(before) > 32 || len(paren) > 96 {
		// letters are short: reading a long cell's parts again, as
		// letters, would cost its length squared ("R (1) (1) …")
		return s, false
	}
	inner := strings.TrimSpace(paren)
	if !isGloss(before, inner[1:len(inner)-1], lg) {
		return s, false
	}
	return strings.TrimSpace(before), true
}

// maxGlossCell is the length of the longest cell dropGlosses reads: letter
// cells are short, and reading a long cell's parts again would cost its
// length squared.
const maxGlossCell = 96

// dropGlosses returns s without the letters spelled out in parentheses
// after them inside the cell ("A (Accountable), R" is "A, R"): a group in
// parentheses whose letters the text before it, back to a "," or ";",
// holds. ok is false when s has no such group.
func dropGlosses(s string, lg *legend) (string, bool) {
	if len(s) > maxGlossCell || strings.IndexByte(s, '(') < 0 {
		return s, false
	}
	var b strings.Builder
	written, segment := 0, 0 // s[:written] is in b; the segment starts at segment
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';':
			segment = i + 1
		case '(':
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				i = len(s)
				break
			}
			end += i
			if isGloss(s[segment:i], s[i+1:end], lg) {
				b.WriteString(trimRightReSpace(s[written:i]))
				written = end + 1
			}
			segment, i = end+1, end
		}
	}
	if written == 0 {
		return s, false
	}
	b.WriteString(s[written:])
	return strings.TrimSpace(b.String()), true
}

// isGloss reports whether inner spells out letters that before holds:
// "Accountable" after "A", "Responsible, Accountable" after "R/A".
func isGloss(before, inner string, lg *legend) bool {
	before, inner = strings.TrimSpace(before), strings.TrimSpace(inner)
	if before == "" || inner == "" {
		return false
	}
	bv, iv := parseLetters(before, lg), parseLetters(inner, lg)
	if !bv.letters() || !iv.letters() || len(iv.roles) == 0 {
		return false
	}
	for _, r := range iv.roles {
		if !slices.Contains(bv.roles, r) {
			return false
		}
	}
	return true
}

// cellClass is what the column statistics need to know of a cell.
type cellClass uint8

const (
	classOther   cellClass = iota // text, party names
	classBlank                    // empty, not applicable, placeholder
	classCheck                    // a check mark
	classLetters                  // clean role letters
)

// class is the class of a parsed cell.
func (v cellValue) class() cellClass {
	switch {
	case v.negative:
		return classOther
	case v.status != StatusFilled:
		return classBlank
	case v.check:
		return classCheck
	case v.letters():
		return classLetters
	}
	return classOther
}

// classifyLetters tells what parseLetters would make of text: a blank
// (status other than filled), a check mark, clean role letters
// (cellValue.letters) or other; it stops at the first token that is no
// letter and keeps nothing, so that the many cells of tables that are no
// matrix cost little.
func classifyLetters(text string, lg *legend) cellClass {
	s, marks := liftNotes(nonASCII(homoglyphs, plain(text)))
	if blankStatus(s) != "" {
		return classBlank
	}
	if isCheckMark(s) && !lg.has(strings.ToUpper(s)) {
		return classCheck
	}
	if letters, _, ok := letterRemark(s, lg); ok {
		s = letters
		if len(marks) == 0 {
			s, _ = liftNotes(s)
		}
		if blankStatus(s) != "" {
			return classBlank // "N/A (see note)"
		}
		if isCheckMark(s) && !lg.has(strings.ToUpper(s)) {
			return classCheck // "✓ (on request)"
		}
	}
	if containsFold(s, "en charge") {
		s = enChargeRE.ReplaceAllString(s, "A")
	}
	roles := false
	for len(s) > 0 {
		i := strings.IndexFunc(s, func(r rune) bool { return !isTokenSeparator(r) })
		if i < 0 {
			break
		}
		s = s[i:]
		end := strings.IndexFunc(s, isTokenSeparator)
		if end < 0 {
			end = len(s)
		}
		n, ok := tokenLetters(s[:end], lg)
		if !ok {
			return classOther
		}
		roles = roles || n > 0
		s = s[end:]
	}
	if roles {
		return classLetters
	}
	return classOther
}

// tokenLetters tells how many letters readToken reads from tok, and false
// when it would record tok as unknown.
func tokenLetters(tok string, lg *legend) (int, bool) {
	if len(tok) > 3 || !isLetters(tok) || strings.EqualFold(tok, "and") || strings.EqualFold(tok, "et") {
		switch skip, role := foldedWord(tok); {
		case skip:
			return 0, true
		case role != "":
			return 1, lg.letterFor(role) != ""
		case !isLetters(tok):
			return 0, false
		}
	}
	for i := 0; i < len(tok); i++ {
		if !lg.has(upperLetters[tok[i]&^0x20-'A']) {
			return 0, false
		}
	}
	return len(tok), true
}

// foldedWord reads tok folded as a word of a letter cell: skip is true
// for nothing, "and" or "et", and role is the role the word names
// (wordRoles), "" for none.
func foldedWord(tok string) (skip bool, role string) {
	var buf [16]byte
	if f, ok := asciiFold(&buf, tok); ok {
		return string(f) == "and" || string(f) == "et", wordRoles[string(f)]
	}
	f := fold(tok)
	return f == "" || f == "and" || f == "et", wordRoles[f]
}

// isTokenSeparator reports whether splitTokens splits at r.
func isTokenSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\f', '\r', '/', ',', ';', '+', '&', '|', '(', ')', '[', ']':
		return true
	}
	return false
}

// splitTokens splits s at runs of white space and "/,;+&|()[]", dropping
// the empty tokens (which readToken ignores).
func splitTokens(s string) []string {
	return strings.FieldsFunc(s, isTokenSeparator)
}

// isLetters reports whether tok is 1 to 8 ASCII letters, as the regexp
// ^[A-Za-z]{1,8}$ says.
func isLetters(tok string) bool {
	if len(tok) == 0 || len(tok) > 8 {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// readToken reads one token into letters, recording what it cannot read.
func (v *cellValue) readToken(tok string, lg *legend) []string {
	if len(tok) <= 3 && isLetters(tok) && !strings.EqualFold(tok, "and") && !strings.EqualFold(tok, "et") {
		// letters ("R", "RA", "RAC"): no role word is this short
		return v.letterRun(tok, lg)
	}
	switch skip, role := foldedWord(tok); {
	case skip:
		return nil
	case role != "":
		if l := lg.letterFor(role); l != "" {
			return []string{l}
		}
		v.unknown = append(v.unknown, tok)
		return nil
	case !isLetters(tok):
		v.unknown = append(v.unknown, tok)
		return nil
	}
	return v.letterRun(tok, lg)
}

// letterRun reads a token of ASCII letters as role letters, one each,
// when the legend defines them all; else it records the token as unknown.
func (v *cellValue) letterRun(tok string, lg *legend) []string {
	out := make([]string, 0, len(tok))
	for i := 0; i < len(tok); i++ {
		l := upperLetters[tok[i]&^0x20-'A'] // tok is ASCII letters
		if !lg.has(l) {
			v.unknown = append(v.unknown, tok)
			return nil
		}
		out = append(out, l)
	}
	return out
}

// upperLetters are the strings "A" to "Z".
var upperLetters = func() (out [26]string) {
	for i := range out {
		out[i] = string(rune('A' + i))
	}
	return out
}()

// isCheckMark reports whether s, folded, is one of checkMarks.
func isCheckMark(s string) bool {
	if len(s) > 32 && !hasMarkup(s) {
		// folds to nothing as short as a mark (markup would: fold strips
		// it, and stripping "__" may leave "**" to strip)
		return false
	}
	var buf [16]byte
	if f, ok := asciiFold(&buf, s); ok {
		return checkMarks[string(f)]
	}
	return checkMarks[fold(s)]
}

// negativeMarks are the folded cells that say a party has no part in a
// check matrix ("Yes" | "No").
var negativeMarks = map[string]bool{"no": true, "non": true, "✗": true, "✘": true, "❌": true, "✕": true}

// isNegativeMark reports whether s, folded, is one of negativeMarks.
func isNegativeMark(s string) bool {
	if len(s) > 8 {
		return false
	}
	var buf [16]byte
	if f, ok := asciiFold(&buf, s); ok {
		return negativeMarks[string(f)]
	}
	return negativeMarks[fold(s)]
}

// containsFold reports whether s holds substr (ASCII, lower case),
// ignoring ASCII case.
func containsFold(s, substr string) bool {
	for i := 0; i+len(substr) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(substr)], substr) {
			return true
		}
	}
	return false
}

// blankStatus returns the status of a cell that holds no content (empty,
// not-applicable, placeholder), "" for a cell with content.
func blankStatus(s string) string {
	switch {
	case isDash(s):
		return StatusEmpty
	case isNotApplicable(s):
		return StatusNotApplicable
	case isPlaceholder(s):
		return StatusPlaceholder
	}
	return ""
}

// parseDuties normalizes a prose cell: one duty per list item (Cell.Items),
// else one for the whole cell; placeholders are not duties.
func parseDuties(c source.Cell) cellValue {
	items := c.Items
	if items == nil {
		items = []string{c.Text}
	}
	v := cellValue{}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if c.Items != nil {
			// a piece read as a line among others keeps its marker
			// in the cell, not as a duty ("* Update IAM policies")
			if mayStartItem(it) {
				it = strings.TrimSpace(it[table.MarkerLen(it):])
			}
		}
		switch blankStatus(it) {
		case StatusPlaceholder:
			v.placeholder = true
		case "":
			v.duties = append(v.duties, it)
		}
	}
	switch {
	case len(v.duties) > 0:
		v.status = StatusFilled
	case v.placeholder:
		v.status = StatusPlaceholder
	case isNotApplicable(c.Text):
		v.status = StatusNotApplicable
	default:
		v.status = StatusEmpty
	}
	return v
}

// mayStartItem reports whether a cell's piece may start with a list marker
// (table.MarkerLen): "-", "+", "*" or a digit first; the others, most
// pieces, spare MarkerLen its copy of the piece.
func mayStartItem(it string) bool {
	return len(it) > 1 && (it[0] == '-' || it[0] == '+' || it[0] == '*' || isDigit(it[0]))
}
