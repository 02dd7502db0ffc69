package source

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFromHTMLTextPositionAfterDroppedSpace checks the position of loose
// text whose leading white space the parser drops (before <html>): it is
// the first character's, not the white space's.
func TestFromHTMLTextPositionAfterDroppedSpace(t *testing.T) {
	in := "<!-- loio -->\n\n# Title line\n\nSecond para\n  indented\n"
	d, _ := FromHTML("t.html", []byte(in))
	var got []Pos
	for _, b := range d.Blocks {
		for _, l := range b.Lines {
			got = append(got, l.Pos)
		}
	}
	assert.Equal(t, []Pos{{3, 1}, {5, 1}, {6, 3}}, got)
}

// TestFromHTMLBreakLinePositions checks that a line after a <br> is at its
// text, not at the paragraph's start tag.
func TestFromHTMLBreakLinePositions(t *testing.T) {
	d, _ := FromHTML("t.html", []byte("<p>Para &lt;x&gt; with<br>break<br>\n  next</p>"))
	require.Len(t, d.Blocks, 1)
	var got []Pos
	for _, l := range d.Blocks[0].Lines {
		got = append(got, l.Pos)
	}
	assert.Equal(t, []Pos{{1, 1}, {1, 27}, {2, 3}}, got)
}

// TestFromHTMLSectionRowNotHeader checks that a row of one <th> spanning
// the columns, after a header row of <th>, is a body row naming a group of
// rows, not a second header row merged into the column names.
func TestFromHTMLSectionRowNotHeader(t *testing.T) {
	in := `<table>
<tr><th>Task</th><th>Provider</th><th>Customer</th></tr>
<tr><th colspan="3">Compute</th></tr>
<tr><td>Patch</td><td>R</td><td>A</td></tr>
</table>`
	d, diags := FromHTML("t.html", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, []string{"Task", "Provider", "Customer"}, texts(tb[0].Header))
	require.Len(t, tb[0].Rows, 2)
	assert.Equal(t, "Compute", tb[0].Rows[0].Cells[0].Text)
	assert.NotContains(t, codes(diags), codeHTMLHeaderRows)

	// Two real header rows are still combined.
	in = `<table>
<tr><th rowspan="2">Task</th><th colspan="2">Responsibility</th></tr>
<tr><th>Provider</th><th>Customer</th></tr>
<tr><td>Patch</td><td>R</td><td>A</td></tr>
</table>`
	d, _ = FromHTML("t.html", []byte(in))
	assert.Equal(t, []string{"Task", "Responsibility Provider", "Responsibility Customer"}, texts(tables(d)[0].Header))
}

// TestFromHTMLFootRowsLast checks that <tfoot> rows come last, as browsers
// show them, wherever the <tfoot> is written.
func TestFromHTMLFootRowsLast(t *testing.T) {
	in := "<table><thead><tr><th>A</th></tr></thead><tfoot><tr><td>foot</td></tr></tfoot><tbody><tr><td>body</td></tr></tbody></table>"
	d, _ := FromHTML("t.html", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	require.Len(t, tb[0].Rows, 2)
	assert.Equal(t, "body", tb[0].Rows[0].Cells[0].Text)
	assert.Equal(t, "foot", tb[0].Rows[1].Cells[0].Text)
}

// TestFromHTMLSecondCaption checks that the text of a second <caption>
// (invalid, but kept by the parser) is not lost.
func TestFromHTMLSecondCaption(t *testing.T) {
	d, _ := FromHTML("t.html", []byte("<table><caption>Who</caption><caption>does what</caption><tr><td>x</td></tr></table>"))
	require.Len(t, tables(d), 1)
	assert.Equal(t, "Who does what", tables(d)[0].Caption)
}

// TestFromHTMLTableInHeading checks that a table inside a heading is read
// as a table after the heading instead of being dropped.
func TestFromHTMLTableInHeading(t *testing.T) {
	d, _ := FromHTML("t.html", []byte("<h2>Matrix <table><tr><td>Patch</td><td>R</td></tr></table></h2><p>After</p>"))
	assert.Equal(t, []Kind{KindHeading, KindTable, KindParagraph}, kinds(d))
	assert.Equal(t, "Matrix", d.Blocks[0].Heading.Text)
	tb := tables(d)
	require.Len(t, tb, 1)
	require.Len(t, tb[0].Rows, 1)
	assert.Equal(t, []string{"Patch", "R"}, texts(tb[0].Rows[0].Cells))
}

// TestFromHTMLSharedDescription checks that a description a table points
// at twice ("d d") is read once: its text is not repeated.
func TestFromHTMLSharedDescription(t *testing.T) {
	d, _ := FromHTML("t.html", []byte(`<p id="d">Desc</p><table aria-describedby="d d"><tr><td>q</td></tr></table>`))
	require.Len(t, tables(d), 1)
	assert.Equal(t, "Desc", tables(d)[0].Summary)
}

// sharedDescriptionPage is a page of n tables that all point at one long
// description.
func sharedDescriptionPage(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`<p id="big">` + strings.Repeat("word ", 20000) + "</p>\n")
	for range n {
		sb.WriteString(`<table aria-describedby="big"><tr><td>a</td></tr></table>` + "\n")
	}
	return []byte(sb.String())
}

