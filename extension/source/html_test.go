package source

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// corpusDir is the shared corpus of real pages, absent in a fresh clone.
const corpusDir = "../../../shared/corpus"

func TestFromHTMLPage(t *testing.T) {
	src := `<!DOCTYPE html>
<html><head><title>Shared  responsibility
 model</title><style>p { color: red }</style></head>
<body>
<h1 id="top">Who does <em>what</em></h1>
<p>Intro text,
   over two lines.</p>
<ul>
  <li>First item</li>
  <li>Second <b>item</b><ul><li>Nested item</li></ul></li>
</ul>
<h2 id="t">The table</h2>
<table id="resp" class="wide" aria-describedby="desc">
  <caption>Duties of <b>each</b> party</caption>
  <thead>
    <tr><th>Task</th><th>Provider</th><th>Customer</th></tr>
  </thead>
  <tbody>
    <tr><td>Patch hosts</td><td>Yes</td><td>No</td></tr>
    <tr>
      <td>Patch guests</td>
      <td>No</td><td>Yes</td>
    </tr>
  </tbody>
</table>
<p id="desc">Read rows left to right.</p>
<script>var x = "<table><tr><td>not a table</td></tr></table>";</script>
</body></html>`
	d, diags := FromHTML("page.html", []byte(src))
	assert.Empty(t, diags)
	assert.Equal(t, "html", d.Format)
	assert.Equal(t, "Shared responsibility model", d.Title)
	require.Equal(t, []Kind{KindHeading, KindParagraph, KindParagraph, KindHeading, KindTable, KindParagraph}, kinds(d))

	assert.Equal(t, Heading{Level: 1, Text: "Who does what", Anchor: "top", Pos: Pos{Line: 5, Col: 1}}, *d.Blocks[0].Heading)
	assert.Equal(t, []Line{{Text: "Intro text, over two lines.", Pos: Pos{Line: 6, Col: 1}}}, d.Blocks[1].Lines)
	assert.Equal(t, []Line{
		{Text: "First item", Pos: Pos{Line: 9, Col: 3}},
		{Text: "Second item", Pos: Pos{Line: 10, Col: 3}},
		{Text: "Nested item", Pos: Pos{Line: 10, Col: 29}},
	}, d.Blocks[2].Lines)
	assert.Equal(t, Heading{Level: 2, Text: "The table", Anchor: "t", Pos: Pos{Line: 12, Col: 1}}, *d.Blocks[3].Heading)

	tb := d.Blocks[4].Table
	assert.Equal(t, "resp", tb.ID)
	assert.Equal(t, "Duties of each party", tb.Caption)
	assert.Equal(t, "Read rows left to right.", tb.Summary)
	assert.Equal(t, map[string]string{"class": "wide", "aria-describedby": "desc"}, tb.Attrs)
	assert.Equal(t, []string{"Task", "Provider", "Customer"}, texts(tb.Header))
	assert.Equal(t, Pos{Line: 16, Col: 5}, tb.Pos)
	assert.Equal(t, Pos{Line: 16, Col: 9}, tb.Header[0].Pos)
	assert.Equal(t, Pos{Line: 16, Col: 22}, tb.Header[1].Pos)
	require.Len(t, tb.Rows, 2)
	assert.Equal(t, []string{"Patch hosts", "Yes", "No"}, texts(tb.Rows[0].Cells))
	assert.Equal(t, Pos{Line: 19, Col: 5}, tb.Rows[0].Pos)
	assert.Equal(t, Pos{Line: 19, Col: 9}, tb.Rows[0].Cells[0].Pos)
	assert.Equal(t, []string{"Patch guests", "No", "Yes"}, texts(tb.Rows[1].Cells))
	assert.Equal(t, Pos{Line: 20, Col: 5}, tb.Rows[1].Pos)
	assert.Equal(t, Pos{Line: 21, Col: 7}, tb.Rows[1].Cells[0].Pos)
	assert.Equal(t, Pos{Line: 22, Col: 7}, tb.Rows[1].Cells[1].Pos)
	assert.Equal(t, Pos{Line: 22, Col: 18}, tb.Rows[1].Cells[2].Pos)
	assert.Equal(t, "Patch hosts", tb.Rows[0].Cells[0].Raw)

	assert.Equal(t, []Line{{Text: "Read rows left to right.", Pos: Pos{Line: 26, Col: 1}}}, d.Blocks[5].Lines)
}

