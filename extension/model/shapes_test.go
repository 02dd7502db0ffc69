package model

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

// The shapes below come from corpus pages the corpus test reads; each
// test pins one reading.

// TestCheckMarksNeedAPartyHeader: marks under headers that name no party
// ("Optional" | "Yes", powervs-vpc) are a feature list, not a matrix;
// marks under a party header (Zilliz) are.
func TestCheckMarksNeedAPartyHeader(t *testing.T) {
	d := Build(doc("f.md",
		tbl(1, []string{"Resource Type", "Optional", "Description"},
			[]string{"Workspace", "", "A workspace with 2 subnets"},
			[]string{"Custom Images", "Yes", "Imports up to three images"}),
		tbl(10, []string{"Resource Type", "Optional", "Description"},
			[]string{"VPC", "", "Edge VPC"}),
	))
	eq(t, 0, len(d.Matrices), "no matrix")
	eq(t, 0, len(d.Parties), "\"Optional\" is no party")

	d = Build(doc("z.md", tbl(1, []string{"Task", "Zilliz BYOC", "Customer"},
		[]string{"Set up VPC", "", "✔"},
		[]string{"Patch", "✔", "✔"})))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	eq(t, MatrixCheck, d.Matrices[0].Kind)
	eq(t, []string{"R"}, findRow(d, "Patch").Assignments["customer"].Roles)
}

// TestAffixedNameNeedsANoun: "Types of tasks" is not the party "Types of"
// (satellite-architecture), "IBM tasks" is IBM.
func TestAffixedNameNeedsANoun(t *testing.T) {
	b := newTestBuilder()
	_, ok := b.headerParty("Types of tasks")
	eq(t, false, ok, "Types of tasks")
	_, ok = b.headerParty("Who is responsible")
	eq(t, false, ok, "Who is responsible")
	name, ok := b.headerParty("IBM tasks")
	eq(t, true, ok, "IBM tasks")
	eq(t, "IBM", name)

	d := Build(doc("s.md", tbl(1, []string{"Types of tasks", "Description"},
		[]string{"Change management", "Includes tasks such as deployment."})))
	eq(t, 0, len(d.Matrices))
}

// TestRoleColumns: columns whose header is a role ("Who is accountable
// (A)") name in their cells the parties holding that role (the deployable
// architectures table of IBM's overview page).
func TestRoleColumns(t *testing.T) {
	d := Build(doc("o.md", tbl(1,
		[]string{"Timeline", "Responsibility", "Who is responsible (R)", "Who is accountable (A)", "Who is informed (I)"},
		[]string{"Day 0", "", "", "", ""},
		[]string{"", "Create the architecture", "IBM", "n/a", "Customer"},
		[]string{"", "Fix the script", "IBM, service owner", "", ""},
		[]string{"", "Issues with images", "Customer (3rd Party Vendor/Open Source community)", "", ""},
	)))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	m := d.Matrices[0]
	eq(t, MatrixGrid, m.Kind)
	var letters []string
	for _, c := range m.Columns {
		letters = append(letters, c.Role+":"+c.Letter)
	}
	eq(t, []string{"group:", "activity:", "category:R", "category:A", "category:I"}, letters)

	r := findRow(d, "Create the architecture")
	eq(t, []string{"R"}, r.Assignments["ibm"].Roles)
	eq(t, []string{"I"}, r.Assignments["customer"].Roles, "Customer is Informed, not Responsible")
	eq(t, []string{}, r.Assignments["customer"].Duties, "a role column adds no duty")
	eq(t, OwnerProvider, r.Ownership, "I does not own")
	eq(t, StatusNotApplicable, r.Categories["who-is-accountable-a"].Status)

	r = findRow(d, "Fix the script")
	eq(t, []string{"ibm", "service-owner"}, r.Categories["who-is-responsible-r"].Parties)
	eq(t, []string{"R"}, r.Assignments["service-owner"].Roles)

	r = findRow(d, "Issues with images")
	c := r.Categories["who-is-responsible-r"]
	eq(t, []string{"customer"}, c.Parties)
	eq(t, []string{"3rd Party Vendor/Open Source community"}, c.Duties, "the remark is kept")
	eq(t, OwnerCustomer, r.Ownership)
}

