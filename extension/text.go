package extension

import (
	"bytes"
	"io"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension/heading"
	"github.com/mdraci/mdraci/extension/internal/ids"
	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// textAST builds the goldmark AST of a plain-text document, so that it
// renders with the same renderers, and so the same HTML, as Markdown.
func (c *Converter) textAST(r *Result, src []byte) ast.Node {
	doc := r.doc
	root := ast.NewDocument()
	for _, b := range doc.Blocks {
		switch b.Kind {
		case source.KindHeading:
			h := ast.NewHeading(b.Heading.Level)
			h.AppendChild(h, ast.NewString([]byte(b.Heading.Text)))
			root.AppendChild(root, h)
		case source.KindParagraph:
			p := ast.NewParagraph()
			for i, l := range b.Lines {
				s := ast.NewString([]byte(l.Text))
				p.AppendChild(p, s)
				if i < len(b.Lines)-1 {
					p.AppendChild(p, ast.NewString([]byte("\n")))
				}
			}
			root.AppendChild(root, p)
		case source.KindTable:
			root.AppendChild(root, tableAST(b.Table))
		}
	}
	pc := parser.NewContext()
	reader := text.NewReader(src)
	heading.NewHeadingIDTransformer().Transform(root, reader, pc)
	table.NewTableASTTransformer().Transform(root, reader, pc)
	if c.cfg.Matrices {
		matrix.Apply(root, doc, r.Model(), ids.Of(pc, root).Unique)
	}
	return root
}

// renderHTML writes HTML input, sanitized unless unsafe, with each table
// the model reads as a matrix replaced by the matrix rendering.
func (c *Converter) renderHTML(w io.Writer, r *Result) error {
	out := r.Source
	if !c.cfg.Unsafe {
		out = Policy().SanitizeBytes(r.Source)
	}
	md := r.Model()
	if !c.cfg.Matrices || len(md.Matrices) == 0 {
		_, err := w.Write(out)
		return err
	}
	page, err := goquery.NewDocumentFromReader(bytes.NewReader(out))
	if err != nil {
		_, err := w.Write(out)
		return err
	}
	tables := page.Find("table")
	srcTables := r.Document().Tables()
	if tables.Length() != len(srcTables) {
		// The sanitizer changed the tables: keep them as they are.
		_, err := w.Write(out)
		return err
	}
	taken := ids.New()
	page.Find("[id]").Each(func(_ int, s *goquery.Selection) { taken.Reserve(s.AttrOr("id", "")) })
	root := ast.NewDocument()
	for _, t := range srcTables {
		root.AppendChild(root, tableAST(t))
	}
	matrix.Apply(root, r.Document(), md, taken.Unique)
	inserted := len(md.LegendTables) == 0 // a legend not in a table's place
	var pending bytes.Buffer              // it goes before the next table
	i := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		var b bytes.Buffer
		if err := c.md.Renderer().Render(&b, nil, n); err != nil {
			return err
		}
		if _, ok := n.(*matrix.Legend); ok && inserted {
			pending.Write(b.Bytes())
			continue
		}
		sel := tables.Eq(i)
		i++
		if n.Kind() == east.KindTable || sel.Find("table").Length() > 0 {
			// not a matrix, or one holding nested tables: as written
			if pending.Len() > 0 {
				sel.BeforeHtml(pending.String())
				pending.Reset()
			}
			continue
		}
		sel.ReplaceWithHtml(pending.String() + b.String())
		pending.Reset()
	}
	html, err := page.Find("body").Html()
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, html)
	return err
}

func tableAST(t *source.Table) *east.Table {
	columns := len(t.Header)
	for _, r := range t.Rows {
		columns = max(columns, len(r.Cells))
	}
	tbl := east.NewTable()
	tbl.Alignments = make([]east.Alignment, columns)
	header := east.NewTableRow(tbl.Alignments)
	for _, c := range t.Header {
		header.AppendChild(header, cellAST(c))
	}
	tbl.AppendChild(tbl, east.NewTableHeader(header))
	for _, r := range t.Rows {
		row := east.NewTableRow(tbl.Alignments)
		for _, c := range r.Cells {
			row.AppendChild(row, cellAST(c))
		}
		tbl.AppendChild(tbl, row)
	}
	for name, v := range map[string]string{"id": t.ID, "caption": t.Caption, "summary": t.Summary} {
		if v != "" {
			tbl.SetAttributeString(name, []byte(v))
		}
	}
	return tbl
}

func cellAST(c source.Cell) *east.TableCell {
	cell := east.NewTableCell()
	if len(c.Items) <= 1 {
		cell.AppendChild(cell, ast.NewString([]byte(c.Text)))
		return cell
	}
	for _, it := range c.Items {
		line := table.NewCellLine()
		line.AppendChild(line, ast.NewString([]byte(it)))
		cell.AppendChild(cell, line)
	}
	return cell
}
