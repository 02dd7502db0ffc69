package model

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/source"
)

// letterSeeds returns short table cells of the seed documents and, when
// present, of the shared corpus: real spellings of role letters.
func letterSeeds(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob("../../testdata/seeds/*")
	more, _ := filepath.Glob("../../../shared/corpus/*/*.md") // absent on a fresh clone: no seeds from it
	files = append(files, more...)
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if !strings.Contains(line, "|") {
				if t := strings.TrimSpace(line); len(t) <= 12 && !seen[t] {
					seen[t] = true // flattened text tables: one cell per line
					out = append(out, t)
				}
				continue
			}
			for _, c := range strings.Split(line, "|") {
				if c = strings.TrimSpace(c); len(c) <= 24 && !seen[c] {
					seen[c] = true
					out = append(out, c)
				}
			}
		}
		if len(out) > 300 {
			break
		}
	}
	return out
}

var knownStatus = []string{StatusFilled, StatusEmpty, StatusPlaceholder, StatusNotApplicable}

// FuzzParseLetters normalizes arbitrary cells as role letters and as
// duties: no panic; roles are defined letters, unique, in legend order;
// marks are bounded; normalizing the canonical spelling of a clean letter
// cell gives the same roles; duties are pieces of the cell.
func FuzzParseLetters(f *testing.F) {
	for _, s := range []string{
		"RA", "A / R", "R, A", "A & R", "**RA**", "RA*", "ra", "Responsible", "Informée", "En charge", "РА",
		"A(C)", "", "-", "N/A", "??", "TBD", "✔", "Yes", "R¹", "R [^1]", "R (2)", "R†‡", "R" + strings.Repeat(" (1)", 40),
		"<b>R</b>", "R\nA", "R\xff", "- one\n- two", "Provide the tools", strings.Repeat("*__* ", 16) + "x",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	for _, s := range letterSeeds(f) {
		f.Add(s, false)
	}
	raci := newLegend(defaultLegend())
	ext := newLegend(append(defaultLegend(), LegendEntry{Letter: "S", Role: "support"}, LegendEntry{Letter: "V", Role: "verifier"}, LegendEntry{Letter: "O", Role: "orderer"}))
	f.Fuzz(func(t *testing.T, s string, extended bool) {
		lg := raci
		if extended {
			lg = ext
		}
		v := parseLetters(s, lg)
		if !slices.Contains(knownStatus, v.status) {
			t.Fatalf("parseLetters(%q): status %q", s, v.status)
		}
		for _, c := range []string{s, plain(s)} { // parseLetters checks plain text
			if got, want := isCheckMark(c), checkMarks[fold(c)]; got != want {
				t.Fatalf("isCheckMark(%q) = %v, checkMarks[fold] says %v", c, got, want)
			}
		}
		if got, want := classifyLetters(s, lg), v.class(); got != want {
			t.Fatalf("classifyLetters(%q) = %d, parseLetters says %d", s, got, want)
		}
		last := -1
		for _, r := range v.roles {
			i, ok := lg.byLetter[r]
			if !ok {
				t.Fatalf("parseLetters(%q): role %q is not in the legend", s, r)
			}
			if i <= last {
				t.Fatalf("parseLetters(%q): roles %v not unique or not in legend order", s, v.roles)
			}
			last = i
		}
		if len(v.marks) > maxMarks {
			t.Fatalf("parseLetters(%q): %d marks lifted", s, len(v.marks))
		}
		if v.canonical && (len(v.roles) == 0 || len(v.unknown) > 0) {
			t.Fatalf("parseLetters(%q): canonical with roles %v, unknown %v", s, v.roles, v.unknown)
		}
		if utf8.ValidString(s) {
			for _, u := range v.unknown {
				if !utf8.ValidString(u) {
					t.Fatalf("parseLetters(%q): unknown token %q is not valid UTF-8", s, u)
				}
			}
		}
		if v.letters() && !v.check {
			spelled := strings.Join(v.roles, "")
			w := parseLetters(spelled, lg)
			if !w.check && (!slices.Equal(w.roles, v.roles) || !w.canonical) {
				t.Fatalf("parseLetters(%q) = %v, but its spelling %q gives %v (canonical %v)", s, v.roles, spelled, w.roles, w.canonical)
			}
		}

		d := parseDuties(source.Cell{Text: s, Items: strings.Split(s, "\n")})
		if !slices.Contains(knownStatus, d.status) {
			t.Fatalf("parseDuties(%q): status %q", s, d.status)
		}
		for _, duty := range d.duties {
			if duty == "" || !strings.Contains(s, duty) {
				t.Fatalf("parseDuties(%q): duty %q is not a piece of the cell", s, duty)
			}
		}
		if d.status == StatusFilled && len(d.duties) == 0 {
			t.Fatalf("parseDuties(%q): filled without duties", s)
		}
	})
}