// BenchmarkFromHTMLSharedDescription reads pages of 300 and 3,000 tables
// that all point at one long description: the description is read once,
// so the time per table stays about the same (it was read again for
// every table, which made the cost quadratic).
func BenchmarkFromHTMLSharedDescription(b *testing.B) {
	for _, n := range []int{300, 3000} {
		src := sharedDescriptionPage(n)
		b.Run(fmt.Sprintf("tables=%d", n), func(b *testing.B) {
			d, _ := FromHTML("t.html", src)
			if got := len(tables(d)); got != n {
				b.Fatalf("%d tables, want %d", got, n)
			}
			b.ReportAllocs()
			for b.Loop() {
				FromHTML("t.html", src)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/table")
		})
	}
}

// TestFromHTMLTitleAndSectionRows checks the rows that span a whole
// table: above its header row, the table's title, read as its caption (after
// the caption it has); below it, a row naming the group of rows below,
// kept as its one cell instead of repeated into every column, where it
// would read as every party's assignment.
func TestFromHTMLTitleAndSectionRows(t *testing.T) {
	in := `<table>
<tr><th colspan="3">Shared responsibilities</th></tr>
<tr><th>Task</th><th>Provider</th><th>Customer</th></tr>
<tr><td>Patch</td><td>R</td><td>A</td></tr>
<tr><td colspan="3"><strong>Networking</strong></td></tr>
<tr><td>Route</td><td>A</td><td>R</td></tr>
</table>`
	d, diags := FromHTML("t.html", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, "Shared responsibilities", tb[0].Caption)
	assert.Equal(t, []string{"Task", "Provider", "Customer"}, texts(tb[0].Header))
	require.Len(t, tb[0].Rows, 3)
	assert.Equal(t, []string{"Networking"}, texts(tb[0].Rows[1].Cells))
	assert.Equal(t, "<strong>Networking</strong>", tb[0].Rows[1].Cells[0].Raw)
	assert.Equal(t, Pos{Line: 5, Col: 5}, tb[0].Rows[1].Cells[0].Pos)
	assert.Equal(t, []string{codeHTMLTitleRow}, codes(diags), "no span repeated, no header rows combined")

	// after a caption; a cell spanning rows into a section row still
	// fills its column there
	in = `<table><caption>Table 1.</caption>
<thead><tr><td colspan="2">Who does what</td></tr><tr><th>Task</th><th>Customer</th></tr></thead>
<tr><td rowspan="2">Patch</td><td>R</td></tr>
<tr><td colspan="2">Half</td></tr>
</table>`
	d, _ = FromHTML("t.html", []byte(in))
	tb = tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, "Table 1. Who does what", tb[0].Caption)
	require.Len(t, tb[0].Rows, 2)
	assert.Equal(t, []string{"Patch", "Half", "Half"}, texts(tb[0].Rows[1].Cells))

	// above body rows, a spanning first row is the header
	d, _ = FromHTML("t.html", []byte(`<table><tr><th colspan="2">By type</th></tr><tr><td>a</td><td>b</td></tr></table>`))
	tb = tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, "", tb[0].Caption)
	assert.Equal(t, []string{"By type", "By type"}, texts(tb[0].Header))
}

// TestFromHTMLRowspanEndsWithGroup checks that a rowspan ends with its row
// group (<thead>, <tbody>, <tfoot>), as browsers lay it out: a cell does
// not fill the rows of the next group, and rowspan="0" reaches the end of
// its own group only.
func TestFromHTMLRowspanEndsWithGroup(t *testing.T) {
	in := `<table>
<thead><tr><th rowspan="3">Task</th><th>Customer</th></tr></thead>
<tbody><tr><td>Patch</td><td rowspan="0">R</td></tr><tr><td>Scan</td></tr></tbody>
<tbody><tr><td>Route</td><td>A</td></tr></tbody>
</table>`
	d, _ := FromHTML("t.html", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, []string{"Task", "Customer"}, texts(tb[0].Header))
	var rows [][]string
	for _, r := range tb[0].Rows {
		rows = append(rows, texts(r.Cells))
	}
	assert.Equal(t, [][]string{{"Patch", "R"}, {"Scan", "R"}, {"Route", "A"}}, rows)
}

// TestFromHTMLSupMarks checks that a <sup> holding digits or a mark reads
// as plain text writes it ("¹", "*"), so that a footnote mark ends a cell
// as Markdown's do and its definition line starts with it; other <sup>
// text stays text.
func TestFromHTMLSupMarks(t *testing.T) {
	in := `<table><tr><th>Task</th><th>Customer</th></tr>
<tr><td>Replace disks<sup>1</sup></td><td>R<sup>*</sup></td></tr>
<tr><td>Back up<sup><a href="#fn12">12</a></sup></td><td>Acme<sup>TM</sup></td></tr>
</table>
<p><sup>1</sup> Within 24 hours.</p>`
	d, _ := FromHTML("t.html", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, []string{"Replace disks¹", "R*"}, texts(tb[0].Rows[0].Cells))
	assert.Equal(t, []string{"Back up¹²", "AcmeTM"}, texts(tb[0].Rows[1].Cells))
	var lines []string
	for _, b := range d.Blocks {
		for _, l := range b.Lines {
			lines = append(lines, l.Text)
		}
	}
	assert.Equal(t, []string{"¹ Within 24 hours."}, lines)
}
