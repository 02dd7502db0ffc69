package extension_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files (then read every diff before committing)")

// TestCases runs the goldmark case files in testdata/cases: input Markdown
// and the HTML it must give, for every construct the extension reads.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("../testdata/cases/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	// The parts' case files show their own rendering: tables as tables.
	// matrices*.txt shows responsibility tables rendered from the model.
	parts := extension.NewConverter(extension.WithMatrices(false)).Markdown()
	matrices := extension.NewConverter().Markdown()
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			md := parts
			if strings.HasPrefix(filepath.Base(f), "matrices") {
				md = matrices
			}
			testutil.DoTestCaseFile(md, f, t, testutil.ParseCliCaseArg()...)
		})
	}
}

// TestSeedsGolden converts the five seeds and compares the HTML with the
// golden files, read by hand when they were written.
func TestSeedsGolden(t *testing.T) {
	seeds, _ := filepath.Glob("../testdata/seeds/*")
	if len(seeds) != 5 {
		t.Fatalf("want 5 seeds, found %d", len(seeds))
	}
	c := extension.NewConverter()
	for _, s := range seeds {
		name := filepath.Base(s)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(s)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			res, err := c.Convert(name, src, &got)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Diagnostics {
				if d.Severity >= diag.Warning {
					t.Errorf("unexpected diagnostic: %s", d)
				}
			}
			golden := filepath.Join("../testdata/golden", strings.TrimSuffix(name, filepath.Ext(name))+".html")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update once, then read the file)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, testutil.DiffPretty(want, got.Bytes()))
			}
		})
	}
}

