package diag

import "testing"

func TestLines(t *testing.T) {
	src := []byte("ab\n\ncd\r\nef")
	l := NewLines(src)
	for _, c := range []struct{ offset, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 3, 1}, {7, 3, 4}, {8, 4, 1}, {9, 4, 2}, {-5, 1, 1},
	} {
		if line, col := l.Position(c.offset); line != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.offset, line, col, c.line, c.col)
		}
	}
	if got := l.Offset(4); got != 8 {
		t.Errorf("Offset(4) = %d, want 8", got)
	}
	if got := l.Offset(5); got != -1 {
		t.Errorf("Offset(5) = %d, want -1", got)
	}
	if got := NewLines([]byte("x\n")).Offset(2); got != 2 {
		t.Errorf("a final new line starts an empty line at 2, got %d", got)
	}
}
