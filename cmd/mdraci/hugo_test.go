package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hugoDoc is an IBM-style page with every construct mdraci hugo rewrites:
// front matter, the attribute definition list, heading and paragraph
// IALs, a keyword in text and one in code, a span IAL on a link, a legend
// table, a matrix with caption, caption side and summary, an ordinary
// table with IBM's " \n ".
const hugoDoc = `---
copyright:
  years: 2024
lastupdated: "2024-05-06"
keywords: code engine, responsibilities
subcollection: demo
---

{{site.data.keyword.attribute-definition-list}}

# Responsibilities for {{site.data.keyword.codeengineshort}}
{: #resp}

Learn what you and IBM do with ` + "`{{site.data.keyword.codeengineshort}}`" + `.
{: shortdesc}

A note with a [link](https://example.com){: external} & *more*.
{: note}

| Role | Meaning |
| --- | --- |
| R | Responsible |
| A | Accountable |

| Task | IBM | Customer |
|---|---|---|
| Run {{site.data.keyword.codeengineshort}} | R | A |
| Watch *it* | I | R |
{: #run-table caption="Who runs it" caption-side="bottom" summary="Tasks by row."}

| Size | Price |
| --- | ---: |
| Small | 1 \n 2 |
{: caption="Prices"}
`

// hugoDocBody is what index.md holds after the front matter: Hugo's
// attribute syntax, keywords resolved outside code, the link's attributes
// in its title, the legend and the matrix as shortcodes, the ordinary table
// rewritten with leading pipes and its attributes.
const hugoDocBody = `# Responsibilities for Code Engine {#resp}

Learn what you and IBM do with ` + "`{{site.data.keyword.codeengineshort}}`" + `.
{.shortdesc}

A note with a [link](https://example.com "{.external target=\"_blank\" rel=\"noopener noreferrer\"}") & *more*.
{.note}

{{< raci-legend >}}

{{< raci id="run-table" >}}

| Size | Price |
| --- | ---: |
| Small | 1 \n 2 |
{caption="Prices"}
`

// readHugoModel reads a model.json mdraci hugo wrote.
func readHugoModel(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

// splitFrontMatter splits index.md into its YAML front matter and body.
func splitFrontMatter(t *testing.T, index string) (string, string) {
	t.Helper()
	require.True(t, strings.HasPrefix(index, "---\n"), "index.md starts with front matter:\n%s", index)
	front, body, ok := strings.Cut(index[4:], "\n---\n")
	require.True(t, ok, "front matter is closed:\n%s", index)
	return front, strings.TrimLeft(body, "\n")
}

func TestHugoPageBundle(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{"src/doc.md": hugoDoc})
	out := filepath.Join(dir, "content")
	r := runForTest(t, "", "hugo", "-o", out, filepath.Join(dir, "src"))
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "1 page bundle(s)")

	index, err := os.ReadFile(filepath.Join(out, "doc", "index.md"))
	require.NoError(t, err)
	front, body := splitFrontMatter(t, string(index))
	assert.Equal(t, hugoDocBody, body)
	assert.Contains(t, front, "title: Responsibilities for Code Engine\n")

	m := readHugoModel(t, filepath.Join(out, "doc", "model.json"))
	assert.Equal(t, map[string]any{"legend": "raci-legend"}, m["render"])
	matrices := m["matrices"].([]any)
	require.Len(t, matrices, 1)
	mx := matrices[0].(map[string]any)
	assert.Equal(t, "run-table", mx["id"])
	assert.Equal(t, "Who runs it", mx["caption"])
	render := mx["render"].(map[string]any)
	assert.Equal(t, []any{"caption-bottom"}, render["classes"])
	assert.Equal(t, "Tasks by row.", render["summary"])
	assert.Equal(t, "run-table-summary", render["summaryId"])
	// the source cells, keywords resolved, Markdown kept, header first
	assert.Equal(t, []any{
		[]any{map[string]any{"md": "Task"}, map[string]any{"md": "IBM"}, map[string]any{"md": "Customer"}},
		[]any{map[string]any{"md": "Run Code Engine"}, map[string]any{"md": "R"}, map[string]any{"md": "A"}},
		[]any{map[string]any{"md": "Watch *it*"}, map[string]any{"md": "I"}, map[string]any{"md": "R"}},
	}, render["cells"])
	// the model itself is mdraci model's
	rows := mx["rows"].([]any)
	require.Len(t, rows, 2)
	assert.Equal(t, "Run Code Engine", rows[0].(map[string]any)["activity"])
}

