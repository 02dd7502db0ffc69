package page_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/page"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parse(t *testing.T, b []byte) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	require.NoError(t, err)
	return doc
}

// testModel has two sections: one with a provider-owned and a shared
// activity, one with a customer-owned one.
func testModel() *model.Document {
	row := func(id, activity, owner string, a map[string]*model.Assignment) model.Row {
		return model.Row{ID: id, Activity: activity, Ownership: owner, Assignments: a}
	}
	filled := func(roles ...string) *model.Assignment {
		return &model.Assignment{Roles: roles, Status: model.StatusFilled}
	}
	return &model.Document{
		Parties: []model.Party{{ID: "acme", Name: "Acme <Cloud>", Kind: model.KindProvider}, {ID: "customer", Name: "Customer", Kind: model.KindCustomer}},
		Legend:  []model.LegendEntry{{Letter: "R", Label: "Responsible", Role: "responsible"}, {Letter: "A", Label: "Accountable", Role: "accountable"}, {Letter: "I", Label: "Informed", Role: "informed"}},
		Matrices: []model.Matrix{
			{ID: "ops-table-1", Anchor: "ops-table-1", Kind: model.MatrixRACI, Caption: "1 Operations", Section: []model.Heading{{Level: 2, Number: "1", Text: "Operations", Anchor: "ops"}},
				Rows: []model.Row{
					row("ops-patch", "Patch", model.OwnerProvider, map[string]*model.Assignment{"acme": filled("R", "A"), "customer": filled("I")}),
					row("ops-scale", "Scale", model.OwnerShared, map[string]*model.Assignment{"acme": filled("R"), "customer": filled("A")}),
				}},
			{ID: "data-table-1", Anchor: "data-table-1", Kind: model.MatrixRACI, Caption: "2 Data", Section: []model.Heading{{Level: 2, Number: "2", Text: "Data", Anchor: "data"}},
				Rows: []model.Row{
					row("data-backup", "Back up", model.OwnerCustomer, map[string]*model.Assignment{"acme": {Status: model.StatusEmpty}, "customer": filled("R", "A")}),
				}},
		},
	}
}

func TestSections(t *testing.T) {
	s := page.Sections(testModel())
	require.Len(t, s, 2)
	assert.Equal(t, "1 Operations", s[0].Title)
	assert.Equal(t, page.Counts{Provider: 1, Shared: 1}, s[0].Counts)
	assert.Equal(t, page.Counts{Customer: 1}, s[1].Counts)
	assert.Equal(t, 3, page.Totals(testModel()).Total())
}

// TestCountsSkipGroupHeadings: a row naming a group of rows is no
// activity; the summary counts none.
func TestCountsSkipGroupHeadings(t *testing.T) {
	m := testModel()
	rows := &m.Matrices[1].Rows
	*rows = append([]model.Row{{ID: "data-storage", Activity: "Storage", Heading: true, Ownership: model.OwnerUnknown, Assignments: map[string]*model.Assignment{}}}, *rows...)
	assert.Equal(t, page.Counts{Customer: 1}, page.Sections(m)[1].Counts)
	assert.Equal(t, 3, page.Totals(m).Total())
}

