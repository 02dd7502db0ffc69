package model

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

// findings lists the findings of codes in ds as "line:col CODE message".
func findings(ds []Diagnostic, codes ...string) []string {
	var out []string
	for _, dg := range ds {
		if slices.Contains(codes, dg.Code) {
			out = append(out, fmt.Sprintf("%d:%d %s %s", dg.Line, dg.Col, dg.Code, dg.Message))
		}
	}
	return out
}

// TestLintGridRoles: a grid whose columns carry role letters ("Accountable",
// "Who is accountable (A)") is linted for Accountable and Responsible as a
// letter matrix is, with the same messages, at the row; a grid of
// categories alone has no roles to check, and a role no column gives is not
// checked.
func TestLintGridRoles(t *testing.T) {
	raci := []string{"Activity", "Responsible", "Accountable", "Consulted", "Informed"}
	for _, tc := range []struct {
		name string
		tbl  source.Block
		want []string
	}{
		{"two accountable, none", tbl(1, raci,
			[]string{"Scans", "OVHcloud", "Customer, OVHcloud", "", ""},
			[]string{"Logs", "OVHcloud", "", "", ""}),
			[]string{
				`3:1 RACI002 more than one party is Accountable for "Scans": Customer, OVHcloud`,
				`4:1 RACI001 no party is Accountable for "Logs"`,
			}},
		{"no responsible", tbl(1, raci,
			[]string{"Plan", "", "Customer", "OVHcloud", ""},
			[]string{"Run", "OVHcloud", "Customer", "", "Customer"}),
			[]string{`3:1 RACI003 no party is Responsible for "Plan"`}},
		{"letters in the headers", tbl(1, []string{"Responsibility", "Who is responsible (R)", "Who is accountable (A)", "Who is informed (I)"},
			[]string{"Patch", "IBM", "", "Customer"},
			[]string{"Scan", "Customer", "Customer", ""}),
			[]string{`3:1 RACI001 no party is Accountable for "Patch"`}},
		{"n/a under the accountable column: nobody, on purpose", tbl(1, []string{"Responsibility", "Who is responsible (R)", "Who is accountable (A)"},
			[]string{"Patch", "IBM", "n/a"}),
			nil},
		{"a row naming no party", tbl(1, raci,
			[]string{"Day 0", "", "", "", ""},
			[]string{"Scans", "OVHcloud", "Customer", "", ""}),
			nil},
		{"no accountable column", tbl(1, []string{"Area", "Responsible"},
			[]string{"Service delivery", "IBM"},
			[]string{"Upgrades", "Customer"}),
			nil},
		{"categories alone", tbl(1, []string{"Service", "Compute", "Network"},
			[]string{"Servers", "IBM", "Customer"},
			[]string{"Storage", "Customer", "IBM"}),
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Build(doc("g.md", tc.tbl))
			must(t, len(d.Matrices) == 1 && d.Matrices[0].Kind == MatrixGrid, "a grid", d.Matrices)
			eq(t, tc.want, findings(d.Diagnostics, CodeNoAccountable, CodeManyAccountable, CodeNoResponsible, CodeEmptyRow), tc.name)
		})
	}
}

// TestLintPlaceholderBesideContent: a placeholder item beside duties, or a
// placeholder remark after role letters, is reported as PROSE001 at the
// cell, naming the column and the placeholder; the model leaves a
// placeholder item out of the duties.
func TestLintPlaceholderBesideContent(t *testing.T) {
	prose := []string{"Task", "IBM responsibilities", "Your responsibilities"}
	letters := []string{"Activity", "Customer", "OVHcloud"}
	for _, tc := range []struct {
		name   string
		tbl    source.Block
		want   []string
		duties []string // the first party cell's duties; nil: not checked
	}{
		// "| Data | Back up data.\nNEED CONTENT | Encrypt data. |": the IBM cell at column 10
		{"prose item", tbl(1, prose, []string{"Data", "Back up data.\nNEED CONTENT", "Encrypt data."}),
			[]string{`3:10 PROSE001 the cell in column "IBM responsibilities" holds a placeholder ("NEED CONTENT")`},
			[]string{"Back up data."}},
		{"question marks", tbl(1, prose, []string{"Data", "Back up data. Who?\n??", "Encrypt data."}),
			[]string{`3:10 PROSE001 the cell in column "IBM responsibilities" holds a placeholder ("??")`},
			[]string{"Back up data. Who?"}},
		{"whole prose cell", tbl(1, prose, []string{"Data", "NEED CONTENT", "Encrypt data."}),
			[]string{`3:10 PROSE001 the cell in column "IBM responsibilities" is a placeholder ("NEED CONTENT")`},
			[]string{}},
		{"prose without placeholder", tbl(1, prose, []string{"Data", "Back up data.\nTBD by the customer: restore.", "Encrypt data."}),
			nil,
			[]string{"Back up data.", "TBD by the customer: restore."}},
		// "| Backups | RA (TBD) | I |": the customer cell at column 13;
		// "| Export | X (to be defined) | |": the IBM cell at 12
		{"remark", tbl(1, letters, []string{"Backups", "RA (TBD)", "I"}),
			[]string{`3:13 PROSE001 the cell in column "Customer" holds a placeholder ("TBD")`},
			nil},
		{"remark of a check mark", tbl(1, []string{"Task", "IBM", "Client"}, []string{"Export", "X (to be defined)", ""}, []string{"Test", "", "X"}),
			[]string{`3:12 PROSE001 the cell in column "IBM" holds a placeholder ("to be defined")`},
			nil},
		{"remark that is no placeholder", tbl(1, letters, []string{"Backups", "RA (on request)", "I"}),
			nil,
			[]string{"on request"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Build(doc("p.md", tc.tbl))
			must(t, len(d.Matrices) == 1 && len(d.Matrices[0].Rows) > 0, "a matrix", d.Matrices)
			eq(t, tc.want, findings(d.Diagnostics, CodePlaceholder), tc.name)
			m := &d.Matrices[0]
			if tc.duties != nil {
				eq(t, tc.duties, m.Rows[0].Assignments[partyIDs(m)[0]].Duties, tc.name, ": duties")
			}
		})
	}
}

