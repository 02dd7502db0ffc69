package nodes

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mdraci/mdraci/extension/internal/corpus"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gext "github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// walkBuild is the simple version of build, through ast.Walk: build must
// find the same nodes in the same order.
func walkBuild(doc ast.Node) *Index {
	x := &Index{}
	cells := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == east.KindTableCell {
			if entering {
				cells++
			} else {
				cells--
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Attributes() != nil {
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					x.IDs = append(x.IDs, b)
				}
			}
		}
		switch v := n.(type) {
		case *ast.Text:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			x.Headings = append(x.Headings, v)
		case *east.Table:
			x.Tables = append(x.Tables, v)
		case *ast.CodeSpan:
			if cells > 0 {
				x.CellCodeSpans = append(x.CellCodeSpans, v)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			x.RawHTML = append(x.RawHTML, v)
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			x.HTMLBlocks = append(x.HTMLBlocks, v)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return x
}

const sample = `# Title {#top}

Intro with <span>raw</span> HTML and ` + "`code`" + `.

| A | B ` + "`x \\| y`" + ` |
|---|---|
| ` + "`c`" + ` | *em* <b>bold</b> |

<div>
block
</div>

## Second {#second .x}

- item ` + "`code`" + `
- | not | a table |

| Only | header |
|------|--------|
`

// TestBuildMatchesWalk checks that build finds what a plain walk finds, on
// a sample and on the corpus pages (when present).
func TestBuildMatchesWalk(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(gext.GFM), goldmark.WithParserOptions(parser.WithAttribute()))
	check := func(name string, src []byte) {
		doc := md.Parser().Parse(text.NewReader(src))
		got, want := build(doc), walkBuild(doc)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: build differs from a walk:\n got %+v\nwant %+v", name, got, want)
		}
	}
	check("sample", []byte(sample))
	x := build(md.Parser().Parse(text.NewReader([]byte(sample))))
	if len(x.Headings) != 2 || len(x.Tables) != 2 || len(x.CellCodeSpans) != 2 || len(x.RawHTML) != 4 ||
		len(x.HTMLBlocks) != 1 || len(x.IDs) != 2 {
		t.Errorf("sample index: %d headings, %d tables, %d cell code spans, %d raw HTML, %d HTML blocks, %d ids",
			len(x.Headings), len(x.Tables), len(x.CellCodeSpans), len(x.RawHTML), len(x.HTMLBlocks), len(x.IDs))
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "seeds", "*"))
	read := func(paths []string) {
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			check(p, src)
		}
	}
	if len(seeds) == 0 {
		t.Fatal("no seed pages in testdata/seeds")
	}
	read(seeds)
	read(corpus.Pages(t, ".md"))
}
