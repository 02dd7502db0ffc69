package attributes_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// convertFull converts src with mdraci's whole converter (heading ids,
// tables, responsibility matrices, the model) and returns the HTML, the
// diagnostics as "line:col code" and the result.
func convertFull(t *testing.T, src string) (string, []string, *extension.Result) {
	t.Helper()
	var out bytes.Buffer
	res, err := extension.NewConverter().Convert("doc.md", []byte(src), &out)
	require.NoError(t, err)
	var ds []string
	for _, d := range res.Diagnostics {
		ds = append(ds, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
	}
	return out.String(), ds, res
}

// TestAttributeNameCase checks that attribute names are read whatever
// their case, as HTML reads them: ID="x" is the id, CLASS adds classes,
// Title is the title; a name the allowlist refuses is refused in any case,
// with a diagnostic. An attribute is never dropped silently.
func TestAttributeNameCase(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // in the HTML
		not       []string // not in the HTML
		diags     []string // exactly these diagnostics
	}{
		{
			name: "paragraph",
			src:  "Paragraph one\n{: Title=\"x\" ID=\"p1\" CLASS=\"note\" Lang=\"fr\"}\n",
			want: []string{`<p title="x" id="p1" class="note" lang="fr">Paragraph one</p>`},
		},
		{
			name: "CLASS merges with .class",
			src:  "P\n{: .a CLASS=\"b a\" .c}\n",
			want: []string{`<p class="a c b">P</p>`},
		},
		{
			name: "class merges with .class in another list",
			src:  "P\n{: class=\"b\"}\n{: .a Class='c'}\n",
			want: []string{`<p class="a b c">P</p>`},
		},
		{
			name: "a later ID wins over #id, as id= does",
			src:  "P\n{: #x ID=\"y\"}\n",
			want: []string{`<p id="y">P</p>`},
		},
		{
			name: "the same name in two cases: the later wins",
			src:  "P\n{: title=\"a\" TITLE=\"b\"}\n",
			want: []string{`<p title="b">P</p>`},
		},
		{
			name: "heading id",
			src:  "## Change management\n{: ID=\"change\"}\n\nSee [it](#change).\n",
			want: []string{`<h2 id="change">Change management <a class="heading-anchor" href="#change"`},
			not:  []string{`change-management`},
		},
		{
			name: "table id and caption",
			src:  "| A | B |\n|---|---|\n| 1 | 2 |\n{: ID=\"t1\" CAPTION=\"Cap\" Caption-Side=\"bottom\"}\n",
			want: []string{`<table id="t1" class="caption-bottom">`, "<caption>Cap</caption>"},
		},
		{
			name: "link target gets rel",
			src:  "[l](http://x){: TARGET=\"_blank\"}\n",
			want: []string{`<a href="http://x" target="_blank" rel="noopener noreferrer">l</a>`},
		},
		{
			name: "span list",
			src:  "A *b*{: ID=\"e\" DATA-X=\"1\"} c\n",
			want: []string{`<em id="e" data-x="1">b</em>`},
		},
		{
			name: "list values checked",
			src:  "1. a\n{: START=\"3\" TYPE=\"z\"}\n",
			want: []string{`<ol start="3">`},
			not:  []string{"type=", "TYPE="},
			// TYPE="z" is not a list type: the diagnostic points at TYPE
			diags: []string{"2:14 attributes-not-allowed"},
		},
		{
			name: "refused in any case, with a diagnostic",
			src:  "P\n{: ONCLICK=\"x\" Style=\"color:red\" DATA-URL=\"JavaScript:alert(1)\" Id=\"javascript:x\"}\n",
			want: []string{"<p>P</p>"},
			not:  []string{"onclick", "ONCLICK", "style", "Style", "javascript", "JavaScript"},
			diags: []string{
				"2:4 attributes-not-allowed", "2:16 attributes-not-allowed",
				"2:34 attributes-not-allowed", "2:65 attributes-not-allowed",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, ds, _ := convertFull(t, tt.src)
			for _, w := range tt.want {
				assert.Contains(t, html, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, html, n)
			}
			assert.Equal(t, tt.diags, ds)
		})
	}
}

