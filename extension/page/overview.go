package page

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/mdraci/mdraci/extension/model"
)

// Counts counts activities by ownership.
type Counts struct {
	Provider, Customer, Shared, Unknown int
}

// Total is the number of activities counted.
func (c Counts) Total() int { return c.Provider + c.Customer + c.Shared + c.Unknown }

// add counts one row.
func (c *Counts) add(ownership string) {
	switch ownership {
	case model.OwnerProvider:
		c.Provider++
	case model.OwnerCustomer:
		c.Customer++
	case model.OwnerShared:
		c.Shared++
	default:
		c.Unknown++
	}
}

// Section is one bar of the summary chart: the activities of the matrices
// under one heading.
type Section struct {
	// Title is the section's number and text ("1.1 Specify service").
	Title string
	// Anchor is the first matrix's id, for links.
	Anchor string
	Counts
}

// Sections counts the activities of doc's matrices by ownership, one
// Section per heading that holds matrices, in document order.
func Sections(doc *model.Document) []Section {
	var out []Section
	index := map[string]int{}
	for _, m := range doc.Matrices {
		key, title := sectionOf(m)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, Section{Title: title, Anchor: m.ID})
		}
		for _, r := range m.Rows {
			if !r.Heading { // a group's name, no activity
				out[i].add(r.Ownership)
			}
		}
	}
	return out
}

// Totals counts all of doc's activities by ownership.
func Totals(doc *model.Document) Counts {
	var c Counts
	for _, m := range doc.Matrices {
		for _, r := range m.Rows {
			if !r.Heading {
				c.add(r.Ownership)
			}
		}
	}
	return c
}

// sectionOf is the key and the title of the heading above m.
func sectionOf(m model.Matrix) (key, title string) {
	if len(m.Section) == 0 {
		return "", m.Caption
	}
	h := m.Section[len(m.Section)-1]
	title = strings.TrimSpace(h.Number + " " + h.Text)
	return fmt.Sprintf("%d/%s/%s", len(m.Section), h.Anchor, title), title
}

// Chart geometry, in SVG user units: the chart scales to its box's width.
const (
	chartWidth = 400
	labelH     = 19 // a section's label line
	barH       = 16
	rowGap     = 9
	legendH    = 26
	labelChars = 46 // longer labels are shortened (the description has them whole)
)

// ownerKinds are the bar segments, in order, with their labels.
var ownerKinds = []struct{ key, label, short string }{
	{model.OwnerProvider, "Provider-owned", "Provider"},
	{model.OwnerShared, "Shared", "Shared"},
	{model.OwnerCustomer, "Customer-owned", "Customer"},
	{model.OwnerUnknown, "Unassigned", "Unassigned"},
}

func (c Counts) of(kind string) int {
	switch kind {
	case model.OwnerProvider:
		return c.Provider
	case model.OwnerCustomer:
		return c.Customer
	case model.OwnerShared:
		return c.Shared
	}
	return c.Unknown
}

// Chart writes the summary chart of doc as an inline SVG figure: for each
// section, a bar split into provider-owned, shared and customer-owned
// activities (and unassigned ones, when there are), each part labelled
// with its count. Its title and description give screen readers the same
// figures as text.
func Chart(b *bytes.Buffer, doc *model.Document) {
	sections := Sections(doc)
	if len(sections) == 0 {
		return
	}
	unknown := Totals(doc).Unknown > 0
	kinds := ownerKinds
	if !unknown {
		kinds = kinds[:3]
	}
	height := legendH + len(sections)*(labelH+barH+rowGap)
	e := html.EscapeString
	var desc []string
	for _, s := range sections {
		var parts []string
		for _, k := range kinds {
			parts = append(parts, fmt.Sprintf("%d %s", s.of(k.key), strings.ToLower(k.label)))
		}
		desc = append(desc, fmt.Sprintf("%s: %s.", s.Title, strings.Join(parts, ", ")))
	}
	b.WriteString(`<figure class="raci-summary">` + "\n")
	fmt.Fprintf(b, `<svg class="raci-chart" role="img" aria-labelledby="raci-chart-title raci-chart-desc" viewBox="0 0 %d %d" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">`+"\n", chartWidth, height)
	b.WriteString(`<title id="raci-chart-title">Who owns the activities, by section</title>` + "\n")
	fmt.Fprintf(b, "<desc id=\"raci-chart-desc\">%s</desc>\n", e(strings.Join(desc, " ")))
	b.WriteString(`<defs><pattern id="raci-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="raci-seg-shared" width="6" height="6"/><line x1="0" y1="0" x2="0" y2="6" class="raci-hatch-line"/></pattern></defs>` + "\n")
	// the legend: a swatch and a label per kind
	x := 0
	for _, k := range kinds {
		fmt.Fprintf(b, `<rect class="raci-seg raci-seg-%s" x="%d" y="4" width="12" height="12"/><text class="raci-chart-legend" x="%d" y="15">%s</text>`+"\n", k.key, x, x+16, e(k.short))
		x += 16 + len(k.short)*8 + 12
	}
	y := legendH
	for _, s := range sections {
		label := s.Title
		if r := []rune(label); len(r) > labelChars {
			label = string(r[:labelChars-1]) + "…"
		}
		fmt.Fprintf(b, `<text class="raci-chart-label" x="0" y="%d">%s <tspan class="raci-chart-total">(%d)</tspan></text>`+"\n", y+15, e(label), s.Total())
		y += labelH
		x := 0.0
		total := float64(max(s.Total(), 1))
		for _, k := range kinds {
			n := s.of(k.key)
			if n == 0 {
				continue
			}
			w := float64(chartWidth) * float64(n) / total
			fmt.Fprintf(b, `<rect class="raci-seg raci-seg-%s" x="%.1f" y="%d" width="%.1f" height="%d"><title>%s: %d</title></rect>`+"\n", k.key, x, y, w, barH, e(k.label), n)
			if w >= 16 {
				fmt.Fprintf(b, `<text class="raci-seg-count raci-seg-count-%s" x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", k.key, x+w/2, y+13, n)
			}
			x += w
		}
		y += barH + rowGap
	}
	b.WriteString("</svg>\n")
	c := Totals(doc)
	fmt.Fprintf(b, "<figcaption>%s: %d provider-owned, %d shared, %d customer-owned", plural(c.Total(), "activity", "activities"), c.Provider, c.Shared, c.Customer)
	if unknown {
		fmt.Fprintf(b, ", %d unassigned", c.Unknown)
	}
	b.WriteString(".</figcaption>\n</figure>\n")
}

// writeOverview writes the view switch and the summary chart.
func writeOverview(b *bytes.Buffer, doc *model.Document) {
	b.WriteString(`<section class="raci-overview" aria-labelledby="raci-overview-title">` + "\n")
	b.WriteString(`<h2 id="raci-overview-title">Responsibilities at a glance</h2>` + "\n")
	views := partyViews(doc)
	if len(views) > 0 {
		b.WriteString(`<fieldset class="raci-view">` + "\n<legend>Show</legend>\n")
		b.WriteString(`<label for="raci-view-all"><input type="radio" name="raci-view" id="raci-view-all" value="all" checked>The whole page</label>` + "\n")
		for _, v := range views {
			fmt.Fprintf(b, `<label for="raci-view-%s"><input type="radio" name="raci-view" id="raci-view-%s" value="%s">%s</label>`+"\n",
				v.kind, v.kind, v.kind, html.EscapeString(v.title))
		}
		b.WriteString("</fieldset>\n")
	}
	Chart(b, doc)
	b.WriteString("</section>\n")
}

// plural writes n with the word's singular or plural form.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
