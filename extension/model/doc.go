// Package model is mdraci's canonical responsibility model: who does what,
// the cloud provider or its customer (or a third party), for each activity of
// a shared-responsibility document.
//
// Build turns a neutral source.Document (headings, paragraphs and tables as
// read from Markdown, plain text or HTML) into a Document: the parties, the
// role legend, the responsibility matrices with their rows and per-party
// assignments, footnotes and diagnostics. Lint checks the model (no
// Accountable party, undefined letters, placeholders, ragged rows, duplicate
// anchors …) and Validate checks its JSON against the embedded JSON Schema.
//
// Tables are classified by their header and cells:
//
//   - RACI matrices hold role letters in party columns, in any spelling
//     ("RA", "A / R", "R, A", "**RA**", "RA*", "Responsible"); letters are
//     read against the document's legend (a legend table, legend lines or a
//     definition list) or plain RACI when there is none.
//   - Prose matrices hold duties ("IBM responsibilities | Your
//     responsibilities"); each list item of a cell is one duty.
//   - Check matrices hold marks (✓, ✔, X, Yes) in party columns; a mark
//     means the party is Responsible (role "R").
//   - Grid matrices have categories as columns and cells naming the party
//     ("IBM", "Customer", "Shared", "Microsoft and Red Hat", "Workload
//     provider"); the cells are kept per category in Row.Categories, and
//     each named party gets role R in Row.Assignments with the category
//     headers as duties. A column whose header is a role ("Responsible",
//     "Who is accountable (A)") gives the parties its cells name that role
//     instead (Column.Letter).
//   - Tables with the parties down the first column are transposed so that
//     parties become columns (Matrix.Transposed, diagnostic TBL009).
//
// A row naming the group of rows below it ("| **Compute** | | |", a row of
// one cell, an HTML cell spanning the table) is a heading (Row.Heading):
// it assigns nothing and lint skips it; the rows below it name it in
// Row.Group.
//
// Legend tables, "Plan | Description" tables and ordinary data tables are not
// matrices. No cell of a matrix is dropped: cells of unknown columns and
// cells beyond the header go to Row.Extra.
package model
