package diag

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestRuneColumn(t *testing.T) {
	src := []byte("ab\nécrire | x\n")
	l := NewLines(src)
	for _, c := range []struct{ line, col, want int }{
		{1, 1, 1},
		{1, 2, 2},
		{2, 1, 1},
		{2, 3, 2},   // after "é", two bytes
		{2, 10, 9},  // "x"
		{2, 20, 19}, // past the line's end: bytes on
		{9, 4, 4},   // no such line
		{1, 0, 0},   // unknown column
	} {
		if got := l.RuneColumn(src, c.line, c.col); got != c.want {
			t.Errorf("RuneColumn(%d, %d) = %d, want %d", c.line, c.col, got, c.want)
		}
	}
	// a U+FFFD replacing an invalid byte is one byte of the file, one
	// code point: "a\xffb" cleaned to "a\uFFFDb"
	clean := []byte("a\uFFFDb")
	w := NewLines(clean).Widen([]int{1}, 2)
	if got := w.RuneColumn(clean, 1, 3); got != 3 {
		t.Errorf("after a replaced byte: column %d, want 3", got)
	}
}

func TestWriteSARIF(t *testing.T) {
	codes := []Code{{Code: "RACI001", Severity: Error, Summary: "no party is Accountable"}, {Code: "DOC002", Severity: Info, Summary: "no legend"}}
	ds := []Diagnostic{
		{Code: "RACI001", Severity: Warning, Message: `no party is Accountable for "Patch"`, File: "docs/a b.md", Line: 5, Col: 3},
		{Code: "DOC002", Severity: Info, Message: "no legend", File: "/abs/x.md", Line: 1, Col: 1},
		{Code: "other", Severity: Error, Message: "m", File: "<stdin>", Line: 0, Col: 0},
	}
	var b bytes.Buffer
	if err := WriteSARIF(&b, ds, codes, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID                   string
						ShortDescription     struct{ Text string }
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			ColumnKind string
			Results    []struct {
				RuleID    string
				RuleIndex *int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI         string
							Description *struct{ Text string }
						}
						Region struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err, b.String())
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "mdraci" || d.Version != "1.2.3" || len(d.Rules) != 2 ||
		d.Rules[0].ID != "RACI001" || d.Rules[0].DefaultConfiguration.Level != "error" || d.Rules[1].DefaultConfiguration.Level != "note" ||
		d.Rules[0].ShortDescription.Text != "no party is Accountable" {
		t.Errorf("driver %+v", d)
	}
	if run.ColumnKind != "unicodeCodePoints" || len(run.Results) != 3 {
		t.Fatalf("columnKind %q, %d results", run.ColumnKind, len(run.Results))
	}
	r := run.Results
	if r[0].RuleID != "RACI001" || r[0].RuleIndex == nil || *r[0].RuleIndex != 0 || r[0].Level != "warning" || r[0].Message.Text != ds[0].Message {
		t.Errorf("result 0: %+v", r[0])
	}
	if loc := r[0].Locations[0].PhysicalLocation; loc.ArtifactLocation.URI != "docs/a%20b.md" || loc.Region.StartLine != 5 || loc.Region.StartColumn != 3 {
		t.Errorf("location 0: %+v", loc)
	}
	if r[1].Level != "note" || r[1].Locations[0].PhysicalLocation.ArtifactLocation.URI != "file:///abs/x.md" {
		t.Errorf("result 1: %+v", r[1])
	}
	loc := r[2].Locations[0].PhysicalLocation
	if r[2].RuleIndex != nil || loc.ArtifactLocation.URI != "" || loc.ArtifactLocation.Description == nil ||
		loc.ArtifactLocation.Description.Text != "<stdin>" || loc.Region.StartLine != 1 || loc.Region.StartColumn != 0 {
		t.Errorf("result 2: %+v, %+v", r[2], loc)
	}
}
