package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

func TestBuildOVH(t *testing.T) {
	d := Build(ovhDoc())
	must(t, len(d.Matrices) == 2, "matrices", len(d.Matrices))
	m := d.Matrices[0]
	eq(t, MatrixRACI, m.Kind)
	eq(t, "11-specify-service-as-needed-table-1", m.ID)
	eq(t, m.ID, m.Anchor)
	eq(t, "1.1 Specify service as needed", m.Caption)
	eq(t, Heading{Level: 4, Number: "1.1", Text: "Specify service as needed", Anchor: "11-specify-service-as-needed"}, m.Section[len(m.Section)-1])
	eq(t, []string{ColActivity, ColParty, ColParty}, roles(m.Columns))
	eq(t, []string{"customer", "ovhcloud"}, []string{d.Parties[0].ID, d.Parties[1].ID}, "parties in column order")
	eq(t, KindProvider, d.Parties[1].Kind)

	r := findRow(d, "Host the service")
	must(t, r != nil)
	eq(t, "11-specify-service-as-needed-host-the-service-in-gravelines", r.ID)
	eq(t, []string{"R", "A"}, r.Assignments["ovhcloud"].Roles)
	eq(t, []string{"I"}, r.Assignments["customer"].Roles)
	eq(t, OwnerProvider, r.Ownership)
	eq(t, 23, r.Line)

	r = findRow(d, "Decide which version")
	eq(t, []string{"R", "I"}, r.Assignments["ovhcloud"].Roles, "IR in legend order")
	eq(t, OwnerShared, r.Ownership)

	r = findRow(d, "Generate SSH keys")
	eq(t, StatusEmpty, r.Assignments["ovhcloud"].Status)
	eq(t, OwnerCustomer, r.Ownership)
	eq(t, "3.1.1 Daily operations", d.Matrices[1].Caption)
}

func roles(cols []Column) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.Role)
	}
	return out
}

func TestBuildCegedim(t *testing.T) {
	d := Build(cegedimDoc())
	must(t, len(d.Matrices) == 3, "the Plan|Description table is no matrix", len(d.Matrices))
	m := d.Matrices[0]
	eq(t, []string{ColActivity, ColQualifier, ColParty, ColParty, ColComment}, roles(m.Columns))
	eq(t, "plan", m.Columns[1].Key)
	eq(t, "cegedim-cloud", m.Columns[2].Party)
	eq(t, "cegedim.cloud", d.Parties[0].Name)
	eq(t, KindProvider, d.Parties[0].Kind)

	r := findRow(d, "Use an instance")
	eq(t, map[string]string{"plan": "all"}, r.Qualifiers)
	eq(t, []string{"R", "A"}, r.Assignments["customer"].Roles)
	eq(t, "A / R", r.Assignments["customer"].Raw)
	eq(t, "Customer is responsible of the healthy usage of the product.", r.Comment)
	eq(t, OwnerCustomer, r.Ownership)

	r = findRow(d, "Modify configurations")
	eq(t, map[string]string{"plan": "On request"}, r.Qualifiers)
	eq(t, OwnerProvider, r.Ownership)

	r = findRow(d, "Backup and Restoration")
	eq(t, []string{"A", "I"}, r.Assignments["customer"].Roles)
	eq(t, OwnerShared, r.Ownership)

	eq(t, ColComment, d.Matrices[1].Columns[4].Role, "Commentaires")
	eq(t, "Le client décide.", d.Matrices[1].Rows[0].Comment)

	r = findRow(d, "PDM : Masking plan")
	eq(t, "PDM : Masking plan creation and execution", r.Activity, "footnote mark lifted")
	must(t, len(r.Notes) == 1)
	eq(t, "*", r.Notes[0].Marker)
	eq(t, true, strings.HasPrefix(r.Notes[0].Text, "Each execution includes"))
	eq(t, 45, r.Notes[0].Line)
	eq(t, []string{"C", "I"}, r.Assignments["customer"].Roles)
	eq(t, 1, len(d.Notes))
}

