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
	d.Matrices = append(d.Matrices, model.Matrix{ID: "grid-table-1", Kind: model.MatrixGrid, Caption: "Who patches",
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
