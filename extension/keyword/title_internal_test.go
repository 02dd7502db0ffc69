package keyword

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// manyTitles returns n links, or n reference links, whose titles are not
// a slice of the source: a title's second line, in a blockquote, loses
// its "> ". oneBlock puts them all in one paragraph.
func manyTitles(n int, kind string) []byte {
	var b strings.Builder
	title := "line one\n> {{site.data.keyword.nope}} two"
	for range n {
		switch kind {
		case "one block":
			fmt.Fprintf(&b, "> [a](u \"%s\") x\n", title)
		case "blocks":
			fmt.Fprintf(&b, "> [a](u \"%s\") x\n\n", title)
		case "images":
			fmt.Fprintf(&b, "> ![a](u \"%s\") x\n\n", title)
		case "references":
			b.WriteString("[a][r] ")
		}
	}
	if kind == "references" {
		fmt.Fprintf(&b, "\n\n> [r]: /u \"%s\"\n", title)
	}
	return []byte(b.String())
}

// searchTitles parses src, resolves its titles and returns the source
// bytes searched for them and the diagnostics.
func searchTitles(src []byte) (int, []diag.Diagnostic) {
	pc := parser.NewContext()
	doc := goldmark.New().Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	steps := (&TitleTransformer{cfg: NewConfig()}).transform(doc, src, pc)
	return steps, diag.Get(pc)
}

// TestTitleSearchLinear: the source searched for titles that are not a
// slice of it grows with the number of links, not with its square.
func TestTitleSearchLinear(t *testing.T) {
	for _, kind := range []string{"one block", "blocks", "images", "references"} {
		t.Run(kind, func(t *testing.T) {
			const n = 200
			small, ds := searchTitles(manyTitles(n, kind))
			if len(ds) != n {
				t.Errorf("%d diagnostics for %d links, want one each", len(ds), n)
			}
			large, ds := searchTitles(manyTitles(4*n, kind))
			if len(ds) != 4*n {
				t.Errorf("%d diagnostics for %d links, want one each", len(ds), 4*n)
			}
			if large > 5*small {
				t.Errorf("searched %d bytes for %d links, %d for %d: more than linear", small, n, large, 4*n)
			}
		})
	}
}

// BenchmarkTitlesNotInSource: thousands of links whose titles are not a
// slice of the source.
func BenchmarkTitlesNotInSource(b *testing.B) {
	for _, kind := range []string{"one block", "references"} {
		src := manyTitles(4000, kind)
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				searchTitles(src)
			}
		})
	}
}
