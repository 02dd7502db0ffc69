package matrix

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/mdraci/mdraci/extension/model"
)

// saysMoreRef is saysMore by its definition: character references and
// backslash escapes read as the characters they stand for (a letter or
// digit so written says more), then the lowered text's words, role words
// skipped, each character among the lowered letters.
func saysMoreRef(raw string, roles []string) bool {
	var plain strings.Builder
	for i := 0; i < len(raw); {
		// line breaks between letters: IBM's "\n", <br>
		if strings.HasPrefix(raw[i:], `\n`) && (i+2 == len(raw) || raw[i+2] == ' ' || raw[i+2] == '\t') {
			plain.WriteByte(' ')
			i += 2
			continue
		}
		if m := brTagRE.FindString(raw[i:]); m != "" {
			plain.WriteByte(' ')
			i += len(m)
			continue
		}
		if l, d := escaped(raw[i:]); l > 0 {
			if unicode.IsLetter(d) || unicode.IsDigit(d) {
				return true
			}
			plain.WriteByte(' ')
			i += l
			continue
		}
		plain.WriteByte(raw[i])
		i++
	}
	raw = plain.String()
	letters := map[rune]bool{}
	isWord := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }
	for _, r := range roles {
		for _, c := range strings.ToLower(r) {
			letters[c] = true
		}
	}
	// the words, with the text between each and the next
	var words, gaps []string
	rest := raw
	for {
		i := strings.IndexFunc(rest, isWord)
		if i < 0 {
			break
		}
		rest = rest[i:]
		end := strings.IndexFunc(rest, func(c rune) bool { return !isWord(c) })
		if end < 0 {
			end = len(rest)
		}
		words = append(words, strings.ToLower(rest[:end]))
		rest = rest[end:]
		gap := rest
		if j := strings.IndexFunc(rest, isWord); j >= 0 {
			gap = rest[:j]
		}
		gaps = append(gaps, gap)
	}
	for k := 0; k < len(words); k++ {
		w := words[k]
		// "en charge", blanks between: a role spelled out in words
		if w == "en" && k+1 < len(words) && words[k+1] == "charge" && gaps[k] != "" && strings.Trim(gaps[k], " \t") == "" {
			k++
			continue
		}
		if model.IsRoleWord(w) {
			continue
		}
		for _, c := range w {
			if !letters[c] {
				return true
			}
		}
	}
	return false
}

// brTagRE matches a <br> tag at the start of a text.
var brTagRE = regexp.MustCompile(`^(?i)<br[ \t]*/?>`)

var saysMoreCases = []struct {
	raw   string
	roles []string
}{
	{"RA", []string{"R", "A"}},
	{"A (on request)", []string{"A"}},
	{"R / A", []string{"R", "A"}},
	{"Responsible", []string{"R"}},
	{"**RA**", []string{"R", "A"}},
	{"RA*", []string{"R", "A"}},
	{"ſigns", []string{"S"}},
	{"Consulted, Informed", []string{"C", "I"}},
	{"R1", []string{"R"}},
	{"É", []string{"É"}},
	{"R,,&amp;", []string{"R"}},
	{"R &nbsp;(x)", []string{"R"}},
	{"R &amp; A (if asked)", []string{"R", "A"}},
	{"R\\/A", []string{"R", "A"}},
	{"&#82;", []string{"R"}},
	{"R &nosuch;", []string{"R"}},
	{"\\&amp;", []string{"R"}},
	{"En charge", []string{"A"}},
	{"en  charge (si besoin)", []string{"A"}},
	{"En chargement", []string{"A"}},
	{"En\ncharge", []string{"A"}},
	{"R \\n A", []string{"R", "A"}},
	{"R<br>A", []string{"R", "A"}},
	{"R <BR /> A \\n", []string{"R", "A"}},
	{"R \\nA", []string{"R", "A"}},
	{"Responsable", []string{"R"}},
	{"Consulté / Informé", []string{"C", "I"}},
	{"", nil},
}

// TestSaysMore checks saysMore against its definition.
func TestSaysMore(t *testing.T) {
	for _, c := range saysMoreCases {
		if got, want := saysMore(c.raw, c.roles), saysMoreRef(c.raw, c.roles); got != want {
			t.Errorf("saysMore(%q, %q) = %v, want %v", c.raw, c.roles, got, want)
		}
	}
	if !saysMore("A (on request)", []string{"A"}) || saysMore("R / A", []string{"R", "A"}) {
		t.Error("saysMore misreads a plain case")
	}
	// a separator written as a reference is no word ("amp")
	if saysMore("R,,&amp;", []string{"R"}) || saysMore("R &amp; A", []string{"R", "A"}) {
		t.Error("saysMore reads a character reference as a word")
	}
	// roles spelled out, in English or French, say no more than their
	// letters
	for _, c := range []struct {
		raw   string
		roles []string
		want  bool
	}{
		{"Responsable", []string{"R"}, false},
		{"Consulté / Informé", []string{"C", "I"}, false},
		{"APPROBATEUR", []string{"A"}, false},
		{"Supportive", []string{"S"}, false},
		{"S (Supportive)", []string{"S"}, false},
		{"Responsable (sur demande)", []string{"R"}, true},
	} {
		if got := saysMore(c.raw, c.roles); got != c.want {
			t.Errorf("saysMore(%q, %q) = %v, want %v", c.raw, c.roles, got, c.want)
		}
	}
}

func FuzzSaysMore(f *testing.F) {
	for _, c := range saysMoreCases {
		f.Add(c.raw, strings.Join(c.roles, " "))
	}
	f.Fuzz(func(t *testing.T, raw, roles string) {
		rs := strings.Fields(roles)
		if got, want := saysMore(raw, rs), saysMoreRef(raw, rs); got != want {
			t.Errorf("saysMore(%q, %q) = %v, want %v", raw, rs, got, want)
		}
	})
}