// TestAttributeNameCaseSameAsLower checks that documents give the same
// HTML, diagnostics and model with their attribute names in upper or mixed
// case as in lower case.
func TestAttributeNameCaseSameAsLower(t *testing.T) {
	docs := []string{
		"## Backups\n{: id=\"backups\"}\n\n" +
			"| Task | Your responsibilities | IBM responsibilities |\n| --- | --- | --- |\n" +
			"| Backups | Keep a copy. | Run them. |\n" +
			"{: id=\"backup-table\" caption=\"Table 1: Backups\" caption-side=\"bottom\"}\n" +
			"{: summary=\"Tasks in the first column.\"}\n",
		"Text\n{: title=\"t\" lang=\"fr\" dir=\"rtl\" data-x=\"y\" onclick=\"z\" dir=\"up\"}\n",
		"{:def: title=\"from a definition\" data-k=\"v\"}\n\nP\n{: def id=\"p\"}\n",
		// a figure, with "caption" in lower case elsewhere in the source:
		// see TestFigureCaptionNameCase
		"![img](a.png)\n{: caption=\"Steps\" caption-side=\"top\" id=\"fig\"}\n\nThe caption.\n",
		"[a](b){: target=\"top\" rel=\"external\" title=\"T\"} [x]{: id=\"s\" lang=\"de\"}\n",
		"3. a\n4. b\n{: start=\"3\" reversed=\"\" type=\"i\"}\n",
	}
	cases := map[string]func(string) string{
		"upper": strings.ToUpper,
		"title": func(s string) string { return strings.ToUpper(s[:1]) + s[1:] },
	}
	for i, doc := range docs {
		wantHTML, wantDiags, wantRes := convertFull(t, doc)
		for name, recase := range cases {
			t.Run(fmt.Sprintf("%d/%s", i, name), func(t *testing.T) {
				src := recaseNames(doc, recase)
				require.NotEqual(t, doc, src)
				html, ds, res := convertFull(t, src)
				assert.Equal(t, wantHTML, html, "source:\n%s", src)
				assert.Equal(t, wantDiags, ds, "source:\n%s", src)
				assert.Equal(t, wantRes.Model().Matrices, res.Model().Matrices)
			})
		}
	}
	// the model reads the table's ID and CAPTION
	_, _, res := convertFull(t, recaseNames(docs[0], strings.ToUpper))
	require.Len(t, res.Model().Matrices, 1)
	assert.Equal(t, "backup-table", res.Model().Matrices[0].ID)
	assert.Equal(t, "Table 1: Backups", res.Model().Matrices[0].Caption)
}

// TestFigureCaptionNameCase checks that CAPTION= makes a figure, as
// caption= does (package figure looked for "caption" in the source, in
// that case only, and dropped the caption with no diagnostic).
func TestFigureCaptionNameCase(t *testing.T) {
	want, _, _ := convertFull(t, "![img](a.png)\n{: caption=\"Steps\" id=\"fig\"}\n")
	require.Contains(t, want, "<figcaption>Steps</figcaption>")
	for _, src := range []string{
		"![img](a.png)\n{: CAPTION=\"Steps\" ID=\"fig\"}\n",
		"![img](a.png)\n{: Caption=\"Steps\" Id=\"fig\"}\n",
	} {
		html, ds, _ := convertFull(t, src)
		assert.Equal(t, want, html, src)
		assert.Empty(t, ds, src)
	}
}

// recaseNames rewrites the names of the key="value" pairs of the
// attribute lists in src with recase.
func recaseNames(src string, recase func(string) string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(src, "\n") {
		for {
			i := strings.Index(line, "{:")
			if i < 0 {
				b.WriteString(line)
				break
			}
			end := strings.IndexByte(line[i:], '}')
			if end < 0 {
				b.WriteString(line)
				break
			}
			end += i
			b.WriteString(line[:i])
			for k, field := range strings.SplitAfter(line[i:end], " ") {
				if eq := strings.IndexByte(field, '='); eq > 0 && k > 0 {
					field = recase(field[:eq]) + field[eq:]
				}
				b.WriteString(field)
			}
			line = line[end:]
			b.WriteString(line[:1])
			line = line[1:]
		}
	}
	return b.String()
}
