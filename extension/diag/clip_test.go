package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClip checks that Clip keeps short texts and cuts long ones at a
// character boundary.
func TestClip(t *testing.T) {
	if got := Clip("short", 60); got != "short" {
		t.Errorf("Clip(short) = %q", got)
	}
	long := strings.Repeat("é", 40) // 80 bytes
	got := Clip(long, 61)
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "…") || len(got) > 61+len("…") {
		t.Errorf("Clip(80 bytes of é, 61) = %q: want valid UTF-8, at most 61 bytes, then …", got)
	}
	if got != strings.Repeat("é", 30)+"…" {
		t.Errorf("Clip cut at %q, want 30 é", got)
	}
}