// TestRoleColumnAlternatives: "A or B" in a role column names both.
func TestRoleColumnAlternatives(t *testing.T) {
	d := Build(doc("r.md", tbl(1, []string{"Area", "Responsible"},
		[]string{"1-Service Delivery", "IBM ManagePlus"},
		[]string{"5-Technical Maintenance", "RISE with SAP or RISE with SAP – Premium Supplier"})))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	eq(t, "R", d.Matrices[0].Columns[1].Letter)
	r := findRow(d, "5-Technical")
	eq(t, []string{"rise-with-sap", "rise-with-sap-premium-supplier"}, r.Categories["responsible"].Parties)
	eq(t, []string{"ibm-manageplus"}, keys(findRow(d, "1-Service").Assignments))
}

func keys(m map[string]*Assignment) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestGridPartyNouns: grid cells naming parties by their part ("Workload
// provider", "On-premises IaaS / data center provider") are parties; the
// footnote marks of grid cells are the row's notes.
func TestGridPartyNouns(t *testing.T) {
	d := Build(doc("g.md",
		tbl(1, []string{"Resource", "Control plane worker nodes", "Workload clusters"},
			[]string{"Host networking", "On-premises PaaS provider", "Workload provider"},
			[]string{"Servers", "On-premises IaaS / data center provider", "Shared [^1]"}),
		p(10, "[^1]: Shared with the workload provider."),
	))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	eq(t, MatrixGrid, d.Matrices[0].Kind)
	r := findRow(d, "Servers")
	eq(t, []string{"on-premises-iaas-data-center-provider"}, r.Categories["control-plane-worker-nodes"].Parties)
	eq(t, []Note{{Marker: "1", Text: "Shared with the workload provider.", Line: 10}}, r.Notes)
	eq(t, []string{"on-premises-paas-provider"}, findRow(d, "Host networking").Categories["control-plane-worker-nodes"].Parties)
}

// TestGridNeedsAnActivity: party names down the only text column define
// the parties ("Role | Description"); nothing is assigned.
func TestGridNeedsAnActivity(t *testing.T) {
	d := Build(doc("r.md", tbl(1, []string{"Role", "Description"},
		[]string{"Workload consumer", "Line-of-business organization."},
		[]string{"Workload provider", "Client IT development team."})))
	eq(t, 0, len(d.Matrices))
}

// TestTwoActivityHeaders: in "Process | Task | …" the first groups the
// rows (a qualifier) and the last is the activity (SAP's service catalog).
func TestTwoActivityHeaders(t *testing.T) {
	d := Build(doc("p.md", tbl(1, []string{"Process", "Task", "IBM", "Customer"},
		[]string{"Communication", "Appoint a contact", "I", "RA"})))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	eq(t, []string{ColQualifier, ColActivity, ColParty, ColParty}, roles(d.Matrices[0].Columns))
	r := d.Matrices[0].Rows[0]
	eq(t, "Appoint a contact", r.Activity)
	eq(t, map[string]string{"process": "Communication"}, r.Qualifiers)
}

// TestMatrixWithoutRows: a header-only table is a matrix of no rows, "rows":
// [] in JSON, which validates.
func TestMatrixWithoutRows(t *testing.T) {
	d := Build(doc("e.md", tbl(1, []string{"Activity", "Client Role", "Cloud Temple Role"})))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	out, err := json.Marshal(d)
	must(t, err == nil, err)
	must(t, strings.Contains(string(out), `"rows":[]`), string(out))
	must(t, Validate(out) == nil, Validate(out))
}

// TestNoActivityNeedsPartyHeaders: columns of letters under headers that
// name no party and no activity column ("| ???? |" over "a", "b") say
// nothing about who does what; party headers without an activity column
// (stakater: "Stakater Responsibilities | Customer Responsibilities", the
// section saying what) make a matrix.
func TestNoActivityNeedsPartyHeaders(t *testing.T) {
	d := Build(doc("q.md", tbl(1, []string{"????"}, []string{"a"}, []string{"b"})))
	eq(t, 0, len(d.Matrices), "no matrix")
	eq(t, 0, len(d.Parties), "\"????\" is no party")

	d = Build(doc("s.md", tbl(1, []string{"Stakater Responsibilities", "Customer Responsibilities"},
		[]string{"Maintain standards", "Back up data"})))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	eq(t, MatrixProse, d.Matrices[0].Kind)
	eq(t, []string{"Back up data"}, d.Matrices[0].Rows[0].Assignments["customer"].Duties)
}

// TestGridCellListsParties: a grid cell listing parties as items ("- SAP"
// "- Customer", as SAP's operating-model comparison writes it) assigns
// the category to each of them; items that are not all party names stay
// the cell's text.
func TestGridCellListsParties(t *testing.T) {
	b := tbl(1, []string{"Task", "Responsibility in Kyma"},
		[]string{"Patch the runtime", "SAP"},
		[]string{"Report incidents", "SAP Customer"},
		[]string{"Tune the cluster", "SAP Weekly"},
		[]string{"Pay the bill", "Customer"},
		[]string{"Back up the data", "Shared Partner"})
	b.Table.Rows[1].Cells[1] = cellsOf("SAP Customer", []string{"SAP", "Customer"})
	b.Table.Rows[4].Cells[1] = cellsOf("Shared Partner", []string{"Shared", "Partner"})
	b.Table.Rows[2].Cells[1] = cellsOf("SAP Weekly", []string{"SAP", "Weekly"})
	d := Build(doc("k.md", b))
	must(t, len(d.Matrices) == 1, "matrices", len(d.Matrices))
	eq(t, MatrixGrid, d.Matrices[0].Kind)
	r := findRow(d, "Report incidents")
	cat := r.Categories["responsibility-in-kyma"]
	eq(t, []string{"sap", "customer"}, cat.Parties)
	eq(t, []string{}, cat.Duties)
	eq(t, OwnerShared, r.Ownership)
	for _, id := range []string{"sap", "customer"} {
		must(t, r.Assignments[id] != nil, "no assignment for", id)
		eq(t, []string{"R"}, r.Assignments[id].Roles, id)
		eq(t, []string{"Responsibility in Kyma"}, r.Assignments[id].Duties, id)
	}
	r = findRow(d, "Back up the data")
	eq(t, []string{"sap", "customer", "partner"}, r.Categories["responsibility-in-kyma"].Parties)
	eq(t, []string{"R"}, r.Assignments["partner"].Roles)
	r = findRow(d, "Tune the cluster")
	cat = r.Categories["responsibility-in-kyma"]
	eq(t, 0, len(cat.Parties))
	eq(t, []string{"SAP Weekly"}, cat.Duties)
}

// TestPartyHeaderDashes: a dash between the words of a party header is no
// word ("RISE with SAP – Premium Supplier Responsible" names a party of
// five words, as "RISE with SAP Responsible" names one of three).
func TestPartyHeaderDashes(t *testing.T) {
	b := newTestBuilder()
	for _, h := range []string{"RISE with SAP Responsible", "RISE with SAP – Premium Supplier Responsible"} {
		name, ok := b.headerParty(h)
		eq(t, true, ok, h)
		eq(t, strings.TrimSuffix(h, " Responsible"), name, h)
	}
	_, ok := b.headerParty("One two three four five six Responsible")
	eq(t, false, ok, "six words")
	eq(t, 5, countWords("RISE with SAP – Premium Supplier"))
}

// TestOneLetterColumnNeedsAParty: one column of letters under a header
// that names no party is no matrix ("Action | Key", shortcuts); under a
// party's name it is, and so is a table of teams down its first column
// (acidburn's "Équipe d'adoption du cloud", read transposed).
func TestOneLetterColumnNeedsAParty(t *testing.T) {
	d := Build(doc("k.md",
		tbl(1, []string{"Action", "Key"}, []string{"Copy", "C"}, []string{"Rename", "R"}, []string{"Info", "I"}),
		tbl(8, []string{"a", "b"}, []string{"x", "c"})))
	eq(t, 0, len(d.Matrices), "no matrix")
	eq(t, 0, len(d.Parties), "\"Key\" is no party")

	d = Build(doc("c.md", tbl(1, []string{"Activity", "Customer"}, []string{"Patch", "R"}, []string{"Back up", "RA"})))
	must(t, len(d.Matrices) == 1, "the customer's matrix")
	eq(t, []string{"R", "A"}, findRow(d, "Back up").Assignments["customer"].Roles)

	d = Build(doc("t.md", tbl(1, []string{"", "Livraison de solution", "Gouvernance"},
		[]string{"Équipe d’adoption du cloud", "Responsable", "Consultée"})))
	must(t, len(d.Matrices) == 1, "the team's matrix, transposed")
	eq(t, true, d.Matrices[0].Transposed)
	eq(t, []string{"C"}, findRow(d, "Gouvernance").Assignments[d.Matrices[0].Columns[1].Party].Roles)
}

// TestLegendExplainsLetters: a table of letters and texts is a legend
// when a matrix holds letters or its header says legend; else it is a
// table ("Plan | What you get" of "A", "B", "C"), and a prose matrix
// whose activities are letters stays a matrix.
func TestLegendExplainsLetters(t *testing.T) {
	plans := tbl(1, []string{"Plan", "What you get"},
		[]string{"A", "Email support, see the guide"}, []string{"B", "Phone support"}, []string{"C", "A named engineer"})
	d := Build(doc("p.md", plans,
		tbl(10, []string{"Task", "IBM", "Customer"}, []string{"A", "Patch the OS", "Use it"}, []string{"B", "Back up", "Restore"})))
	eq(t, []int(nil), d.LegendTables, "no legend table")
	eq(t, true, d.Legend[0].Derived, "plain RACI")
	must(t, len(d.Matrices) == 1, "the prose matrix")
	eq(t, MatrixProse, d.Matrices[0].Kind)
	eq(t, 2, len(d.Matrices[0].Rows))

	// the same letters table beside a RACI matrix explains its letters
	d = Build(doc("r.md", tbl(1, []string{"Plan", "What you get"}, []string{"R", "Runs it"}, []string{"S", "Supports it"}),
		tbl(10, []string{"Activity", "IBM", "Customer"}, []string{"Patch", "R", "S"})))
	eq(t, []int{0}, d.LegendTables)
	eq(t, []string{"S"}, findRow(d, "Patch").Assignments["customer"].Roles)
}

// TestTablesListingParties: tables that list the parties (a glossary, a
// contact table) are no matrices, read transposed or not; a transposed
// table of duties under an empty corner still is one.
func TestTablesListingParties(t *testing.T) {
	for _, c := range []struct {
		name string
		tbl  source.Block
		want string // the matrix kind, "" for none
	}{
		{"glossary", tbl(1, []string{"Name", "Description"},
			[]string{"OVHcloud", "The hosting provider."},
			[]string{"Customer", "The company that orders the service."}), ""},
		{"contacts", tbl(1, []string{"Party", "Contact", "Phone"},
			[]string{"Customer", "ops@example.com", "555"},
			[]string{"Provider", "noc@example.com", "556"}), ""},
		{"transposed duties", tbl(1, []string{"", "Backups", "Patching"},
			[]string{"IBM", "Runs them daily.", "Ships patches."},
			[]string{"Customer", "Restores data.", "Applies patches."}), MatrixProse},
		{"transposed letters", tbl(1, []string{"Team", "Backups", "Patching"},
			[]string{"IBM", "RA", "R"},
			[]string{"Customer", "I", "A"}), MatrixRACI},
	} {
		d := Build(doc("x.md", c.tbl))
		got := ""
		if len(d.Matrices) > 0 {
			got = d.Matrices[0].Kind
		}
		eq(t, c.want, got, c.name)
	}
}

// TestTitleRow: a header row holding only the table's title, in its first
// cell, over a row naming the columns, makes the caption; that row is the
// header (Matrix.TitleRow).
func TestTitleRow(t *testing.T) {
	header := []string{"Shared responsibilities", "", ""}
	names := []string{"Task", "Provider", "Customer"}
	body := [][]string{{"Patch", "R", "A"}, {"Scan", "A", "R"}}
	titled := func(first, second []string) *Document {
		return Build(doc("t.md", h(2, 1, "S", "s"), tbl(2, append([][]string{first, second}, body...)...)))
	}

	d := titled(header, names)
	if len(d.Matrices) != 1 {
		t.Fatalf("%d matrices", len(d.Matrices))
	}
	m := d.Matrices[0]
	eq(t, true, m.TitleRow)
	eq(t, "Shared responsibilities", m.Caption)
	eq(t, 2, m.Line) // the table's first line
	eq(t, []string{"Task", "Provider", "Customer"}, []string{m.Columns[0].Header, m.Columns[1].Header, m.Columns[2].Header})
	eq(t, []string{"Patch", "Scan"}, headings(m))
	eq(t, []string{"R"}, m.Rows[0].Assignments["provider"].Roles)
	eq(t, 0, len(filter(codes(d.Diagnostics), "TBL")))

	// after the table's own caption
	blk := tbl(2, append([][]string{header, names}, body...)...)
	blk.Table.Caption = "Table 1."
	eq(t, "Table 1. Shared responsibilities", Build(doc("t.md", blk)).Matrices[0].Caption)

	// a first cell naming the activity column is no title, nor a row of
	// letters a header
	for _, tc := range [][2][]string{
		{{"Activity", "", ""}, {"Task", "Provider", "Customer"}},
		{header, {"Patch", "R", "A"}},
		{header, {"Task", "", "Customer"}},
	} {
		for _, m := range titled(tc[0], tc[1]).Matrices {
			if m.TitleRow {
				t.Errorf("%q over %q read as a title row", tc[0], tc[1])
			}
		}
	}
}

// TestComparisonTables: a table comparing companies feature by feature
// (prose or marks under their bare names) is no matrix; the same table
// with the customer, a "responsibilities" header, or under a heading that
// speaks of responsibilities is one.
func TestComparisonTables(t *testing.T) {
	prose := [][]string{{"Feature", "AWS", "Azure", "Google Cloud"}, {"Object storage", "S3", "Blob Storage", "Cloud Storage"}, {"Functions", "Lambda", "Functions", "Cloud Functions"}}
	marks := [][]string{{"Feature", "AWS", "Azure"}, {"Object storage", "✓", "✓"}, {"Mainframes", "", "✓"}}
	with := func(rows [][]string, col int, header string) [][]string {
		out := make([][]string, len(rows))
		for i, r := range rows {
			out[i] = append([]string{}, r...)
		}
		out[0][col] = header
		return out
	}
	for _, tc := range []struct {
		name    string
		heading string
		rows    [][]string
		want    int
	}{
		{"prose under company names", "Cloud services", prose, 0},
		{"marks under company names", "Cloud services", marks, 0},
		{"with the customer", "Cloud services", with(prose, 3, "Customer"), 1},
		{"a responsibilities header", "Cloud services", with(prose, 1, "AWS responsibilities"), 1},
		{"under a heading on responsibilities", "Shared responsibilities", prose, 1},
		{"marks under a heading on roles", "Roles", marks, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Build(doc("c.md", h(2, 1, tc.heading, "c"), tbl(3, tc.rows...)))
			eq(t, tc.want, len(d.Matrices))
		})
	}
}
