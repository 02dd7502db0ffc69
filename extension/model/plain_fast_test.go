package model

import (
	"strings"
	"testing"
)

// TestAlreadyPlain checks that stripPlain leaves a text alreadyPlain
// accepts unchanged, on texts around each case it decides.
func TestAlreadyPlain(t *testing.T) {
	texts := []string{"", "a", "IBM", " IBM", "IBM ", "a  b", "a b", "a\tb", "a\nb", "<b>x</b>", "x<y", "**x**",
		"__x__", "a*b", "a_b", "*", "_", "**", "x\u00a0", "\u00a0x", "é", "xé", "éx", "x\vy", "\vx", "<", "a <b>",
		"R, A", "Customer (3rd party)", "x\u2003", "a__", "__a", "a*_b", "a \u00a0 b"}
	for _, s := range texts {
		got := alreadyPlain(s)
		if got && stripPlain(s) != s {
			t.Errorf("alreadyPlain(%q) but plain gives %q", s, stripPlain(s))
		}
	}
}

// FuzzAlreadyPlain checks that alreadyPlain(s) implies stripPlain(s) == s.
func FuzzAlreadyPlain(f *testing.F) {
	for _, s := range []string{"IBM", "a  b", "**x**", "<b>", "x\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if alreadyPlain(s) && stripPlain(s) != s {
			t.Errorf("alreadyPlain(%q) but plain gives %q", s, stripPlain(s))
		}
	})
}

// FuzzAsciiFold checks that asciiFold, when it folds, folds as fold does.
func FuzzAsciiFold(f *testing.F) {
	for _, s := range []string{"Yes", "RA", "and", "Responsible", "x", " X", "a**b", "é", "KELVIN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf [16]byte
		if got, ok := asciiFold(&buf, s); ok && string(got) != fold(s) {
			t.Errorf("asciiFold(%q) = %q, fold %q", s, got, fold(s))
		}
	})
}

// FuzzTrimPartyPrefix checks that the look at the first byte changes
// nothing trimPartyPrefix returns.
func FuzzTrimPartyPrefix(f *testing.F) {
	for _, s := range []string{"Role Client", "ROLES  x", "How to", "Tâches y", "taches", "Responsibilities of IBM", "x role", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimPartyPrefix(s), cutPartyPrefix(s); got != want {
			t.Errorf("trimPartyPrefix(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzReSpaceHelpers checks the white space helpers against the strings
// functions they stand for.
func FuzzReSpaceHelpers(f *testing.F) {
	for _, s := range []string{"", " a b ", "\t\nx\f\r", "é \u00a0", "abc", "\v x \v"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimLeftReSpace(s), strings.TrimLeft(s, reSpace); got != want {
			t.Errorf("trimLeftReSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimRightReSpace(s), strings.TrimRight(s, reSpace); got != want {
			t.Errorf("trimRightReSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := lastReSpace(s), strings.LastIndexAny(s, reSpace); got != want {
			t.Errorf("lastReSpace(%q) = %d, want %d", s, got, want)
		}
		if got, want := hasAnyByte(s, "(:=|-"), strings.ContainsAny(s, "(:=|-"); got != want {
			t.Errorf("hasAnyByte(%q) = %v, want %v", s, got, want)
		}
	})
}
