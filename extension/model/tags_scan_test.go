package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// unclosedTags are texts of n tags that are never closed, or closed only
// at the very end: each "<" of them starts a search for an end that is
// not there (or far).
func unclosedTags(n int) map[string]string {
	return map[string]string{
		"comments":      strings.Repeat("<!-- ", n),
		"instructions":  strings.Repeat("<? ", n),
		"declarations":  strings.Repeat("<!X ", n),
		"mixed":         strings.Repeat("<!-- <? <!a x ", n),
		"closed at end": strings.Repeat("<!-- <? <!a x ", n) + "--> ?> >",
	}
}

// TestStripTagsLinear: the searches for the ends of unclosed comments,
// instructions and declarations read each byte a bounded number of times
// (they read to the end of the text from every "<" before the fix: n²).
func TestStripTagsLinear(t *testing.T) {
	for _, n := range []int{1000, 4000, 50000} {
		for name, s := range unclosedTags(n) {
			var st tagScan
			st.strip(s)
			if st.read > 4*len(s) {
				t.Errorf("%s, n=%d: the searches read %d bytes of a text of %d", name, n, st.read, len(s))
			}
		}
	}
}

// TestStripTagsSame: stripTags strips what it stripped before it
// remembered its failed searches (stripTagsRescan, the former code), on
// texts of tags, unclosed tags and "<" at random.
func TestStripTagsSame(t *testing.T) {
	parts := []string{"<", ">", "<!--", "-->", "<?", "?>", "<!", "<!X", "</", "<b", "</b", "b", " ", "\n", "-", "/", "?", "x"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := stripTags(s), stripTagsRescan(s); got != want {
			t.Fatalf("stripTags(%q) = %q, want %q", s, got, want)
		}
	}
	for name, s := range unclosedTags(300) {
		if got, want := stripTags(s), stripTagsRescan(s); got != want {
			t.Errorf("%s: stripTags = %q, want %q", name, got, want)
		}
	}
}

func BenchmarkStripTagsUnclosed(b *testing.B) {
	s := strings.Repeat("<!-- ", 50000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		stripTags(s)
	}
}

// stripTagsRescan is stripTags as it was, searching for the end of every
// tag from its "<" to the end of the text.
func stripTagsRescan(s string) string {
	var b strings.Builder
	from := 0
	for i := strings.IndexByte(s, '<'); i >= 0; {
		end := tagEndRescan(s[i:])
		if end > 0 {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[from:i])
			from = i + end
		} else {
			end = 1
		}
		next := strings.IndexByte(s[i+end:], '<')
		if next < 0 {
			break
		}
		i += end + next
	}
	if from == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

func tagEndRescan(s string) int {
	switch {
	case strings.HasPrefix(s, "<!--"):
		if j := strings.Index(s[4:], "-->"); j >= 0 {
			return 4 + j + 3
		}
		return 0
	case strings.HasPrefix(s, "<?"):
		if j := strings.Index(s[2:], "?>"); j >= 0 {
			return 2 + j + 2
		}
		return 0
	case len(s) > 2 && s[1] == '!' && isASCIILetter(s[2]):
		if j := strings.IndexByte(s, '>'); j >= 0 {
			return j + 1
		}
		return 0
	}
	closing := len(s) > 1 && s[1] == '/'
	k := 1
	if closing {
		k = 2
	}
	if k >= len(s) || !isASCIILetter(s[k]) {
		return 0
	}
	for k < len(s) && (isASCIILetter(s[k]) || '0' <= s[k] && s[k] <= '9' || s[k] == '-') {
		k++
	}
	if k == len(s) {
		return 0
	}
	switch c := s[k]; {
	case c == '>':
		return k + 1
	case closing && (c == ' ' || c == '\t' || c == '\n'):
		rest := strings.TrimLeft(s[k:], " \t\n")
		if strings.HasPrefix(rest, ">") {
			return len(s) - len(rest) + 1
		}
		return 0
	case !closing && (c == ' ' || c == '\t' || c == '\n' || c == '/'):
		j := strings.IndexAny(s[k:], "<>")
		if j >= 0 && s[k+j] == '>' {
			return k + j + 1
		}
	}
	return 0
}
