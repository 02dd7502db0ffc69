package extension

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/lower"
	"github.com/mdraci/mdraci/extension/internal/plain"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Format is an input format.
type Format string

const (
	// Markdown is IBM-Cloud-docs-flavoured Markdown (kramdown dialect,
	// GFM tables).
	Markdown Format = "markdown"
	// Text is plain text copied from a web page: tables flattened one cell
	// per line.
	Text Format = "text"
	// HTML is a saved web page or an HTML fragment.
	HTML Format = "html"
)

// ParseFormat returns the Format named s ("markdown"/"md", "text"/"txt",
// "html"), or an error.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "markdown", "md":
		return Markdown, nil
	case "text", "txt":
		return Text, nil
	case "html", "htm":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown input format %q (want markdown, text or html)", s)
}

// markdownSigns are lines that only Markdown has: front matter, ATX
// headings, table delimiter rows, attribute lists, fences, links.
var markdownSigns = regexp.MustCompile(`(?m)^(---\s*$|#{1,6} |\|?\s*:?-{3,}:?\s*\||\{:|` + "```" + `|\s*[-*+] \S.*\]\()`)

// markdownInline matches what only Markdown writes inside a line: an
// inline link or image with its destination ([text](url), no blank in
// the url), a span attribute list after one, strong emphasis, a code span.
var markdownInline = regexp.MustCompile(`\]\([^\s()]+(\s+"[^"\n]*")?\)|\)\{:|\*\*[^*\s][^*\n]*\*\*|` + "`[^`\n]+`")

// keywordRef matches a {{site.data.…}} reference: only Markdown has them.
var keywordRef = regexp.MustCompile(`\{\{\s*site\.data\.`)

// DetectFormat tells the format of a file from its name and, for .txt
// files and names without an extension, its content: text that looks like
// Markdown is Markdown. A leading byte order mark is not content.
func DetectFormat(name string, src []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	head := bytes.TrimPrefix(src, bom)
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if markdownSigns.Match(head) || keywordRef.Match(head) || markdownInline.Match(head) {
		return Markdown
	}
	trimmed := bytes.TrimSpace(head)
	if bytes.HasPrefix(trimmed, []byte("<")) && lower.Index(trimmed, "<table") >= 0 {
		return HTML
	}
	return Text
}

// Result is a parsed document.
type Result struct {
	// File is the name diagnostics carry.
	File string
	// Format is the format the input was read as.
	Format Format
	// Source is the input as parsed: a leading byte order mark removed,
	// invalid UTF-8 and NUL bytes replaced (see clean). Positions are of
	// this text: line 1, column 1 is the first character after the mark;
	// columns count the bytes of the file, a U+FFFD one byte.
	Source []byte
	// Doc is the goldmark AST (nil for HTML input).
	Doc ast.Node
	// Meta is the front matter, nil when there is none.
	Meta map[string]any
	// Diagnostics are the problems found, sorted by position.
	Diagnostics []diag.Diagnostic

	keywords *keyword.Data    // resolves references in raw HTML tables
	doc      *source.Document // the source layer
	model    *model.Document  // the responsibility model
	linted   bool             // model.Diagnostics holds the lint findings
	lines    *diag.Lines      // Source's line index when clean replaced bytes, else nil
}

// Model returns the document's responsibility model, linted: the one the
// matrix transformer built while parsing, else one built now from
// Document().
func (r *Result) Model() *model.Document {
	switch {
	case r.model == nil:
		r.model = model.Build(r.Document())
		r.model.File = r.File
	case !r.linted:
		// the transformer's model: linted on first demand
		r.model.Diagnostics = r.model.Lint(model.LintConfig{})
	}
	if !r.linted {
		for i := range r.model.Diagnostics {
			r.model.Diagnostics[i].File = r.File
		}
		r.linted = true
	}
	return r.model
}

// Lines returns the line index of Source, whose columns count the bytes of
// the file, as diagnostics do.
func (r *Result) Lines() *diag.Lines {
	if r.lines != nil {
		return r.lines
	}
	return diag.NewLines(r.Source)
}

// Document returns the document read into the neutral source layer
// (headings, paragraphs, tables with positions), from which the
// responsibility model is built.
func (r *Result) Document() *source.Document {
	if r.doc == nil && r.Doc != nil {
		opts := []source.Option{source.WithKeywords(r.keywords)}
		if r.lines != nil {
			opts = append(opts, source.WithLines(r.lines))
		}
		r.doc = source.FromMarkdown(r.File, r.Doc, r.Source, r.Meta, opts...)
	}
	if r.doc == nil {
		r.doc = &source.Document{File: r.File, Format: string(r.Format)}
	}
	return r.doc
}

// Converter converts documents of every Format to HTML with one
// configuration. It is safe for concurrent use.
type Converter struct {
	cfg *Config
	md  goldmark.Markdown
}

