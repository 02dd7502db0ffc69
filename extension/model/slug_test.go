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

// TestStripTags: tags and comments go, a "<" that starts none stays with
// what follows it.
func TestStripTags(t *testing.T) {
	for in, want := range map[string]string{
		"<b>bold</b> and <i >x</i >":         "bold and x",
		"line<br>break<br/>and<br />more":    "linebreakandmore",
		`<a href="x" title='y'>link</a>`:     "link",
		"a <!-- note --> b":                  "a  b",
		"<cluster_name>":                     "<cluster_name>",
		"Check x < y and a > b (always)":     "Check x < y and a > b (always)",
		"<1 hour> or <= 2":                   "<1 hour> or <= 2",
		"a<b":                                "a<b",
		"<b x=1 <i>y</i>":                    "<b x=1 y",
		"</ b> </b":                          "</ b> </b",
		"<!DOCTYPE html><?xml v?>text<!-- x": "text<!-- x",
	} {
		eq(t, want, stripTags(in), in)
	}
	// activities keep them: a code span's "<cluster_name>", comparisons
	d := Build(doc("a.md", tbl(1, []string{"Activity", "Provider", "Customer"},
		[]string{"<cluster_name>", "R", "A"}, []string{"Check x < y and a > b", "R", "A"})), WithLint(false))
	eq(t, "<cluster_name>", d.Matrices[0].Rows[0].Activity)
	eq(t, "Check x < y and a > b", d.Matrices[0].Rows[1].Activity)
}
