package matrix

import (
	"bufio"
	"bytes"
	"testing"
)

// writeWith runs f on a writer and returns what it wrote.
func writeWith(f func(w)) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	f(w{bw})
	_ = bw.Flush()
	return buf.String()
}

// TestRoleClassWriter checks that the writer's role class is RoleClass's.
func TestRoleClassWriter(t *testing.T) {
	for _, s := range []string{"R", "a", "RA", "C/I", "S1", "", "-", "É", "ÉR", "r-a", "✓", "Ⅻ"} {
		if got, want := writeWith(func(o w) { o.roleClass(s) }), RoleClass(s); got != want {
			t.Errorf("roleClass(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzRoleClass checks the writer's role class against RoleClass.
func FuzzRoleClass(f *testing.F) {
	for _, s := range []string{"R", "RA", "C/I", "É", "0\xb7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := writeWith(func(o w) { o.roleClass(s) }), RoleClass(s); got != want {
			t.Errorf("roleClass(%q) = %q, want %q", s, got, want)
		}
	})
}