func TestBuildIBMProse(t *testing.T) {
	d := Build(ibmDoc())
	must(t, len(d.Matrices) == 2)
	m := d.Matrices[0]
	eq(t, MatrixProse, m.Kind)
	eq(t, "Table 1: Change management roles and responsibilities", m.Caption)
	eq(t, "change-table-1", m.ID)
	eq(t, "ibm", d.Parties[0].ID)
	eq(t, "IBM Cloud", d.Parties[0].Name)
	eq(t, []string{"IBM Cloud role"}, d.Parties[0].Aliases)
	eq(t, "customer", d.Parties[1].ID)

	r := findRow(d, "Applications")
	eq(t, []string{"Provide major, minor, and patch version updates. Also base model."}, r.Assignments["ibm"].Duties, "no sentence split")
	eq(t, OwnerShared, r.Ownership)

	r = findRow(d, "General")
	eq(t, 3, len(r.Assignments["ibm"].Duties), "one duty per item")
	r = findRow(d, "Encryption")
	eq(t, StatusPlaceholder, r.Assignments["ibm"].Status)
	eq(t, []string{}, r.Assignments["ibm"].Duties)
	eq(t, OwnerCustomer, r.Ownership)
	r = findRow(d, "Service recovery")
	eq(t, StatusEmpty, r.Assignments["customer"].Status)
	eq(t, OwnerProvider, r.Ownership)
}

func TestBuildPTC(t *testing.T) {
	d := Build(ptcDoc())
	must(t, len(d.Matrices) == 1)
	eq(t, MatrixProse, d.Matrices[0].Kind)
	eq(t, "ptc", d.Parties[0].ID)
	eq(t, KindProvider, d.Parties[0].Kind)
	eq(t, "responsibilities-identity-and-access-management", d.Matrices[0].Rows[0].ID)
}

func TestColumnClassification(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		row    []string
		roles  []string
		kind   string
		party  []string
	}{
		{"swapped columns", []string{"Task", "Your responsibilities", "IBM responsibilities"}, []string{"Do", "Use it", "Run it"},
			[]string{ColActivity, ColParty, ColParty}, MatrixProse, []string{"customer", "ibm"}},
		{"empty activity header", []string{"", "IBM Responsibilities", "Your Responsibilities"}, []string{"Do", "Run it", "Use it"},
			[]string{ColActivity, ColParty, ColParty}, MatrixProse, []string{"ibm", "customer"}},
		{"plan and comments", []string{"Actions", "Plan", "cegedim.cloud", "customer", "Comments"}, []string{"Do", "*", "I", "A / R", "c"},
			[]string{ColActivity, ColQualifier, ColParty, ColParty, ColComment}, MatrixRACI, []string{"cegedim-cloud", "customer"}},
		{"french", []string{"**Activité**", "**Client**", "**OVHcloud**"}, []string{"Choisir", "RA", "I"},
			[]string{ColActivity, ColParty, ColParty}, MatrixRACI, []string{"customer", "ovhcloud"}},
		{"french roles", []string{"Activité", "Rôle Client", "Rôle Cloud Temple"}, []string{"Choisir", "A", "R"},
			[]string{ColActivity, ColParty, ColParty}, MatrixRACI, []string{"customer", "cloud-temple"}},
		{"party by letters", []string{"Key Activities", "Enterprise", "Vendor X"}, []string{"Plan", "R,A", "C,I"},
			[]string{ColActivity, ColParty, ColParty}, MatrixRACI, []string{"enterprise", "vendor-x"}},
		{"x marks before activity", []string{"SAP HANA on Bare Metal", "Activity", "Customer", "OVHcloud"}, []string{"X", "Do", "RA", "I"},
			[]string{ColQualifier, ColActivity, ColParty, ColParty}, MatrixRACI, []string{"customer", "ovhcloud"}},
		{"check marks", []string{"Task", "Zilliz BYOC", "Customer"}, []string{"Set up VPC", "", "✔"},
			[]string{ColActivity, ColParty, ColParty}, MatrixCheck, []string{"zilliz-byoc", "customer"}},
		{"unknown column kept", []string{"Task", "IBM", "Customer", "Ticket"}, []string{"Do", "R", "A", "#12"},
			[]string{ColActivity, ColParty, ColParty, ColUnknown}, MatrixRACI, []string{"ibm", "customer"}},
		{"five parties", []string{"Activity", "Customer", "IBM", "Red Hat", "Microsoft", "SAP"}, []string{"Do", "A", "R", "C", "I", "I"},
			[]string{ColActivity, ColParty, ColParty, ColParty, ColParty, ColParty}, MatrixRACI, []string{"customer", "ibm", "red-hat", "microsoft", "sap"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Build(doc("c.md", tbl(1, tt.header, tt.row)))
			must(t, len(d.Matrices) == 1, "no matrix")
			m := d.Matrices[0]
			eq(t, tt.roles, roles(m.Columns))
			eq(t, tt.kind, m.Kind)
			var parties []string
			for _, c := range m.Columns {
				if c.Party != "" {
					parties = append(parties, c.Party)
				}
			}
			eq(t, tt.party, parties)
		})
	}
}

