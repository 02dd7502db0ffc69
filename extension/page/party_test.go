package page_test

import (
	"bytes"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/page"
	"github.com/stretchr/testify/assert"
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
