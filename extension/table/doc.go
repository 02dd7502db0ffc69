// Package table reads and renders the pipe tables of responsibility pages.
//
// It replaces goldmark's GFM table extension with one that also reads the
// shapes these pages are written in, and renders accessible HTML:
//
//   - GFM pipe tables, with or without leading and trailing pipes;
//   - several tables in one paragraph, each starting at a header row and
//     its delimiter row (scraped pages put tables back to back);
//   - rows broken over two lines: a row whose last cell ends the line and a
//     next line that is just "|", or a line with no pipe followed by a line
//     starting with "|";
//   - a line with no pipe ends the table, as in kramdown (GFM would make it
//     a one-cell row): notes and prose after a table stay prose;
//   - rows longer than the header keep their extra cells (GFM drops them);
//   - IBM's " \n " inside a cell: pieces that are "- ", "* ", "+ " or "1. "
//     items become a list, other pieces are separated by line breaks.
//
// The renderer writes <caption> from a caption attribute, caption-side as a
// class, summary as a description linked by aria-describedby, scope on
// header cells, and <th scope="row"> for first cells when the table has the
// row-headers attribute or class (kramdown attribute lists, see package
// attributes, set these).
//
//	md := goldmark.New(goldmark.WithExtensions(table.New()))
package table
