package model

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestWriteCSV writes the seeds' shapes and a grid as CSV and reads the
// records back: one per row and assigned party (one for a row that assigns
// none), each holding its assignment's roles, duties and status, and the
// row's qualifiers, comment and notes.
func TestWriteCSV(t *testing.T) {
	grid := tbl(1, []string{"Task", "Responsibility in Kyma"},
		[]string{"Patch the runtime", "SAP"},
		[]string{"Report incidents", "Shared"},
		[]string{"Unclaimed", ""})
	for _, d := range []*Document{Build(ovhDoc()), Build(cegedimDoc()), Build(ibmDoc()), Build(ptcDoc()), Build(doc("g.md", grid))} {
		var b bytes.Buffer
		if err := d.WriteCSV(&b, true); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", d.File, err)
		}
		eq(t, CSVHeader, recs[0], d.File)
		col := map[string]int{}
		for i, h := range CSVHeader {
			col[h] = i
		}
		recs = recs[1:]
		i := 0
		for _, m := range d.Matrices {
			for _, r := range m.Rows {
				ids := rowParties(&m, &r)
				must(t, len(ids) == len(r.Assignments), d.File, r.ID, "parties", ids)
				for range unnamedCells(&m, &r) {
					ids = append(ids, "")
				}
				if len(ids) == 0 {
					ids = []string{""}
				}
				for _, id := range ids {
					must(t, i < len(recs), d.File, "too few records")
					rec := recs[i]
					i++
					eq(t, []string{d.File, m.ID, r.ID, r.Comment, id}, []string{rec[col["file"]], rec[col["matrix"]], rec[col["row"]], rec[col["comment"]], rec[col["party"]]}, d.File, r.ID)
					for k, v := range r.Qualifiers {
						must(t, strings.Contains(rec[col["qualifiers"]], k+"="+v), d.File, r.ID, "qualifier", k)
					}
					for _, n := range r.Notes {
						must(t, strings.Contains(rec[col["notes"]], n.Text), d.File, r.ID, "note", n.Marker)
					}
					if a := r.Assignments[id]; a != nil {
						eq(t, strings.Join(a.Roles, " "), rec[col["roles"]], d.File, r.ID, id)
						eq(t, strings.Join(a.Duties, "\n"), strings.TrimPrefix(rec[col["duties"]], "'"), d.File, r.ID, id)
						eq(t, a.Status, rec[col["status"]], d.File, r.ID, id)
					}
				}
			}
		}
		eq(t, len(recs), i, d.File, "records")
	}
}

// TestWriteCSVGrid: a grid's parties, named in its cells, have records
// too; a row naming no one has one record without a party.
func TestWriteCSVGrid(t *testing.T) {
	d := Build(doc("g.md", tbl(1, []string{"Task", "Responsibility in Kyma"},
		[]string{"Patch the runtime", "SAP"},
		[]string{"Report incidents", "Shared"},
		[]string{"Unclaimed", ""},
		[]string{"Page the team", "The platform team on duty"})))
	var b bytes.Buffer
	if err := d.WriteCSV(&b, false); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r[5]+"/"+r[11]+"/"+r[14]+"/"+r[15])
	}
	eq(t, []string{"Patch the runtime/sap/R/Responsibility in Kyma", "Report incidents/customer/R/Responsibility in Kyma",
		"Report incidents/sap/R/Responsibility in Kyma", "Unclaimed///", "Page the team///Responsibility in Kyma: The platform team on duty"}, got)
}
