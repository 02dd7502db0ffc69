package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/diag"
)

func lintDoc() *Document {
	return Build(doc("lint.md",
		h(2, 1, "Ops", "ops"),
		tbl(3, []string{"Activity", "Customer", "OVHcloud"},
			[]string{"No accountable", "R", "I"},                    // 5
			[]string{"Two accountable", "RA", "A"},                  // 6
			[]string{"No responsible", "A", "I"},                    // 7
			[]string{"Undefined letter", "RA", "S"},                 // 8
			[]string{"Placeholder", "RA", "TBD"},                    // 9
			[]string{"Nobody", "", ""},                              // 10
			[]string{"Fine", "RA", "I"},                             // 11
			[]string{"Keyword {{site.data.keyword.x}}", "RA", "I"}), // 12
		h(2, 20, "Prose", "prose"),
		tbl(22, []string{"Task", "IBM responsibilities", "Customer responsibilities"},
			[]string{"Empty", "Run it", ""},           // 24
			[]string{"Missing", "NEED CONTENT", "x"}), // 25
		withTable(tbl(30, []string{"Task", "IBM responsibilities", "Your responsibilities"}, []string{"Patch", "Ship patches", "Apply patches"}), "ops-fine", ""),
		withTable(tbl(40, []string{"Task", "IBM Cloud responsibilities", "Your responsibilities"}, []string{"Scan", "Scan images", "Read reports"}), "ops-fine", ""),
	))
}

func TestLintRules(t *testing.T) {
	d := lintDoc()
	got := codes(d.Lint(LintConfig{MinSeverity: SevWarning}))
	want := []string{
		"RACI001@5",
		"RACI002@6",
		"RACI003@7",
		"RACI004@8",
		"PROSE001@9",
		"RACI008@10",
		"PROSE003@12",
		"PROSE002@24",
		"PROSE001@25",
		"ANCHOR001@40",
		"PARTY001@22", "PARTY001@3",
	}
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.HasSuffix(g, "@11") {
			t.Errorf("clean row reported: %s", g)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLintMessagesSpellRoles(t *testing.T) {
	d := lintDoc()
	msgs := map[string]string{}
	for _, dg := range d.Diagnostics {
		if _, ok := msgs[dg.Code]; !ok {
			msgs[dg.Code] = dg.Message
		}
		must(t, dg.File == "lint.md", dg)
		must(t, dg.Severity == SevError || dg.Severity == SevWarning || dg.Severity == SevInfo, dg)
	}
	eq(t, true, strings.Contains(msgs["RACI001"], "no party is Accountable"), msgs["RACI001"])
	eq(t, true, strings.Contains(msgs["RACI002"], "more than one party is Accountable") && strings.HasSuffix(msgs["RACI002"], ": Customer, OVHcloud"), msgs["RACI002"])
	eq(t, true, strings.Contains(msgs["RACI003"], "no party is Responsible"), msgs["RACI003"])
	eq(t, true, strings.Contains(msgs["RACI004"], `letter "S" in column "OVHcloud"`), msgs["RACI004"])
	eq(t, true, strings.Contains(msgs["PROSE001"], `the cell in column "OVHcloud" is a placeholder`), msgs["PROSE001"])
}

func TestLintConfig(t *testing.T) {
	d := lintDoc()
	all := d.Lint(LintConfig{})
	none := d.Lint(LintConfig{Disable: []string{"RACI001"}})
	eq(t, true, hasCode(all, "RACI001"))
	eq(t, false, hasCode(none, "RACI001"))
	re := d.Lint(LintConfig{Severity: map[string]diag.Severity{"RACI002": SevInfo}, MinSeverity: SevWarning})
	eq(t, false, hasCode(re, "RACI002"))
	for _, dg := range d.Lint(LintConfig{MinSeverity: SevError}) {
		eq(t, SevError, dg.Severity)
	}
}

func TestLintColumnsPositions(t *testing.T) {
	d := lintDoc()
	for _, dg := range d.Diagnostics {
		if dg.Code == "RACI004" {
			eq(t, 8, dg.Line)
			must(t, dg.Col > 1, "cell column", dg)
		}
	}
}

func TestLintOrdered(t *testing.T) {
	ds := lintDoc().Diagnostics
	for i := 1; i < len(ds); i++ {
		must(t, ds[i-1].Line <= ds[i].Line, "unordered", ds[i-1], ds[i])
	}
}

func TestLintLegendMissing(t *testing.T) {
	eq(t, true, hasCode(Build(doc("x.md", tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"a", "RA", "I"}))).Diagnostics, "DOC002"))
	eq(t, false, hasCode(Build(ovhDoc()).Diagnostics, "DOC002"))
}

