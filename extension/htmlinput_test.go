package extension_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An HTML page's responsibility table is rendered as a matrix in its place;
// the rest of the page, other tables included, stays as written (sanitized).
func TestHTMLInputMatrices(t *testing.T) {
	src := []byte(`<html><body>
<h2 id="ops">Operations</h2>
<p>Who does what, <a href="https://example.com">see also</a>.</p>
<table><tr><th>Task</th><th>Customer</th><th>Provider</th></tr>
<tr><td>Patch</td><td>I</td><td>R/A</td></tr>
<tr><td>Back up</td><td><ul><li>Choose a policy</li></ul></td><td>A</td></tr></table>
<table><tr><th>Region</th><th>Zones</th></tr><tr><td>Paris</td><td>3</td></tr></table>
<script>alert(1)</script>
</body></html>`)
	c := extension.NewConverter()
	res := c.Parse("page.html", src, extension.HTML)
	var out bytes.Buffer
	require.NoError(t, c.Render(&out, res))
	html := out.String()
	assert.NotContains(t, html, "<script")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	require.NoError(t, err)
	assert.Equal(t, 1, doc.Find("table.raci-matrix").Length(), html)
	assert.Equal(t, 1, doc.Find("table.raci-legend").Length(), "the plain RACI legend, inserted once")
	assert.Equal(t, 3, doc.Find("table").Length(), "legend, matrix and the region table")
	assert.Equal(t, "Paris", doc.Find("table:not(.raci-matrix):not(.raci-legend) td").First().Text())
	assert.Equal(t, "https://example.com", doc.Find("p a").AttrOr("href", ""))
	row := doc.Find("table.raci-matrix tbody tr").First()
	assert.Equal(t, "Patch", row.Find(`th[scope="row"]`).Text())
	assert.Equal(t, "R A", row.Find(`td[data-party="provider"]`).Text())
	assert.Equal(t, "provider", row.AttrOr("data-ownership", ""))
	// the header order is the fixed one: provider before customer
	assert.Equal(t, []string{"Task", "Provider", "Customer"}, doc.Find("table.raci-matrix thead th").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
}

// Turned off, matrices keep the ordinary table rendering; the model is
// built all the same.
func TestWithMatricesOff(t *testing.T) {
	src := []byte("| Activity | Customer | Provider |\n| --- | --- | --- |\n| Patch | I | A/R |\n")
	c := extension.NewConverter(extension.WithMatrices(false))
	var out bytes.Buffer
	res, err := c.Convert("a.md", src, &out)
	require.NoError(t, err)
	assert.NotContains(t, out.String(), "raci-matrix")
	assert.Contains(t, out.String(), "<td>A/R</td>")
	require.Len(t, res.Model().Matrices, 1)
	assert.Equal(t, "a.md", res.Model().File)
}

// TestLetterCellRestFromHTMLAndText: a letter cell read from HTML or plain
// text shows what it says besides its letters once, after them ("A (on
// request)" was shown as A, then "A (on request)").
func TestLetterCellRestFromHTMLAndText(t *testing.T) {
	for _, c := range []struct {
		name   string
		format extension.Format
		src    string
	}{
		{"page.html", extension.HTML, `<table><tr><th>Activity</th><th>Customer</th><th>Provider</th></tr>
<tr><td>Restore test</td><td>R</td><td>A (on request)</td></tr></table>`},
		{"page.txt", extension.Text, "Component\nPTC Responsibilities\nCustomer Responsibilities\nRestore test\nA (on request)\nR\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			conv := extension.NewConverter()
			res := conv.Parse(c.name, []byte(c.src), c.format)
			var out bytes.Buffer
			require.NoError(t, conv.Render(&out, res))
			doc, err := goquery.NewDocumentFromReader(&out)
			require.NoError(t, err)
			assert.Equal(t, "(on request)", doc.Find("span.raci-cell-text").Text())
		})
	}
}

// TestLetterCellMarkupOnly: an HTML letter cell whose markup says more
// than its letters but whose text does not ("A <select>…</select>": the
// form's text is no document text) shows its letters alone, with no
// empty text after them.
func TestLetterCellMarkupOnly(t *testing.T) {
	src := `<table><tr><th>Activity</th><th>Customer</th><th>Provider</th></tr>
<tr><td>Patch</td><td>A <select><option>Yes</option></select></td><td>R <img src="r.png" alt=""></td></tr></table>`
	conv := extension.NewConverter()
	res := conv.Parse("page.html", []byte(src), extension.HTML)
	var out bytes.Buffer
	require.NoError(t, conv.Render(&out, res))
	doc, err := goquery.NewDocumentFromReader(&out)
	require.NoError(t, err)
	assert.Equal(t, 2, doc.Find("td.raci-cell abbr.raci-role").Length(), out.String())
	assert.Equal(t, 0, doc.Find("span.raci-cell-text").Length(), out.String())
}

// TestFootnoteMarksInSup: a footnote mark written <sup>1</sup> in a cell,
// of an HTML page or in a Markdown table, is the row's note, defined by the
// paragraph that starts with it; the activity is read without it.
func TestFootnoteMarksInSup(t *testing.T) {
	for _, c := range []struct {
		file   string
		format extension.Format
		src    string
	}{
		{"page.html", extension.HTML, `<table><tr><th>Task</th><th>Provider</th><th>Customer</th></tr>
<tr><td>Replace disks<sup>1</sup></td><td>RA</td><td>I</td></tr></table>
<p><sup>1</sup> Within 24 hours.</p>`},
		{"page.md", extension.Markdown, "| Task | Provider | Customer |\n|---|---|---|\n| Replace disks<sup>1</sup> | RA | I |\n\n<sup>1</sup> Within 24 hours.\n"},
	} {
		t.Run(c.file, func(t *testing.T) {
			res := extension.NewConverter().Parse(c.file, []byte(c.src), c.format)
			d := res.Model()
			require.Len(t, d.Matrices, 1)
			row := d.Matrices[0].Rows[0]
			assert.Equal(t, "Replace disks", row.Activity)
			require.Len(t, row.Notes, 1)
			assert.Equal(t, "Within 24 hours.", row.Notes[0].Text)
		})
	}
}