func TestFromHTMLTables(t *testing.T) {
	type want struct {
		header  []string
		rows    [][]string
		items   map[[2]int][]string // [row, col] -> items of a body cell
		caption string
		summary string
		codes   []string
	}
	tests := []struct {
		name string
		in   string
		want []want // per table, in block order
	}{
		{
			name: "header row of th without thead",
			in:   "<table><tr><th>Task</th><th>You</th></tr><tr><td>A</td><td>R</td></tr></table>",
			want: []want{{header: []string{"Task", "You"}, rows: [][]string{{"A", "R"}}}},
		},
		{
			name: "no header",
			in:   "<table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>",
			want: []want{{rows: [][]string{{"A", "B"}, {"C", "D"}}}},
		},
		{
			name: "bold first row is the header",
			in: "<table><tr><td><strong>Resource</strong></td><td><b>Customer <a href='#x'>duty</a></b></td></tr>" +
				"<tr><td>Data</td><td>Customer</td></tr></table>",
			want: []want{{header: []string{"Resource", "Customer duty"}, rows: [][]string{{"Data", "Customer"}},
				codes: []string{codeHTMLBoldHeader}}},
		},
		{
			name: "list items and line breaks in cells",
			in: "<table><thead><tr><th>Task</th><th>Provider</th><th>Customer</th></tr></thead>" +
				"<tr><td>Logs</td><td><ul><li>Collect<li>Keep <i>safe</i></ul></td><td>Read<br>Act<br/></td></tr>" +
				"<tr><td>One</td><td><ul><li>Only item</li></ul></td><td>x<br></td></tr></table>",
			want: []want{{
				header: []string{"Task", "Provider", "Customer"},
				rows:   [][]string{{"Logs", "Collect Keep safe", "Read Act"}, {"One", "Only item", "x"}},
				items: map[[2]int][]string{
					{0, 0}: nil, {0, 1}: {"Collect", "Keep safe"}, {0, 2}: {"Read", "Act"},
					{1, 1}: {"Only item"}, {1, 2}: nil,
				},
			}},
		},
		{
			name: "markdown bullets in a cell",
			in:   "<table><tr><th>Task</th><th>Who</th></tr><tr><td>\n\nBackup\n\n</td><td>\n\n-   SAP\n-   Customer\n\n</td></tr></table>",
			want: []want{{
				header: []string{"Task", "Who"},
				rows:   [][]string{{"Backup", "SAP Customer"}},
				items:  map[[2]int][]string{{0, 0}: nil, {0, 1}: {"SAP", "Customer"}},
			}},
		},
		{
			name: "colspan and rowspan",
			in: "<table><tr><th rowspan=2>Task</th><th colspan=2>Responsibility</th></tr>" +
				"<tr><th>Provider</th><th>Customer</th></tr>" +
				"<tr><td rowspan=\"2\">Network</td><td colspan=2>Shared</td></tr>" +
				"<tr><td>Run</td><td>Use</td></tr>" +
				"<tr><td>Storage</td><td>Keep</td></tr></table>",
			want: []want{{
				header: []string{"Task", "Responsibility Provider", "Responsibility Customer"},
				rows:   [][]string{{"Network", "Shared", "Shared"}, {"Network", "Run", "Use"}, {"Storage", "Keep"}},
				codes:  []string{codeHTMLSpan, codeHTMLHeaderRows},
			}},
		},
		{
			name: "rowspan gap is filled",
			in:   "<table><tr><td>a</td><td>b</td><td rowspan=2>c</td></tr><tr><td>d</td></tr></table>",
			want: []want{{
				rows:  [][]string{{"a", "b", "c"}, {"d", "", "c"}},
				codes: []string{codeHTMLSpan},
			}},
		},
		{
			name: "nested table",
			in: "<table id=outer><tr><th>Area</th><th>Detail</th></tr>" +
				"<tr><td>Net</td><td>See:<table id=inner><tr><th>Who</th></tr><tr><td>Customer</td></tr></table></td></tr>" +
				"<tr><td>Disk</td><td>Provider</td></tr></table>",
			want: []want{
				{header: []string{"Area", "Detail"}, rows: [][]string{{"Net", "See:"}, {"Disk", "Provider"}},
					codes: []string{codeHTMLNestedTable}},
				{header: []string{"Who"}, rows: [][]string{{"Customer"}}},
			},
		},
		{
			name: "caption and summary attribute",
			in:   `<table summary=" Rows  read left to right "><caption> Table 1. <i>Duties</i> </caption><tr><td>x</td></tr></table>`,
			want: []want{{caption: "Table 1. Duties", summary: "Rows read left to right", rows: [][]string{{"x"}}}},
		},
		{
			name: "th without tr in thead",
			in:   "<table><thead><th colspan=2>By type</th></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
			want: []want{{header: []string{"By type", "By type"}, rows: [][]string{{"a", "b"}}, codes: []string{codeHTMLSpan}}},
		},
		{
			name: "empty table",
			in:   "<table></table>",
			want: []want{{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := FromHTML("t.html", []byte(tt.in))
			checkUTF8(t, d, func(string, Pos) {})
			tbs := tables(d)
			require.Len(t, tbs, len(tt.want))
			var allCodes []string
			for i, w := range tt.want {
				tb := tbs[i]
				if w.header == nil {
					assert.Nil(t, tb.Header)
				} else {
					assert.Equal(t, w.header, texts(tb.Header))
				}
				var rows [][]string
				for _, r := range tb.Rows {
					rows = append(rows, texts(r.Cells))
				}
				assert.Equal(t, w.rows, rows)
				for rc, items := range w.items {
					assert.Equal(t, items, tb.Rows[rc[0]].Cells[rc[1]].Items, "items of row %d col %d", rc[0], rc[1])
				}
				assert.Equal(t, w.caption, tb.Caption)
				assert.Equal(t, w.summary, tb.Summary)
				allCodes = append(allCodes, w.codes...)
			}
			got := codes(diags)
			sort.Strings(got)
			sort.Strings(allCodes)
			if len(allCodes) == 0 {
				allCodes = nil
			}
			assert.Equal(t, allCodes, got)
		})
	}
}

func TestFromHTMLHugeSpans(t *testing.T) {
	// colspan is capped at 1000; rowspan=0 spans to the end of the table.
	in := "<table><tr><td colspan=99999 rowspan=0>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table>"
	d, diags := FromHTML("t.html", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	require.Len(t, tb[0].Rows, 3)
	assert.Len(t, tb[0].Rows[0].Cells, 1000)
	assert.Len(t, tb[0].Rows[1].Cells, 1001)
	assert.Equal(t, "b", tb[0].Rows[1].Cells[1000].Text)
	assert.Equal(t, "c", tb[0].Rows[2].Cells[1000].Text)
	assert.Equal(t, []string{codeHTMLSpan}, codes(diags))

	// Spans beyond the budget are not expanded.
	var sb strings.Builder
	sb.WriteString("<table>")
	for range 50 {
		sb.WriteString("<tr><td colspan=1000 rowspan=1000>x</td></tr>")
	}
	sb.WriteString("</table>")
	d, diags = FromHTML("t.html", []byte(sb.String()))
	assert.Contains(t, codes(diags), codeHTMLSpanBudget)
	n := 0
	for _, r := range tables(d)[0].Rows {
		n += len(r.Cells)
	}
	assert.Less(t, n, 20000)
}

func TestFromHTMLFragmentsAndOddInput(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		title string
		kinds []Kind
		paras []string
	}{
		{name: "empty", in: ""},
		{name: "plain text", in: "just text\nsecond line\n\nnew paragraph", kinds: []Kind{KindParagraph, KindParagraph},
			paras: []string{"just text", "second line", "new paragraph"}},
		{name: "h1 is the title without a title element", in: "<h2>Sub</h2><h1>Main</h1>", title: "Main",
			kinds: []Kind{KindHeading, KindHeading}},
		{name: "loose text between blocks", in: "before<p>inside</p>after <a href=x>link</a> end",
			kinds: []Kind{KindParagraph, KindParagraph, KindParagraph}, paras: []string{"before", "inside", "after link end"}},
		{name: "invalid utf-8 and NUL", in: "<p>a\xff\x00b</p><table id=\"\xfe\"><tr><td>\xc3</td></tr></table>",
			kinds: []Kind{KindParagraph, KindTable}, paras: []string{"a\uFFFDb"}},
		{name: "unclosed everything", in: "<table><tr><td>a<td>b<tr><td>c", kinds: []Kind{KindTable}},
		{name: "stray table parts", in: "</table><td>x</td><tr>y</tr><caption>z", kinds: []Kind{KindParagraph},
			paras: []string{"xyz"}},
		{name: "text misplaced in a table", in: "<table>lost<tr><td>a</td></tr></table>", kinds: []Kind{KindParagraph, KindTable},
			paras: []string{"lost"}},
		{name: "dl", in: "<dl><dt>Term</dt><dd>Definition</dd></dl>", kinds: []Kind{KindParagraph},
			paras: []string{"Term", "Definition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := FromHTML("f.html", []byte(tt.in))
			require.NotNil(t, d)
			checkUTF8(t, d, func(string, Pos) {})
			assert.Equal(t, tt.title, d.Title)
			assert.Equal(t, tt.kinds, kinds(d))
			if tt.paras != nil {
				assert.Equal(t, tt.paras, paragraphs(d))
			}
		})
	}
}

func TestFromHTMLPositionsCRLFAndComments(t *testing.T) {
	src := "<!-- <table><tr><td>fake</td></tr></table> -->\r\n<p>x</p>\r\n<table>\r\n<tr><td>a</td>\r\n<td>b</td></tr>\r\n</table>"
	d, _ := FromHTML("c.html", []byte(src))
	tb := tables(d)
	require.Len(t, tb, 1)
	require.Len(t, tb[0].Rows, 1)
	assert.Equal(t, Pos{Line: 4, Col: 1}, tb[0].Rows[0].Pos)
	assert.Equal(t, Pos{Line: 4, Col: 5}, tb[0].Rows[0].Cells[0].Pos)
	assert.Equal(t, Pos{Line: 5, Col: 1}, tb[0].Rows[0].Cells[1].Pos)
	assert.Equal(t, Pos{Line: 2, Col: 1}, d.Blocks[0].Lines[0].Pos)
}

// cellWords returns the words of the text of a td or th, nested tables left
// out and bullet markers dropped.
func cellWords(n *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				for _, w := range strings.Fields(c.Data) {
					if w != "-" && w != "*" {
						out = append(out, w)
					}
				}
			case c.Type == html.ElementNode && c.Data != "table":
				walk(c)
			}
		}
	}
	walk(n)
	return out
}

func TestFromHTMLCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus %s absent: %v", corpusDir, err)
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, []byte("<table")) {
			files = append(files, p)
		}
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			d, _ := FromHTML(f, src)
			checkUTF8(t, d, func(string, Pos) {})

			ref, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
			require.NoError(t, err)
			tbs := tables(d)
			require.Len(t, tbs, ref.Find("table").Length(), "every table read")

			// Every word of every source cell appears in some cell.
			var words strings.Builder
			nCells := 0
			for _, tb := range tbs {
				assert.NotZero(t, tb.Pos.Line, "table position")
				all := append([]Cell{}, tb.Header...)
				for _, r := range tb.Rows {
					assert.NotZero(t, r.Pos.Line, "row position")
					all = append(all, r.Cells...)
				}
				for _, c := range all {
					nCells++
					words.WriteString(c.Text)
					words.WriteByte(' ')
					assert.NotZero(t, c.Pos.Line, "cell position")
					if c.Pos.Line > 0 {
						line := strings.Split(string(src), "\n")[c.Pos.Line-1]
						tag := strings.ToLower(line[c.Pos.Col-1:])
						assert.True(t, strings.HasPrefix(tag, "<td") || strings.HasPrefix(tag, "<th"),
							"cell position %v points at %q", c.Pos, line)
					}
				}
			}
			srcCells := ref.Find("td, th")
			assert.GreaterOrEqual(t, nCells, srcCells.Length(), "no cell lost")
			srcCells.Each(func(_ int, s *goquery.Selection) {
				for _, w := range cellWords(s.Nodes[0]) {
					if !strings.Contains(words.String(), cleanText(w)) {
						t.Errorf("word %q of a cell at %q is in no cell", w, s.Text())
						return
					}
				}
			})
		})
	}
}

