package page_test

import (
	"bytes"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/page"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPartyViewGrid: in a grid matrix a party's duties are the categories
// its cells name; a RACI matrix gives roles only.
func TestPartyViewGrid(t *testing.T) {
	d := testModel()
	d.Matrices = append(d.Matrices, model.Matrix{ID: "grid-table-1", Anchor: "grid-table-1", Kind: model.MatrixGrid, Caption: "Who patches",
		Rows: []model.Row{
			{ID: "grid-os", Activity: "OS", Assignments: map[string]*model.Assignment{
				"customer": {Roles: []string{"R"}, Duties: []string{"Patching", "Backups"}, Status: model.StatusFilled},
			}},
			{ID: "grid-net", Activity: "Network", Assignments: map[string]*model.Assignment{
				"acme": {Roles: []string{"R"}, Duties: []string{"Patching"}, Status: model.StatusFilled},
			}},
		}})
	var b bytes.Buffer
	page.PartyView(&b, d, "customer", 3)
	doc := parse(t, b.Bytes())
	assert.Equal(t, []string{"#ops-table-1", "#data-table-1", "#grid-table-1"},
		doc.Find("h3.raci-party-matrix > a").Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("href", "") }))
	grid := doc.Find("ul.raci-party-items").Last().Find("li").First()
	assert.Equal(t, "#grid-os", grid.Find("a").AttrOr("href", ""))
	assert.Equal(t, `<abbr class="raci-role raci-role-r" title="Responsible">R</abbr> Responsible`, mustHTML(t, grid.Find("span.raci-role-name")))
	assert.Equal(t, []string{"Patching", "Backups"}, grid.Find("ul.raci-duties > li").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
	// the RACI matrices have no duties
	assert.Equal(t, 1, doc.Find("ul.raci-duties").Length())
	assert.Equal(t, "OS: R ResponsiblePatchingBackups", grid.Text())
}

