package extension_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
)

// cellAlphabet is what generated cells are made of: letters, digits, white
// space and punctuation that mean nothing to Markdown tables or HTML, so
// that a cell's text must come out as it went in.
var cellAlphabet = []string{
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
	"v", "w", "x", "y", "z", "A", "C", "I", "R", "S", "N", "O", "P", "T", "X", "Y", "0", "1", "2", "9",
	" ", " ", " ", ".", ",", ";", ":", "?", "(", ")", "'", "é", "ü", "✓", "—", "日",
}

// generatedTable turns fuzz bytes into a table of simple cells: bytes map
// to cellAlphabet, 0xFF ends a cell; 1 to 6 columns; header first.
func generatedTable(data []byte, cols uint8) (header []string, rows [][]string) {
	n := 1 + int(cols)%6
	var cells []string
	var cur strings.Builder
	for _, b := range data {
		if b == 0xFF {
			cells = append(cells, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(cellAlphabet[int(b)%len(cellAlphabet)])
	}
	cells = append(cells, cur.String())
	if len(cells) > 60 {
		cells = cells[:60]
	}
	for len(cells)%n != 0 {
		cells = append(cells, "")
	}
	for i := range cells {
		cells[i] = strings.Join(strings.Fields(cells[i]), " ")
	}
	header = cells[:n]
	for i := n; i < len(cells); i += n {
		rows = append(rows, cells[i:i+n])
	}
	return header, rows
}

func markdownTable(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	line := func(cells []string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
	b.WriteString("# Generated\n\n")
	line(header)
	b.WriteString(strings.Repeat("|---", len(header)) + "|\n")
	for _, r := range rows {
		line(r)
	}
	return b.Bytes()
}

func htmlTable(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("<h1>Generated</h1>\n<table>\n<tr>")
	for _, c := range header {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(c))
	}
	b.WriteString("</tr>\n")
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	return b.Bytes()
}

// checkGenerated converts a generated table as file and checks that every
// cell reaches the source document (as the one table, cell for cell), the
// responsibility model (built without panic) and the HTML text.
func checkGenerated(t *testing.T, file string, src []byte, header []string, rows [][]string) {
	t.Helper()
	c := extension.NewConverter()
	var out bytes.Buffer
	res, err := c.Convert(file, src, &out)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(out.Bytes()) {
		t.Fatalf("HTML is not valid UTF-8")
	}
	var tables []*source.Table
	for _, b := range res.Document().Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables in the source document, want 1\ninput:\n%s", len(tables), src)
	}
	tb := tables[0]
	got := func(cells []source.Cell) []string {
		var s []string
		for _, c := range cells {
			s = append(s, c.Text)
		}
		return s
	}
	if h := got(tb.Header); strings.Join(h, "|") != strings.Join(header, "|") {
		t.Fatalf("header %q, want %q\ninput:\n%s", h, header, src)
	}
	if len(tb.Rows) != len(rows) {
		t.Fatalf("%d rows, want %d\ninput:\n%s", len(tb.Rows), len(rows), src)
	}
	for i, r := range tb.Rows {
		if g := got(r.Cells); strings.Join(g, "|") != strings.Join(rows[i], "|") {
			t.Fatalf("row %d: %q, want %q\ninput:\n%s", i, g, rows[i], src)
		}
	}
	m := model.Build(res.Document())
	js, err := m.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// A table read as a responsibility matrix is rendered normalized
	// (letters canonical, blanks as a dash): its cells as written are in
	// the model (Raw); another table shows its cells as written.
	matrix := doc.Find("table.raci-matrix").Length() > 0
	text := strings.Join(strings.Fields(doc.Text()), " ")
	for _, cells := range append([][]string{header}, rows...) {
		for _, cell := range cells {
			if matrix {
				q, _ := json.Marshal(cell)
				if !bytes.Contains(js, q[1:len(q)-1]) {
					t.Fatalf("cell %q is not in the model\ninput:\n%s\nmodel:\n%s", cell, src, js)
				}
			} else if !strings.Contains(text, cell) {
				t.Fatalf("cell %q is not in the HTML text\ninput:\n%s\nHTML:\n%s", cell, src, out.Bytes())
			}
		}
	}
}

// corpusSeeds returns the Markdown pages of the shared corpus as fuzz seeds,
// none when it is absent (a fresh clone): fuzzing goes on without them.
func corpusSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.md"))
	var out [][]byte
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func tableSeeds(f *testing.F) {
	f.Add([]byte("Task\xffProvider\xffCustomer\xffPatch\xffR\xffA"), uint8(2))
	f.Add([]byte("a\xff\xff\xffb"), uint8(1))
	f.Add([]byte{0, 1, 2, 0xFF, 40, 41, 0xFF, 55, 56, 57, 58}, uint8(0))
	f.Add([]byte("N/A\xff??\xffX\xffYes"), uint8(3))
}

// FuzzMarkdownTable converts generated pipe tables: every cell arrives.
func FuzzMarkdownTable(f *testing.F) {
	tableSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, cols uint8) {
		header, rows := generatedTable(data, cols)
		checkGenerated(t, "table.md", markdownTable(header, rows), header, rows)
	})
}

// FuzzHTMLTable converts generated HTML tables: every cell arrives.
func FuzzHTMLTable(f *testing.F) {
	tableSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, cols uint8) {
		header, rows := generatedTable(data, cols)
		checkGenerated(t, "table.html", htmlTable(header, rows), header, rows)
	})
}
