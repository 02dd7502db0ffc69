package attributes

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// brackets pairs, per parent node, the "[" and "]" of its text children:
// the source offset of each "]" that closes one, to that of its "[".
// Brackets inside other inline nodes (links, code spans, emphasis) are
// theirs; escaped ones are text. Each parent is read once, before its
// spans are made, so that finding every span of a paragraph costs its
// length, not its length squared.
type brackets map[ast.Node]map[int]int

// of returns the pairs of parent's text children, reading them first.
func (b brackets) of(parent ast.Node, src []byte) map[int]int {
	if m, ok := b[parent]; ok {
		return m
	}
	var m map[int]int
	var open []int // source offsets of the "[" not closed yet
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		t, isText := c.(*ast.Text)
		if !isText {
			continue
		}
		v := t.Segment.Value(src)
		for k := 0; k < len(v); k++ {
			if v[k] != '[' && v[k] != ']' || escapedAt(v, k) {
				continue
			}
			switch {
			case v[k] == '[':
				open = append(open, t.Segment.Start+k)
			case len(open) > 0:
				if m == nil {
					m = map[int]int{}
				}
				m[t.Segment.Start+k] = open[len(open)-1]
				open = open[:len(open)-1]
			}
		}
	}
	b[parent] = m
	return m
}

// bracketedSpan makes the text in brackets that ends right before s, a span
// attribute list, a Span ("[New in 2022]{: .tag}"): the brackets are text
// when they make no link. It returns nil when s follows no "]" closing a
// "[" among its earlier siblings (pairs, see brackets).
func bracketedSpan(s *SpanAttributeList, src []byte, pairs brackets) *Span {
	closing, ok := s.PreviousSibling().(*ast.Text)
	if !ok {
		return nil
	}
	cv := closing.Segment.Value(src)
	j := len(cv) - 1
	if j < 0 || cv[j] != ']' || escapedAt(cv, j) || closing.SoftLineBreak() || closing.HardLineBreak() {
		return nil
	}
	at, ok := pairs.of(s.Parent(), src)[closing.Segment.Start+j]
	if !ok {
		return nil
	}
	// the text holding the "[": spans made since may stand between
	var opening *ast.Text
	for n := ast.Node(closing); n != nil; n = n.PreviousSibling() {
		if t, isText := n.(*ast.Text); isText && t.Segment.Start <= at && at < t.Segment.Stop {
			opening = t
			break
		}
	}
	if opening == nil {
		return nil
	}
	i := at - opening.Segment.Start
	parent := s.Parent()
	seg := opening.Segment
	span := NewSpan(seg.Start+i, closing.Segment.Start+j)
	if opening == closing {
		if i+1 < j {
			span.AppendChild(span, ast.NewTextSegment(text.NewSegment(seg.Start+i+1, seg.Start+j)))
		}
	} else {
		// the text after "[" keeps the opening node's line break; the
		// nodes between go in; the text before "]" ends the span
		if seg.Start+i+1 < seg.Stop || opening.SoftLineBreak() || opening.HardLineBreak() {
			after := ast.NewTextSegment(seg.WithStart(seg.Start + i + 1))
			after.SetSoftLineBreak(opening.SoftLineBreak())
			after.SetHardLineBreak(opening.HardLineBreak())
			span.AppendChild(span, after)
		}
		for n := opening.NextSibling(); n != nil && n != ast.Node(closing); {
			next := n.NextSibling()
			span.AppendChild(span, n) // moves n out of parent
			n = next
		}
		if j > 0 {
			cs := closing.Segment
			span.AppendChild(span, ast.NewTextSegment(cs.WithStop(cs.Start+j)))
		}
		parent.RemoveChild(parent, closing)
		opening.SetSoftLineBreak(false)
		opening.SetHardLineBreak(false)
	}
	// the text before "[" stays
	opening.Segment = seg.WithStop(seg.Start + i)
	if opening.Segment.IsEmpty() {
		parent.ReplaceChild(parent, opening, span)
	} else {
		parent.InsertAfter(parent, opening, span)
	}
	return span
}

// escapedAt reports whether the byte at i of v follows an odd run of
// backslashes: it is escaped.
func escapedAt(v []byte, i int) bool {
	n := 0
	for k := i - 1; k >= 0 && v[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}

// SpanHTMLRenderer renders Span nodes as <span> elements with their
// attributes (set by the attribute list, so allowlisted).
type SpanHTMLRenderer struct {
	html.Config
}

// NewSpanHTMLRenderer returns a new SpanHTMLRenderer configured by opts
// (goldmark's HTML options).
func NewSpanHTMLRenderer(opts ...html.Option) renderer.NodeRenderer {
	r := &SpanHTMLRenderer{Config: html.NewConfig()}
	for _, o := range opts {
		o.SetHTMLOption(&r.Config)
	}
	return r
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *SpanHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSpan, r.renderSpan)
}

func (r *SpanHTMLRenderer) renderSpan(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</span>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<span")
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, nil)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
