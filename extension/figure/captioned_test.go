package figure

import (
	"slices"
	"testing"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// FuzzCaptionedImages holds captionedImages, the transformer's shortcut,
// to walk, the general way: where it answers, it finds no captioned
// paragraph and exactly the captioned images walk finds, in the same
// order; it declines only when walk finds a captioned paragraph.
func FuzzCaptionedImages(f *testing.F) {
	for _, s := range []string{
		"![a](x.svg)\n{: caption=\"Figure 1\"}\n",
		"![a](x.svg){: caption=\"Figure 1\" caption-side=\"top\"}\n",
		"![a](x.svg){: caption=\"one\"}{: caption=\"two\"}\n",
		"text ![a](x.svg){: caption=\"c\"} and ![b](y.svg){: caption-side=\"top\"}\n\n![c](z.svg)\n",
		"| a | b |\n|---|---|\n| ![i](i.png){: caption=\"in a cell\"} | 2 |\n{: caption=\"Table 1\"}\n",
		"[![a](x.svg){: caption=\"in a link\"}](u)\n",
		"[New ![a](x.svg){: caption=\"c\"}]{: .tag}\n",
		"> ![a](x.svg)\n> {: caption=\"quoted\"}\n",
		"# Title\n{: caption=\"a heading\"}\n\n![](x.svg){: caption=\"no alt\"}\n",
		"{:cap: caption=\"def\"}\n\n![a](x.svg){: cap}\n\npara\n{: cap}\n",
		"- ![a](x.svg){: caption=\"in a list\"}\n- two\n",
		"no captions at all ![a](x.svg)\n",
	} {
		f.Add(s)
	}
	md := goldmark.New(goldmark.WithExtensions(attributes.New(), gext.Table))
	f.Fuzz(func(t *testing.T, src string) {
		pc := parser.NewContext()
		doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc)).(*ast.Document)
		paras, images, ok := captionedImages(doc, pc)
		allParas, all := walk(doc)
		if !ok {
			if len(allParas) == 0 {
				t.Fatalf("captionedImages declined, walk finds no captioned paragraph in %q", src)
			}
			return
		}
		if len(allParas) > 0 || len(paras) > 0 {
			t.Fatalf("captionedImages answered with %d paragraphs, walk finds %d captioned ones in %q", len(paras), len(allParas), src)
		}
		var want []*ast.Image
		for _, img := range all {
			if hasCaption(img) {
				want = append(want, img)
			}
		}
		if !slices.Equal(images, want) {
			t.Fatalf("captionedImages found %d images, walk %d captioned ones in %q", len(images), len(want), src)
		}
	})
}