func TestLintUndefinedNote(t *testing.T) {
	d := Build(doc("x.md", tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"Do it†", "RA", "I"})))
	eq(t, true, hasCode(d.Diagnostics, "NOTE001"))
	eq(t, "†", d.Matrices[0].Rows[0].Notes[0].Marker)
}

// TestWithLint checks that Build without lint keeps the findings made
// while reading the tables and leaves the rest to Lint, which then finds
// what a linting Build does.
func TestWithLint(t *testing.T) {
	src := doc("lint.md",
		h(2, 1, "Ops", "ops"),
		tbl(3, []string{"Activity", "Customer", "OVHcloud"},
			[]string{"No accountable", "R", "I"},
			[]string{"Too long", "RA", "I", "extra"}))
	linted := Build(src)
	bare := Build(src, WithLint(false))
	if got := codes(bare.Diagnostics); strings.Join(got, " ") != "DOC002@1 TBL002@6" {
		t.Errorf("without lint, Diagnostics = %v, want the structural DOC002@1 TBL002@6 only", got)
	}
	want := strings.Join(codes(linted.Diagnostics), " ")
	if !strings.Contains(want, "RACI001@5") {
		t.Fatalf("a linting Build found %s, want RACI001@5 among them", want)
	}
	if got := strings.Join(codes(bare.Lint(LintConfig{})), " "); got != want {
		t.Errorf("Lint after Build without lint = %s, want %s", got, want)
	}
}

// TestLintKeywordsInColumnOrder: a row with unresolved keywords in several
// party cells gets a finding for each cell, in column order, on every run
// (the assignments are a map).
func TestLintKeywordsInColumnOrder(t *testing.T) {
	d := Build(doc("k.md", tbl(1, []string{"Task", "IBM responsibilities", "Customer responsibilities", "Partner responsibilities"},
		[]string{"Patch", "Run {{site.data.keyword.a}}", "Use {{site.data.keyword.b}}", "Help {{site.data.keyword.c}}"})))
	for range 20 {
		var got []string
		for _, dg := range d.Lint(LintConfig{}) {
			if dg.Code == CodeUnresolvedKeyword {
				got = append(got, dg.Message)
			}
		}
		eq(t, []string{`unresolved keyword in "Run {{site.data.keyword.a}}"`, `unresolved keyword in "Use {{site.data.keyword.b}}"`,
			`unresolved keyword in "Help {{site.data.keyword.c}}"`}, got)
	}
}

// TestLintKeywordsInGrids: a grid names its parties in cells, not columns;
// the duties they get are checked for unresolved keywords too.
func TestLintKeywordsInGrids(t *testing.T) {
	d := Build(doc("g.md", tbl(1, []string{"Service", "{{site.data.keyword.nope}} layer", "Network"},
		[]string{"Compute", "IBM", "Customer"},
		[]string{"Storage", "Customer", "IBM"})))
	must(t, len(d.Matrices) == 1 && d.Matrices[0].Kind == MatrixGrid, "a grid", d.Matrices)
	var lines []int
	for _, dg := range d.Lint(LintConfig{}) {
		if dg.Code == CodeUnresolvedKeyword {
			lines = append(lines, dg.Line)
		}
	}
	eq(t, []int{1, 3, 4}, lines)
}

