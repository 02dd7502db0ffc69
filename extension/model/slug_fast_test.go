package model

import (
	"strconv"
	"strings"
	"testing"
)

// trimSlugRef is trimSlug as first written, the reference of FuzzSlugParts.
func trimSlugRef(out string, max int) string {
	if max > 0 && len(out) > max {
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > max/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// FuzzSlugParts checks trimSlug against its first writing, and rowIDBase
// against the id it stands for (base, "-", the slug or "row-N").
func FuzzSlugParts(f *testing.F) {
	for _, s := range []string{"Manage the cluster", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f", "Gérer **les** accès",
		"", "!!", "<b>x</b>", strings.Repeat("ab ", 40), "x" + strings.Repeat("-", 70)} {
		f.Add(s, 60)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max %= 100
		if got, want := trimSlug(s, max), trimSlugRef(s, max); got != want {
			t.Errorf("trimSlug(%q, %d) = %q, want %q", s, max, got, want)
		}
		act := slug(s, 60)
		if act == "" {
			act = "row-" + strconv.Itoa(8)
		}
		if got, want := rowIDBase("sec", s, 7), "sec-"+act; got != want {
			t.Errorf("rowIDBase(%q) = %q, want %q", s, got, want)
		}
	})
}
