package model

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

// The regexps the hand-written matchers replace: the fuzz targets below
// check that each matcher gives what its regexp gives on any string.
var (
	partySuffixRE   = regexp.MustCompile(`(?i)\s+(responsibilities|responsibility|responsible|roles?|helps|tasks|duties|responsabilites|responsabilite)$`)
	partyPrefixRE   = regexp.MustCompile(`(?i)^(role|roles|how|responsibilities of|responsabilites|responsabilite|taches)\s+`)
	partyListRE     = regexp.MustCompile(`\s+(?:and|et|&|\+)\s+|\s*[/,]\s*`)
	roleCellSplitRE = regexp.MustCompile(`\s+(?:and|et|or|ou|&|\+)\s+|\s*[/,]\s*`)
	roleLetterRE    = regexp.MustCompile(`\s*\(([A-Za-z])\)$`)
	// a dotted number, up to three digits, or any number with a dot after
	// it: "2024 changes" is a year
	headingNumberRE       = regexp.MustCompile(`^(\d+(?:\.\d+)+|\d{1,3})\.?\s+(\S.*)$`)
	headingNumberDottedRE = regexp.MustCompile(`^(\d+)\.\s+(\S.*)$`)
	parenRE               = regexp.MustCompile(`\s*\([^)]*\)\s*$`)
)

// matchSeeds are realistic headers and cells, and spellings that test the
// edges of the patterns (case folding, white space regexp's \s leaves out,
// invalid UTF-8).
var matchSeeds = []string{
	"", " ", "R | Responsible", "A (Accountable)", "3.1.1. Daily ops", "3.1.1 Daily ops", "12. x",
	"1.\tTabbed", "1.2.", "1..2 x", "1 \n x", "1 x\ny", "IBM responsibilities", "IBM  Responsibilities ",
	"Customer reſponsibilities", "Your tasKs", "Role Client", "ROLES  client", "roleſ x", "role",
	"Responsibilities of the customer", "responsabilites\tIBM", "How to", "NEED CONTENT", "n/a", "RA*",
	"¹ note", "IBM", "Microsoft and Red Hat", "IBM, service owner", "IBM / customer", " and x",
	"a  and\t b", "a &b", "a & b + c", "a et b ou c or d", "x,", ",x", "a /, b", "a\vand\vb",
	"Who is accountable (A)", "Who is accountable(a) ", "Responsible (R)", "(R)", "\t(x)", "(é)",
	"Customer (3rd Party Vendor/Open Source community)", "a (b) (c) ", "a (b (c)", "a ) (b)\n", "(", ")", "a()",
	"\xff and \xfe", "\xc5\xbf", "a \xe2\x84\xaa",
}

// FuzzSplitPartiesMatchesRegexp checks splitParties against the regexps
// it replaces.
func FuzzSplitPartiesMatchesRegexp(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitParties(s, partyWords), partyListRE.Split(s, -1); !slices.Equal(got, want) {
			t.Errorf("splitParties(%q, partyWords) = %q, partyListRE: %q", s, got, want)
		}
		if got, want := splitParties(s, roleCellWords), roleCellSplitRE.Split(s, -1); !slices.Equal(got, want) {
			t.Errorf("splitParties(%q, roleCellWords) = %q, roleCellSplitRE: %q", s, got, want)
		}
	})
}

// FuzzPartyAffixesMatchRegexp checks trimPartySuffix and trimPartyPrefix
// against the regexps they replace.
func FuzzPartyAffixesMatchRegexp(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimPartySuffix(s), partySuffixRE.ReplaceAllString(s, ""); got != want {
			t.Errorf("trimPartySuffix(%q) = %q, partySuffixRE: %q", s, got, want)
		}
		if got, want := trimPartyPrefix(s), partyPrefixRE.ReplaceAllString(s, ""); got != want {
			t.Errorf("trimPartyPrefix(%q) = %q, partyPrefixRE: %q", s, got, want)
		}
	})
}

// FuzzRoleLetterMatchesRegexp checks cutRoleLetter against the regexp it
// replaces.
func FuzzRoleLetterMatchesRegexp(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rest, letter, ok := cutRoleLetter(s)
		m := roleLetterRE.FindStringSubmatch(s)
		switch {
		case ok != (m != nil):
			t.Errorf("cutRoleLetter(%q) ok = %v, roleLetterRE: %q", s, ok, m)
		case ok && (letter != m[1] || rest != s[:len(s)-len(m[0])]):
			t.Errorf("cutRoleLetter(%q) = %q, %q; roleLetterRE: %q", s, rest, letter, m)
		}
	})
}

