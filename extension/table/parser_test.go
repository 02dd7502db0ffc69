package table

import "testing"

// slowCellEnd is cellEnd as first written: a byte at a time.
func slowCellEnd(line []byte, start, limit int) int {
	end := start
	for end < limit && !(line[end] == '|' && (end == 0 || line[end-1] != '\\')) {
		end++
	}
	return end
}

// FuzzCellEnd checks cellEnd against slowCellEnd.
func FuzzCellEnd(f *testing.F) {
	for _, s := range []string{"| a | b |", `a \| b | c`, `\\|x`, "|", "", `\|\|\|`, "abc"} {
		f.Add(s, 0, len(s))
		f.Add(s, 1, len(s)-1)
	}
	f.Fuzz(func(t *testing.T, s string, start, limit int) {
		if start < 0 || limit > len(s) || start > limit {
			return
		}
		line := []byte(s)
		if got, want := cellEnd(line, start, limit), slowCellEnd(line, start, limit); got != want {
			t.Errorf("cellEnd(%q, %d, %d) = %d, want %d", s, start, limit, got, want)
		}
	})
}