func TestNotMatrices(t *testing.T) {
	d := Build(doc("n.md",
		tbl(1, []string{"Plan", "Description"}, []string{"Self Service", "The customer can create resources."}),
		tbl(5, []string{"Name", "Size", "Description"}, []string{"bx2-2x8", "S", "Balanced"}),
		tbl(9, []string{"Average latency (ms)", "Dallas", "Toronto"}, []string{"Dallas", "0", "20"}),
		tbl(13, []string{"Roles"}, []string{"R : Is in charge"}, []string{"A : Accountable"}),
	))
	eq(t, 0, len(d.Matrices))
}

func TestTransposed(t *testing.T) {
	d := Build(doc("t.md", h(2, 1, "Central IT", "central-it"),
		tbl(3, []string{"", "Solution delivery", "Governance", "Operations"},
			[]string{"Cloud adoption team", "Responsible", "Accountable", "Informed"},
			[]string{"Cloud governance team", "Consulted", "Responsible", "Accountable"},
			[]string{"Aligned cloud competency", "Adoption", "Strategy", "CCoE"})))
	must(t, len(d.Matrices) == 1, "transposed table dropped")
	m := d.Matrices[0]
	eq(t, true, m.Transposed)
	eq(t, MatrixRACI, m.Kind)
	eq(t, []string{ColActivity, ColParty, ColParty, ColUnknown}, roles(m.Columns))
	eq(t, 3, len(m.Rows))
	r := findRow(d, "Governance")
	eq(t, []string{"A"}, r.Assignments["cloud-adoption-team"].Roles)
	eq(t, []string{"R"}, r.Assignments["cloud-governance-team"].Roles)
	eq(t, "Strategy", r.Extra[0].Text, "nothing lost")
	eq(t, true, hasCode(d.Diagnostics, "TBL009"))
}

func TestGrid(t *testing.T) {
	d := Build(doc("g.md", h(2, 1, "Infrastructure-as-a-service", "iaas"),
		tbl(3, []string{"Resource", "Incident and Operations Management", "Change Management", "Disaster Recovery"},
			[]string{"Data", "Customer", "Customer", "Customer"},
			[]string{"Virtual storage", "Shared", "Shared", "Shared"},
			[]string{"Hypervisor", "IBM", "IBM", "IBM"},
			[]string{"Platform", "Microsoft and Red Hat", "Shared", "N/A"})))
	must(t, len(d.Matrices) == 1)
	m := d.Matrices[0]
	eq(t, MatrixGrid, m.Kind)
	eq(t, []string{ColActivity, ColCategory, ColCategory, ColCategory}, roles(m.Columns))
	eq(t, "change-management", m.Columns[2].Key)
	eq(t, KindProvider, d.Parties[1].Kind, "IBM named before any Shared cell needs the provider")
	r := findRow(d, "Virtual storage")
	eq(t, []string{"ibm", "customer"}, r.Categories["change-management"].Parties)
	eq(t, OwnerShared, r.Ownership)
	eq(t, []string{"R"}, r.Assignments["ibm"].Roles)
	r = findRow(d, "Hypervisor")
	eq(t, OwnerProvider, r.Ownership)
	eq(t, []string{"Incident and Operations Management", "Change Management", "Disaster Recovery"}, r.Assignments["ibm"].Duties)
	r = findRow(d, "Platform")
	eq(t, []string{"microsoft", "red-hat"}, r.Categories["incident-and-operations-management"].Parties)
	eq(t, StatusNotApplicable, r.Categories["disaster-recovery"].Status)
	eq(t, KindThirdParty, partyByID(d, "red-hat").Kind)
}

