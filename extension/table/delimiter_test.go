package table

import (
	"bytes"
	"slices"
	"testing"

	east "github.com/yuin/goldmark/extension/ast"
)

// parseDelimiterSplit is parseDelimiter as it was written first,
// splitting the line into its columns with bytes.Split and dropping the
// blank ones at the ends: the reference the in-place one is held to.
func parseDelimiterSplit(line []byte) []east.Alignment {
	line, ok := delimiterLine(line)
	if !ok {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if len(cols) > 0 && len(bytes.TrimSpace(cols[0])) == 0 {
		cols = cols[1:]
	}
	if len(cols) > 0 && len(bytes.TrimSpace(cols[len(cols)-1])) == 0 {
		cols = cols[:len(cols)-1]
	}
	var align []east.Alignment
	for _, c := range cols {
		a, ok := columnAlignment(c)
		if !ok {
			return nil
		}
		align = append(align, a)
	}
	return align
}

// FuzzParseDelimiter holds parseDelimiter to parseDelimiterSplit: the
// same alignments, and nil for the same lines.
func FuzzParseDelimiter(f *testing.F) {
	for _, s := range []string{
		"|---|---|", "| :-- | :-: | --: |", "---|---", ":---", "---", "|", "||", "| |", "|-", "-|",
		"||-", "| - | |", "|:|", ":|", "-:-", "- -", "  |---|  ", "    |---|", "\t| --- |\n",
		"|---|---|---|---|---|---|---|---|---|---|", "| --- | a |", "|-|\u00a0", ":-:", "::",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		got, want := parseDelimiter(line), parseDelimiterSplit(line)
		if (got == nil) != (want == nil) || !slices.Equal(got, want) {
			t.Fatalf("parseDelimiter(%q) = %v, want %v", line, got, want)
		}
	})
}