// TestDiagnostics checks that bad input is reported at the right place,
// with the text kept visible.
func TestDiagnostics(t *testing.T) {
	known := knownCodes(t)
	tests := []struct {
		name, src      string
		strict, unsafe bool
		want           []string // diagnostics, as printed
		visible        string   // text that must stay in the HTML
	}{
		{
			name:    "unknown keyword",
			src:     "# T\n\nHello {{site.data.keyword.nope}}.\n",
			want:    []string{`in.md:3:7: warning: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`},
			visible: "{{site.data.keyword.nope}}",
		},
		{
			name:    "unknown keyword, strict",
			src:     "Hello {{site.data.keyword.nope}}.\n",
			strict:  true,
			want:    []string{`in.md:1:7: error: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`},
			visible: "{{site.data.keyword.nope}}",
		},
		{
			name: "unknown keyword in an HTML block",
			src:  "<div>\n<p>Run {{site.data.keyword.nope}} and\n{{site.data.keyword.IBM_notm}} {{site.data.keyword.gone}}</p>\n</div>\n\n<!-- unseen: {{site.data.keyword.draft}} -->\n",
			want: []string{
				`in.md:2:8: warning: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`,
				`in.md:3:32: warning: unknown keyword "site.data.keyword.gone"; it is left as written [keyword-unknown]`,
			},
			visible: "Run {{site.data.keyword.nope}} and\nIBM {{site.data.keyword.gone}}",
		},
		{
			name: "unknown keyword in raw HTML after a tab, and after an empty comment",
			src:  "- a\n\n\t<div>{{site.data.keyword.nope}}</div>\n\n<p><!-->{{site.data.keyword.gone}} <!-- {{site.data.keyword.x}} --></p>\n",
			want: []string{
				`in.md:3:7: warning: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`,
				`in.md:5:9: warning: unknown keyword "site.data.keyword.gone"; it is left as written [keyword-unknown]`,
			},
		},
		{
			name: "unknown keyword in raw HTML after a comment opener in an attribute value",
			src:  "<p title=\"<!--\">{{site.data.keyword.nope}}</p>\n\n<p title = 'a -->'><!-- {{site.data.keyword.x}} --> {{site.data.keyword.gone}}</p>\n\n<div>\n<img src=a.png alt=Customer's>\n<!-- {{site.data.keyword.y}} -->\n<? don't ?><!-- {{site.data.keyword.z}} -->\n<!-- a --!> {{site.data.keyword.after}}\n</div>\n",
			want: []string{
				`in.md:1:17: warning: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`,
				`in.md:3:53: warning: unknown keyword "site.data.keyword.gone"; it is left as written [keyword-unknown]`,
				`in.md:9:13: warning: unknown keyword "site.data.keyword.after"; it is left as written [keyword-unknown]`,
			},
		},
		{
			name: "unknown keyword in raw HTML after a comment opener in a script or a textarea",
			src:  "<div>\n<script>var s = \"<!--\";</script>\n<p>{{site.data.keyword.nope}}</p>\n<TEXTAREA rows=2><!-- </textarea > {{site.data.keyword.gone}}\n<!-- {{site.data.keyword.x}} <script> -->\n<p>{{site.data.keyword.y}}</p>\n<scripts><!-- {{site.data.keyword.z}} --></scripts>\n</div>\n",
			want: []string{
				`in.md:3:4: warning: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`,
				`in.md:4:36: warning: unknown keyword "site.data.keyword.gone"; it is left as written [keyword-unknown]`,
				`in.md:6:4: warning: unknown keyword "site.data.keyword.y"; it is left as written [keyword-unknown]`,
			},
		},
		{
			name:    "a caption on a paragraph of text",
			src:     "Plain text.\n{: caption=\"Lost\"}\n",
			want:    []string{`in.md:1:1: warning: caption "Lost" applies to an image alone in its paragraph; this paragraph holds more, and it was dropped [attributes-not-allowed]`},
			visible: "Plain text.",
		},
		{
			name:    "hreflang, which goldmark does not write, is reported, not dropped silently",
			src:     "A [l](/x){: hreflang=\"fr\" target=\"_blank\"}.\n",
			want:    []string{`in.md:1:13: warning: attribute hreflang="fr" is not allowed on link and was dropped [attributes-not-allowed]`},
			visible: "l",
		},
		{
			name: "captions an image cannot take",
			src: "![s](s.png){: caption=\"Span\"}\n{: caption=\"Block\"}\n\n![e](e.png){: caption=\" \"}\n\n" +
				"Text ![t](t.png \"Own\"){: caption=\"Not this\"}.\n\nText.\n{: caption-side=\"top\"}\n",
			want: []string{
				`in.md:1:1: warning: the image's caption "Span" is given twice; the one after the paragraph is used [attributes-not-allowed]`,
				`in.md:4:1: warning: the image's caption is empty; it was dropped [attributes-not-allowed]`,
				`in.md:6:6: warning: caption "Not this" applies to an image alone in its paragraph; this image has a title of its own, and the caption was dropped [attributes-not-allowed]`,
				`in.md:8:1: warning: caption-side applies to an image alone in its paragraph; this paragraph holds more, and it was dropped [attributes-not-allowed]`,
			},
			visible: "Text.",
		},
		{
			name:    "unknown keyword in inline raw HTML, strict",
			src:     "Text <abbr title=\"{{site.data.keyword.nope}}\">X</abbr>.\n",
			strict:  true,
			want:    []string{`in.md:1:19: error: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`},
			visible: `title="{{site.data.keyword.nope}}"`,
		},
		{
			name:    "unknown keyword in raw HTML, unsafe",
			src:     "<p>{{site.data.keyword.nope}} {{site.data.keyword.IBM_notm}}</p>\n\nA <b title=\"{{site.data.keyword.gone}}\">b</b>\n",
			unsafe:  true,
			want:    []string{`in.md:1:4: warning: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]`, `in.md:3:13: warning: unknown keyword "site.data.keyword.gone"; it is left as written [keyword-unknown]`},
			visible: "<p>{{site.data.keyword.nope}} IBM</p>",
		},
		{
			name:    "unterminated keyword",
			src:     "a\n\nb {{site.data.keyword.x\n",
			want:    []string{`in.md:3:3: warning: keyword reference is not closed with "}}"; it is left as written [keyword-unterminated]`},
			visible: "{{site.data.keyword.x",
		},
		{
			name:    "unclosed attribute list",
			src:     "Text.\n{: .x\n",
			want:    []string{`in.md:2:1: warning: attribute list is not closed with "}"; it is left as text [attributes-unclosed]`},
			visible: "{: .x",
		},
		{
			name: "bad quote",
			src:  "Text.\n{: title=\"x}\n",
			want: []string{`in.md:2:10: warning: attribute list: attribute "title": the quoted value is not closed [attributes-syntax]`},
		},
		{
			name: "unknown ALD",
			src:  "Text.\n  {: nope}\n",
			want: []string{`in.md:2:6: warning: attribute list refers to "nope", which no attribute definition defines [attributes-unknown-reference]`},
		},
		{
			name:    "invalid UTF-8",
			src:     "ok\n\nbad \xff byte\n",
			want:    []string{`in.md:3:5: warning: invalid UTF-8 replaced by U+FFFD [input-utf8]`},
			visible: "bad \uFFFD byte",
		},
		{
			name:    "NUL byte",
			src:     "a\x00b\n",
			want:    []string{`in.md:1:2: warning: NUL byte replaced by U+FFFD [input-nul]`},
			visible: "a\uFFFDb",
		},
		{
			name:    "invalid front matter",
			src:     "---\ntitle: [x\n---\n\nBody.\n",
			want:    []string{`in.md:1:1: error: front matter is not valid YAML (yaml: line 1: did not find expected ',' or ']'); it is shown as text [front-matter]`},
			visible: "title: [x",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := extension.NewConverter(extension.WithStrict(tt.strict), extension.WithUnsafe(tt.unsafe))
			var out bytes.Buffer
			res, err := c.Convert("in.md", []byte(tt.src), &out)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range res.Diagnostics {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.want)
			}
			checkCodes(t, known, res.Diagnostics, tt.strict)
			if tt.visible != "" && !strings.Contains(out.String(), tt.visible) {
				t.Errorf("output lost %q:\n%s", tt.visible, out.String())
			}
		})
	}
}

