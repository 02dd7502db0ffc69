package page_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/page"
)

// Write wraps a converted fragment in a whole page; with a model it adds
// the summary chart and the per-party views.
func ExampleWrite() {
	doc := &model.Document{
		Parties: []model.Party{{ID: "ibm", Name: "IBM", Kind: model.KindProvider}, {ID: "customer", Name: "You", Kind: model.KindCustomer}},
		Matrices: []model.Matrix{{ID: "t1", Anchor: "t1", Kind: model.MatrixProse, Caption: "Backups", Rows: []model.Row{{
			ID: "backups", Activity: "Backups", Ownership: model.OwnerShared,
			Assignments: map[string]*model.Assignment{
				"ibm":      {Duties: []string{"Run them."}, Status: model.StatusFilled},
				"customer": {Duties: []string{"Check them."}, Status: model.StatusFilled},
			},
		}}}},
	}
	var b bytes.Buffer
	if err := page.Write(&b, page.Page{Title: "Backups", Model: doc, Body: []byte("<p>…</p>\n")}); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "<figcaption>") || strings.Contains(line, `class="raci-party-view"`) {
			fmt.Println(line)
		}
	}
	// Output:
	// <figcaption>1 activity: 0 provider-owned, 1 shared, 0 customer-owned.</figcaption>
	// <section class="raci-party-view" data-kind="customer" aria-labelledby="raci-party-customer-title">
	// <section class="raci-party-view" data-kind="provider" aria-labelledby="raci-party-provider-title">
}
