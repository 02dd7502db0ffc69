package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/source"
)

// legend is the document's letter set with a lookup by letter.
type legend struct {
	entries  []LegendEntry
	byLetter map[string]int
	// upper tells which of the letters A to Z the legend defines (has
	// asks of them most)
	upper [26]bool
}

// newLegend indexes entries; later duplicates of a letter are dropped.
func newLegend(entries []LegendEntry) *legend {
	lg := &legend{byLetter: map[string]int{}}
	lg.add(entries)
	return lg
}

// add appends the entries whose letters are not yet defined.
func (lg *legend) add(entries []LegendEntry) {
	for _, e := range entries {
		if _, ok := lg.byLetter[e.Letter]; ok {
			continue
		}
		lg.byLetter[e.Letter] = len(lg.entries)
		if l := e.Letter; len(l) == 1 && 'A' <= l[0] && l[0] <= 'Z' {
			lg.upper[l[0]-'A'] = true
		}
		lg.entries = append(lg.entries, e)
	}
}

// has reports whether the legend defines letter.
func (lg *legend) has(letter string) bool {
	if len(letter) == 1 && 'A' <= letter[0] && letter[0] <= 'Z' {
		return lg.upper[letter[0]-'A']
	}
	_, ok := lg.byLetter[letter]
	return ok
}

// letterFor returns the legend letter of a role name ("accountable" → "A").
func (lg *legend) letterFor(role string) string {
	for _, e := range lg.entries {
		if e.Role == role {
			return e.Letter
		}
	}
	return ""
}

// roleName spells a letter out for messages ("A" → "Accountable").
func (lg *legend) roleName(letter string) string {
	if i, ok := lg.byLetter[letter]; ok && lg.entries[i].Role != "other" {
		r := lg.entries[i].Role
		return strings.ToUpper(r[:1]) + r[1:]
	}
	return letter
}

