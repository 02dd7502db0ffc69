package keyword

import (
	"github.com/mdraci/mdraci/extension/internal/escape"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KeywordHTMLRenderer renders keyword nodes as escaped text.
type KeywordHTMLRenderer struct{}

// NewKeywordHTMLRenderer returns a new KeywordHTMLRenderer.
func NewKeywordHTMLRenderer() renderer.NodeRenderer {
	return &KeywordHTMLRenderer{}
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *KeywordHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindKeyword, r.renderKeyword)
}

func (r *KeywordHTMLRenderer) renderKeyword(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		escape.Text(w, node.(*Node).Shown())
	}
	return ast.WalkSkipChildren, nil
}
