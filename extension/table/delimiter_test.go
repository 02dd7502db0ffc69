package table

import (
	"bytes"
	"slices"
	"testing"

	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// parseDelimiterSplit is parseDelimiter as it was written first, splitting
// the line into its columns: the reference the faster one is held to.
func parseDelimiterSplit(line []byte) []east.Alignment {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || !bytes.ContainsRune(line, '-') {
		return nil
	}
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	for _, c := range line {
		if c != '-' && c != '|' && c != ':' && c != ' ' && c != '\t' {
			return nil
		}
	}
	if !bytes.ContainsRune(line, '|') && !bytes.ContainsRune(line, ':') {
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
		c = bytes.TrimSpace(c)
		if len(c) == 0 {
			return nil
		}
		left, right := c[0] == ':', c[len(c)-1] == ':'
		body := bytes.Trim(c, ":")
		if len(body) == 0 || bytes.Trim(body, "-") != nil && len(bytes.Trim(body, "-")) > 0 {
			return nil
		}
		switch {
		case left && right:
			align = append(align, east.AlignCenter)
		case left:
			align = append(align, east.AlignLeft)
		case right:
			align = append(align, east.AlignRight)
		default:
			align = append(align, east.AlignNone)
		}
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
