package table

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extender is the table goldmark extension. Use it instead of goldmark's
// extension.Table (or extension.GFM's table part), not with it.
type Extender struct{}

var _ goldmark.Extender = (*Extender)(nil)

// Table is the table extension.
var Table = New()

// New returns the table extension.
func New() *Extender { return &Extender{} }

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(
			// After goldmark's link reference definitions (100), at the
			// place of its own table transformer (200).
			util.Prioritized(NewTableParagraphTransformer(), 200),
		),
		parser.WithASTTransformers(
			// After the attribute lists (100) and heading ids (200):
			// summary ids must not take an id a heading has.
			util.Prioritized(NewTableASTTransformer(), 300),
		),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(NewTableHTMLRenderer(), 500),
	))
}
