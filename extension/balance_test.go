package extension_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// balanced converts src and returns the HTML, parsed as a browser parses
// it, and the diagnostics as "line:col code".
func balanced(t *testing.T, c *extension.Converter, src string) (string, *goquery.Document, []string) {
	t.Helper()
	var out bytes.Buffer
	res, err := c.Convert("t.md", []byte(src), &out)
	require.NoError(t, err)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(out.String()))
	require.NoError(t, err)
	var ds []string
	for _, d := range res.Diagnostics {
		ds = append(ds, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
	}
	return out.String(), doc, ds
}

// TestRawHTMLBalanced: inline raw HTML cannot reach out of its paragraph,
// heading or cell: an unclosed tag is closed at its end, a stray closing
// tag is dropped, table parts outside a table are dropped; each is
// reported. Read as a browser reads it, the page keeps its structure.
func TestRawHTMLBalanced(t *testing.T) {
	c := extension.NewConverter()

	h, doc, ds := balanced(t, c, "See <a href=\"https://example.com/\">the docs\n\nSecond paragraph.\n")
	assert.Contains(t, h, `<p>See <a href="https://example.com/">the docs</a></p>`)
	assert.Equal(t, 0, doc.Find("a p").Length(), "the next paragraph is no part of the link")
	assert.Equal(t, []string{"1:5 html-unbalanced"}, ds)

	h, _, ds = balanced(t, c, "## Section </h2><img src=x>\n\nBreak out: </div></div>\n\nEnd <b>bold<i>both</b> not\n")
	assert.Contains(t, h, `<h2 id="section">Section <img src="x"> <a class="heading-anchor"`)
	assert.Contains(t, h, "<p>Break out: </p>")
	assert.Contains(t, h, "<p>End <b>bold<i>both</i></b> not</p>", "a closing tag closes what opened after it")
	assert.Equal(t, []string{"1:12 html-unbalanced", "3:12 html-unbalanced", "3:18 html-unbalanced"}, ds)

	// cells: the matrix keeps its rows and cells
	src := "| Activity | Provider | Customer |\n|---|---|---|\n" +
		"| <table><tr><td>nested | R | A |\n" +
		"| Close </table> early | R | A |\n" +
		"| Split <tr><td>x</td></tr> row | R | A |\n" +
		"| Lines <b>one \\n two</b> | R | A |\n" +
		"| Kept <table><tr><td>a</td></tr></table> | R | A |\n\n## Next\n\nAfter.\n"
	h, doc, ds = balanced(t, c, src)
	rows := doc.Find("table.raci-matrix > tbody > tr")
	require.Equal(t, 5, rows.Length(), h)
	rows.Each(func(i int, r *goquery.Selection) {
		assert.Equal(t, 2, r.ChildrenFiltered("td").Length(), "row %d keeps its cells", i)
	})
	assert.Equal(t, 0, doc.Find("table h2, table p").Length(), "nothing after the matrix falls into it")
	assert.Equal(t, 2, doc.Find("table.raci-matrix td table, table.raci-matrix th table").Length(), "a table opened in a cell is closed there")
	assert.Contains(t, h, "Kept <table><tr><td>a</td></tr></table>", "a whole table in a cell is kept")
	// the unclosed <td>; </table>; <tr>, <td>, </td>, </tr>; <b> not
	// closed in its line, </b> in the next closing nothing
	assert.Equal(t, []string{"3:14 html-unbalanced", "4:9 html-unbalanced", "5:9 html-unbalanced", "5:13 html-unbalanced",
		"5:18 html-unbalanced", "5:23 html-unbalanced", "6:9 html-unbalanced", "6:22 html-unbalanced"}, ds)

	// trusted input is left as written
	h, _, ds = balanced(t, extension.NewConverter(extension.WithUnsafe(true)), "Break out: </div>\n")
	assert.Contains(t, h, "<p>Break out: </div></p>")
	assert.Empty(t, ds)
}
