package matrix_test

import (
	"testing"

	"github.com/mdraci/mdraci/extension/matrix"
)

// TestLetterPrefix: the letters a cell starts with, and the separators
// after them, are what the drawn letters already show.
func TestLetterPrefix(t *testing.T) {
	for _, c := range []struct {
		text  string
		roles []string
		rest  string
	}{
		{"R (on request)", []string{"R"}, "(on request)"},
		{"A / R if asked", []string{"R", "A"}, "if asked"},
		{"Responsible, on call", []string{"R"}, "on call"},
		{"RA", []string{"R", "A"}, ""},
		{"R: monthly", []string{"R"}, ": monthly"},
		{"Run it (R)", []string{"R"}, "Run it (R)"},
		{"**R** now", []string{"R"}, "now"},
		{"**R (always)**", []string{"R"}, "**R (always)**"},
		{"*R*/__A__ if asked", []string{"R", "A"}, "if asked"},
		{"**R **now", []string{"R"}, "**R **now"},
		{"R, A*", []string{"R", "A"}, "*"},
		{"R &amp; A (if asked)", []string{"R", "A"}, "(if asked)"},
		{"R&#47;A&#x2F;C, monthly", []string{"R", "A", "C"}, "monthly"},
		{"R \\/ A: now", []string{"R", "A"}, ": now"},
		{"R &copy; A", []string{"R", "A"}, "&copy; A"},
		{"R &nosuch; A", []string{"R", "A"}, "nosuch; A"},
		{"R \\* A", []string{"R", "A"}, "\\* A"},
		{"***R*** (x)", []string{"R"}, "(x)"},
		{"_**R**_ (x)", []string{"R"}, "(x)"},
		{"** R** (x)", []string{"R"}, "** R** (x)"},
		{"__R__A (x)", []string{"R", "A"}, "__R__A (x)"},
		{"R &fjlig; (x)", []string{"R"}, "&fjlig; (x)"},
		{"Rx", []string{"R"}, "Rx"},
		{"R &nbsp;(x)", []string{"R"}, "(x)"},
		{"R\u00a0(y)", []string{"R"}, "(y)"},
		{"R,,&amp;", []string{"R"}, ""},
		{"En charge (si besoin)", []string{"A"}, "(si besoin)"},
		{"En chargement", []string{"A"}, "En chargement"},
		{"R \\n A (if asked)", []string{"R", "A"}, "(if asked)"},
		{"R<br/>A: now", []string{"R", "A"}, ": now"},
		{"R</br>A: now", []string{"R", "A"}, ": now"}, // browsers read </br> as <br>
		{"R</BR >A", []string{"R", "A"}, ""},
		{"R</b>A", []string{"R"}, "</b>A"},
		{"✓ (on request)", []string{"R"}, "(on request)"},
		{"Yes", []string{"R"}, ""},
		{"", []string{"R"}, ""},
	} {
		if got := c.text[matrix.LetterPrefix(c.text, c.roles):]; got != c.rest {
			t.Errorf("%q %v: rest %q, want %q", c.text, c.roles, got, c.rest)
		}
	}
}
