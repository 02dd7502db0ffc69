package table

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// slowSplitPieces is splitPieces as the rule says it: scan; if a tag, a
// link text or a destination is open at the end of the cell, the first
// one opened is text; scan again. A tag is read up to its '>' from where
// it opens, and a code span up to the next run of as many backticks, by
// quadratic searches.
func slowSplitPieces(v []byte) []string {
	if !bytes.Contains(v, []byte(`\n`)) {
		return nil
	}
	plain := map[int]bool{}
	for {
		pieces, first := slowScan(v, plain)
		if first < 0 {
			return pieces
		}
		plain[first] = true
	}
}

// slowScan returns the pieces and where the first construct open at the
// end was opened, or -1.
func slowScan(v []byte, plain map[int]bool) ([]string, int) {
	var pieces []string
	start := 0
	var brackets, parens []int
	add := func(end int) {
		if p := trim(text.NewSegment(start, end), v); p.Len() > 0 {
			pieces = append(pieces, string(p.Value(v)))
		}
	}
	// tagEnd returns the '>' ending a tag opened at i, or -1
	tagEnd := func(i int) int {
		quote := byte(0)
		for j := i + 1; j < len(v); j++ {
			switch c := v[j]; {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '<' || c == '`':
				return -1
			case c == '>':
				return j
			}
		}
		return -1
	}
	// run returns the length of the run of backticks at i
	run := func(i int) int {
		n := 0
		for i+n < len(v) && v[i+n] == '`' {
			n++
		}
		return n
	}
	// spanEnd returns the last backtick of the run closing a code span
	// opened at i, or -1
	spanEnd := func(i int) int {
		n := run(i)
		for j := i + n; j < len(v); j++ {
			if m := run(j); m == n {
				return j + m - 1
			} else if m > 0 {
				j += m - 1
			}
		}
		return -1
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '<' && bytes.HasPrefix(v[i:], []byte("<!--")) && bytes.Contains(v[i+4:], []byte("-->")):
			i += 4 + bytes.Index(v[i+4:], []byte("-->")) + 2
			continue
		case c == '<' && i+1 < len(v) && (v[i+1] == '/' || v[i+1]|0x20 >= 'a' && v[i+1]|0x20 <= 'z'):
			if end := tagEnd(i); end >= 0 {
				i = end
				continue
			}
		case c == '[' && !plain[i]:
			brackets = append(brackets, i)
		case c == ']' && len(brackets) > 0:
			brackets = brackets[:len(brackets)-1]
			if i+1 < len(v) && v[i+1] == '(' && !plain[i] {
				parens = append(parens, i)
				i++
			}
		case len(parens) > 0 && c == '(' && !plain[i]:
			parens = append(parens, i)
		case len(parens) > 0 && c == ')':
			parens = parens[:len(parens)-1]
		}
		switch {
		case c == '`':
			if end := spanEnd(i); end >= 0 {
				i = end
				continue
			}
			i += run(i) - 1
		case c == '\\' && i+1 < len(v) && (v[i+1] == '\\' || v[i+1] == '[' || v[i+1] == ']' || v[i+1] == '<' || v[i+1] == '`'):
			i++
		case len(brackets) == 0 && len(parens) == 0 && c == '\\' && i+1 < len(v) && v[i+1] == 'n' &&
			(i+2 == len(v) || !isWordByte(v[i+2]) || i == 0 || blankByte(v[i-1]) ||
				!isWordByte(v[i-1]) && (isUpperOrDigit(v[i+2]))):
			add(i)
			start = i + 2
			i++
		}
	}
	add(len(v))
	first := -1
	if len(brackets) > 0 {
		first = brackets[0]
	}
	if len(parens) > 0 && (first < 0 || parens[0] < first) {
		first = parens[0]
	}
	return pieces, first
}

// checkSplit compares splitPieces on v with slowSplitPieces, and checks
// it read each byte of v at most five times (two scans, the tags, the
// code spans and a comment that does not close).
func checkSplit(t *testing.T, v []byte) {
	t.Helper()
	got, steps := splitPiecesSteps(text.NewSegment(0, len(v)), v)
	var gs []string
	for _, p := range got {
		gs = append(gs, string(p.Value(v)))
	}
	if want := slowSplitPieces(v); !slices.Equal(gs, want) {
		t.Errorf("splitPieces(%q) = %q, want %q", v, gs, want)
	}
	if steps > 5*len(v) {
		t.Errorf("splitPieces(%q) read %d bytes, more than 5×%d", v, steps, len(v))
	}
}