// FuzzHeadingNumberMatchesRegexp checks splitHeadingNumber against the
// regexp it replaces.
func FuzzHeadingNumberMatchesRegexp(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		number, text, ok := splitHeadingNumber(s)
		m := headingNumberRE.FindStringSubmatch(s)
		if m == nil {
			m = headingNumberDottedRE.FindStringSubmatch(s)
		}
		switch {
		case ok != (m != nil):
			t.Errorf("splitHeadingNumber(%q) ok = %v, headingNumberRE: %q", s, ok, m)
		case ok && (number != m[1] || text != m[2]):
			t.Errorf("splitHeadingNumber(%q) = %q, %q; headingNumberRE: %q", s, number, text, m)
		}
	})
}

// FuzzParenMatchesRegexp checks cutParen, dropParen and findParen against
// the regexp they replace.
func FuzzParenMatchesRegexp(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _, ok := cutParen(s)
		if want := parenRE.MatchString(s); ok != want {
			t.Errorf("cutParen(%q) ok = %v, parenRE: %v", s, ok, want)
		}
		if got, want := dropParen(s), parenRE.ReplaceAllString(s, ""); got != want {
			t.Errorf("dropParen(%q) = %q, parenRE: %q", s, got, want)
		}
		if got, want := findParen(s), parenRE.FindString(s); got != want {
			t.Errorf("findParen(%q) = %q, parenRE: %q", s, got, want)
		}
	})
}

// parseLegendLineRegexps is parseLegendLine without its prefilters: the
// legend line regexps alone.
func parseLegendLineRegexps(s string) (letter, label, desc string, ok bool) {
	return matchLegendLine(strings.Trim(plain(s), " |"))
}

// FuzzLegendLineMatchesRegexp checks parseLegendLine, whose prefilters
// spare the regexps, against the regexps alone.
func FuzzLegendLineMatchesRegexp(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	for _, s := range []string{"R : Responsible", "R | Responsible | does it |", "(R) Réalise | text", "Responsible (R): text",
		"**R** – Responsible", "<b>R</b>= x", "R\t— y", "R(Responsible)", "Responsible <i>(R)</i>", "R\n: x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, lb, d, ok := parseLegendLine(s)
		wl, wlb, wd, wok := parseLegendLineRegexps(s)
		if l != wl || lb != wlb || d != wd || ok != wok {
			t.Errorf("parseLegendLine(%q) = %q, %q, %q, %v; the regexps: %q, %q, %q, %v", s, l, lb, d, ok, wl, wlb, wd, wok)
		}
	})
}

// FuzzBlankCellsMatchRegexp checks isNotApplicable and isPlaceholder,
// whose prefilters spare the regexps, against the regexps alone.
func FuzzBlankCellsMatchRegexp(f *testing.F) {
	for _, s := range matchSeeds {
		f.Add(s)
	}
	for _, s := range []string{"N/A", " n / a ", "n.a.", "NA", "Not applicable", "non applicable", "Sans objet", "S/O",
		"ſans objet", "need content", "Needs content.", "??", "TBD!", "todo", "XXXX", "replace_me", "Lorem ipsum dolor",
		"to be determined", "tbc \n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isNotApplicable(s), notApplicableRE.MatchString(s); got != want {
			t.Errorf("isNotApplicable(%q) = %v, notApplicableRE: %v", s, got, want)
		}
		if got, want := isPlaceholder(s), placeholderRE.MatchString(s); got != want {
			t.Errorf("isPlaceholder(%q) = %v, placeholderRE: %v", s, got, want)
		}
	})
}

// FuzzNotLegend checks the quick rejections of legend lines and rows: a
// line notLegendStart rejects is none mayDefineLetter accepts, and a row
// notLegendRow rejects (its cells split at "\x1f") is one legendFromTable
// would reject after joining it.
func FuzzNotLegend(f *testing.F) {
	for _, s := range append(matchSeeds, "R : In charge", "| R | Responsible |", "R\x1fResponsible", "\u00a0R = x",
		" \x1fR", "RA\x1fCustomer", "R\x1f", ":\x1fx", "**R** : x", "Responsible (R)", "x\x1f(A)", "Ré : x", "R\u00a0: x") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if notLegendStart(s) && mayDefineLetter(strings.Trim(plain(s), " |")) {
			t.Errorf("notLegendStart(%q) is true, yet mayDefineLetter accepts it", s)
		}
		var cells []source.Cell
		for _, c := range strings.Split(s, "\x1f") {
			cells = append(cells, source.Cell{Text: c})
		}
		if !notLegendRow(cells) {
			return
		}
		first := strings.TrimSpace(joinCells(cells))
		if _, _, _, ok := parseLegendLine(first); first == "" || ok || strings.HasPrefix(first, ":") {
			t.Errorf("notLegendRow(%q) is true, yet the joined row %q reads as a legend line or is skipped", s, first)
		}
	})
}
