package model

import "testing"

// slugFolded is the slug by its definition: the folded text, then its
// ASCII letters and digits in runs joined by hyphens.
func slugFolded(s string, max int) string {
	return trimSlug(slugAllOf(fold(s), max), max)
}

// slugAllOf is slugAll's loop over an already folded text.
func slugAllOf(s string, max int) string {
	out := []byte{}
	dash := false
	for i := 0; i < len(s) && (max <= 0 || len(out) <= max); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			dash = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
		default:
			dash = true
		}
	}
	return string(out)
}

var slugCases = []string{
	"", "Patch the OS", "Sécurité des données", "Gérer l’accès", "ŒUVRE", "Ünïcode ÉTÉ façade",
	"**Bold** <b>tag</b> ça", "İstanbul KELVIN", "日本語 text", "a\u00a0b", "---", "x__y é",
	"Très long texte qui dépasse largement la limite de soixante caractères pour un identifiant stable",
	// ASCII up to the slug's end, then what the general path folds
	"Configure the network security groups and the firewall rules of the cluster **now**",
	"Configure the network security groups and the firewall rules of the cluster <b>now</b>",
	"Configure the network security groups and the firewall rules of the cluster été",
	"Configure <b>the</b> network", "Patch __the__ OS", "Patch *the* OS_", "a <", "x**",
}

// TestSlugRunes checks the rune-by-rune slug against the folded one.
func TestSlugRunes(t *testing.T) {
	for _, s := range slugCases {
		for _, max := range []int{0, 10, 40, 60} {
			if got, want := slug(s, max), slugFolded(s, max); got != want {
				t.Errorf("slug(%q, %d) = %q, want %q", s, max, got, want)
			}
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range slugCases {
		f.Add(s, 60)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max % 100
		if max < 0 {
			max = -max
		}
		if got, want := slug(s, max), slugFolded(s, max); got != want {
			t.Errorf("slug(%q, %d) = %q, want %q", s, max, got, want)
		}
	})
}