// TestPartyViewRemarks: what a grid cell says beside a party's name shows
// after the party's roles, escaped, in the cells' key order; cells naming
// other parties or no remark add nothing.
func TestPartyViewRemarks(t *testing.T) {
	d := testModel()
	d.Matrices = append(d.Matrices, model.Matrix{ID: "fix-table-1", Anchor: "fix-table-1", Kind: model.MatrixGrid, Caption: "Who fixes",
		Rows: []model.Row{{ID: "fix-images", Activity: "Container images",
			Assignments: map[string]*model.Assignment{
				"customer": {Roles: []string{"R", "A"}, Duties: []string{}, Status: model.StatusFilled},
			},
			Categories: map[string]*model.Assignment{
				"who-is-responsible-r": {Parties: []string{"customer"}, Duties: []string{"3rd Party <Vendor>"}, Status: model.StatusFilled},
				"who-is-accountable-a": {Parties: []string{"customer"}, Duties: []string{"their owner"}, Status: model.StatusFilled},
				"who-is-consulted-c":   {Parties: []string{"acme"}, Duties: []string{"not the customer's"}, Status: model.StatusFilled},
				"who-is-informed-i":    {Parties: []string{"customer"}, Duties: []string{}, Status: model.StatusFilled},
			}}}})
	var b bytes.Buffer
	page.PartyView(&b, d, "customer", 3)
	item := parse(t, b.Bytes()).Find(`a[href="#fix-images"]`).Parent()
	assert.Equal(t, []string{"(their owner)", "(3rd Party <Vendor>)"},
		item.Find("span.raci-remark").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
	assert.Contains(t, b.String(), `<span class="raci-remark">(3rd Party &lt;Vendor&gt;)</span>`)
}

// TestPartyViewNoAnchor: a matrix shown as written (a raw HTML table, no
// anchor) is listed without links.
func TestPartyViewNoAnchor(t *testing.T) {
	d := testModel()
	d.Matrices = append(d.Matrices, model.Matrix{ID: "raw-table-1", Kind: model.MatrixRACI, Caption: "Who hosts",
		Rows: []model.Row{{ID: "raw-host", Activity: "Host", Assignments: map[string]*model.Assignment{
			"customer": {Roles: []string{"A"}, Duties: []string{}, Status: model.StatusFilled},
		}}}})
	var b bytes.Buffer
	page.PartyView(&b, d, "customer", 3)
	doc := parse(t, b.Bytes())
	raw := doc.Find("h3.raci-party-matrix").Last()
	assert.Equal(t, "Who hosts", raw.Text())
	assert.Equal(t, 0, raw.Find("a").Length())
	assert.Equal(t, 0, raw.Next().Find("a").Length())
	assert.NotContains(t, b.String(), "#raw-")
}

// TestPartyViewGroups: the rows under a group heading are listed inside
// an item naming the group, which links to its heading row; rows before
// the first heading stay in the matrix's list; without an anchor, the
// group's name is text.
func TestPartyViewGroups(t *testing.T) {
	filled := func(roles ...string) map[string]*model.Assignment {
		return map[string]*model.Assignment{"customer": {Roles: roles, Duties: []string{}, Status: model.StatusFilled}}
	}
	rows := []model.Row{
		{ID: "g-plan", Activity: "Plan", Assignments: filled("A")},
		{ID: "g-compute", Activity: "Compute <1>", Heading: true, Assignments: map[string]*model.Assignment{}},
		{ID: "g-patch", Activity: "Patch", Group: "g-compute", Assignments: filled("R")},
		{ID: "g-data", Activity: "Data", Heading: true, Assignments: map[string]*model.Assignment{}},
		{ID: "g-skip", Activity: "Skip", Group: "g-data", Assignments: map[string]*model.Assignment{}},
	}
	d := &model.Document{Matrices: []model.Matrix{{ID: "g-table-1", Anchor: "g-table-1", Kind: model.MatrixRACI, Caption: "Ops", Rows: rows}}}
	view, b := partyView(t, d, "customer")
	list := view.Find("h3.raci-party-matrix + ul.raci-party-items")
	require.Equal(t, 1, list.Length(), b.String())
	items := list.ChildrenFiltered("li")
	require.Equal(t, 2, items.Length(), "Plan, then the group Compute (Data holds none of the party's rows)")
	group := items.Eq(1)
	assert.True(t, group.HasClass("raci-party-group"))
	assert.Equal(t, "#g-compute", group.ChildrenFiltered("a").AttrOr("href", ""))
	assert.Equal(t, "Compute <1>", group.ChildrenFiltered("a").Text())
	assert.Equal(t, []string{"#g-patch"}, group.ChildrenFiltered("ul.raci-party-items").Find("li > a").Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("href", "") }))

	d.Matrices[0].Anchor = ""
	_, b = partyView(t, d, "customer")
	assert.Contains(t, b.String(), `<li class="raci-party-group">Compute &lt;1&gt;`+"\n")
}

// TestPartyViewNotes: a row's footnote marks follow its activity, titled
// with their notes (a mark the document does not define has no title).
func TestPartyViewNotes(t *testing.T) {
	rows := []model.Row{{ID: "r-restore", Activity: "Restore the service",
		Notes:       []model.Note{{Marker: "*", Text: "No data is \"reloaded\"."}, {Marker: "2"}},
		Assignments: map[string]*model.Assignment{"ibm": {Duties: []string{"Recover the components."}, Status: model.StatusFilled}}}}
	d := &model.Document{Matrices: []model.Matrix{{ID: "r-table-1", Anchor: "r-table-1", Kind: model.MatrixProse, Caption: "Restore", Rows: rows}}}
	view, b := partyView(t, d, "ibm")
	item := view.Find("ul.raci-party-items > li")
	require.Equal(t, 1, item.Length(), b.String())
	marks := item.ChildrenFiltered("sup.raci-note")
	require.Equal(t, 2, marks.Length(), b.String())
	assert.Equal(t, "*", marks.Eq(0).Text())
	assert.Equal(t, `No data is "reloaded".`, marks.Eq(0).AttrOr("title", ""))
	_, titled := marks.Eq(1).Attr("title")
	assert.False(t, titled, b.String())
	assert.Equal(t, "2", marks.Eq(1).Text())
	assert.Equal(t, "Restore the service*2", item.Contents().Not("ul").Text())
}

// partyView writes party's view of d at heading level 3 and parses it.
func partyView(t *testing.T, d *model.Document, party string) (*goquery.Selection, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	page.PartyView(&b, d, party, 3)
	return parse(t, b.Bytes()).Selection, &b
}
