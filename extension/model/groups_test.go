package model

import (
	"encoding/json"
	"testing"
)

// headings lists a matrix's rows as "activity" for activities and
// "# activity" for group headings, each activity followed by "<group".
func headings(m Matrix) []string {
	var out []string
	for _, r := range m.Rows {
		switch {
		case r.Heading:
			out = append(out, "# "+r.Activity)
		case r.Group != "":
			out = append(out, r.Activity+" <"+r.Group)
		default:
			out = append(out, r.Activity)
		}
	}
	return out
}

func TestGroupHeadings(t *testing.T) {
	header := []string{"Activity", "Customer", "OVHcloud"}
	for _, tc := range []struct {
		name  string
		rows  [][]string
		want  []string
		codes []string // the lint codes of warnings and errors, with lines
	}{
		{
			name: "bold, and one cell",
			rows: [][]string{
				{"**Compute**", "", ""},
				{"Patch", "R", "A"},
				{"Network"},
				{"Route", "A", "R"},
			},
			want:  []string{"# Compute", "Patch <s-compute", "# Network", "Route <s-network"},
			codes: nil, // no RACI008 for the headings, no TBL001 for the short one
		},
		{
			name: "rows before the first heading belong to none",
			rows: [][]string{
				{"Plan", "RA", "I"},
				{"__Data__", " ", ""},
				{"Back up", "RA", "I"},
			},
			want: []string{"Plan", "# Data", "Back up <s-data"},
		},
		{
			name: "a one-cell row that ends a sentence is the rest of a broken row",
			rows: [][]string{
				{"Patch", "R", "A"},
				{"."},
				{"and more of it."},
				{"12"},
			},
			want:  []string{"Patch", ".", "and more of it.", "12"},
			codes: []string{"RACI008@5", "TBL001@5", "RACI008@6", "TBL001@6", "RACI008@7", "TBL001@7"},
		},
		{
			name: "a plain row of blank cells is an activity no one holds",
			rows: [][]string{
				{"Patch", "R", "A"},
				{"Backups", "", ""},
			},
			want:  []string{"Patch", "Backups"},
			codes: []string{"RACI008@5"},
		},
		{
			name: "bold activities throughout: a bold row of blank cells is one of them",
			rows: [][]string{
				{"**Patch**", "R", "A"},
				{"**Backups**", "", ""},
			},
			want:  []string{"Patch", "Backups"},
			codes: []string{"RACI008@5"},
		},
		{
			name: "bold in part, or a cell beside it, is no heading",
			rows: [][]string{
				{"Patch", "R", "A"},
				{"**Back** up", "", ""},
				{"**Logs**", "", "I"},
			},
			want:  []string{"Patch", "Back up", "Logs"},
			codes: []string{"RACI008@5", "RACI001@6", "RACI003@6"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([][]string{header}, tc.rows...)
			d := Build(doc("g.md", h(2, 1, "S", "s"), tbl(2, rows...)))
			if len(d.Matrices) != 1 {
				t.Fatalf("%d matrices", len(d.Matrices))
			}
			eq(t, tc.want, headings(d.Matrices[0]))
			var got []string
			for _, dg := range d.Diagnostics {
				if dg.Severity != SevInfo {
					got = append(got, dg.Code+"@"+itoa(dg.Line))
				}
			}
			eq(t, tc.codes, got)
			for _, r := range d.Matrices[0].Rows {
				if r.Heading && (len(r.Assignments) != 0 || r.Ownership != OwnerUnknown) {
					t.Errorf("heading %q: assignments %v, ownership %s", r.Activity, r.Assignments, r.Ownership)
				}
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := Validate(b); err != nil {
				t.Errorf("the schema: %v", err)
			}
		})
	}
}

// TestGroupHeadingHint: a row of blank cells whose activity is not in
// bold gets RACI008, which says how to write a heading.
func TestGroupHeadingHint(t *testing.T) {
	d := Build(doc("g.md", tbl(1, []string{"Activity", "Customer", "OVHcloud"},
		[]string{"Patch", "R", "A"}, []string{"Storage", "", ""})))
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeEmptyRow {
			eq(t, `no party has a role in "Storage" (a row naming a group of the rows below it is written in bold)`, dg.Message)
			return
		}
	}
	t.Fatalf("no %s in %v", CodeEmptyRow, codes(d.Diagnostics))
}

