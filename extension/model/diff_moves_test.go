package model

import (
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

// raciTable is a table of an activity column and the parties of header,
// at line, with the rows given.
func raciTable(line int, header []string, rows ...[]string) source.Block {
	return tbl(line, append([][]string{append([]string{"Activity"}, header...)}, rows...)...)
}

// TestDiffRowMovedAndChanged: a row taken elsewhere in its table is one
// row moved, and what changed in it is still told (before, a row removed
// and a row added hid its letters' change).
func TestDiffRowMovedAndChanged(t *testing.T) {
	page := func(rows ...[]string) *Document {
		return Build(doc("ops.md", raciTable(1, []string{"Customer", "Provider"}, rows...)))
	}
	old := page([]string{"Patch", "RA", "I"}, []string{"Scan", "I", "RA"}, []string{"Back up", "RA", "C"})
	cs := Diff(old, page([]string{"Scan", "I", "RA"}, []string{"Back up", "RA", "C"}, []string{"Patch", "R", "A"}))
	eq(t, []string{"row-moved  responsibilities-patch", "roles customer responsibilities-patch",
		"roles provider responsibilities-patch"}, kinds(cs))
	eq(t, 3, cs[0].OldLine)
	eq(t, 5, cs[0].NewLine)
	eq(t, `row "Patch" (responsibilities-patch) moved in matrix responsibilities-table-1 (from old line 3)`, cs[0].String())

	// one of two rows of an activity moved: the other one stays paired
	// in place; a row only removed is still removed
	old = page([]string{"Patch", "RA", "I"}, []string{"Scan", "I", "RA"}, []string{"Patch", "I", "RA"}, []string{"Audit", "I", "RA"})
	cs = Diff(old, page([]string{"Scan", "I", "RA"}, []string{"Patch", "I", "RA"}, []string{"Patch", "RA", "I"}))
	eq(t, []string{"row-removed  responsibilities-audit", "row-moved  responsibilities-patch-2"}, kinds(cs))
}

// TestDiffMatrixAcrossSections: a table whose section was renamed or
// renumbered, or that moved to another section, is the same table: its
// caption or section change is told, and the changes in its rows (before,
// the whole table was removed and added).
func TestDiffMatrixAcrossSections(t *testing.T) {
	rows := [][]string{{"Patch the OS", "RA", "I"}, {"Scan the network", "I", "RA"}, {"Back up the data", "RA", "C"}}
	other := raciTable(12, []string{"Customer", "Provider"}, []string{"Sign the contract", "RA", "I"})
	page := func(section, anchor string, edit func([][]string) [][]string) *Document {
		rs := make([][]string, len(rows))
		for i, r := range rows {
			rs[i] = append([]string{}, r...)
		}
		if edit != nil {
			rs = edit(rs)
		}
		return Build(doc("ops.md", h(2, 1, section, anchor), raciTable(3, []string{"Customer", "Provider"}, rs...),
			h(2, 10, "Contract", "contract"), other))
	}
	old := page("3. Daily operations", "daily", nil)
	for _, c := range []struct {
		name, section, anchor string
		edit                  func([][]string) [][]string
		want                  []string
	}{
		{"renumbered", "4. Daily operations", "daily-4", nil, []string{"caption"}},
		{"renamed", "3. Day-to-day operations", "day-to-day", nil, []string{"caption"}},
		{"renamed, a letter changed", "3. Operations", "ops", func(rs [][]string) [][]string { rs[1][1] = "C"; return rs },
			[]string{"caption", "roles customer ops-scan-the-network"}},
		{"renamed, a row added", "3. Operations", "ops", func(rs [][]string) [][]string { return append(rs, []string{"Rotate keys", "RA", ""}) },
			[]string{"caption", "row-added  ops-rotate-keys"}},
		// too few rows shared: another table
		{"renamed, rows replaced", "3. Operations", "ops", func(rs [][]string) [][]string {
			return [][]string{rs[0], {"Rotate keys", "RA", ""}, {"Audit", "I", "RA"}}
		}, []string{"matrix-added", "matrix-removed"}},
	} {
		eq(t, c.want, kinds(Diff(old, page(c.section, c.anchor, c.edit))), c.name)
	}

	// a captioned table moved to another section: told as a move
	captioned := func(first bool) *Document {
		table := withTable(raciTable(3, []string{"Customer", "Provider"}, rows...), "", "Operations")
		blocks := []source.Block{h(2, 1, "Daily", "daily"), table, h(2, 10, "Contract", "contract"), other}
		if !first {
			blocks = []source.Block{h(2, 1, "Daily", "daily"), h(2, 10, "Contract", "contract"), other, table}
		}
		return Build(doc("ops.md", blocks...))
	}
	cs := Diff(captioned(true), captioned(false))
	eq(t, []string{"section"}, kinds(cs))
	eq(t, `matrix contract-table-2: moved from section "Daily" to "Contract"`, cs[0].String())
}

// TestDiffPartyRenamed: a party renamed under a new id ("OVHcloud" →
// "OVHcloud SAS") is one party renamed, its rows compared under the new
// id (before, the party was removed and another added, and every row
// told both).
func TestDiffPartyRenamed(t *testing.T) {
	page := func(provider, patch string, parties ...string) *Document {
		return Build(doc("ops.md", raciTable(1, append([]string{"Customer", provider}, parties...),
			append([]string{"Patch", "I", patch}, make([]string, len(parties))...),
			append([]string{"Scan", "RA", "I"}, make([]string, len(parties))...))))
	}
	old := page("OVHcloud", "RA")
	cs := Diff(old, page("OVHcloud SAS", "RA"))
	eq(t, []string{"party-name ovhcloud-sas"}, kinds(cs))
	eq(t, `party ovhcloud-sas: name "OVHcloud" → "OVHcloud SAS"`, cs[0].String())
	cs = Diff(old, page("OVHcloud SAS", "R"))
	eq(t, []string{"party-name ovhcloud-sas", "roles ovhcloud-sas responsibilities-patch"}, kinds(cs))
	eq(t, "R A", cs[1].Old)

	// two parties of a kind gone, one come: no telling which was renamed
	two := page("OVHcloud", "RA", "Partner")
	cs = Diff(two, page("OVHcloud", "RA", "Vendor", "Supplier"))
	eq(t, []string{"party-added vendor", "party-added supplier", "party-removed partner"}, kinds(cs))
}

// TestDiffAnchoredSectionKeepsItsTable: a table whose section kept its
// anchor pairs with itself by id, though a new table elsewhere shares its
// rows (the grids of a page share their row names).
func TestDiffAnchoredSectionKeepsItsTable(t *testing.T) {
	rows := [][]string{{"Patch the OS", "RA", "I"}, {"Scan the network", "I", "RA"}}
	table := func(line int) source.Block { return raciTable(line, []string{"Customer", "Provider"}, rows...) }
	old := Build(doc("ops.md", h(2, 1, "Self-managed", "self"), table(3)))
	cs := Diff(old, Build(doc("ops.md", h(2, 1, "Hybrid", "hybrid"), table(3), h(2, 10, "Self-managed products", "self"), table(12))))
	eq(t, []string{"matrix-added", "caption"}, kinds(cs))
	eq(t, "hybrid-table-1", cs[0].Matrix)
	eq(t, "self-table-1", cs[1].Matrix)
}

// TestDiffLegendReordered: the letters of a cell are listed in the
// legend's order; a legend reordered changes no one's roles (before,
// every row with two letters was told changed, "R A" → "A R").
func TestDiffLegendReordered(t *testing.T) {
	page := func(legend ...[]string) *Document {
		return Build(doc("ops.md", tbl(1, append([][]string{{"Roles"}}, legend...)...),
			raciTable(9, []string{"Customer", "Provider"}, []string{"Patch", "RA", "CI"}, []string{"Scan", "I", "AR"})))
	}
	r, a, c, i := []string{"R : Does it"}, []string{"A : Answers for it"}, []string{"C : Is asked"}, []string{"I : Is told"}
	old := page(r, a, c, i)
	eq(t, []string(nil), kinds(Diff(old, page(i, c, a, r))))
	// a letter that did change is still told
	cs := Diff(old, Build(doc("ops.md", tbl(1, [][]string{{"Roles"}, i, c, a, r}...),
		raciTable(9, []string{"Customer", "Provider"}, []string{"Patch", "R", "CI"}, []string{"Scan", "I", "AR"}))))
	eq(t, []string{"roles customer responsibilities-patch"}, kinds(cs))
}
