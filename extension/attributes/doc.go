// Package attributes implements kramdown's attribute lists for goldmark:
// block inline attribute lists (IALs) such as {: #id .class key="value"} on
// the line after (or before) a heading, paragraph, table, list, code block
// or blockquote; span IALs right after a link, emphasis, code span or image;
// attribute list definitions (ALDs) {:name: .class key="v"} and references
// to them ({: shortdesc}, {:shortdesc}).
//
// IAL lines are read by a block parser that interrupts paragraphs, so an
// IAL under a table never becomes a table row, and an AST transformer
// attaches each list to its block, expands references, resolves keyword
// references in values and passes every attribute through an allowlist:
// id, class, lang, dir, title, data-*, and the table attributes mdraci's
// table renderer consumes (caption, caption-side, summary, row-headers);
// target and rel on links. Event handlers, style (unless allowed with
// WithUnsafe) and script URLs never pass; links, images and autolinks to
// script URLs lose their destination (URLRenderer, SafeURL).
//
//	md := goldmark.New(goldmark.WithExtensions(attributes.New()))
package attributes
