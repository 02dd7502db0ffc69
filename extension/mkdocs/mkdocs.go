// Package mkdocs reads the containers of MkDocs Material pages, whose
// content is indented by four spaces under an opening line: Python-
// Markdown's admonitions ("!!! note \"Title\""), pymdownx's collapsible
// details ("??? info \"Change Management RACI\"", open with "???+") and
// content tabs ("=== \"Logging\""). Without it that content reads as an
// indented code block, and the responsibility tables in it are lost to
// the model.
//
// The HTML is MkDocs Material's for admonitions and details; a tab, which
// needs MkDocs's scripts and styles to switch, is a block headed by its
// title.
package mkdocs

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Container styles.
const (
	// StyleAdmonition is "!!!": a <div class="admonition TYPE">.
	StyleAdmonition = "admonition"
	// StyleDetails is "???" (closed) or "???+" (open): a <details>.
	StyleDetails = "details"
	// StyleTab is "===": a content tab.
	StyleTab = "tab"
)

// KindContainer is the NodeKind of Container.
var KindContainer = ast.NewNodeKind("MkDocsContainer")

// Container is an admonition, a details block or a content tab. Its
// children are the blocks of its content.
type Container struct {
	ast.BaseBlock
	// Style is StyleAdmonition, StyleDetails or StyleTab.
	Style string
	// Types are the admonition's or details' type and extra classes
	// ("note", "info inline"); none for a tab, nor for details with a
	// title alone (`??? "Summary"`).
	Types []string
	// Title is the title as written between quotes, else the type
	// capitalized ("Note") for an admonition or details; "" for none
	// (`!!! note ""`).
	Title string
	// Open is true for an open details block ("???+").
	Open bool
	// Offset is where its opening line starts in the source, past the
	// indentation of the blocks around it (a list item's): its content is
	// indented four columns past there. The marker ("!!!", "???", "===")
	// may follow up to three spaces.
	Offset int
	// End is where its content ends in the source: in the line after its
	// last (the blank lines before it included), or the end of the
	// source.
	End int
}

// Kind implements ast.Node.Kind.
func (n *Container) Kind() ast.NodeKind { return KindContainer }

// Dump implements ast.Node.Dump.
func (n *Container) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Style": n.Style, "Title": n.Title}, nil)
}

// opener matches a container's opening line: the marker, the types (not
// for a tab), the title in quotes (required for a tab).
var opener = regexp.MustCompile(`^(!!!|\?\?\?\+?|===[+!]?)[ \t]+([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)*)?[ \t]*(?:"([^"]*)")?[ \t]*$`)

type containerParser struct{}

// NewContainerParser returns the block parser of MkDocs containers.
func NewContainerParser() parser.BlockParser { return containerParser{} }

// Trigger implements parser.BlockParser.Trigger.
func (containerParser) Trigger() []byte { return []byte{'!', '?', '='} }

// MaxDepth is how deep containers nest: past it, a marker line is text.
// Each line of a container's content is read by every container around
// it, and is indented four columns per container: without a limit, the
// cost of a deep nest would grow faster than its size.
const MaxDepth = 32

