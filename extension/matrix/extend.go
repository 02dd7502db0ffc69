package matrix

import (
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Config configures the matrix part.
type Config struct {
	// Render puts Matrix and Legend nodes in place of the tables; when
	// false the tables keep their ordinary rendering and no model is
	// built while parsing (Get returns nils). Defaults to true.
	Render bool
	// Model holds the options the model is built with.
	Model []model.Option
	// Keywords resolves the keyword references in raw HTML tables, which
	// the AST holds as written (see source.WithKeywords); nil leaves them
	// so.
	Keywords *keyword.Data
}

// Option configures the matrix part.
type Option func(*Config)

// WithRender turns rendering matrices from the model on or off. Defaults
// to on.
func WithRender(on bool) Option {
	return func(c *Config) { c.Render = on }
}

// WithModelOptions sets the options the model is built with, such as
// model.WithParties.
func WithModelOptions(opts ...model.Option) Option {
	return func(c *Config) { c.Model = append(c.Model, opts...) }
}

// WithKeywords sets the keyword data the model reads raw HTML tables
// with: the same the HTML output resolves them with.
func WithKeywords(data *keyword.Data) Option {
	return func(c *Config) { c.Keywords = data }
}

func newConfig(opts []Option) *Config {
	c := &Config{Render: true}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Extender adds the matrix transformer and renderer to a goldmark
// Markdown. It reads the tables of the table part (package table), so use
// it together with that part, as the bundled extension does.
type Extender struct {
	opts []Option
}

// New returns the matrix part configured by opts.
func New(opts ...Option) *Extender { return &Extender{opts: opts} }

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		// After every other transformer, footnotes' (999) included.
		util.Prioritized(NewMatrixASTTransformer(e.opts...), 1000),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(NewMatrixHTMLRenderer(), 500),
	))
}