// TestCommonMarkSpec runs goldmark's CommonMark spec examples with the
// extension on: the extension must not change how CommonMark is read.
// Raw HTML is passed through (WithUnsafe) as the spec expects, heading
// ids and anchors are removed before comparing, and the few examples that
// GFM's autolinks or footnotes read differently are listed in gfmChanges.
func TestCommonMarkSpec(t *testing.T) {
	b, err := os.ReadFile("../testdata/commonmark/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Markdown, HTML, Section string
		Example                 int
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	md := extension.NewConverter(extension.WithUnsafe(true), extension.WithHeadingAnchors(false)).Markdown()
	md.Renderer().AddOptions(html.WithXHTML()) // the spec's expected HTML is XHTML
	headingID := regexp.MustCompile(`<h([1-6]) id="[^"]*"`)
	failed := 0
	for _, c := range cases {
		if gfmChanges[c.Example] {
			continue
		}
		var out bytes.Buffer
		if err := md.Convert([]byte(c.Markdown), &out); err != nil {
			t.Fatalf("example %d: %v", c.Example, err)
		}
		got := headingID.ReplaceAllString(out.String(), "<h$1")
		if strings.TrimSpace(got) != strings.TrimSpace(c.HTML) {
			failed++
			t.Errorf("example %d (%s):\n--- markdown\n%s--- want\n%s--- got\n%s", c.Example, c.Section, c.Markdown, c.HTML, got)
		}
	}
	t.Logf("%d spec examples, %d read differently by GFM extensions, %d failed", len(cases), len(gfmChanges), failed)
}

// gfmChanges are spec examples that GFM's extended autolinks (linkify)
// read differently: bare URLs and e-mail addresses become links (608, 611,
// 612), and goldmark's linkify keeps the spaces before a hard line break
// (226, 635).
var gfmChanges = map[int]bool{226: true, 608: true, 611: true, 612: true, 635: true}