// Open implements parser.BlockParser.Open.
func (containerParser) Open(parent ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	depth := 0
	for p := parent; p != nil; p = p.Parent() {
		if p.Kind() == KindContainer {
			depth++
		}
	}
	if depth >= MaxDepth {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	indent := 0 // up to three spaces, as before other blocks
	for indent < 3 && indent < len(line) && line[indent] == ' ' {
		indent++
	}
	m := opener.FindSubmatch(util.TrimRightSpace(line[indent:]))
	if m == nil {
		return nil, parser.NoChildren
	}
	marker, types, title := string(m[1]), strings.Fields(string(m[2])), m[3]
	n := &Container{Types: types}
	switch {
	case marker == "!!!":
		n.Style = StyleAdmonition
	case strings.HasPrefix(marker, "???"):
		n.Style, n.Open = StyleDetails, marker == "???+"
	default:
		n.Style = StyleTab
		if len(types) > 0 || title == nil {
			return nil, parser.NoChildren // a tab has a title and no type
		}
	}
	if n.Style == StyleAdmonition && len(types) == 0 || n.Style == StyleDetails && len(types) == 0 && title == nil {
		return nil, parser.NoChildren // an admonition has a type, details a type or a title
	}
	switch {
	case title != nil:
		n.Title = string(title)
	case n.Style != StyleTab:
		n.Title = strings.ToUpper(types[0][:1]) + types[0][1:]
	}
	n.Offset = seg.Start
	end := seg.Len() // the line, less its line break: at the end of the file it may have none
	if end > 0 && line[len(line)-1] == '\n' {
		end--
	}
	reader.Advance(end)
	return n, parser.HasChildren
}

// Continue implements parser.BlockParser.Continue: the content is the
// lines indented by four spaces (or more) and the blank lines among them.
func (containerParser) Continue(_ ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, seg := reader.PeekLine()
	// the first four columns only: each container of a deep nest reads
	// them, not the whole indentation (which would be quadratic)
	if !fourColumns(line, reader) {
		if util.IsBlank(line) { // fewer than four columns of white space: short
			return parser.Continue | parser.HasChildren
		}
		return parser.Close
	}
	if seg.Padding == 0 && len(line) >= 4 && line[0] == ' ' && line[1] == ' ' && line[2] == ' ' && line[3] == ' ' {
		reader.Advance(4) // most lines: four spaces
		return parser.Continue | parser.HasChildren
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

// fourColumns reports whether line, the reader's, starts with four
// columns of spaces and tabs. The reader's column, whose reckoning reads
// the line from its start, is looked up for a tab only.
func fourColumns(line []byte, reader text.Reader) bool {
	w := 0
	for _, c := range line {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 4 - (reader.LineOffset()+w)%4
		default:
			return false
		}
		if w >= 4 {
			return true
		}
	}
	return false
}

// Close implements parser.BlockParser.Close: it records where the
// container ends (Container.End).
func (containerParser) Close(node ast.Node, reader text.Reader, _ parser.Context) {
	_, pos := reader.Position()
	node.(*Container).End = pos.Start
}

// CanInterruptParagraph implements parser.BlockParser.CanInterruptParagraph:
// as in MkDocs, a container starts after a blank line.
func (containerParser) CanInterruptParagraph() bool { return false }

// CanAcceptIndentedLine implements parser.BlockParser.CanAcceptIndentedLine.
func (containerParser) CanAcceptIndentedLine() bool { return false }

// ContainerHTMLRenderer renders Container nodes.
type ContainerHTMLRenderer struct{}

// NewContainerHTMLRenderer returns a ContainerHTMLRenderer.
func NewContainerHTMLRenderer() renderer.NodeRenderer { return ContainerHTMLRenderer{} }

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r ContainerHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindContainer, r.render)
}

func (ContainerHTMLRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Container)
	_, _ = w.WriteString(Tags(n, entering))
	return ast.WalkContinue, nil
}

// Tags returns the HTML before a container's content (entering) or after
// it: MkDocs Material's for admonitions and details, a block headed by
// its title for a tab. The Hugo theme writes the same.
func Tags(n *Container, entering bool) string {
	classes := html.EscapeString(strings.Join(n.Types, " "))
	title := html.EscapeString(n.Title)
	switch n.Style {
	case StyleDetails:
		if !entering {
			return "</details>\n"
		}
		open := ""
		if n.Open {
			open = " open"
		}
		class := ""
		if classes != "" {
			class = ` class="` + classes + `"`
		}
		return "<details" + class + open + ">\n<summary>" + title + "</summary>\n"
	case StyleTab:
		if !entering {
			return "</div>\n"
		}
		return `<div class="tabbed-block">` + "\n" + `<p class="tabbed-title">` + title + "</p>\n"
	}
	if !entering {
		return "</div>\n"
	}
	s := `<div class="admonition ` + classes + `">` + "\n"
	if n.Title != "" {
		s += `<p class="admonition-title">` + title + "</p>\n"
	}
	return s
}

// Extender is the MkDocs containers goldmark extension.
type Extender struct{}

var _ goldmark.Extender = (*Extender)(nil)

// Extension is the MkDocs containers extension.
var Extension = &Extender{}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(
		// before the setext heading's (a line of "=" under a paragraph)
		util.Prioritized(NewContainerParser(), 90),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(NewContainerHTMLRenderer(), 500)))
}
