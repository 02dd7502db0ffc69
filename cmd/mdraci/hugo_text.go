package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/yuin/goldmark/ast"
)

// Plain-text documents (tables flattened one cell per line) become
// Markdown written from the source layer: every text escaped, headings
// with the ids the extension gives them.

// textBody writes a plain-text document as Markdown: headings, paragraphs
// and tables from the source layer, escaped, with the heading ids the
// extension gives them.
func textBody(res *extension.Result, md *model.Document, legendID string) *hugoBody {
	doc := res.Document()
	var headingIDs []string
	if res.Doc != nil {
		_ = ast.Walk(res.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				headingIDs = append(headingIDs, attrString(h, "id"))
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
	out := &hugoBody{render: make([]matrixRender, len(md.Matrices)), legendID: legendID}
	byTable := map[int]int{}
	firstLetters := -1
	for i, m := range md.Matrices {
		byTable[m.Table] = i
		if firstLetters < 0 && (m.Kind == model.MatrixRACI || m.Kind == model.MatrixCheck) {
			firstLetters = i
		}
	}
	var b strings.Builder
	headings, tables := 0, 0
	for _, bl := range doc.Blocks {
		switch bl.Kind {
		case source.KindHeading:
			b.WriteString(strings.Repeat("#", bl.Heading.Level) + " " + escapeMarkdown(bl.Heading.Text))
			if headings < len(headingIDs) && headingIDs[headings] != "" {
				b.WriteString(" {#" + headingIDs[headings] + "}")
			}
			b.WriteString("\n\n")
			headings++
		case source.KindParagraph:
			for _, l := range bl.Lines {
				b.WriteString(escapeLine(l.Text) + "\n")
			}
			b.WriteString("\n")
		case source.KindTable:
			ti := tables
			tables++
			if mi, ok := byTable[ti]; ok {
				out.render[mi] = textRender(bl.Table)
				if mi == firstLetters && len(md.LegendTables) == 0 && legendID != "" {
					b.WriteString("{{< raci-legend >}}\n\n")
				}
				fmt.Fprintf(&b, "{{< raci id=%q >}}\n\n", md.Matrices[mi].ID)
				continue
			}
			if len(md.LegendTables) > 0 && md.LegendTables[0] == ti {
				b.WriteString("{{< raci-legend >}}\n\n")
				continue
			}
			writeTextTable(&b, bl.Table)
		}
	}
	out.markdown = b.String()
	return out
}

// textCell is a plain-text cell as the shortcodes and the pipe table show
// it: its text, or its pieces as lines.
func textCell(c source.Cell) cellJSON {
	if len(c.Items) <= 1 {
		return cellJSON{MD: escapeMarkdown(c.Text)}
	}
	var out cellJSON
	for _, it := range c.Items {
		out.Lines = append(out.Lines, escapeMarkdown(it))
	}
	return out
}

func textRender(t *source.Table) matrixRender {
	var r matrixRender
	header := make([]cellJSON, 0, len(t.Header))
	for _, c := range t.Header {
		header = append(header, textCell(c))
	}
	r.Cells = append(r.Cells, header)
	for _, row := range t.Rows {
		cells := make([]cellJSON, 0, len(row.Cells))
		for _, c := range row.Cells {
			cells = append(cells, textCell(c))
		}
		r.Cells = append(r.Cells, cells)
	}
	if len(t.Header) == 0 && len(r.Cells) > 0 {
		r.Cells = r.Cells[1:]
	}
	r.Summary = t.Summary
	return r
}

func writeTextTable(b *strings.Builder, t *source.Table) {
	columns := len(t.Header)
	for _, r := range t.Rows {
		columns = max(columns, len(r.Cells))
	}
	row := func(cells []source.Cell) {
		b.WriteString("|")
		for i := 0; i < columns; i++ {
			s := ""
			if i < len(cells) {
				s = textCell(cells[i]).markdown()
			}
			b.WriteString(" " + s + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|" + strings.Repeat(" --- |", columns) + "\n")
	for _, r := range t.Rows {
		row(r.Cells)
	}
	var attrs []string
	if t.ID != "" {
		attrs = append(attrs, "#"+t.ID)
	}
	if t.Caption != "" {
		attrs = append(attrs, "caption="+strconv.Quote(t.Caption))
	}
	if len(attrs) > 0 {
		b.WriteString("{" + strings.Join(attrs, " ") + "}\n")
	}
	b.WriteString("\n")
}

// blockStartRE matches the start of a line Markdown would read as a list
// item, block quote or heading underline.
var blockStartRE = regexp.MustCompile(`^(\s*)([-+=>]|\d+[.)])(\s|$)`)

// escapeLine escapes a line of plain text that starts a Markdown line, so
// that it stays a paragraph line.
func escapeLine(s string) string {
	s = escapeMarkdown(s)
	if m := blockStartRE.FindStringSubmatchIndex(s); m != nil {
		at := m[4]
		if s[at] >= '0' && s[at] <= '9' {
			at = m[5] - 1 // escape the "." or ")" of "1."
		}
		return s[:at] + "\\" + s[at:]
	}
	return s
}
