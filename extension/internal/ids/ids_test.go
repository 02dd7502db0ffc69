package ids

import (
	"strings"
	"testing"
	"unicode"
)

// slowSlug is Slug as first written, lowering the whole text first.
func slowSlug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// TestSlug lists headings and their ids.
func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Understanding Code Engine": "understanding-code-engine",
		"  A -- b  ":                "a-b",
		"Über Größe":                "über-größe",
		"snake_case 2":              "snake_case-2",
		"":                          "",
		"İSTANBUL":                  "istanbul",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSlug checks Slug against slowSlug.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Hello World", "ÀÉÎ õü", "a\xffb", "ΣΑΣ", "İ", "K", "x--y__z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slug(s), slowSlug(s); got != want {
			t.Errorf("Slug(%q) = %q, slowSlug %q", s, got, want)
		}
	})
}

// TestUnique checks that ids taken get the first free suffix, reserved
// ids and ids given out before included, and that an empty base gets the
// fallback.
func TestUnique(t *testing.T) {
	r := New("a-3")
	var got []string
	for range 4 {
		got = append(got, r.Unique("a", "x"))
	}
	r.Reserve("b")
	got = append(got, r.Unique("a-2", "x"), r.Unique("b", "x"), r.Unique("", "x"))
	want := "a a-2 a-4 a-5 a-2-2 b-2 x"
	if strings.Join(got, " ") != want {
		t.Errorf("ids = %s, want %s", strings.Join(got, " "), want)
	}
}