func TestAllBold(t *testing.T) {
	for raw, want := range map[string]bool{
		"**Compute**":               true,
		" __Data__ ":                true,
		"<strong>Net</strong>":      true,
		"<B>Net</B>":                true,
		"**A** and **B**":           false,
		"<b>A</b> and <b>B</b>":     false,
		"**Compute**[^1]":           false,
		"****":                      false,
		"** **":                     false,
		"Compute":                   false,
		"*Compute*":                 false,
		"<strong>Net</strong> more": false,
		"<strong></strong>":         false,
		"__init__ and more__":       false,
	} {
		if got := allBold(raw); got != want {
			t.Errorf("allBold(%q) = %v, want %v", raw, got, want)
		}
	}
}

// TestDiffGroups: a row that moved to another group, or whose group was
// renamed, is told; the heading itself is compared as a row.
func TestDiffGroups(t *testing.T) {
	build := func(rows ...[]string) *Document {
		rows = append([][]string{{"Activity", "Customer", "OVHcloud"}}, rows...)
		return Build(doc("g.md", h(2, 1, "S", "s"), tbl(2, rows...)))
	}
	old := build([]string{"**Compute**", "", ""}, []string{"Patch", "R", "A"}, []string{"Route", "A", "R"})
	new := build([]string{"**Compute**", "", ""}, []string{"Patch", "R", "A"}, []string{"**Network**", "", ""}, []string{"Route", "A", "R"})
	var got []string
	for _, c := range Diff(old, new) {
		got = append(got, c.String())
	}
	eq(t, []string{
		`row "Network" (s-network) added to matrix s-table-1`,
		`"Route" (s-route): group "Compute" → "Network"`,
	}, got)
	eq(t, 0, len(Diff(new, build([]string{"**Compute**", "", ""}, []string{"Patch", "R", "A"}, []string{"**Network**", "", ""}, []string{"Route", "A", "R"}))))
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

// TestDuplicateRows: an activity written twice in a matrix is reported
// (ROW001), saying whether the second row repeats the first or answers
// otherwise; rows of other groups or qualifiers, and headings, are not.
func TestDuplicateRows(t *testing.T) {
	d := Build(doc("d.md", tbl(1, []string{"Activity", "Plan", "Customer", "OVHcloud"},
		[]string{"Back up", "Basic", "R", "A"},
		[]string{"Back up", "Pro", "A", "R"},    // another plan
		[]string{"back-up!", "Basic", "R", "A"}, // the same, written otherwise
		[]string{"**Storage**", "", "", ""},
		[]string{"Back up", "Basic", "A", "R"}, // another group
		[]string{"Back up", "Basic", "R", "A"}, // in that group, answered otherwise
	)))
	var got []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeDuplicateRow {
			got = append(got, itoa(dg.Line)+": "+dg.Message)
		}
	}
	eq(t, []string{
		`5: activity "back-up!" is written twice in this matrix: this row repeats the row of line 3`,
		`8: activity "Back up" is written twice in this matrix: this row assigns it otherwise than the row of line 7`,
	}, got)
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

// TestGroupLabelHeaders: an HTML header row spanning the party columns
// ("Who", "Responsibility") combined with the row naming them ("Who
// Customer") still names the parties: the customer is the customer, a
// column of letters is named after the label; the header stays as
// written.
func TestGroupLabelHeaders(t *testing.T) {
	d := Build(doc("g.html", tbl(1, []string{"Activity", "Who Example Cloud", "Who Customer", "Responsibility IBM"},
		[]string{"Patch", "RA", "I", "C"},
		[]string{"Back up", "I", "RA", "C"},
	)))
	if len(d.Matrices) != 1 {
		t.Fatalf("%d matrices", len(d.Matrices))
	}
	var got []string
	for _, p := range d.Parties {
		got = append(got, p.ID+"/"+p.Name+"/"+p.Kind)
	}
	eq(t, []string{"example-cloud/Example Cloud/provider", "customer/Customer/customer", "ibm/IBM/third-party"}, got)
	eq(t, "Who Customer", d.Matrices[0].Columns[2].Header)
	eq(t, OwnerCustomer, d.Matrices[0].Rows[1].Ownership)

	// a label alone, or before another, is no label
	for h, want := range map[string]string{"Who": "", "Who does it": "does it", "Responsible party": "", "Party Customer": "Customer", "RACI  OVHcloud": "OVHcloud"} {
		rest, ok := cutGroupLabel(h)
		eq(t, want, rest)
		eq(t, want != "", ok)
	}
	// "Who does it" names no party, as the header it is
	if _, ok := (&builder{}).headerParty("Who does it"); ok {
		t.Error(`"Who does it" read as a party`)
	}
}