// order sorts letters in legend order, unknown letters last.
func (lg *legend) order(letters []string) []string {
	out := make([]string, 0, len(letters))
	for _, e := range lg.entries {
		for _, l := range letters {
			if l == e.Letter {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// defaultLegend is plain RACI, marked derived.
func defaultLegend() []LegendEntry {
	return []LegendEntry{
		{Letter: "R", Label: "Responsible", Role: "responsible", Derived: true},
		{Letter: "A", Label: "Accountable", Role: "accountable", Derived: true},
		{Letter: "C", Label: "Consulted", Role: "consulted", Derived: true},
		{Letter: "I", Label: "Informed", Role: "informed", Derived: true},
	}
}

// roleKeywords map words of a legend label to role names, most specific first.
var roleKeywords = []struct{ word, role string }{
	{"accountab", "accountable"}, {"garant", "accountable"}, {"guarant", "accountable"},
	{"approu", "accountable"}, {"approv", "accountable"}, {"approb", "accountable"}, {"authority to decide", "accountable"},
	{"final decision", "accountable"},
	{"consult", "consulted"}, {"inform", "informed"},
	{"support", "support"}, {"verif", "verifier"}, {"sign", "signatory"},
	{"omit", "omitted"}, {"out of the loop", "omitted"}, {"order", "orderer"},
	{"responsib", "responsible"}, {"responsab", "responsible"}, {"realis", "responsible"},
	{"in charge", "responsible"}, {"carrying out", "responsible"}, {"execut", "responsible"},
}

// letterRoles are the fallback role names by letter.
var letterRoles = map[string]string{
	"R": "responsible", "A": "accountable", "C": "consulted", "I": "informed",
	"S": "support", "V": "verifier", "O": "omitted",
}

// roleFor maps a legend definition to a role name: by the label's words,
// then the description's, then the letter. The keyword a word starts with
// (never one inside a word: "assigned" does not "sign") that comes first
// in the text wins ("Approbateur de la réalisation" approves), the more
// specific one when two start at the same word.
func roleFor(letter, label, desc string) string {
	if r, ok := roleInWords(label, desc); ok {
		return r
	}
	if r, ok := letterRoles[letter]; ok {
		return r
	}
	return "other"
}

// roleInWords is roleFor without the letter: ok is false when neither the
// label nor the description names a role.
func roleInWords(label, desc string) (string, bool) {
	for _, text := range []string{label, desc} {
		f := fold(text)
		best, at := "", len(f)
		for _, k := range roleKeywords {
			if i := wordPrefixIndex(f, k.word); i >= 0 && i < at {
				best, at = k.role, i
			}
		}
		if best != "" {
			return best, true
		}
	}
	return "", false
}

// wordPrefixIndex returns the index of the first occurrence of word in s
// that starts a word of s (at its start, or after a byte that is no ASCII
// letter or digit; s is folded); -1 when there is none.
func wordPrefixIndex(s, word string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || !isASCIILetter(s[i-1]) && !isDigit(s[i-1]) {
			return i
		}
		from = i + 1
	}
	return -1
}

var (
	// "R : label", "R | Responsible | text |".
	legendLetterFirstRE = regexp.MustCompile(`^([A-Z])\s*[:=|–—-]\s*(\S.*)$`)
	// "(R) Réalise | text".
	legendParenFirstRE = regexp.MustCompile(`^\(([A-Z])\)\s*[:=|–—-]?\s*(\S.*)$`)
	// "Responsible (R)", "Responsible (R): text".
	legendWordFirstRE = regexp.MustCompile(`^(\pL[\pL ]*?)\s*\(([A-Z])\)\s*(?:[:=|–—-]\s*)?(.*)$`)
	// "R (Responsible)".
	legendLetterParenRE = regexp.MustCompile(`^([A-Z])\s*\(([^)]+)\)\s*(?:[:=|–—-]\s*)?(.*)$`)
)

// parseLegendLine reads one legend definition; ok is false when s is not one.
func parseLegendLine(s string) (letter, label, desc string, ok bool) {
	if startsNoLegend(s) {
		return "", "", "", false // most lines of prose: spare the scans below
	}
	return readLegendLine(s)
}

// readLegendLine is parseLegendLine without the first look.
func readLegendLine(s string) (letter, label, desc string, ok bool) {
	if !hasAnyByte(s, "(:=|-") && !strings.Contains(s, "–") && !strings.Contains(s, "—") {
		// plain only removes characters (and turns white space into
		// spaces): mayDefineLetter needs one of these
		return "", "", "", false
	}
	if notLegendStart(s) {
		return "", "", "", false // most lines of prose: spare plain
	}
	s = strings.Trim(plain(s), " |")
	if !mayDefineLetter(s) {
		return "", "", "", false // no pattern below can match: spare the regexps
	}
	return matchLegendLine(s)
}

// matchLegendLine is parseLegendLine's reading of s, plain and trimmed,
// by the legend line regexps.
func matchLegendLine(s string) (letter, label, desc string, ok bool) {
	if m := legendWordFirstRE.FindStringSubmatch(s); m != nil {
		return m[2], strings.TrimSpace(m[1]), trimFields(m[3]), true
	}
	if m := legendLetterParenRE.FindStringSubmatch(s); m != nil {
		return m[1], strings.TrimSpace(m[2]), trimFields(m[3]), true
	}
	m := legendLetterFirstRE.FindStringSubmatch(s)
	if m == nil {
		m = legendParenFirstRE.FindStringSubmatch(s)
	}
	if m != nil {
		fields := splitFields(m[2])
		if len(fields) == 0 {
			return "", "", "", false
		}
		return m[1], fields[0], strings.Join(fields[1:], " | "), true
	}
	return "", "", "", false
}

// startsNoLegend reports, from a look at its first bytes and one search,
// that s is no legend definition: it holds no "(" (plain makes none, so
// no "(X)"), and its first byte past blanks and pipes is a printable ASCII
// character that is no upper-case letter and starts no markup ("<", "*",
// "_"), which plain would keep first; or an upper-case letter followed by
// a letter or digit, which plain would keep after it (no separator).
func startsNoLegend(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '|') {
		i++
	}
	if i == len(s) {
		return false
	}
	switch c := s[i]; {
	case 'A' <= c && c <= 'Z':
		if i+1 == len(s) || !isASCIILetter(s[i+1]) && !isDigit(s[i+1]) {
			return false
		}
	case c <= ' ' || c >= utf8.RuneSelf || c == '<' || c == '*' || c == '_':
		return false
	}
	return strings.IndexByte(s, '(') < 0
}

// mayDefineLetter reports whether s can match one of the legend line
// patterns: it holds "(X)" (an upper-case letter in parentheses), or
// starts with an upper-case letter followed, blanks skipped, by one of
// ":=|-–—(".
func mayDefineLetter(s string) bool {
	if letterInParens(s) {
		return true
	}
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	return startsWithSeparator(trimLeftReSpace(s[1:]))
}

// notLegendStart reports, from a look at the bytes of s, that
// mayDefineLetter(strings.Trim(plain(s), " |")) is false: s holds no
// markup, no "(X)", and does not start (blanks and pipes skipped) with an
// upper-case letter followed, blanks skipped, by a separator.
func notLegendStart(s string) bool {
	if hasAnyByte(s, "<*_") || letterInParens(s) {
		return false // markup plain removes, or "(X)": read it fully
	}
	t := strings.TrimLeftFunc(s, func(r rune) bool { return r == '|' || unicode.IsSpace(r) })
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return true
	}
	return !startsWithSeparator(trimLeftReSpace(t[1:]))
}

// letterInParens reports whether s holds "(X)", an upper-case letter in
// parentheses.
func letterInParens(s string) bool {
	for i := strings.IndexByte(s, '('); i >= 0 && i+2 < len(s); {
		if s[i+1] >= 'A' && s[i+1] <= 'Z' && s[i+2] == ')' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '(')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// startsWithSeparator reports whether s starts with one of ":=|-–—(",
// which may follow a legend's letter.
func startsWithSeparator(s string) bool {
	return strings.HasPrefix(s, ":") || strings.HasPrefix(s, "=") || strings.HasPrefix(s, "|") ||
		strings.HasPrefix(s, "-") || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—") ||
		strings.HasPrefix(s, "(")
}

// notLegendRow reports, from a look at the bytes of its cells, that a
// table row joined as joinCells joins it is no legend definition (see
// notLegendStart): it spares the joining. A row whose first cell is blank
// is read fully.
func notLegendRow(cells []source.Cell) bool {
	if len(cells) == 0 {
		return false
	}
	for i := range cells {
		c := &cells[i]
		if i == 0 && hasAnyByte(c.Text, "<*_") {
			return false // markup in the first cell may hide where the row starts
		}
		if strings.IndexByte(c.Text, '(') >= 0 && (letterInParens(c.Text) || hasAnyByte(c.Text, "<*_")) {
			return false // "(X)", or markup that may make one
		}
	}
	first := strings.TrimLeftFunc(cells[0].Text, func(r rune) bool { return r == '|' || unicode.IsSpace(r) })
	if first == "" || first[0] == ':' {
		return false // the row starts further on, or continues a definition
	}
	if first[0] < 'A' || first[0] > 'Z' {
		return true
	}
	rest := trimLeftReSpace(first[1:])
	if rest == "" {
		return false // the letter alone: " | " follows
	}
	return !startsWithSeparator(rest)
}

// splitFields splits "a | b |" into its non-empty trimmed fields.
func splitFields(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "|") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// trimFields joins the fields of s with " | ".
func trimFields(s string) string {
	return strings.Join(splitFields(s), " | ")
}

// legendEntry builds an entry from a parsed definition.
func legendEntry(letter, label, desc string, line int) LegendEntry {
	return LegendEntry{Letter: letter, Label: label, Description: desc, Role: roleFor(letter, label, desc), Line: line}
}

// legendFromLines reads a run of legend definitions; ok needs at least two
// distinct letters and every non-empty line (bar a leading title line) to be
// a definition or the continuation ": text" of a definition-list entry.
func legendFromLines(texts []string, lines []int) ([]LegendEntry, bool) {
	var out []LegendEntry
	seen := map[string]bool{}
	for i, t := range texts {
		t = strings.TrimSpace(t)
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, ":") && len(out) > 0 && out[len(out)-1].Description == "":
			last := &out[len(out)-1]
			last.Description = strings.TrimSpace(t[1:])
			last.Role = roleFor(last.Letter, last.Label, last.Description)
			continue
		}
		letter, label, desc, ok := parseLegendLine(t)
		if !ok || seen[letter] {
			if i == 0 {
				continue // a title such as "Roles"
			}
			return nil, false
		}
		seen[letter] = true
		out = append(out, legendEntry(letter, label, desc, lines[i]))
	}
	return out, len(out) >= 2
}

