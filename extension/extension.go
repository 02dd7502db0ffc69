// Package extension is mdraci's goldmark extension: it reads the Markdown
// of shared-responsibility pages (IBM Cloud docs' kramdown dialect,
// OVHcloud's and cegedim.cloud's RACI pages) and renders consistent,
// accessible, safe HTML.
//
// The Extender bundles the parts, each also usable on its own:
//
//   - keyword: {{site.data.keyword.X}} references, resolved from YAML data;
//   - attributes: kramdown attribute lists {: #id .class key="v"} and ALDs;
//   - table: pipe tables in every shape these pages use, with captions,
//     summaries, scopes and row headers;
//   - heading: unique heading ids and self-links;
//   - matrix: responsibility tables rendered from the responsibility model
//     (package model), one markup for every source shape;
//   - front matter (goldmark-meta), GFM strikethrough, task lists, autolinks
//     and footnotes, and raw HTML passed through a sanitizer.
//
// Use it as any goldmark extension:
//
//	md := goldmark.New(goldmark.WithExtensions(extension.New()))
//
// or through a Converter, which also returns the front matter and the
// diagnostics, and reads plain-text tables:
//
//	c := extension.NewConverter()
//	res, err := c.Convert("page.md", src, w)
package extension

import (
	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/figure"
	"github.com/mdraci/mdraci/extension/heading"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/mdraci/mdraci/extension/mkdocs"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Config configures the extension.
type Config struct {
	// Keywords holds the values of {{site.data.…}} references. Defaults
	// to keyword.Default().
	Keywords *keyword.Data
	// Strict makes unresolved keywords errors. Defaults to false.
	Strict bool
	// Unsafe passes raw HTML and style attributes through unsanitized, for
	// trusted input. Defaults to false.
	Unsafe bool
	// HeadingAnchors adds a self-link to every heading. Defaults to true.
	HeadingAnchors bool
	// Matrices renders responsibility tables from the responsibility model
	// (package matrix). Defaults to true.
	Matrices bool
}

// NewConfig returns a Config with the defaults.
func NewConfig() *Config {
	return &Config{Keywords: keyword.Default(), HeadingAnchors: true, Matrices: true}
}

// Option configures the extension.
type Option func(*Config)

// WithKeywords sets the keyword values. Defaults to keyword.Default(); use
// keyword.Default() and Data.Load to add files to the defaults.
func WithKeywords(d *keyword.Data) Option {
	return func(c *Config) {
		if d != nil {
			c.Keywords = d
		}
	}
}

// WithStrict makes unresolved keywords errors. Defaults to off.
func WithStrict(strict bool) Option {
	return func(c *Config) { c.Strict = strict }
}

// WithUnsafe passes raw HTML and style attributes through unsanitized.
// Defaults to off: only for trusted input.
func WithUnsafe(unsafe bool) Option {
	return func(c *Config) { c.Unsafe = unsafe }
}

// WithHeadingAnchors turns the headings' self-links on or off. Defaults to
// on.
func WithHeadingAnchors(on bool) Option {
	return func(c *Config) { c.HeadingAnchors = on }
}

// WithMatrices turns rendering responsibility tables from the model on or
// off. Defaults to on; off, they keep the ordinary table rendering and the
// model is built only when asked for (Result.Model).
func WithMatrices(on bool) Option {
	return func(c *Config) { c.Matrices = on }
}

// Extender is mdraci's goldmark extension.
type Extender struct {
	Config *Config
}

var _ goldmark.Extender = (*Extender)(nil)

// Mdraci is the extension with the default settings.
var Mdraci = New()

// New returns the extension configured by opts.
func New(opts ...Option) *Extender {
	c := NewConfig()
	for _, o := range opts {
		o(c)
	}
	return &Extender{Config: c}
}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	c := e.Config
	m.Parser().AddOptions(parser.WithBlockParsers(
		// Before every other block parser: it only opens on line 1.
		util.Prioritized(newFrontMatterParser(), 0),
	))
	keyword.New(keyword.WithData(c.Keywords), keyword.WithStrict(c.Strict)).Extend(m)
	attributes.New(attributes.WithKeywords(c.Keywords), attributes.WithStrict(c.Strict), attributes.WithUnsafe(c.Unsafe)).Extend(m)
	table.New().Extend(m)
	figure.Extension.Extend(m)
	mkdocs.Extension.Extend(m)
	heading.New(heading.WithAnchors(c.HeadingAnchors)).Extend(m)
	gext.Strikethrough.Extend(m)
	gext.TaskList.Extend(m)
	gext.DefinitionList.Extend(m)
	linkify{}.Extend(m)
	gext.Footnote.Extend(m)
	matrix.New(matrix.WithRender(c.Matrices), matrix.WithKeywords(c.Keywords)).Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(
		// Right after goldmark-meta's transformer (0): see frontMatterTransformer.
		util.Prioritized(&frontMatterTransformer{}, 50),
	))
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(
		&rawHTMLTransformer{keywords: c.Keywords, strict: c.Strict, unsafe: c.Unsafe}, 400)))
	// Raw HTML reaches the output only through the sanitizing renderer
	// below, which replaces goldmark's (it omits raw HTML unless unsafe).
	m.Renderer().AddOptions(
		html.WithUnsafe(),
		renderer.WithNodeRenderers(util.Prioritized(NewSafeHTMLRenderer(c.Unsafe, c.Keywords), 100)),
	)
}