func FuzzFromHTML(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("<table><thead><tr><th colspan=2>a</th></tr></thead><tr><td rowspan=3>b<br>c</td><td><ul><li>d</ul></td></tr></table>"))
	f.Add([]byte("<h1 id=x>T</h1><p>p</p><table aria-describedby=x><caption>c</caption><tr><td><table><tr><td>n</td></tr></table></td></tr></table>"))
	f.Add([]byte("<table>x<tr><td>\xff\x00</td>"))
	if b, err := os.ReadFile(seedPTC); err == nil {
		f.Add(b)
	}
	if b, err := os.ReadFile(filepath.Join(corpusDir, "other",
		"MicrosoftDocs__azure-docs__articles__openshift__responsibility-matrix.md")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, _ := FromHTML("fuzz.html", src)
		require.NotNil(t, d)
		lines := len(textLines(src)) + 1
		checkUTF8(t, d, func(_ string, p Pos) {
			if p.Line < 0 || p.Line > lines || p.Col < 0 {
				t.Fatalf("position %v out of range (%d lines)", p, lines)
			}
		})
	})
}

func BenchmarkFromHTML(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<html><head><title>Bench</title></head><body><h1>Bench</h1>\n")
	for k := 0; k < 50; k++ {
		sb.WriteString("<h2>Section</h2><p>Some text about the table.</p>\n<table><thead><tr><th>Task</th><th>Provider</th><th>Customer</th></tr></thead>\n")
		for r := 0; r < 20; r++ {
			sb.WriteString("<tr><td>Patch the hosts</td><td><ul><li>Scan</li><li>Patch</li></ul></td><td colspan=1>Apply<br>Verify</td></tr>\n")
		}
		sb.WriteString("</table>\n")
	}
	sb.WriteString("</body></html>")
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		FromHTML("bench.html", src)
	}
}