func partyByID(d *Document, id string) Party {
	for _, p := range d.Parties {
		if p.ID == id {
			return p
		}
	}
	return Party{}
}

func TestRaggedRowsKeepCells(t *testing.T) {
	d := Build(doc("r.md", tbl(1, []string{"Activity", "Customer", "OVHcloud"},
		[]string{"Short", "RA"},
		[]string{"Long", "RA", "I", "stray", "more"})))
	r := findRow(d, "Short")
	eq(t, StatusEmpty, r.Assignments["ovhcloud"].Status)
	r = findRow(d, "Long")
	eq(t, 2, len(r.Extra))
	eq(t, "stray", r.Extra[0].Text)
	eq(t, 3, r.Extra[0].Index)
	eq(t, []string{"TBL001@3", "TBL002@4"}, filter(codes(d.Diagnostics), "TBL"))
}

func filter(list []string, prefix string) []string {
	var out []string
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	return out
}

func hasCode(ds []Diagnostic, code string) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}

func TestRowIDsUnique(t *testing.T) {
	d := Build(doc("u.md", h(2, 1, "Ops", "ops"),
		tbl(3, []string{"Activity", "Customer", "OVHcloud"}, []string{"Patch", "RA", "I"}, []string{"Patch", "I", "RA"}),
		tbl(9, []string{"Activity", "Customer", "OVHcloud"}, []string{"Patch", "RA", "I"})))
	eq(t, "ops-patch", d.Matrices[0].Rows[0].ID)
	eq(t, "ops-patch-2", d.Matrices[0].Rows[1].ID)
	eq(t, "ops-patch-3", d.Matrices[1].Rows[0].ID)
	eq(t, "ops-table-2", d.Matrices[1].ID)
}

func TestExplicitID(t *testing.T) {
	d := Build(doc("e.md", withTable(tbl(1, []string{"Task", "IBM responsibilities", "Your responsibilities"}, []string{"a", "b", "c"}), "my-table", "Cap")))
	eq(t, "my-table", d.Matrices[0].ID)
	eq(t, "Cap", d.Matrices[0].Caption)
}

func TestBuildNil(t *testing.T) {
	d := Build(nil)
	eq(t, 0, len(d.Matrices))
	eq(t, 4, len(d.Legend))
}

func TestDuplicatePartyColumns(t *testing.T) {
	d := Build(doc("s.md", tbl(1, []string{"Key Activities", "Enterprise", "Enterprise"}, []string{"Plan", "R,A", "C,I"})))
	r := d.Matrices[0].Rows[0]
	eq(t, []string{"R", "A"}, r.Assignments["enterprise"].Roles)
	eq(t, []string{"C", "I"}, r.Assignments["enterprise-3"].Roles, "second column kept")
	eq(t, true, hasCode(d.Diagnostics, "TBL004"))
}