func TestHugoFrontMatter(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // lines the front matter must hold
		absent          []string
		warning         string
	}{
		{
			name: "IBM", file: "ibm.md",
			src:  "---\nlastupdated: \"2025-12-02\"\nkeywords: a, b c\nsubcollection: x\n---\n\n# The title\n\nText.\n",
			want: []string{"title: The title", `date: "2025-12-02"`, `lastmod: "2025-12-02"`, "keywords:\n    - a\n    - b c", "subcollection: x", "source:"},
			// under params, keywords would shadow Hugo's own key (a warning,
			// so a failed build with --panicOnWarning, on Hugo 0.146)
			absent: []string{"    keywords: a, b c"},
		},
		{
			name: "Hugo's own keys kept apart", file: "own.md",
			src:  "---\ntitle: T\nweight: 3\nslug: s\n---\n\n# T\n",
			want: []string{"frontmatter:\n        slug: s\n        weight: 3"},
		},
		{
			name: "OVHcloud", file: "ovh.md",
			src:  "---\ntitle: \"Given\"\nexcerpt: \"Short\"\nupdated: 2024-03-28\n---\n\n## Objective\n\nText.\n",
			want: []string{"title: Given", "date: \"2024-03-28\"", "lastmod: \"2024-03-28\"", "description: Short", "excerpt: Short"},
		},
		{
			name: "a date Hugo cannot read", file: "bad.md",
			src:     "---\nlastupdated: \"last week\"\n---\n\n# T\n",
			want:    []string{"title: T", "lastupdated: last week"},
			absent:  []string{"date:", "lastmod:"},
			warning: `front matter lastupdated "last week" is not a date`,
		},
		{
			name: "no front matter, no heading", file: "plain-page.md",
			src:    "Just text.\n",
			want:   []string{"title: Plain page"}, // as mdraci convert --page titles it
			absent: []string{"date:"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTestFiles(t, dir, map[string]string{tt.file: tt.src})
			out := filepath.Join(dir, "content")
			r := runForTest(t, "", "hugo", "-o", out, filepath.Join(dir, tt.file))
			require.Equal(t, 0, r.code, r.stderr)
			index, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(tt.file, ".md"), "index.md"))
			require.NoError(t, err)
			front, body := splitFrontMatter(t, string(index))
			for _, w := range tt.want {
				assert.Contains(t, front, w)
			}
			for _, a := range tt.absent {
				assert.NotContains(t, front, a)
			}
			assert.NotContains(t, body, "---\n", "the source's front matter is not in the body")
			if tt.warning != "" {
				assert.Contains(t, r.stderr, tt.warning)
			}
		})
	}
}

func TestHugoAttributeLists(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"heading IAL on the next line", "## Title\n{: #my-id .c}\n", "## Title {#my-id .c}\n"},
		{"heading id at the end of the line", "## Title {#given}\n", "## Title {#given}\n"},
		{"heading without IAL gets mdraci's id", "## 3.1. Daily ops\n", "## 3.1. Daily ops {#3-1-daily-ops}\n"},
		{"paragraph with a definition reference", "{:tip: .tip data-x=\"1\"}\n\nSome text.\n{: tip}\n", "Some text.\n{.tip data-x=\"1\"}\n"},
		{"IBM's standard definitions", "{{site.data.keyword.attribute-definition-list}}\n\nShort.\n{: shortdesc}\n", "Short.\n{.shortdesc}\n"},
		{"several IAL lines merge", "Text.\n{: .a}\n{: #b}\n", "Text.\n{#b .a}\n"},
		{"list", "- one\n- two\n{: .steps}\n", "- one\n- two\n{.steps}\n"},
		{"block quote", "> quoted\n{: .q}\n", "> quoted\n{.q}\n"},
		{"an IAL ends the paragraph above", "- item\n{: .x}\nNext.\n", "- item\n{.x}\n\nNext.\n"},
		{"span IAL on emphasis is dropped", "Some *words*{: .w} here.\n", "Some *words* here.\n"},
		{"span IAL on a titled link", "A [l](/x \"T\"){: .c}.\n", "A [l](/x \"T {.c}\").\n"},
		{"keyword in text, escaped", "Use {{site.data.keyword.cloud}}.\n", "Use IBM Cloud®.\n"},
		{"keyword in code kept", "Use `{{site.data.keyword.cloud}}`.\n", "Use `{{site.data.keyword.cloud}}`.\n"},
		{"keyword in raw HTML", "A <abbr title=\"{{site.data.keyword.cloud_notm}}\">C</abbr>.\n", "A <abbr title=\"IBM Cloud\">C</abbr>.\n"},
		{"Hugo shortcode syntax shown as written", "Write `{{< raci >}}` or {{% x %}}.\n", "Write `{{</* raci */>}}` or {{%/* x */%}}.\n"},
		{"raw HTML sanitized", "A <span onclick=\"x()\">b</span>.\n", "A <span>b</span>.\n"},
		{"table attributes", "| a | b |\n|---|---|\n| 1 | 2 |\n{: #t caption=\"C\" summary=\"S\" caption-side=\"top\"}\n",
			"| a | b |\n| --- | --- |\n| 1 | 2 |\n{#t caption=\"C\" summary=\"S\" caption-side=\"top\" aria-describedby=\"t-summary\"}\n"},
		{"scraped table in a paragraph", "Intro:\na | b\n---|---\n1 | 2\nAfter.\n", "Intro:\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nAfter.\n"},
		{"row longer than the header", "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
			"| a | b |  |\n| --- | --- | --- |\n| 1 | 2 | 3 |\n{mdraci-header-cells=\"2\" mdraci-row-cells=\"3\"}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTestFiles(t, dir, map[string]string{"d.md": tt.src})
			out := filepath.Join(dir, "content")
			r := runForTest(t, "", "hugo", "-o", out, filepath.Join(dir, "d.md"))
			require.Equal(t, 0, r.code, r.stderr)
			index, err := os.ReadFile(filepath.Join(out, "d", "index.md"))
			require.NoError(t, err)
			_, body := splitFrontMatter(t, string(index))
			assert.Equal(t, tt.want, body)
		})
	}
}

