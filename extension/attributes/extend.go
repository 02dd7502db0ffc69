package attributes

import (
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Config configures attribute lists.
type Config struct {
	// Keywords resolves {{site.data.…}} references in attribute values and
	// keyword lines that hold attribute definitions. Defaults to
	// keyword.Default(); nil turns keyword resolution off.
	Keywords *keyword.Data
	// Strict makes unresolved keywords in values errors. Defaults to false.
	Strict bool
	// Unsafe lets the style attribute through, and links and images to
	// script URLs (javascript:, data: …; see SafeURL). Defaults to false.
	Unsafe bool
}

// NewConfig returns a Config with the defaults.
func NewConfig() *Config {
	return &Config{Keywords: keyword.Default()}
}

// Option configures the attribute list extension.
type Option func(*Config)

// WithKeywords sets the keyword data used in attribute values. Defaults to
// keyword.Default().
func WithKeywords(d *keyword.Data) Option {
	return func(c *Config) { c.Keywords = d }
}

// WithStrict makes unresolved keywords in values errors. Defaults to off.
func WithStrict(strict bool) Option {
	return func(c *Config) { c.Strict = strict }
}

// WithUnsafe lets the style attribute and links to script URLs through.
// Defaults to off.
func WithUnsafe(unsafe bool) Option {
	return func(c *Config) { c.Unsafe = unsafe }
}

// Apply applies opts to c.
func (c *Config) Apply(opts ...Option) *Config {
	for _, o := range opts {
		o(c)
	}
	return c
}

// Extender is the attribute list goldmark extension.
type Extender struct {
	Config *Config
}

var _ goldmark.Extender = (*Extender)(nil)

// Attributes is the attribute list extension with default settings.
var Attributes = New()

// New returns the attribute list extension configured by opts.
func New(opts ...Option) *Extender {
	return &Extender{Config: NewConfig().Apply(opts...)}
}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(
			// Before goldmark's paragraph parser (1000) and after its
			// heading, list and fence parsers (100–700), which use other
			// triggers; no goldmark block parser triggers on '{'.
			util.Prioritized(NewAttributeListParser(e.Config), 150),
		),
		parser.WithInlineParsers(
			// '{' has no goldmark inline parser; keyword's "{{" parser
			// (90) runs first and declines "{:".
			util.Prioritized(NewSpanAttributeListParser(), 95),
		),
		parser.WithASTTransformers(
			// First of mdraci's transformers: tables and heading ids read
			// the attributes it sets.
			util.Prioritized(NewAttributeListTransformer(e.Config), 100),
		),
	)
	// bracketed spans ("[New]{: .tag}") as <span>s
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(NewSpanHTMLRenderer(), 500)))
	if !e.Config.Unsafe {
		// Before goldmark's HTML renderer (1000): links, images and
		// autolinks to script URLs lose their destination.
		m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(NewURLRenderer(), 200)))
	}
}