// legendFromTable reads a legend table: one definition per row (the header
// may be a title such as "Roles" or itself a definition).
func legendFromTable(t *source.Table) ([]LegendEntry, bool) {
	if len(t.Header) > 4 {
		return nil, false
	}
	// every body line must be a definition: look at the first before
	// joining them all
	for _, r := range t.Rows {
		if notLegendRow(r.Cells) {
			return nil, false // most tables: spare the joining
		}
		first := strings.TrimSpace(joinCells(r.Cells))
		if first == "" {
			continue
		}
		if _, _, _, ok := parseLegendLine(first); !ok && !strings.HasPrefix(first, ":") {
			return nil, false
		}
		break
	}
	texts := []string{joinCells(t.Header)}
	lines := []int{t.Pos.Line}
	for _, r := range t.Rows {
		texts = append(texts, joinCells(r.Cells))
		lines = append(lines, r.Pos.Line)
	}
	return legendFromLines(texts, lines)
}

// legendFromParagraphs finds runs of at least two legend definitions in
// consecutive paragraph lines (cegedim's "R | Responsible | … |" lines, a
// definition list "Responsible (R)" / ": text").
func legendFromParagraphs(ls []source.Line) []LegendEntry {
	var all, run []LegendEntry
	flush := func() {
		if len(run) >= 2 && namesRoles(run) {
			all = append(all, run...)
		}
		run = nil
	}
	for _, l := range ls {
		t := strings.TrimSpace(l.Text)
		if strings.HasPrefix(t, ":") && len(run) > 0 && run[len(run)-1].Description == "" {
			last := &run[len(run)-1]
			last.Description = strings.TrimSpace(t[1:])
			last.Role = roleFor(last.Letter, last.Label, last.Description)
			continue
		}
		letter, label, desc, ok := parseLegendLine(t)
		if !ok || runHas(run, letter) {
			flush()
			if !ok {
				continue
			}
		}
		run = append(run, legendEntry(letter, label, desc, l.Pos.Line))
	}
	flush()
	return all
}

// namesRoles reports whether at least half the entries of a run of
// "X: text" lines name a role in words ("R: Responsible", "A : Est
// Approbateur…"): lines of prose that happen to start with a letter and a
// colon ("Q: Who restores my data?" "A: You do.") define no legend, nor
// do questions and answers that name roles ("Q: Who is responsible?").
func namesRoles(entries []LegendEntry) bool {
	faq := true // "Q: Who is responsible?" "A: The provider is."
	for _, e := range entries {
		faq = faq && (e.Letter == "Q" || e.Letter == "A")
	}
	if faq {
		return false
	}
	named := 0
	for _, e := range entries {
		if _, ok := roleInWords(e.Label, e.Description); ok {
			named++
		}
	}
	return named > 0 && 2*named >= len(entries)
}

// runHas reports whether entries define letter.
func runHas(entries []LegendEntry, letter string) bool {
	for _, e := range entries {
		if e.Letter == letter {
			return true
		}
	}
	return false
}

// joinCells joins cell texts with " | ".
func joinCells(cells []source.Cell) string {
	parts := make([]string, 0, len(cells))
	for _, c := range cells {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, " | ")
}
