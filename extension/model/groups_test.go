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

// grouped builds the model of a page holding one table, under section
// "S", of header and rows, which must make one matrix.
func grouped(t *testing.T, header []string, rows [][]string) *Document {
	t.Helper()
	d := Build(doc("g.md", h(2, 1, "S", "s"), tbl(2, append([][]string{header}, rows...)...)))
	if len(d.Matrices) != 1 {
		t.Fatalf("%d matrices", len(d.Matrices))
	}
	return d
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
			d := grouped(t, header, tc.rows)
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

// TestGroupColumn: a column before the activity's that is blank but in
// rows of its own names their groups (IBM's "Timeline": "**Day 0**" over
// the activities of day 0); a column with text beside activities does not.
func TestGroupColumn(t *testing.T) {
	header := []string{"Timeline", "Activity", "Customer", "OVHcloud"}
	for _, tc := range []struct {
		name string
		rows [][]string
		want []string
	}{
		{"bold names", [][]string{
			{"**Day 0**", "", "", ""},
			{"", "Plan", "R", "A"},
			{"**Day 1**", "", "", ""},
			{"", "Run", "A", "R"},
			{"", "Patch", "A", "R"},
		}, []string{"# Day 0", "Plan <s-day-0", "# Day 1", "Run <s-day-1", "Patch <s-day-1"}},
		{"plain names, rows before the first", [][]string{
			{"", "Plan", "R", "A"},
			{"Day 2", "", "", ""},
			{"", "Scale", "A", "R"},
		}, []string{"Plan", "# Day 2", "Scale <s-day-2"}},
		{"text beside an activity: no group column", [][]string{
			{"**Day 0**", "", "", ""},
			{"Day 0", "Plan", "R", "A"},
		}, []string{"", "Plan"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eq(t, tc.want, headings(grouped(t, header, tc.rows).Matrices[0]))
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