func TestWritePage(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, page.Write(&b, page.Page{
		Title:   "Shared <responsibilities>",
		Updated: "2026-01-02",
		Headings: []page.Heading{
			{Level: 1, ID: "title", Text: "Title"},
			{Level: 2, ID: "ops", Text: "Operations"},
			{Level: 4, ID: "deep", Text: "Deep"}, // a skipped level nests one step only
			{Level: 2, ID: "data", Text: "Data & more"},
			{Level: 3, Text: "No id"},
		},
		Model: testModel(),
		Body:  []byte("<h1 id=\"title\">Title</h1>\n<p>Body</p>\n"),
	}))
	html := b.String()
	assert.Contains(t, html, "<title>Shared &lt;responsibilities&gt;</title>")
	doc := parse(t, b.Bytes())

	// contents: the page title is left out, levels nest, headings without ids are skipped
	assert.Equal(t, []string{"Operations", "Deep", "Data & more"}, doc.Find(".toc a").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
	assert.Equal(t, 1, doc.Find(".toc ol ol").Length())
	assert.Equal(t, "Deep", doc.Find(".toc ol ol a").Text())

	// the overview comes right after the document's own title
	assert.Equal(t, "title", doc.Find("main > *").First().AttrOr("id", ""))
	assert.Equal(t, "page-updated", doc.Find("main > *").Eq(1).AttrOr("class", ""))
	assert.Equal(t, "2026-01-02", doc.Find(".page-updated time").Text())

	// the chart: one bar label per section, every count in its description
	chart := doc.Find("svg.raci-chart")
	assert.Equal(t, 2, chart.Find("text.raci-chart-label").Length())
	assert.Equal(t, "1 Operations: 1 provider-owned, 1 shared, 0 customer-owned. 2 Data: 0 provider-owned, 0 shared, 1 customer-owned.", chart.Find("desc").Text())
	assert.Equal(t, "3 activities: 1 provider-owned, 1 shared, 1 customer-owned.", doc.Find(".raci-summary figcaption").Text())

	// the view switch and the views: the customer's holds what it does
	assert.Equal(t, []string{"all", "customer", "provider"}, doc.Find(`input[name="raci-view"]`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") }))
	assert.Contains(t, doc.Find(`label[for="raci-view-provider"]`).Text(), "What Acme <Cloud> does")
	customer := doc.Find(`.raci-party-view[data-kind="customer"]`)
	assert.Equal(t, []string{"#ops-patch", "#ops-scale", "#data-backup"}, customer.Find("li > a").Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("href", "") }))
	provider := doc.Find(`.raci-party-view[data-kind="provider"]`)
	assert.Equal(t, 2, provider.Find("li").Length(), "an empty cell is not a duty")
	assert.Contains(t, provider.Find("li").First().Text(), "R Responsible, A Accountable")
	assert.Equal(t, "<p>Body</p>", strings.TrimSpace(mustHTML(t, doc.Find(".page-body"))))
}

func mustHTML(t *testing.T, s *goquery.Selection) string {
	t.Helper()
	h, err := s.Html()
	require.NoError(t, err)
	return h
}

// A page without matrices has no overview; one without an <h1> gets the
// title as its heading.
func TestWritePlainPage(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, page.Write(&b, page.Page{Title: "Notes", Body: []byte("<p>Text</p>\n")}))
	doc := parse(t, b.Bytes())
	assert.Equal(t, 0, doc.Find(".raci-overview, .raci-party-view, nav.toc").Length())
	assert.Equal(t, "Notes", doc.Find("main h1").Text())
	assert.Contains(t, b.String(), page.DefaultCSS())
}

// Links to pages are paths, whatever the files are named: a folder named
// "javascript:alert(1)" or a file "data:text/html,x" is no scheme, "#" and
// "?" are no fragment or query.
func TestWriteIndexLinksArePaths(t *testing.T) {
	for href, want := range map[string]string{
		"javascript:alert(document.domain)/x.html": "./javascript:alert%28document.domain%29/x.html",
		"data:text/html,x.html":                    "./data:text/html%2Cx.html",
		"x#y?z.html":                               "./x%23y%3Fz.html",
		"a b/c.html":                               "./a%20b/c.html",
	} {
		var b bytes.Buffer
		require.NoError(t, page.WriteIndex(&b, page.Index{Entries: []page.Entry{{Href: href, Title: "T"}}}))
		got := parse(t, b.Bytes()).Find("tbody a").AttrOr("href", "")
		assert.Equal(t, want, got, href)
		u, err := url.Parse(got)
		require.NoError(t, err)
		assert.Empty(t, u.Scheme, href)
		assert.Empty(t, u.Fragment, href)
		assert.Empty(t, u.RawQuery, href)
	}
}

func TestWriteIndex(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, page.WriteIndex(&b, page.Index{Entries: []page.Entry{
		{Href: "a.html", Title: "A & B", Matrices: 2, Counts: page.Counts{Provider: 1, Customer: 2}},
		{Href: "sub/c.html", Title: "C", Matrices: 1, Counts: page.Counts{Shared: 4, Unknown: 1}},
	}}))
	doc := parse(t, b.Bytes())
	assert.Equal(t, "2 pages, 3 matrices, 8 activities.", doc.Find("main > p").Text())
	rows := doc.Find("tbody tr")
	require.Equal(t, 2, rows.Length())
	assert.Equal(t, "./sub/c.html", rows.Eq(1).Find("a").AttrOr("href", ""))
	assert.Equal(t, []string{"1", "5", "0", "4", "0", "1"}, rows.Eq(1).Find("td").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
}