// TestLintKeywordInCode: a keyword reference inside a code span is never
// resolved, so it is not unresolved; one outside code in the same row is
// reported, at itself.
func TestLintKeywordInCode(t *testing.T) {
	prose := []string{"Task", "IBM responsibilities", "Your responsibilities"}
	// setCell writes the raw and plain text of cell col of the first row
	setCell := func(b source.Block, col int, raw, text string) source.Block {
		c := &b.Table.Rows[0].Cells[col]
		c.Raw, c.Text = raw, text
		return b
	}
	// in "| Data | x | y |" the IBM cell is at column 10, the customer's
	// at 14; in "| Run | x | y |", at 9 and 13; extra cells of
	// "| Run | RA | I | z |" at 17
	for _, tc := range []struct {
		name string
		tbl  source.Block
		want []string
	}{
		{"in code", setCell(tbl(1, prose, []string{"Data", "x", "Use it"}), 1,
			"Write `{{site.data.keyword.cloud_notm}}` in docs", "Write {{site.data.keyword.cloud_notm}} in docs"),
			nil},
		{"in double backticks", setCell(tbl(1, prose, []string{"Data", "x", "Use it"}), 1,
			"Write ``{{site.data.keyword.x}}`` in docs", "Write {{site.data.keyword.x}} in docs"),
			nil},
		{"after one in code", setCell(setCell(tbl(1, prose, []string{"Data", "x", "y"}), 1,
			"Write `{{site.data.keyword.cloud_notm}}` in docs", "Write {{site.data.keyword.cloud_notm}} in docs"), 2,
			"Use {{site.data.keyword.nope}}", "Use {{site.data.keyword.nope}}"),
			[]string{`3:18 PROSE003 unresolved keyword in "Use {{site.data.keyword.nope}}"`}},
		{"in code and outside", setCell(tbl(1, prose, []string{"Data", "x", "Use it"}), 1,
			"Use `{{site.data.keyword.x}}` or {{site.data.keyword.x}}", "Use {{site.data.keyword.x}} or {{site.data.keyword.x}}"),
			[]string{`3:43 PROSE003 unresolved keyword in "Use {{site.data.keyword.x}} or {{site.data.keyword.x}}"`}},
		{"in code, resolved outside", setCell(tbl(1, prose, []string{"Data", "x", "Use it"}), 1,
			"Use `{{site.data.keyword.ibm}}` for {{site.data.keyword.ibm}}", "Use {{site.data.keyword.ibm}} for IBM"),
			nil},
		{"an unclosed backtick", setCell(tbl(1, prose, []string{"Data", "x", "Use it"}), 1,
			"Use `{{site.data.keyword.x}}", "Use `{{site.data.keyword.x}}"),
			[]string{"3:15 PROSE003 unresolved keyword in \"Use `{{site.data.keyword.x}}\""}},
		{"an escaped backtick", setCell(tbl(1, prose, []string{"Data", "x", "Use it"}), 1,
			"Use \\`{{site.data.keyword.x}}`", "Use `{{site.data.keyword.x}}`"),
			[]string{"3:16 PROSE003 unresolved keyword in \"Use `{{site.data.keyword.x}}`\""}},
		{"in code in a remark", setCell(tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"Run", "x", "I"}), 1,
			"RA (`{{site.data.keyword.x}}`)", "RA ({{site.data.keyword.x}})"),
			nil},
		{"in code in the activity", setCell(tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"x", "R", "A"}), 0,
			"Write `{{site.data.keyword.cloud_notm}}` in docs", "Write {{site.data.keyword.cloud_notm}} in docs"),
			nil},
		{"in code in the comment", setCell(tbl(1, []string{"Activity", "Customer", "OVHcloud", "Comments"}, []string{"Run", "R", "A", "x"}), 3,
			"See `{{site.data.keyword.x}}`", "See {{site.data.keyword.x}}"),
			nil},
		{"outside code in the activity", setCell(tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"x", "R", "A"}), 0,
			"Write `{{site.data.keyword.x}}` in {{site.data.keyword.nope}}", "Write {{site.data.keyword.x}} in {{site.data.keyword.nope}}"),
			[]string{`3:38 PROSE003 unresolved keyword in "Write {{site.data.keyword.x}} in {{site.data.keyword.nope}}"`}},
		{"in code in an extra cell", setCell(tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"Run", "RA", "I", "z"}), 3,
			"See `{{site.data.keyword.x}}`", "See {{site.data.keyword.x}}"),
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Build(doc("k.md", tc.tbl))
			must(t, len(d.Matrices) == 1, "a matrix", d.Matrices)
			eq(t, tc.want, findings(d.Diagnostics, CodeUnresolvedKeyword), tc.name)
		})
	}
}