// TestNoteForms: footnotes defined in italics ("*(1) …*") or with escaped
// stars ("\* …", written so to make no list) are found; a word in brackets
// at the end of an activity ("Scans [optional]") is no footnote mark.
func TestNoteForms(t *testing.T) {
	d := Build(doc("note.md",
		tbl(1, []string{"Activity", "Customer", "Provider"},
			[]string{"Connect the backbone(1)", "I", "RA"},
			[]string{"Backups", "RA*", "I"},
			[]string{"Scans [optional]", "RA", "I"}),
		p(7, "*(1) The backbone is the provider's core network.*"),
		p(9, `\* Only on request.`)))
	eq(t, false, hasCode(d.Diagnostics, "NOTE001"), d.Diagnostics)
	rows := d.Matrices[0].Rows
	must(t, len(rows) == 3 && len(rows[0].Notes) == 1, rows)
	eq(t, "The backbone is the provider's core network.", rows[0].Notes[0].Text)
	eq(t, "Only on request.", rows[1].Notes[0].Text)
	eq(t, "Scans [optional]", rows[2].Activity)
	eq(t, 0, len(rows[2].Notes))

	// two definitions on one italic line, each joined to its mark by "="
	d = Build(doc("marks.md",
		tbl(1, []string{"Activity", "Customer", "Provider"},
			[]string{"Agents ★", "RA", "I*"}),
		p(5, `*★ = AI-Specific Domain | \* = Critical Focus Area*`)))
	eq(t, false, hasCode(d.Diagnostics, "NOTE001"), d.Diagnostics)
	var texts []string
	for _, n := range d.Matrices[0].Rows[0].Notes {
		texts = append(texts, n.Marker+" "+n.Text)
	}
	eq(t, []string{"★ AI-Specific Domain", "* Critical Focus Area"}, texts)

	// marks written in raw HTML: "<sup>1</sup>" in a cell reads "¹"
	// (plain text), its definition line starts with "<sup>1</sup>"
	d = Build(doc("sup.md",
		tbl(1, []string{"Activity", "Customer", "Provider"},
			[]string{"Replace disks¹", "I", "RA"},
			[]string{"Scan†", "RA", "I"}),
		p(6, "<sup>1</sup> Within 24 hours.", "<SUP>†</SUP>Monthly."),
		p(9, "<sup>x</sup> Not a mark.")))
	eq(t, false, hasCode(d.Diagnostics, "NOTE001"), d.Diagnostics)
	rows = d.Matrices[0].Rows
	eq(t, "Replace disks", rows[0].Activity)
	must(t, len(rows[0].Notes) == 1 && len(rows[1].Notes) == 1, rows)
	eq(t, "Within 24 hours.", rows[0].Notes[0].Text)
	eq(t, "Monthly.", rows[1].Notes[0].Text)
	eq(t, 2, len(d.Notes))
}

// TestBracketNotes: IBM's "`[*]`" mark, in a cell and starting its
// definition, both in a code span (the log-analysis, cloud-logs and
// metrics-router pages); "[1]" alike.
func TestBracketNotes(t *testing.T) {
	d := Build(doc("brackets.md",
		tbl(1, []string{"Task", "IBM responsibilities", "Your responsibilities"},
			[]string{"Restore the service [*]", "Recover and restart the components.", "N/A"},
			[]string{"Scale", "Add nodes. [1]", "Ask for more."}),
		p(6, "`[*]` Recovered components will not have customer data reloaded."),
		p(8, "[1] Within a day.")))
	eq(t, false, hasCode(d.Diagnostics, "NOTE001"), d.Diagnostics)
	rows := d.Matrices[0].Rows
	eq(t, "Restore the service", rows[0].Activity)
	must(t, len(rows[0].Notes) == 1 && len(rows[1].Notes) == 1, rows)
	eq(t, Note{Marker: "*", Text: "Recovered components will not have customer data reloaded.", Line: 6}, rows[0].Notes[0])
	eq(t, "Within a day.", rows[1].Notes[0].Text)
	eq(t, []string{"Add nodes."}, rows[1].Assignments["ibm"].Duties)
}