func TestHugoPlainText(t *testing.T) {
	// a table flattened one cell per line, and lines Markdown would misread
	const src = "Shared Responsibility Model\n" +
		"1. Not a list, *not* emphasis, <b>not</b> HTML {{< nor a shortcode >}}\n" +
		"Component\nPTC Responsibilities\nCustomer Responsibilities\n" +
		"Identity\nProvide docs.\nManage identities.\n" +
		"Images\nBuild images.\nStore images.\n"
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{"page.txt": src})
	out := filepath.Join(dir, "content")
	r := runForTest(t, "", "hugo", "-o", out, filepath.Join(dir, "page.txt"))
	require.Equal(t, 0, r.code, r.stderr)
	index, err := os.ReadFile(filepath.Join(out, "page", "index.md"))
	require.NoError(t, err)
	front, body := splitFrontMatter(t, string(index))
	assert.Contains(t, front, "title: Shared Responsibility Model")
	assert.Equal(t, "# Shared Responsibility Model {#shared-responsibility-model}\n\n"+
		`1\. Not a list, \*not\* emphasis, \<b\>not\</b\> HTML \{\{\< nor a shortcode \>\}\}`+"\n\n"+
		`{{< raci id="shared-responsibility-model-table-1" >}}`+"\n\n", body)
	m := readHugoModel(t, filepath.Join(out, "page", "model.json"))
	mx := m["matrices"].([]any)[0].(map[string]any)
	assert.Equal(t, "prose", mx["kind"])
	cells := mx["render"].(map[string]any)["cells"].([]any)
	require.Len(t, cells, 3)
	assert.Equal(t, map[string]any{"md": "Provide docs."}, cells[1].([]any)[1])
}

// listFiles lists the files below dir, slash-separated, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	}))
	sort.Strings(out)
	return out
}

func TestHugoIdempotent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "content")
	r := runForTest(t, "", "hugo", "-o", out, testSeedsDir)
	require.Equal(t, 0, r.code, r.stderr)
	files := listFiles(t, out)
	assert.Len(t, files, 11, "five bundles of two files, and the manifest: %v", files)
	before := map[string][]byte{}
	times := map[string]time.Time{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(out, f))
		require.NoError(t, err)
		before[f] = b
		info, err := os.Stat(filepath.Join(out, f))
		require.NoError(t, err)
		times[f] = info.ModTime()
	}
	// make any rewrite visible in the modification times
	past := time.Now().Add(-time.Hour)
	for _, f := range files {
		require.NoError(t, os.Chtimes(filepath.Join(out, f), past, past))
	}
	r = runForTest(t, "", "hugo", "-o", out, testSeedsDir)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, files, listFiles(t, out))
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(out, f))
		require.NoError(t, err)
		assert.Equal(t, string(before[f]), string(b), f)
		if f == manifestName {
			continue
		}
		info, err := os.Stat(filepath.Join(out, f))
		require.NoError(t, err)
		assert.True(t, info.ModTime().Equal(past.Truncate(time.Second)) || info.ModTime().Before(past.Add(time.Second)),
			"%s was rewritten though it did not change", f)
	}
}

func TestHugoNeverTouchesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "content")
	writeTestFiles(t, dir, map[string]string{
		"src/a.md":              "# A\n",
		"src/b.md":              "# B\n",
		"src/c.md":              "# C\n",
		"content/_index.md":     "mine\n",
		"content/a/notes.txt":   "mine too\n",
		"content/c/index.md":    "hand-written\n",
		"content/other/page.md": "another page\n",
	})
	src := func(names ...string) []string {
		args := []string{"hugo", "-o", out}
		for _, n := range names {
			args = append(args, filepath.Join(dir, "src", n))
		}
		return args
	}
	// c/index.md exists and is not mdraci hugo's: c fails, a and b are written
	r := runForTest(t, "", src("a.md", "b.md", "c.md")...)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "c.md:1:1: error: "+filepath.Join(out, "c", "index.md")+" exists and was not written by mdraci hugo")
	c, err := os.ReadFile(filepath.Join(out, "c", "index.md"))
	require.NoError(t, err)
	assert.Equal(t, "hand-written\n", string(c))
	assert.NoFileExists(t, filepath.Join(out, "c", "model.json"))
	assert.FileExists(t, filepath.Join(out, "a", "index.md"))
	assert.FileExists(t, filepath.Join(out, "b", "model.json"))

	// b's input is gone: its files go, and its folder, which is left empty
	r = runForTest(t, "", src("a.md")...)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, []string{
		manifestName, "_index.md", "a/index.md", "a/model.json", "a/notes.txt", "c/index.md", "other/page.md",
	}, listFiles(t, out))
	assert.NoDirExists(t, filepath.Join(out, "b"))
	var m manifest
	b, err := os.ReadFile(filepath.Join(out, manifestName))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, []string{"a/index.md", "a/model.json"}, m.Files)

	// a manifest naming files outside the folder is refused
	require.NoError(t, os.WriteFile(filepath.Join(out, manifestName), []byte(`{"files": ["../src/a.md"]}`), 0o644))
	r = runForTest(t, "", src("a.md")...)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "is outside the folder")
	assert.FileExists(t, filepath.Join(dir, "src", "a.md"))
}

func TestHugoUsage(t *testing.T) {
	r := runForTest(t, "", "hugo", testSeedsDir)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "-o CONTENT_DIR is required")
	r = runForTest(t, "", "help", "hugo")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "CONTENT_DIR/NAME/index.md")
}

func TestInlineOnly(t *testing.T) {
	for in, want := range map[string]string{
		"*":            `\*`,
		"- not a list": `\- not a list`,
		"1. one":       `1\. one`,
		"# no":         `\# no`,
		"> no":         `\> no`,
		"---":          `\---`,
		"**Bold**":     "**Bold**",
		"*em* text":    "*em* text",
		"A / R":        "A / R",
		"12 items":     "12 items",
	} {
		assert.Equal(t, want, inlineOnly(in), in)
	}
}

// TestHugoFolderWithHTML: HTML files found in a folder are left out, with
// one note, and the run succeeds; one named directly is refused.
func TestHugoFolderWithHTML(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{
		"src/a.md":      "# A\n\n| Activity | IBM | Customer |\n|---|---|---|\n| Run | R | A |\n",
		"src/page.html": "<h1>Saved</h1><table><tr><th>Task</th><th>IBM</th><th>Customer</th></tr><tr><td>Run</td><td>R</td><td>A</td></tr></table>",
	})
	out := filepath.Join(dir, "content")
	r := runForTest(t, "", "hugo", "-o", out, filepath.Join(dir, "src"))
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "mdraci hugo: 1 HTML file(s) found in the folders left out")
	assert.FileExists(t, filepath.Join(out, "a", "index.md"))
	assert.NoDirExists(t, filepath.Join(out, "page"))

	r = runForTest(t, "", "hugo", "-o", out, filepath.Join(dir, "src", "page.html"))
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "mdraci hugo reads Markdown and plain text, not html")
}

// TestHugoFootnoteFigure: a figure in a footnote a matrix cell references
// keeps its image and caption in the footnote list the theme renders.
func TestHugoFootnoteFigure(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{"d.md": "| Activity | Provider | Customer |\n|---|---|---|\n| Patch | R[^1] | A |\n\n" +
		"[^1]: ![Diagram](a.png){: caption=\"Figure 9. Patching\"}\n"})
	out := filepath.Join(dir, "content")
	r := runForTest(t, "", "hugo", "-o", out, filepath.Join(dir, "d.md"))
	require.Equal(t, 0, r.code, r.stderr)
	b, err := os.ReadFile(filepath.Join(out, "d", "model.json"))
	require.NoError(t, err)
	var m struct {
		Render struct {
			Footnotes struct {
				List []struct{ MD string } `json:"list"`
			} `json:"footnotes"`
		} `json:"render"`
	}
	require.NoError(t, json.Unmarshal(b, &m))
	require.Len(t, m.Render.Footnotes.List, 1)
	assert.Equal(t, "![Diagram](a.png)\n\nFigure 9. Patching", m.Render.Footnotes.List[0].MD)
}
