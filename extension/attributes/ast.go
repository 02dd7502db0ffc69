package attributes

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindAttributeList is the NodeKind of a block attribute list line.
var KindAttributeList = ast.NewNodeKind("AttributeList")

// AttributeList is a block holding one or more attribute list lines: an IAL
// for a neighbouring block, or ALD definitions (a {:name: …} line, or a
// keyword whose value is a list of them). The transformer removes these
// nodes after applying them.
type AttributeList struct {
	ast.BaseBlock
	// Lines are the attribute lists on this line, in order.
	Items []Line
	// one holds Items when the line holds one list (most lines), so that
	// node and list are allocated together
	one [1]Line
}

// NewAttributeList returns a new AttributeList.
func NewAttributeList(items ...Line) *AttributeList {
	return &AttributeList{Items: items}
}

// Kind implements ast.Node.Kind.
func (n *AttributeList) Kind() ast.NodeKind { return KindAttributeList }

// IsRaw implements ast.Node.IsRaw: the line is not inline markup.
func (n *AttributeList) IsRaw() bool { return true }

// Dump implements ast.Node.Dump.
func (n *AttributeList) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Items": fmt.Sprint(n.Items)}, nil)
}

// IsDefinition reports whether the node only defines ALDs.
func (n *AttributeList) IsDefinition() bool {
	for _, it := range n.Items {
		if it.Name == "" {
			return false
		}
	}
	return true
}

// KindSpanAttributeList is the NodeKind of a span attribute list.
var KindSpanAttributeList = ast.NewNodeKind("SpanAttributeList")

// SpanAttributeList is an inline {: …} right after a span element. The
// transformer applies it to that element and removes it.
type SpanAttributeList struct {
	ast.BaseInline
	List List
	// Literal is the list as written, shown when it applies to nothing.
	Literal []byte
	// Offset is the byte offset of the list in the source.
	Offset int
	// Target is the node the transformer applied the list to (a link, an
	// emphasis, a Span…); nil when it applies to nothing and shows as text.
	Target ast.Node
}

// Kind implements ast.Node.Kind.
func (n *SpanAttributeList) Kind() ast.NodeKind { return KindSpanAttributeList }

// Dump implements ast.Node.Dump.
func (n *SpanAttributeList) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"List": fmt.Sprint(n.List)}, nil)
}

// KindSpan is the NodeKind of a bracketed span.
var KindSpan = ast.NewNodeKind("Span")

// Span is a bracketed span: text in brackets that is no link, followed by
// a span attribute list ("[New in 2022]{: .tag}", as IBM's marked-it reads
// it). Its children are the text between the brackets; it renders as a
// <span> with the list's attributes.
type Span struct {
	ast.BaseInline
	// Open and Close are the source offsets of the span's "[" and "]".
	Open, Close int
}

// NewSpan returns a new, empty Span whose brackets are at source offsets
// open and close.
func NewSpan(open, close int) *Span { return &Span{Open: open, Close: close} }

// Kind implements ast.Node.Kind.
func (n *Span) Kind() ast.NodeKind { return KindSpan }

// Dump implements ast.Node.Dump.
func (n *Span) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
