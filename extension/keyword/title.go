package keyword

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Titles
//
// A link's or an image's title ([x](url "T {{site.data.keyword.cloud}}"),
// or a link reference definition's) is not inline text: goldmark reads it
// whole, and the inline parser never sees the references in it. The
// TitleTransformer resolves them as attribute values are: values escaped,
// within the document's keyword budget (Spend), unknown ones reported
// where they are written and left as written.

// TitleTransformer resolves the keyword references in link and image
// titles.
type TitleTransformer struct {
	cfg *Config
}

// NewTitleTransformer returns an AST transformer that resolves the
// references in link and image titles from cfg.Data.
func NewTitleTransformer(cfg *Config) parser.ASTTransformer {
	return &TitleTransformer{cfg: cfg}
}

// Transform implements parser.ASTTransformer.Transform.
func (t *TitleTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	t.transform(doc, reader.Source(), pc)
}

// transform resolves the titles under doc, written in src, and returns
// the number of source bytes searched for them (the tests check it grows
// with the source, not with its square).
func (t *TitleTransformer) transform(doc ast.Node, src []byte, pc parser.Context) int {
	if !bytes.Contains(src, open) {
		return 0
	}
	f := &titleFinder{src: src}
	// a reference definition's title is shared by its links: reported once
	reported := map[int]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				continue // the most common node, with no children
			case *ast.Link:
				v.Title = t.resolve(pc, f, v, v.Title, v.Reference != nil, reported)
			case *ast.Image:
				v.Title = t.resolve(pc, f, v, v.Title, v.Reference != nil, reported)
			}
			if c.HasChildren() {
				visit(c)
			}
		}
	}
	visit(doc)
	return f.steps
}

// resolve returns title with its references resolved, each value escaped
// so that goldmark's renderer, which reads backslash escapes and character
// references in a title, shows it as it is. link is the link or image,
// ref whether it is a reference link (its title is the definition's).
func (t *TitleTransformer) resolve(pc parser.Context, f *titleFinder, link ast.Node, title []byte, ref bool, reported map[int]bool) []byte {
	if !bytes.Contains(title, open) {
		return title
	}
	src := f.src
	at := f.offset(link, title, ref)
	report := func(i int, err error) {
		if !reported[at+i] {
			reported[at+i] = true
			Report(pc, src, at+i, t.cfg.Strict, err)
		}
	}
	out := ExpandAt(string(title), func(path string, i int) (string, bool) {
		v, err := t.cfg.Data.Resolve(path)
		switch {
		case err == nil:
		case errors.Is(err, ErrUnknown) && t.cfg.Data.Has(path):
			// a reference inside the value is unknown: keep the value,
			// with that reference as written
			report(i, err)
		default:
			report(i, err)
			return "", false
		}
		if ok, first := Spend(pc, len(src), len(v)); !ok {
			if first {
				report(i, fmt.Errorf("%w: this document's keyword values add up to more than %d bytes from %s on",
					ErrTooLarge, Budget(len(src)), diag.Clip("site.data."+path, 200)))
			}
			return "", false
		}
		return titleEscaper.Replace(v), true
	})
	return []byte(out)
}

// titleEscaper escapes the characters goldmark reads in a title: a
// backslash escape or a character reference in a value is text.
var titleEscaper = strings.NewReplacer(`\`, `\\`, `&`, `\&`)

// titleFinder finds where titles are written in src.
type titleFinder struct {
	src []byte
	// steps counts the bytes searched
	steps int
	// refs holds what was found of the reference definitions' titles,
	// which many links may share
	refs map[string]*refSearch
}

// refSearch is what is known of where a reference title is: its first
// quoted copy after from is at at (-1: none), its first in the source is
// at first (-1: none, -2: not looked for).
type refSearch struct {
	from, at, first int
}

// offset returns the offset in src of title, the title of link (a link or
// an image): the first copy of it after an opening quote or parenthesis
// from where link is written on, else link's position. An inline link's
// title is written in the link: only the link's source is searched, up to
// where what follows it starts (a title that is not a slice of the
// source, such as one over lines in a blockquote, is not found there). A
// reference link's (ref) title is its definition's, which may be anywhere:
// from the link on, else from the start, each title's searches shared by
// its links.
func (f *titleFinder) offset(link ast.Node, title []byte, ref bool) int {
	near := max(0, min(link.Pos(), len(f.src)))
	if !ref {
		if i := f.quotedIndex(f.src[near:inlineEnd(link, near, len(f.src))], title); i >= 0 {
			return near + i
		}
		return near
	}
	if f.refs == nil {
		f.refs = map[string]*refSearch{}
	}
	r := f.refs[string(title)]
	if r == nil {
		r = &refSearch{from: -1, first: -2}
		f.refs[string(title)] = r
	}
	// the links come in the order they are written: a search from an
	// earlier from answers for near when it found no copy, or one after
	// near (a copy must start after near)
	if near < r.from || r.from < 0 || r.at >= 0 && r.at <= near {
		r.from, r.at = near, f.quotedIndex(f.src[near:], title)
		if r.at >= 0 {
			r.at += near
		}
	}
	if r.at >= 0 {
		return r.at
	}
	if r.first == -2 {
		r.first = f.quotedIndex(f.src, title)
	}
	if r.first >= 0 {
		return r.first
	}
	return near
}

// inlineEnd returns where the source of the inline node n, written from
// near on, ends at the latest: where the first node after it (or after
// its parent inline, and so on) with a known position starts, else where
// the lines of its block end, else size.
func inlineEnd(n ast.Node, near, size int) int {
	for x := n; x != nil; x = x.Parent() {
		if x.Type() == ast.TypeBlock {
			if l := x.Lines(); l != nil && l.Len() > 0 {
				if end := l.At(l.Len() - 1).Stop; end >= near && end <= size {
					return end
				}
			}
		}
		if x.Type() == ast.TypeDocument {
			break
		}
		// a few: nodes made by transformers have no position
		for s, k := x.NextSibling(), 0; s != nil && k < 8; s, k = s.NextSibling(), k+1 {
			if start := nodeStart(s); start >= 0 {
				if start >= near && start <= size {
					return start
				}
				break // out of order: look further up
			}
		}
	}
	return size
}

// nodeStart returns where n is written in the source, or -1.
func nodeStart(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	return n.Pos()
}

// quotedIndex returns the index in b of the first copy of title after a
// double quote, a single quote or an opening parenthesis, or -1.
func (f *titleFinder) quotedIndex(b, title []byte) int {
	for from := 0; from < len(b); {
		i := bytes.Index(b[from:], title)
		if i < 0 {
			f.steps += len(b) - from
			return -1
		}
		f.steps += i + len(title)
		i += from
		if i > 0 && (b[i-1] == '"' || b[i-1] == '\'' || b[i-1] == '(') {
			return i
		}
		from = i + 1
	}
	return -1
}