var splitSeeds = []string{
	`if a<b then: \n - one \n - two`,
	`if a<b then: \n - one \n - <b>two</b>`,
	`<b title="q \n r">t</b> \n [link \n text](https://x.com) \n ` + "`a \\n b`" + ` \n \[x \n y]`,
	`See [x \n - one`, `See [x](y \n - one`, `See [x](y(z) \n - one`, `[a](b (c \n d) \n e`,
	`[[x](u) \n [y \n z](v) \n <b`, `<a "<a "<a " \n x`, `[a](b [c](d) \n e) \n f`, `](( \n [(] \n )`,
	"Use ` \\n - one \\n - two", "one <!-- internal \\n note --> \\n two", "a <!-- x \\n b", "a \\` b \\n c ` d", "``a ` \\n b`` \\n c", "`` x \\n ` \\n y",
}

// TestSplitPiecesRule: splitPieces reads an unclosed tag, link text or
// destination as text, as slowSplitPieces does one at a time.
func TestSplitPiecesRule(t *testing.T) {
	for _, s := range splitSeeds {
		checkSplit(t, []byte(s))
	}
	tokens := []string{"<", "<b", "</", ">", "<!--", "-->", `"`, "'", "[", "]", "(", ")", "](", "`", `\`, `\[`, ` \n `, `\n`, " ", "a", "n"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(tokens[r.IntN(len(tokens))])
		}
		checkSplit(t, []byte(b.String()))
	}
}

// FuzzSplitPieces compares splitPieces with slowSplitPieces.
func FuzzSplitPieces(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkSplit(t, []byte(s))
	})
}

// hostileCells are cells with n constructs opened and never closed.
func hostileCells(n int) map[string][]byte {
	cells := map[string][]byte{}
	for name, unit := range map[string]string{
		"brackets":     `[ \n `,
		"tags":         `<a \n `,
		"quoted tags":  `<a "<a ' \n `,
		"destinations": `[x](y \n `,
		"parentheses":  `[x](y( \n `,
		"mixed":        "[x](<b `c` \\n [",
		"backticks":    "`` ` \\n ",
	} {
		cells[name] = []byte(strings.Repeat(unit, n) + `- one \n - two`)
	}
	return cells
}

// TestSplitPiecesLinear: a cell is read a bounded number of times,
// however many constructs in it are left open.
func TestSplitPiecesLinear(t *testing.T) {
	for name, v := range hostileCells(2000) {
		_, steps := splitPiecesSteps(text.NewSegment(0, len(v)), v)
		if steps > 5*len(v) {
			t.Errorf("%s: read %d bytes of a %d-byte cell", name, steps, len(v))
		}
	}
}

func BenchmarkSplitPiecesUnclosed(b *testing.B) {
	for name, v := range hostileCells(5000) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(v)))
			for b.Loop() {
				splitPieces(text.NewSegment(0, len(v)), v)
			}
		})
	}
}

// TestMarkerLen: the list marker a piece starts with, and the blanks
// after it.
func TestMarkerLen(t *testing.T) {
	for _, c := range []struct {
		in string
		n  int
	}{{"- a", 2}, {"* a", 2}, {"*a", 1}, {"12. a", 4}, {"1) a", 3}, {"+  a", 3}, {"a", 0}, {"**a**", 0}, {"-a", 0}, {"2024", 0}} {
		if got := MarkerLen(c.in); got != c.n {
			t.Errorf("MarkerLen(%q) = %d, want %d", c.in, got, c.n)
		}
	}
}

// TestCodeSpans: code spans as CommonMark reads them.
func TestCodeSpans(t *testing.T) {
	for _, c := range []struct {
		in   string
		want [][2]int
	}{
		{"a `b` c", [][2]int{{2, 5}}},
		{"``a ` b``", [][2]int{{0, 9}}},
		{"` `` `", [][2]int{{0, 6}}},
		{"\\`a` b", nil},
		{"``a` b", nil},
		{"no code", nil},
	} {
		if got := CodeSpans([]byte(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("CodeSpans(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
