package page

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"slices"
	"strings"

	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/mdraci/mdraci/extension/model"
)

// view is one party kind's view: its title and parties.
type view struct {
	kind    string
	title   string
	parties []model.Party
}

// partyViews returns the views of doc's party kinds: the customer, the
// provider(s), third parties.
func partyViews(doc *model.Document) []view {
	var out []view
	for _, kind := range []string{model.KindCustomer, model.KindProvider, model.KindThirdParty} {
		v := view{kind: kind}
		for _, p := range doc.Parties {
			if p.Kind == kind {
				v.parties = append(v.parties, p)
			}
		}
		switch {
		case len(v.parties) == 0:
			continue
		case kind == model.KindCustomer:
			v.title = "What the customer does"
		case len(v.parties) == 1:
			v.title = "What " + v.parties[0].Name + " does"
		case kind == model.KindProvider:
			v.title = "What the providers do"
		default:
			v.title = "What third parties do"
		}
		out = append(out, v)
	}
	return out
}

// writePartyViews writes one section per party kind listing, matrix by
// matrix, the activities the party holds a role or a duty in.
func writePartyViews(b *bytes.Buffer, doc *model.Document) {
	for _, v := range partyViews(doc) {
		fmt.Fprintf(b, `<section class="raci-party-view" data-kind="%s" aria-labelledby="raci-party-%s-title">`+"\n", v.kind, v.kind)
		fmt.Fprintf(b, `<h2 id="raci-party-%s-title">%s</h2>`+"\n", v.kind, html.EscapeString(v.title))
		for _, p := range v.parties {
			if len(v.parties) > 1 {
				fmt.Fprintf(b, "<h3>%s</h3>\n", html.EscapeString(p.Name))
			}
			level := 3
			if len(v.parties) > 1 {
				level = 4
			}
			PartyView(b, doc, p.ID, level)
		}
		b.WriteString("</section>\n")
	}
}

// PartyView writes, for the party with the given id, the activities it
// holds a role or a duty in, grouped by matrix: each links to its row
// (when the matrix has an anchor: a raw HTML table has none) and
// shows the roles (spelled out by the legend), the remarks of the grid
// cells naming the party, and the duties (a prose matrix's items, a grid
// matrix's categories). level is the heading level
// of the matrices' captions. The Hugo shortcode raci-party writes the same
// markup (cmd/mdraci's TestHugoSiteMatchesConvert and TestHugoPartyViews
// compare them).
func PartyView(b *bytes.Buffer, doc *model.Document, party string, level int) {
	e := html.EscapeString
	any := false
	for _, m := range doc.Matrices {
		var items []partyItem
		for _, r := range m.Rows {
			a := r.Assignments[party]
			if a == nil || (len(a.Roles) == 0 && len(a.Duties) == 0) || a.Status != model.StatusFilled {
				continue
			}
			var item strings.Builder
			if m.Anchor != "" {
				fmt.Fprintf(&item, `<li><a href="#%s">%s</a>`, e(r.ID), e(r.Activity))
			} else { // a table shown as written: no row to link to
				fmt.Fprintf(&item, `<li>%s`, e(r.Activity))
			}
			// the row's footnote marks, lifted off its cells, titled
			// with their notes
			for _, n := range r.Notes {
				item.WriteString(`<sup class="raci-note"`)
				if n.Text != "" {
					fmt.Fprintf(&item, ` title="%s"`, e(n.Text))
				}
				fmt.Fprintf(&item, `>%s</sup>`, e(n.Marker))
			}
			if len(a.Roles) > 0 {
				item.WriteString(": ")
				var names []string
				for _, l := range a.Roles {
					names = append(names, roleAbbr(doc, l))
				}
				item.WriteString(strings.Join(names, ", "))
			}
			// what a grid cell says beside the party's name: "Customer
			// (3rd Party Vendor/Open Source community)"
			for _, k := range slices.Sorted(maps.Keys(r.Categories)) {
				if c := r.Categories[k]; len(c.Duties) > 0 && slices.Contains(c.Parties, party) {
					fmt.Fprintf(&item, ` <span class="raci-remark">(%s)</span>`, e(strings.Join(c.Duties, "; ")))
				}
			}
			// duties: a prose matrix's items; a grid matrix's categories
			// (the columns whose cells name the party)
			if len(a.Duties) > 0 {
				item.WriteString(`<ul class="raci-duties">`)
				for _, d := range a.Duties {
					fmt.Fprintf(&item, "<li>%s</li>", e(d))
				}
				item.WriteString("</ul>")
			}
			item.WriteString("</li>")
			items = append(items, partyItem{r.Group, item.String()})
		}
		if len(items) == 0 {
			continue
		}
		any = true
		if m.Anchor != "" {
			fmt.Fprintf(b, `<h%d class="raci-party-matrix"><a href="#%s">%s</a></h%d>`+"\n", level, e(m.Anchor), e(m.Caption), level)
		} else {
			fmt.Fprintf(b, `<h%d class="raci-party-matrix">%s</h%d>`+"\n", level, e(m.Caption), level)
		}
		b.WriteString(`<ul class="raci-party-items">` + "\n" + strings.Join(groupItems(&m, items), "\n") + "\n</ul>\n")
	}
	if !any {
		b.WriteString("<p>No activities.</p>\n")
	}
}

// partyItem is one row of a party view: the id of the group heading it
// falls under ("" for none), and its <li>.
type partyItem struct{ group, html string }

// groupItems returns the lines of a party view's list: the items, those
// of a group in a list of their own inside an item naming the group
// (linking to its heading row when the matrix has an anchor).
func groupItems(m *model.Matrix, items []partyItem) []string {
	e := html.EscapeString
	var names map[string]string // the group headings' names, by id (m.GroupNames)
	lines := make([]string, 0, len(items))
	cur := ""
	for _, it := range items {
		if it.group != cur {
			if cur != "" {
				lines = append(lines, "</ul>\n</li>")
			}
			if it.group != "" {
				if names == nil {
					names = m.GroupNames()
				}
				name := e(names[it.group])
				if m.Anchor != "" {
					name = fmt.Sprintf(`<a href="#%s">%s</a>`, e(it.group), name)
				}
				lines = append(lines, `<li class="raci-party-group">`+name+"\n"+`<ul class="raci-party-items">`)
			}
			cur = it.group
		}
		lines = append(lines, it.html)
	}
	if cur != "" {
		lines = append(lines, "</ul>\n</li>")
	}
	return lines
}

// roleAbbr spells a letter out: the letter as an abbreviation, then the
// role's name ("R Responsible").
func roleAbbr(doc *model.Document, letter string) string {
	for _, l := range doc.Legend {
		if l.Letter == letter {
			name := l.Label
			if l.Role != "" && l.Role != "other" {
				name = sentence(l.Role)
			}
			return fmt.Sprintf(`<span class="raci-role-name"><abbr class="raci-role raci-role-%s" title="%s">%s</abbr> %s</span>`,
				matrix.RoleClass(letter), html.EscapeString(matrix.Title(l)), html.EscapeString(letter), html.EscapeString(name))
		}
	}
	return html.EscapeString(letter)
}
