package model

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"
)

// CSVHeader names the columns of the records WriteCSV writes.
var CSVHeader = []string{
	"file", "matrix", "caption", "section", "row", "activity", "qualifiers", "comment", "notes",
	"line", "ownership", "party", "party_name", "party_kind", "roles", "duties", "status", "group",
}

// WriteCSV writes d's matrices as CSV records (RFC 4180), for spreadsheets
// and reviews: one per row and party assigned in it, in document order,
// the parties of a row in column order, then by id. A grid cell that names
// no party but says something gets a record of its own, the party fields
// empty and the duty "Category: text"; a row with none of these gets one
// record whose party fields are empty. A group's heading row
// (Row.Heading) gets none: its text is the group field of the rows
// under it. Roles are the letters
// separated by spaces ("R A"), duties one per line, the section its
// headings separated by " > ", qualifiers "key=value" and notes "mark:
// text" separated by "; ". With header, CSVHeader comes first.
//
// Texts that a spreadsheet would run as a formula (starting with "=",
// "+", "-", "@", a tab or a carriage return) are written after an
// apostrophe, as OWASP advises against CSV injection: the pages are
// written by many hands.
func (d *Document) WriteCSV(w io.Writer, header bool) error {
	cw := csv.NewWriter(w)
	if header {
		if err := cw.Write(CSVHeader); err != nil {
			return err
		}
	}
	parties := make(map[string]*Party, len(d.Parties))
	for i := range d.Parties {
		parties[d.Parties[i].ID] = &d.Parties[i]
	}
	rec := make([]string, len(CSVHeader))
	for mi := range d.Matrices {
		m := &d.Matrices[mi]
		section := sectionPath(m.Section)
		groups := m.GroupNames()
		for ri := range m.Rows {
			r := &m.Rows[ri]
			if r.Heading {
				continue
			}
			group := groups[r.Group] // the text of the heading above the row
			rec = append(rec[:0], d.File, m.ID, m.Caption, section, r.ID, r.Activity, qualifierList(r.Qualifiers),
				r.Comment, noteList(r.Notes, "; "), strconv.Itoa(r.Line), r.Ownership)
			ids, unnamed := rowParties(m, r), unnamedCells(m, r)
			base := len(rec)
			if len(ids) == 0 && len(unnamed) == 0 {
				rec = append(rec, "", "", "", "", "", "", group)
				if err := cw.Write(safeCSV(rec)); err != nil {
					return err
				}
				continue
			}
			for _, id := range ids {
				a := r.Assignments[id]
				name, kind := id, KindThirdParty
				if p := parties[id]; p != nil {
					name, kind = p.Name, p.Kind
				}
				rec = append(rec[:base], id, name, kind, strings.Join(a.Roles, " "), strings.Join(a.Duties, "\n"), a.Status, group)
				if err := cw.Write(safeCSV(rec)); err != nil {
					return err
				}
			}
			for _, duty := range unnamed {
				rec = append(rec[:base], "", "", "", "", duty, StatusFilled, group)
				if err := cw.Write(safeCSV(rec)); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// rowParties returns the ids of the parties assigned in any of rows:
// those of m's party columns in column order, then the others (a grid's)
// by id.
func rowParties(m *Matrix, rows ...*Row) []string {
	var ids []string
	seen := map[string]bool{}
	for _, c := range m.Columns {
		for _, r := range rows {
			if c.Role == ColParty && r.Assignments[c.Party] != nil && !seen[c.Party] {
				ids = append(ids, c.Party)
				seen[c.Party] = true
			}
		}
	}
	from := len(ids)
	for _, r := range rows {
		for id, a := range r.Assignments {
			if a != nil && !seen[id] {
				ids = append(ids, id)
				seen[id] = true
			}
		}
	}
	sort.Strings(ids[from:])
	return ids
}

// unnamedCells returns, for a grid row, its cells that name no party but
// say something ("The platform team on duty"), as "Category: text", in
// column order: the records of the row's parties do not hold them.
func unnamedCells(m *Matrix, r *Row) []string {
	var out []string
	for _, c := range m.Columns {
		a := r.Categories[c.Key]
		if c.Role != ColCategory || a == nil || len(a.Parties) > 0 || a.Status != StatusFilled || len(a.Duties) == 0 {
			continue
		}
		out = append(out, plain(c.Header)+": "+strings.Join(a.Duties, "\n"))
	}
	return out
}

// sectionPath joins the headings above a matrix: "3 Operations > 3.1 Daily".
func sectionPath(hs []Heading) string {
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = strings.TrimSpace(h.Number + " " + h.Text)
	}
	return strings.Join(parts, " > ")
}

// qualifierList writes qualifiers as "key=value; key=value", by key.
func qualifierList(q map[string]string) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		keys[i] = k + "=" + q[k]
	}
	return strings.Join(keys, "; ")
}

// noteList writes notes as "mark: text", separated by sep.
func noteList(ns []Note, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strings.TrimSpace(n.Marker + ": " + n.Text)
	}
	return strings.Join(parts, sep)
}

// safeCSV puts an apostrophe before the fields a spreadsheet would read as
// formulas (see WriteCSV); rec is changed in place and returned.
func safeCSV(rec []string) []string {
	for i, f := range rec {
		if f != "" && strings.IndexByte("=+-@\t\r", f[0]) >= 0 {
			rec[i] = "'" + f
		}
	}
	return rec
}
