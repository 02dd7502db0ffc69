package keyword

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Config configures keyword resolution.
type Config struct {
	// Data holds the values. Defaults to Default().
	Data *Data
	// Strict makes unresolved references errors instead of warnings.
	// Defaults to false.
	Strict bool
}

// NewConfig returns a Config with the defaults.
func NewConfig() *Config {
	return &Config{Data: Default()}
}

// Option configures the keyword extension.
type Option func(*Config)

// WithData sets the keyword values. Defaults to Default().
func WithData(d *Data) Option {
	return func(c *Config) {
		if d != nil {
			c.Data = d
		}
	}
}

// WithStrict makes unresolved references errors. Defaults to off.
func WithStrict(strict bool) Option {
	return func(c *Config) { c.Strict = strict }
}

// Apply applies opts to c.
func (c *Config) Apply(opts ...Option) *Config {
	for _, o := range opts {
		o(c)
	}
	return c
}

// Extender is the keyword goldmark extension.
type Extender struct {
	Config *Config
}

var _ goldmark.Extender = (*Extender)(nil)

// Keyword is the keyword extension with the embedded default values.
var Keyword = New()

// New returns the keyword extension configured by opts.
func New(opts ...Option) *Extender {
	return &Extender{Config: NewConfig().Apply(opts...)}
}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// Before goldmark's own inline parsers (links at 200, code spans
		// at 100 use other triggers); '{' has no other parser in goldmark.
		util.Prioritized(NewKeywordParser(e.Config), 90),
	), parser.WithASTTransformers(
		// Titles hold no node the others read: any place will do.
		util.Prioritized(NewTitleTransformer(e.Config), 300),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(NewKeywordHTMLRenderer(), 500),
		// After goldmark's own (1000), before attributes.URLRenderer
		// (200), which renders images through AltImage too.
		util.Prioritized(NewImageHTMLRenderer(), 500),
	))
}
