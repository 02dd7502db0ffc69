package extension

import (
	"github.com/mdraci/mdraci/extension/heading"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// textAST builds the goldmark AST of a plain-text document, so that it
// renders with the same renderers, and so the same HTML, as Markdown.
func (c *Converter) textAST(doc *source.Document, src []byte) ast.Node {
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
	return root
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