// TestWrappedNotes: a Markdown paragraph is one text, so a footnote
// definition goes on over the lines after it, up to the next definition
// or a legend line, and its italics may close on its last line (Cloud
// Temple's "*(1) Le réseau backbone … sur laquelle" / "reposent … *").
// Plain text's lines are each their own. A line in bold is no note.
func TestWrappedNotes(t *testing.T) {
	table := tbl(1, []string{"Activity", "Customer", "Provider"},
		[]string{"Connect the backbone(1)", "I", "RA"},
		[]string{"Backups", "RA*", "I"},
		[]string{"Scans†", "RA", "I"})
	notes := func(d *Document) []string {
		var out []string
		for _, n := range d.Notes {
			out = append(out, fmt.Sprintf("%s|%s|%d", n.Marker, n.Text, n.Line))
		}
		return out
	}
	d := Build(doc("wrapped.md", table,
		p(7, "*(1) The backbone is the provider's core network, on which", "the customers' networks rest.*"),
		p(10, `\* Only on request,`, "by a ticket.", "† Monthly.", "R = Responsible", "A = Accountable"),
		p(16, "*Each execution of", "the *job* is billed."),
		// bold, not the mark "**"
		p(19, "**Important note**: only operators Cloud Temple supports."),
		p(21, "**Customer**: the customer's duty"),
		p(22, "*Note*: backups run daily."),
		// markup stripped, as from activities
		p(23, "(9) Uses **dedicated** hosts,", "see <b>the</b> offer.")))
	eq(t, false, hasCode(d.Diagnostics, "NOTE001"), d.Diagnostics)
	eq(t, []string{
		"1|The backbone is the provider's core network, on which the customers' networks rest.|7",
		"*|Only on request, by a ticket.|10",
		"†|Monthly.|12",
		// the stars then text of the first line make the note: the
		// closing star is the inner emphasis's
		"*|Each execution of the *job* is billed.|16",
		"9|Uses dedicated hosts, see the offer.|23",
	}, notes(d))
	eq(t, "The backbone is the provider's core network, on which the customers' networks rest.", d.Matrices[0].Rows[0].Notes[0].Text)
	eq(t, "Monthly.", d.Matrices[0].Rows[2].Notes[0].Text)

	// plain text: a line is a line
	plainText := doc("wrapped.txt", table,
		p(7, "*(1) The backbone is the provider's core network, on which", "the customers' networks rest.*"),
		p(10, `\* Only on request,`, "by a ticket."))
	plainText.Format = "text"
	d = Build(plainText)
	eq(t, []string{"*|(1) The backbone is the provider's core network, on which|7", "*|Only on request,|10"}, notes(d))
}

// TestHeadingNumbers: a section number is kept apart from a heading's
// text; a year starting a heading is text ("2024 changes").
func TestHeadingNumbers(t *testing.T) {
	for _, c := range []struct{ in, number, text string }{
		{"3.1.1. Daily operations", "3.1.1", "Daily operations"},
		{"2 Operations", "2", "Operations"},
		{"12. Backups", "12", "Backups"},
		{"2024 changes", "", "2024 changes"},
		{"2024. Changes", "2024", "Changes"},
	} {
		h := readHeading(&source.Heading{Level: 2, Text: c.in})
		eq(t, c.number, h.Number, c.in)
		eq(t, c.text, h.Text, c.in)
	}
}

// TestDuplicatePartyColumnKind: a second column naming the same party
// ("Customer" and "Client") is kept apart, with that party's kind: a row
// whose R and A are on the customer's side is the customer's.
func TestDuplicatePartyColumnKind(t *testing.T) {
	d := Build(doc("dup.md", tbl(1, []string{"Activity", "Customer", "Client", "OVHcloud"},
		[]string{"Backups", "R", "A", "I"})))
	must(t, len(d.Matrices) == 1, d.Matrices)
	eq(t, true, hasCode(d.Diagnostics, "TBL004"))
	for _, p := range d.Parties {
		if p.ID == "customer-3" {
			eq(t, KindCustomer, p.Kind)
		}
	}
	eq(t, "customer", d.Matrices[0].Rows[0].Ownership)
}

// TestCaptionSaysSomething: a caption of blanks, or a section whose
// heading is empty, gives way to the nearest heading with text, then the
// title; a matrix never has a caption that reads as nothing.
func TestCaptionSaysSomething(t *testing.T) {
	row := []string{"Patch", "R", "A"}
	head := []string{"Task", "Provider", "Customer"}
	d := Build(doc("c.md",
		h(1, 1, "Guide", "guide"),
		h(2, 3, "Backups", "backups"),
		h(3, 5, "", ""),
		withTable(tbl(7, head, row), "", "   "),
		h(2, 12, " ", ""),
		tbl(14, head, row),
	))
	if len(d.Matrices) != 2 {
		t.Fatalf("%d matrices, want 2", len(d.Matrices))
	}
	eq(t, "Backups", d.Matrices[0].Caption)
	eq(t, "Guide", d.Matrices[1].Caption)
	d = Build(doc("c.md", h(1, 1, "", ""), tbl(3, head, row)))
	if len(d.Matrices) != 1 {
		t.Fatalf("%d matrices, want 1", len(d.Matrices))
	}
	eq(t, "Responsibilities", d.Matrices[0].Caption)
}
