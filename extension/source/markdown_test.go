package source_test

import (
	"os"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/internal/corpus"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readMarkdown parses src with mdraci's extension and reads it into the
// source layer.
func readMarkdown(t *testing.T, src string) *source.Document {
	t.Helper()
	res := extension.NewConverter().Parse("t.md", []byte(src), extension.Markdown)
	return res.Document()
}

// tables returns the document's tables.
func tables(d *source.Document) []*source.Table {
	var out []*source.Table
	for _, b := range d.Blocks {
		if b.Kind == source.KindTable {
			out = append(out, b.Table)
		}
	}
	return out
}

// TestMarkdownCellPositions: a cell's position is that of its text, not of
// the blank after the pipe; an empty cell keeps the position after the pipe.
func TestMarkdownCellPositions(t *testing.T) {
	d := readMarkdown(t, "| Task | IBM | You |\n|---|---|---|\n| Patch |  RA |  |\n")
	ts := tables(d)
	require.Len(t, ts, 1)
	row := ts[0].Rows[0]
	assert.Equal(t, source.Pos{Line: 3, Col: 3}, row.Cells[0].Pos, "Patch")
	assert.Equal(t, source.Pos{Line: 3, Col: 12}, row.Cells[1].Pos, "RA")
	assert.Equal(t, source.Pos{Line: 3, Col: 16}, row.Cells[2].Pos, "the empty cell, after its pipe")
}

// TestMarkdownHTMLTables: <table>s pasted into Markdown (the Azure and SAP
// pages) are read, also when blank lines inside split them into several
// HTML blocks, with the Markdown source's positions; Markdown around them
// is read as before.
func TestMarkdownHTMLTables(t *testing.T) {
	src := "# Title\n" + // 1
		"\n" + // 2
		"<table>\n" + // 3
		"  <tr>\n" + // 4
		"   <th>Resource</th><th>Microsoft responsibilities</th><th>Customer responsibilities</th>\n" + // 5
		"  </tr>\n" + // 6
		"  <tr>\n" + // 7
		"   <td>Networking</td>\n" + // 8
		"   <td>\n" + // 9
		"<ul>\n" + // 10
		"\n" + // 11
		"<li>Monitor load balancers.\n" + // 12
		"\n" + // 13
		"<li>Respond to alerts.\n" + // 14
		"</li>\n" + // 15
		"</ul>\n" + // 16
		"   </td>\n" + // 17
		"   <td>Report outages.</td>\n" + // 18
		"  </tr>\n" + // 19
		"</table>\n" + // 20
		"\n" + // 21
		"After the table.\n" + // 22
		"\n" + // 23
		"| A | B |\n|---|---|\n| 1 | 2 |\n" // 24
	d := readMarkdown(t, src)
	ts := tables(d)
	require.Len(t, ts, 2, "the HTML table and the Markdown table")
	h := ts[0]
	require.Len(t, h.Header, 3)
	assert.Equal(t, "Microsoft responsibilities", h.Header[1].Text)
	require.Len(t, h.Rows, 1)
	cells := h.Rows[0].Cells
	require.Len(t, cells, 3)
	assert.Equal(t, []string{"Monitor load balancers.", "Respond to alerts."}, cells[1].Items)
	assert.Equal(t, 7, h.Rows[0].Pos.Line, "row positions are the Markdown file's")
	assert.Equal(t, source.Pos{Line: 18, Col: 4}, cells[2].Pos)

	var paragraphs []string
	for _, b := range d.Blocks {
		if b.Kind == source.KindParagraph {
			for _, l := range b.Lines {
				paragraphs = append(paragraphs, l.Text)
			}
		}
	}
	assert.Equal(t, []string{"After the table."}, paragraphs, "the pieces of the table are not paragraphs")
	assert.Equal(t, 24, ts[1].Pos.Line)
}

// TestMarkdownHTMLTableUnclosed: a <table> never closed is read from its
// HTML block alone; the Markdown after it is still read.
func TestMarkdownHTMLTableUnclosed(t *testing.T) {
	d := readMarkdown(t, "<table><tr><td>Task</td><td>IBM</td></tr>\n\nText after.\n")
	require.Len(t, tables(d), 1)
	last := d.Blocks[len(d.Blocks)-1]
	require.Equal(t, source.KindParagraph, last.Kind)
	assert.Equal(t, "Text after.", last.Lines[0].Text)
}

// TestMarkdownCellPieces: the pieces of a cell keep the spaces between
// their inline nodes (text next to raw HTML links), and the cell's text is
// its pieces joined by a space.
func TestMarkdownCellPieces(t *testing.T) {
	d := readMarkdown(t, "| Task | You |\n|---|---|\n"+
		`| Size | <ul><li>Adjust <a href="/c">compute</a> and <a href="/s">storage</a> capacity.</li><li>Tune.</li></ul> |`+"\n"+
		"| Perf | Request sizing.<br><br>Application level performance tuning. |\n"+
		"| Scan</br>it | Run the scan.</BR>Read the report. |\n")
	ts := tables(d)
	require.Len(t, ts, 1)
	c := ts[0].Rows[0].Cells[1]
	assert.Equal(t, []string{"Adjust compute and storage capacity.", "Tune."}, c.Items)
	assert.Equal(t, "Adjust compute and storage capacity. Tune.", c.Text)
	c = ts[0].Rows[1].Cells[1]
	assert.Equal(t, []string{"Request sizing.", "Application level performance tuning."}, c.Items)
	// </br>, which browsers read as <br> (IBM's workload-protection page)
	assert.Equal(t, "Scan it", ts[0].Rows[2].Cells[0].Text)
	assert.Equal(t, []string{"Run the scan.", "Read the report."}, ts[0].Rows[2].Cells[1].Items)
}

// TestMarkdownCellPiecesBreakInItems: a <br> inside a " \n " line or a
// list item ends a piece there too; the words on either side are never
// glued ("Monitor hostsRestart").
func TestMarkdownCellPiecesBreakInItems(t *testing.T) {
	d := readMarkdown(t, "| Task | You |\n|---|---|\n"+
		"| a | - Monitor hosts<br>Restart services \\n - Patch |\n"+
		"| b | Monitor hosts \\n Restart<br>services |\n"+
		"| c | * x \\n * y<BR/>z |\n"+
		"| d | <ul><li>One<ul><li>one a</li></ul></li><li>Two</li></ul> |\n")
	ts := tables(d)
	require.Len(t, ts, 1)
	for i, want := range [][]string{
		{"Monitor hosts", "Restart services", "Patch"},
		{"Monitor hosts", "Restart", "services"},
		{"x", "y", "z"},
		{"One", "one a", "Two"},
	} {
		assert.Equal(t, want, ts[0].Rows[i].Cells[1].Items, "row %d", i)
	}
}

// TestMarkdownFootnotes: a footnote reference in a cell is kept as a mark
// ("[^1]", the number the reference shows) and a definition is read as
// the line "[^1]: text".
func TestMarkdownFootnotes(t *testing.T) {
	d := readMarkdown(t, "| Task | IBM |\n|---|---|\n| Link | Shared [^link] |\n\n[^link]: Shared with the workload provider.\n")
	ts := tables(d)
	require.Len(t, ts, 1)
	assert.Equal(t, "Shared [^1]", ts[0].Rows[0].Cells[1].Text)
	var lines []source.Line
	for _, b := range d.Blocks {
		if b.Kind == source.KindParagraph {
			lines = append(lines, b.Lines...)
		}
	}
	require.Len(t, lines, 1)
	assert.Equal(t, "[^1]: Shared with the workload provider.", lines[0].Text)
	assert.Equal(t, 5, lines[0].Pos.Line)
}

// BenchmarkFromMarkdown reads every corpus page, parsed once beforehand,
// into the source layer (ns/op is per corpus).
func BenchmarkFromMarkdown(b *testing.B) {
	c := extension.NewConverter(extension.WithMatrices(false))
	var results []*extension.Result
	for _, p := range corpus.Pages(b, ".md") {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		results = append(results, c.Parse(p, src, extension.Markdown))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range results {
			source.FromMarkdown(r.File, r.Doc, r.Source, r.Meta)
		}
	}
}

// TestMarkdownParagraphKeywords: each paragraph line shows the values of
// its own keyword references, twice on a line too; unknown ones and those
// in code stay as written.
func TestMarkdownParagraphKeywords(t *testing.T) {
	d := readMarkdown(t, "{{site.data.keyword.IBM_notm}} and {{site.data.keyword.IBM_notm}}\n"+
		"`{{site.data.keyword.cloud_notm}}` then {{site.data.keyword.nowhere}}\n"+
		"on {{site.data.keyword.cloud_notm}}\n")
	require.Len(t, d.Blocks, 1)
	var got []string
	for _, l := range d.Blocks[0].Lines {
		got = append(got, l.Text)
	}
	assert.Equal(t, []string{
		"IBM and IBM",
		"`{{site.data.keyword.cloud_notm}}` then {{site.data.keyword.nowhere}}",
		"on IBM Cloud",
	}, got)
}

// TestMarkdownHTMLTableKeywords: keyword references in a raw HTML table
// are resolved in its cells' texts and items, its header (so that the
// party is read) and its caption, as the HTML output shows them; Raw stays
// as written, unknown references too. Values past the document's budget
// are left as written.
func TestMarkdownHTMLTableKeywords(t *testing.T) {
	src := "<table>\n<caption>On {{site.data.keyword.cloud_notm}}</caption>\n" +
		"<tr><th>Task</th><th>{{site.data.keyword.IBM_notm}} responsibilities</th><th>Your responsibilities</th></tr>\n" +
		"<tr><td>Patch {{site.data.keyword.nowhere}}</td><td><ul><li>Run {{site.data.keyword.cloud_notm}}</li><li>Watch</li></ul></td><td>Use it</td></tr>\n" +
		"</table>\n"
	for _, matrices := range []bool{true, false} {
		res := extension.NewConverter(extension.WithMatrices(matrices)).Parse("t.md", []byte(src), extension.Markdown)
		ts := tables(res.Document())
		require.Len(t, ts, 1)
		tb := ts[0]
		assert.Equal(t, "On IBM Cloud", tb.Caption)
		assert.Equal(t, "IBM responsibilities", tb.Header[1].Text)
		assert.Equal(t, "Patch {{site.data.keyword.nowhere}}", tb.Rows[0].Cells[0].Text, "unknown: as written")
		assert.Equal(t, []string{"Run IBM Cloud", "Watch"}, tb.Rows[0].Cells[1].Items)
		assert.Equal(t, "Run IBM Cloud Watch", tb.Rows[0].Cells[1].Text)
		assert.Contains(t, tb.Rows[0].Cells[1].Raw, "{{site.data.keyword.cloud_notm}}", "Raw is the source as written")
		assert.Equal(t, "ibm", res.Model().Parties[0].ID, "the header names IBM")
		assert.Equal(t, "IBM", res.Model().Parties[0].Name)
	}

	// a long value named many times: the first ones are resolved, within
	// the document's budget, the rest left as written
	data := keyword.Default()
	require.NoError(t, data.AddYAML("", []byte("keyword:\n  big: "+strings.Repeat("x", 60000)+"\n")))
	var b strings.Builder
	b.WriteString("<table>\n<tr><th>Task</th><th>IBM</th></tr>\n")
	for range 100 {
		b.WriteString("<tr><td>{{site.data.keyword.big}}</td><td>R</td></tr>\n")
	}
	b.WriteString("</table>\n")
	res := extension.NewConverter(extension.WithKeywords(data)).Parse("t.md", []byte(b.String()), extension.Markdown)
	resolved, total := 0, 0
	for _, r := range tables(res.Document())[0].Rows {
		total += len(r.Cells[0].Text)
		if !strings.Contains(r.Cells[0].Text, "{{") {
			resolved++
		}
	}
	assert.Greater(t, resolved, 0)
	assert.Less(t, resolved, 100)
	assert.LessOrEqual(t, total, keyword.Budget(b.Len())+100*len("{{site.data.keyword.big}}"))
}

// TestMarkdownCellTexts: the texts of a table's cells, whether spans of
// the source, plain text of markup, pieces or footnote marks, each land in
// their own cell (they share one string per table).
func TestMarkdownCellTexts(t *testing.T) {
	d := readMarkdown(t, "| Task | You |\n|---|---|\n"+
		"| **Patch** it | R |\n"+
		"| Run<br>Watch | A[^1] |\n"+
		"| <li></li> | *I* |\n"+
		"| `code` | <ul><li>One</li></ul> |\n\n"+
		"[^1]: A note.\n")
	ts := tables(d)
	require.Len(t, ts, 1)
	var got [][]any
	for _, r := range ts[0].Rows {
		for _, c := range r.Cells {
			got = append(got, []any{c.Text, c.Raw, c.Items})
		}
	}
	assert.Equal(t, [][]any{
		{"Patch it", "**Patch** it", []string(nil)},
		{"R", "R", []string(nil)},
		{"Run Watch", "Run<br>Watch", []string{"Run", "Watch"}},
		{"A [^1]", "A[^1]", []string(nil)},
		{"", "<li></li>", []string(nil)},
		{"I", "*I*", []string(nil)},
		{"code", "`code`", []string(nil)},
		{"One", "<ul><li>One</li></ul>", []string{"One"}},
	}, got)
	assert.Equal(t, "Task", ts[0].Header[0].Text)
}

// TestMarkdownMkDocsContainers: the tables of MkDocs containers (Stakater's
// content tabs, an "??? info" details block) are read, at their own lines
// and columns, with the paragraphs around them.
func TestMarkdownMkDocsContainers(t *testing.T) {
	d := readMarkdown(t, "# Matrix\n\n??? info \"Change Management RACI\"\n\n"+
		"    | Key Activities | Enterprise | Provider |\n    | --- | --- | --- |\n    | Plan the change | R,A | C,I |\n\n"+
		"=== \"Logging\"\n\n    Text.\n\n"+
		"    | Stakater Responsibilities | Customer Responsibilities |\n    | --- | --- |\n    | Aggregate the logs | Read them |\n")
	ts := tables(d)
	require.Len(t, ts, 2)
	assert.Equal(t, "Plan the change", ts[0].Rows[0].Cells[0].Text)
	assert.Equal(t, source.Pos{Line: 7, Col: 7}, ts[0].Rows[0].Cells[0].Pos)
	assert.Equal(t, "Stakater Responsibilities", ts[1].Header[0].Text)
	assert.Equal(t, "Read them", ts[1].Rows[0].Cells[1].Text)
	var lines []string
	for _, b := range d.Blocks {
		if b.Kind == source.KindParagraph {
			lines = append(lines, b.Lines[0].Text)
		}
	}
	assert.Equal(t, []string{"Text."}, lines)
}

// TestMarkdownHTMLTableMarkdownCells: in an HTML table in Markdown, a
// cell's content that a blank line parts from its tag is Markdown, as the
// page shows it (SAP's pages): escapes, links and code read; content on the
// tag's line is HTML, shown as written.
func TestMarkdownHTMLTableMarkdownCells(t *testing.T) {
	d := readMarkdown(t, "<table>\n<tr><th>Task</th><th>SAP</th><th>Customer</th></tr>\n<tr>\n<td>\n\n"+
		"Provision technical \\(physical\\) resources, see [the guide](https://x.y) and `quota`.\n\n</td>\n"+
		"<td>As written \\(here\\)</td>\n<td>\n\n- One *item*\n- Two\n\n</td>\n</tr>\n</table>\n")
	ts := tables(d)
	require.Len(t, ts, 1)
	cells := ts[0].Rows[0].Cells
	assert.Equal(t, "Provision technical (physical) resources, see the guide and quota.", cells[0].Text)
	assert.Equal(t, `As written \(here\)`, cells[1].Text)
	assert.Equal(t, []string{"One item", "Two"}, cells[2].Items)
}