// TestLintUndefinedLetterAtToken: an undefined token is reported where the
// cell as written shows it; a remark in parentheses after the letters is
// the cell's duty, not undefined letters.
func TestLintUndefinedLetterAtToken(t *testing.T) {
	// "| Patch | R now | A |": the provider cell starts at column 11
	d := Build(doc("u.md", tbl(1, []string{"Activity", "Provider", "Customer"},
		[]string{"Patch", "R now", "A"}, []string{"Scan", "R (on request)", "A"})))
	var at []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeUndefinedLetter {
			at = append(at, fmt.Sprintf("%d:%d %s", dg.Line, dg.Col, dg.Message))
		}
	}
	eq(t, []string{`3:13 "now" in column "Provider" is not a run of role letters the legend defines`}, at)
	eq(t, []string{"on request"}, findRow(d, "Scan").Assignments["provider"].Duties)
	eq(t, []string{"R"}, findRow(d, "Scan").Assignments["provider"].Roles)
}

// TestLintUnresolvedKeywordAt: an unresolved keyword in a party cell is
// reported at the reference.
func TestLintUnresolvedKeywordAt(t *testing.T) {
	// "| Run | Deploy {{site.data.keyword.x}} | A |": the cell starts at column 9
	d := Build(doc("k.md", tbl(1, []string{"Task", "IBM responsibilities", "Your responsibilities"},
		[]string{"Run", "Deploy {{site.data.keyword.x}}", "Use it"})))
	var at []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeUnresolvedKeyword {
			at = append(at, fmt.Sprintf("%d:%d", dg.Line, dg.Col))
		}
	}
	eq(t, []string{"3:16"}, at)
}

// TestLintUnresolvedKeywordInActivityAt: an unresolved keyword in the
// activity or the comment is reported at the reference, as in a party cell,
// not at the row's first column.
func TestLintUnresolvedKeywordInActivityAt(t *testing.T) {
	// "| Run {{site.data.keyword.x}} | R | A | See {{site.data.keyword.y}} |":
	// the activity starts at column 3, its reference at 7; the comment
	// cell at 41, its reference at 45
	d := Build(doc("k.md", tbl(1, []string{"Activity", "Provider", "Customer", "Comments"},
		[]string{"Run {{site.data.keyword.x}}", "R", "A", "See {{site.data.keyword.y}}"})))
	var at []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeUnresolvedKeyword {
			at = append(at, fmt.Sprintf("%d:%d", dg.Line, dg.Col))
		}
	}
	eq(t, []string{"3:7", "3:45"}, at)
}

// TestLintUndefinedLetterWholeToken: an undefined token is reported where
// it stands as a word, not where its letters first show inside another
// word ("on" in "Conditional on"); a token written twice, at each place.
func TestLintUndefinedLetterWholeToken(t *testing.T) {
	// "| Scan | Conditional on | A |": the provider cell starts at column
	// 10, "on" at 22; "| Fix | on, Won on | A |": at 9, "on" at 9 and 17
	d := Build(doc("u.md", tbl(1, []string{"Activity", "Provider", "Customer"},
		[]string{"Patch", "R", "A"}, []string{"Scan", "Conditional on", "A"}, []string{"Fix", "on, Won on", "A"})))
	var at []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeUndefinedLetter {
			at = append(at, fmt.Sprintf("%d:%d %s", dg.Line, dg.Col, dg.Message))
		}
	}
	eq(t, []string{
		`4:10 "Conditional" in column "Provider" is not a run of role letters the legend defines`,
		`4:22 "on" in column "Provider" is not a run of role letters the legend defines`,
		`5:9 "on" in column "Provider" is not a run of role letters the legend defines`,
		`5:13 "Won" in column "Provider" is not a run of role letters the legend defines`,
		`5:17 "on" in column "Provider" is not a run of role letters the legend defines`,
	}, at)
}

