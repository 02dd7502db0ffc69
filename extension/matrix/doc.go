// Package matrix renders responsibility matrices from the responsibility
// model, so that the same information always gets the same HTML, whatever
// the source's shape: IBM's prose tables, OVHcloud's letter grids,
// cegedim.cloud's scraped rows, plain-text or HTML tables.
//
// The AST transformer (NewMatrixASTTransformer) builds the model of the
// parsed document (package model), then replaces each table the model
// reads as a matrix with a Matrix node, and the document's legend tables
// with one Legend node. MatrixHTMLRenderer writes them:
//
//   - one table structure and one set of class names for every matrix:
//     a <caption>, the activity as <th scope="row">, qualifier columns,
//     parties in a fixed order (providers, the customer, third parties)
//     with a class for their kind, the comment column;
//   - role letters as <abbr title="Responsible">R</abbr>, in legend order,
//     labelled from the document's own legend, one class per role;
//   - prose duties as lists; empty and placeholder cells visibly marked;
//   - an id on every row, from the model's row id;
//   - the legend once per page, linked from each letter matrix's caption.
//
// Cell content written in Markdown (links, code, emphasis) is kept: the
// renderer moves the source cells' inline nodes into the matrix, and only
// role letters are rewritten from the model.
//
// The markup contract, class by class, is in the README's "Matrix HTML"
// section; the Hugo theme's shortcodes produce the same markup.
package matrix