// NewConverter returns a Converter configured by opts.
func NewConverter(opts ...Option) *Converter {
	e := New(opts...)
	return &Converter{cfg: e.Config, md: goldmark.New(goldmark.WithExtensions(e))}
}

// Markdown returns the goldmark instance the Converter uses.
func (c *Converter) Markdown() goldmark.Markdown { return c.md }

// Convert parses src, in the format DetectFormat tells from file and src,
// and writes its HTML to w.
func (c *Converter) Convert(file string, src []byte, w io.Writer) (*Result, error) {
	r := c.Parse(file, src, DetectFormat(file, src))
	return r, c.Render(w, r)
}

// Parse parses src as format. It never fails: problems are diagnostics.
func (c *Converter) Parse(file string, src []byte, format Format) *Result {
	r := &Result{File: file, Format: format, keywords: c.cfg.Keywords}
	src, r.lines, r.Diagnostics = clean(src)
	r.Source = src
	switch format {
	case Text:
		doc, ds := source.FromText(file, src)
		r.Diagnostics = append(r.Diagnostics, ds...)
		r.Meta = doc.Meta
		r.doc = doc
		r.Doc = c.textAST(r, src)
	case HTML:
		doc, ds := source.FromHTMLLines(file, src, r.lines)
		r.Diagnostics = append(r.Diagnostics, ds...)
		r.doc = doc
	default:
		pc := parser.NewContext()
		if r.lines != nil {
			diag.SetLines(pc, r.lines) // for Report's columns, and the model's
		}
		r.Doc = c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
		if doc, md := matrix.Get(pc); doc != nil {
			// the transformer read the front matter already
			doc.File, md.File = file, file
			r.doc, r.model, r.Meta = doc, md, doc.Meta
		} else if m, err := meta.TryGet(pc); err == nil && m != nil {
			r.Meta = source.PlainMeta(m)
		}
		r.Diagnostics = append(r.Diagnostics, diag.Get(pc)...)
	}
	for i := range r.Diagnostics {
		r.Diagnostics[i].File = file
	}
	diag.Sort(r.Diagnostics)
	return r
}

// Render writes r's HTML to w.
func (c *Converter) Render(w io.Writer, r *Result) error {
	if r.Format == HTML {
		return c.renderHTML(w, r)
	}
	return c.md.Renderer().Render(w, r.Source, r.Doc)
}

// bom is the UTF-8 byte order mark (U+FEFF) that editors on Windows write
// at the start of a file.
var bom = []byte("\uFEFF")

// clean returns src with a leading byte order mark removed and invalid
// UTF-8 and NUL bytes replaced by U+FFFD, and a diagnostic for the first of
// each replacement. The mark is not content: editors do not show it, so
// positions count from the character after it (line 1, column 1), as they
// do in the text returned; only the first U+FEFF is a mark, any other is
// text (a zero width no-break space) and kept.
//
// Columns count the bytes of the file, and a U+FFFD is three bytes for one
// of the file: when it replaced any, clean returns the line index of the
// text returned with them marked (diag.Lines.Widen), which gives the file's
// columns; else nil, the text's offsets being the file's.
func clean(src []byte) ([]byte, *diag.Lines, []diag.Diagnostic) {
	src = bytes.TrimPrefix(src, bom)
	nul := bytes.IndexByte(src, 0)
	if utf8.Valid(src) && nul < 0 {
		return src, nil, nil
	}
	var ds []diag.Diagnostic
	lines := diag.NewLines(src)
	if nul >= 0 {
		line, col := lines.Position(nul)
		ds = append(ds, diag.Diagnostic{Code: "input-nul", Severity: diag.Warning, Line: line, Col: col,
			Message: "NUL byte replaced by U+FFFD"})
	}
	out := make([]byte, 0, len(src)+16)
	var wide []int // the offsets in out of the U+FFFDs
	reported := false
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if !reported {
				line, col := lines.Position(i)
				ds = append(ds, diag.Diagnostic{Code: "input-utf8", Severity: diag.Warning, Line: line, Col: col,
					Message: "invalid UTF-8 replaced by U+FFFD"})
				reported = true
			}
			wide = append(wide, len(out))
			out = append(out, "\uFFFD"...)
		case r == 0:
			wide = append(wide, len(out))
			out = append(out, "\uFFFD"...)
		default:
			out = append(out, src[i:i+size]...)
		}
		i += size
	}
	return out, diag.NewLines(out).Widen(wide, len("\uFFFD")-1), ds
}

// FirstHeading returns the plain text of r's first level-1 heading, else
// of its first heading, else "".
func FirstHeading(r *Result) string {
	if r.Doc == nil {
		return ""
	}
	var first, h1 string
	_ = ast.Walk(r.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		t := plain.Text(h, r.Source)
		if first == "" {
			first = t
		}
		if h.Level == 1 && h1 == "" {
			h1 = t
			return ast.WalkStop, nil
		}
		return ast.WalkSkipChildren, nil
	})
	if h1 != "" {
		return h1
	}
	return first
}
