package diag

import (
	"testing"

	"github.com/yuin/goldmark/parser"
)

// TestLinesWiden checks that columns after the characters Widen marks
// count one byte for each, on their line only.
func TestLinesWiden(t *testing.T) {
	// "\uFFFD" at offsets 1, 4 and 12 stand for one byte each
	src := []byte("a\uFFFD\uFFFDb\nc\r\n\uFFFDd\n")
	l := NewLines(src).Widen([]int{1, 4, 12}, 2)
	for _, c := range []struct{ offset, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {4, 1, 3}, {7, 1, 4}, {8, 1, 5},
		{9, 2, 1}, {10, 2, 2}, {11, 2, 3},
		{12, 3, 1}, {15, 3, 2}, {16, 3, 3},
	} {
		if line, col := l.Position(c.offset); line != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.offset, line, col, c.line, c.col)
		}
	}
	for _, c := range []struct{ from, to, want int }{
		{0, len(src), 6}, {0, 1, 0}, {0, 2, 2}, {1, 4, 2}, {2, 12, 2}, {5, 12, 0}, {12, 13, 2}, {13, 12, 0},
	} {
		if got := l.Excess(c.from, c.to); got != c.want {
			t.Errorf("Excess(%d, %d) = %d, want %d", c.from, c.to, got, c.want)
		}
	}
	if got := NewLines(src).Excess(0, len(src)); got != 0 {
		t.Errorf("Excess without Widen = %d, want 0", got)
	}
	if line, col := NewLines(src).Position(7); line != 1 || col != 8 {
		t.Errorf("Position(7) without Widen = %d:%d, want 1:8", line, col)
	}
}

// TestSetLines checks that Report uses the line index SetLines gave.
func TestSetLines(t *testing.T) {
	src := []byte("x\n\uFFFD\uFFFDy\n")
	pc := parser.NewContext()
	SetLines(pc, NewLines(src).Widen([]int{2, 5}, 2))
	Report(pc, src, 8, Warning, "code", "at y")
	ds := Get(pc)
	if len(ds) != 1 || ds[0].Line != 2 || ds[0].Col != 3 {
		t.Errorf("diagnostics %v, want one at 2:3", ds)
	}
}
