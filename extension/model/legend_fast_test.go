package model

import "testing"

// legendLineSeeds are lines around the cases startsNoLegend decides.
var legendLineSeeds = []string{"R: Responsible", "| R | Responsible |", "Responsible (R)", "(R) Réalise | text",
	"the provider (A) approves", "**R**: Responsible", "<b>R</b> - Responsible", "__R__ = x", "x R: y", "1. R: y",
	"\vR: x", "\u00a0R: x", "|| A - b", "a (R) b", "é (R)", ": text", "- R: item", "`R`: x", "", "Ra: x", "R1 = y",
	"The (R) one", "RA - x", "R", "R**: x", "R<b>: x", "R_ x"}

// TestStartsNoLegend checks that no line startsNoLegend rejects reads as a
// legend definition.
func TestStartsNoLegend(t *testing.T) {
	for _, s := range legendLineSeeds {
		if _, _, _, ok := readLegendLine(s); ok && startsNoLegend(s) {
			t.Errorf("startsNoLegend(%q) but it defines a letter", s)
		}
	}
}

// FuzzStartsNoLegend checks that startsNoLegend(s) implies that s reads
// as no legend definition.
func FuzzStartsNoLegend(f *testing.F) {
	for _, s := range legendLineSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, _, ok := readLegendLine(s); ok && startsNoLegend(s) {
			t.Errorf("startsNoLegend(%q) but it defines a letter", s)
		}
	})
}