// TestLintUnresolvedKeywordAtReference: an unresolved keyword is reported
// at its reference, not at a resolved one before it (the cell's text shows
// the resolved one's value, its source the reference).
func TestLintUnresolvedKeywordAtReference(t *testing.T) {
	src := doc("k.md", tbl(1, []string{"Task", "IBM responsibilities", "Your responsibilities"},
		[]string{"Run", "Deploy it", "Use it"}))
	// "| Run | Deploy {{site.data.keyword.ibm}} on {{site.data.keyword.x}} | Use it |":
	// the cell starts at column 9, the unresolved reference at 45
	c := &src.Blocks[0].Table.Rows[0].Cells[1]
	c.Raw = "Deploy {{site.data.keyword.ibm}} on {{site.data.keyword.x}}"
	c.Text = "Deploy IBM on {{site.data.keyword.x}}"
	d := Build(src)
	var at []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeUnresolvedKeyword {
			at = append(at, fmt.Sprintf("%d:%d", dg.Line, dg.Col))
		}
	}
	eq(t, []string{"3:45"}, at)
}

// TestLintCheckMatrixWord: a word among check marks ("Primary" beside "X")
// is reported as neither a mark nor letters, not as undefined letters.
func TestLintCheckMatrixWord(t *testing.T) {
	d := Build(doc("check.md",
		tbl(1, []string{"Task", "IBM", "Client"},
			[]string{"Export", "X", ""},
			[]string{"Test", "", "X"},
			[]string{"Remediate", "Secondary", "Primary"})))
	must(t, len(d.Matrices) == 1 && d.Matrices[0].Kind == MatrixCheck, d.Matrices)
	var msgs []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeUndefinedLetter {
			msgs = append(msgs, dg.Message)
		}
	}
	eq(t, []string{
		`"Secondary" in column "IBM" is neither a check mark nor role letters the legend defines`,
		`"Primary" in column "Client" is neither a check mark nor role letters the legend defines`,
	}, msgs)
}

// TestLintAnchorHeadingLine: ANCHOR001 names the line of the heading
// whose anchor a matrix takes again, not the matrix's.
func TestLintAnchorHeadingLine(t *testing.T) {
	d := Build(doc("a.md",
		h(1, 1, "Setup", "setup"),
		withTable(tbl(4, []string{"Activity", "Customer", "Provider"}, []string{"Backups", "RA", "I"}), "setup", "")))
	var msgs []string
	for _, dg := range d.Diagnostics {
		if dg.Code == CodeDuplicateAnchor {
			msgs = append(msgs, dg.Message)
		}
	}
	must(t, len(msgs) == 1, msgs)
	eq(t, true, strings.HasSuffix(msgs[0], "the heading at line 1"), msgs[0])
}

// TestCheckMatrixNo: "No" beside "Yes" in a check matrix says a party has
// no part: an empty cell, not undefined letters.
func TestCheckMatrixNo(t *testing.T) {
	d := Build(doc("yesno.md",
		tbl(1, []string{"Task", "IBM", "Customer"},
			[]string{"Billing", "Yes", "No"},
			[]string{"Support", "No", "✓"})))
	must(t, len(d.Matrices) == 1 && d.Matrices[0].Kind == MatrixCheck, d.Matrices)
	eq(t, false, hasCode(d.Diagnostics, CodeUndefinedLetter), d.Diagnostics)
	a := d.Matrices[0].Rows[0].Assignments["customer"]
	eq(t, StatusEmpty, a.Status)
	eq(t, "provider", d.Matrices[0].Rows[0].Ownership)
}

// TestNoRows: a matrix of a header alone is reported (TBL005), pointing at
// the pipe rows a blank line after the header left as a paragraph.
func TestNoRows(t *testing.T) {
	d := Build(doc("blank.md",
		tbl(3, []string{"Activity", "Client Role", "Cloud Temple Role"}),
		p(6, "| Maintain the documentation | I | RA |", "| Audit | RA | C |"),
		tbl(9, []string{"Activity", "Customer", "Provider"}, []string{"Patch", "RA", "I"}),
		tbl(13, []string{"Activity", "Customer", "Provider"})))
	must(t, len(d.Matrices) == 3, d.Matrices)
	var got []string
	for _, f := range d.Diagnostics {
		if f.Code == CodeNoRows {
			got = append(got, fmt.Sprintf("%d: %s", f.Line, f.Message))
		}
	}
	eq(t, []string{
		"3: table has a header but no rows; the lines from line 6 read as a paragraph, as a blank line after the header ends the table",
		"13: table has a header but no rows",
	}, got)
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
