package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testSeedsDir = "../../testdata/seeds"

// result is what one run of the command gave.
type runResult struct {
	code           int
	stdout, stderr string
}

func runForTest(t *testing.T, stdin string, args ...string) runResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return runResult{code, out.String(), errOut.String()}
}

// writeTestFiles creates files (path relative to dir → content) under dir.
func writeTestFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

// diagLineRE is a diagnostic as the command prints it.
var diagLineRE = regexp.MustCompile(`(?m)^(\S+):(\d+):(\d+): (error|warning|info): (.*)$`)

func TestRunConvert(t *testing.T) {
	const doc = "# Title\n\nHello {{site.data.keyword.cloud_notm}}.\n"
	const docHTML = `<h1 id="title">Title <a class="heading-anchor" href="#title" aria-label="Link to this section: Title">#</a></h1>` +
		"\n<p>Hello IBM Cloud.</p>\n"
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{
		"doc.md":        doc,
		"unknown.md":    "# T\n\nHello {{site.data.keyword.nope}}.\n",
		"kw.yaml":       "keyword:\n  mything: Thing &amp; One\n",
		"uses-kw.md":    "Use {{site.data.keyword.mything}}.\n",
		"bad.yaml":      "keyword: [unclosed\n",
		"nopages/a.png": "png",
	})
	p := func(name string) string { return filepath.Join(dir, name) }

	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		// stdout must equal wantOut when set, and contain each of outHas.
		wantOut string
		outHas  []string
		outNot  []string
		errHas  []string
		errNot  []string
		// errEmpty requires no output on stderr.
		errEmpty bool
	}{
		{name: "stdin dash", stdin: doc, args: []string{"convert", "-"}, wantOut: docHTML, errEmpty: true},
		{name: "stdin no args", stdin: doc, args: []string{"convert"}, wantOut: docHTML, errEmpty: true},
		{name: "file", args: []string{"convert", p("doc.md")}, wantOut: docHTML, errEmpty: true},
		{
			name: "page", stdin: "---\ntitle: My Page & co\n---\n# Heading\n\nText.\n", args: []string{"convert", "--page"},
			outHas:   []string{"<!DOCTYPE html>", "<title>My Page &amp; co</title>", `<h1 id="heading">`, "<p>Text.</p>", "</html>"},
			errEmpty: true,
		},
		{
			name: "page title from first heading", stdin: "Intro.\n\n## Second\n\n# First One\n", args: []string{"convert", "--page"},
			outHas: []string{"<!DOCTYPE html>", "<title>First One</title>"},
		},
		{
			name: "page title from file name", args: []string{"convert", "--page", p("uses-kw.md")},
			outHas: []string{"<title>Uses kw</title>"},
		},
		{
			name: "strict unknown keyword", args: []string{"convert", "--strict", p("unknown.md")}, code: 1,
			outHas: []string{"{{site.data.keyword.nope}}"},
			errHas: []string{p("unknown.md") + `:3:7: error: unknown keyword "site.data.keyword.nope"`},
		},
		{
			name: "warning alone", args: []string{"convert", p("unknown.md")}, code: 0,
			outHas: []string{"{{site.data.keyword.nope}}"},
			errHas: []string{p("unknown.md") + `:3:7: warning: unknown keyword "site.data.keyword.nope"`},
		},
		{
			name: "strict stdin", stdin: "Hello {{site.data.keyword.nope}}.\n", args: []string{"convert", "--strict", "--from", "md"}, code: 1,
			outHas: []string{"<p>Hello {{site.data.keyword.nope}}.</p>"}, errHas: []string{"<stdin>:1:7: error: "},
		},
		{
			// a keyword reference is IBM Markdown: text copied from a web
			// page never holds one, so stdin holding one is read as Markdown
			name: "strict stdin, format detected", stdin: "Hello {{site.data.keyword.nope}}.\n", args: []string{"convert", "--strict"}, code: 1,
			outHas: []string{"<p>Hello {{site.data.keyword.nope}}.</p>"}, errHas: []string{"<stdin>:1:7: error: "},
		},
		{
			name: "keywords file", args: []string{"convert", "--keywords", p("kw.yaml"), p("uses-kw.md")},
			wantOut: "<p>Use Thing &amp; One.</p>\n", errEmpty: true,
		},
		{
			name: "without keywords file", args: []string{"convert", p("uses-kw.md")},
			outHas: []string{"{{site.data.keyword.mything}}"}, errHas: []string{"warning: unknown keyword"},
		},
		{
			name: "keywords file does not parse", args: []string{"convert", "--keywords", p("bad.yaml"), p("doc.md")}, code: 1,
			errHas: []string{"--keywords"}, outNot: []string{"<h1"},
		},
		{
			name: "keywords file missing", args: []string{"convert", "--keywords", p("nope.yaml"), p("doc.md")}, code: 1,
			errHas: []string{"--keywords"},
		},
		{name: "unknown flag", args: []string{"convert", "--bogus"}, code: 2, errHas: []string{"bogus", "mdraci help convert"}, errNot: []string{"Usage:"}, outNot: []string{"<"}},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, errHas: []string{`unknown command "frobnicate"`, "Usage:"}},
		{name: "no command", args: nil, code: 2, errHas: []string{"Usage:"}},
		{name: "bad format", stdin: doc, args: []string{"convert", "--from", "bogus"}, code: 2, errHas: []string{`unknown input format "bogus"`}, wantOut: ""},
		{name: "missing file", args: []string{"convert", p("missing.md")}, code: 1, errHas: []string{"missing.md"}, wantOut: ""},
		{
			name: "missing file beside a good one", args: []string{"convert", p("missing.md"), p("doc.md")}, code: 1,
			outHas: []string{"<"}, errHas: []string{p("missing.md") + ":1:1: error: no such file or directory"}, errNot: []string{"stat "},
		},
		// a folder of no page: an error, not a silent success
		{name: "folder of no pages", args: []string{"convert", p("nopages")}, code: 1,
			errHas: []string{p("nopages") + ":1:1: error: the folder holds no page to read"}},
		{name: "folder of no pages beside a page", args: []string{"lint", p("nopages"), p("doc.md")}, code: 1,
			errHas: []string{p("nopages") + ":1:1: error: the folder holds no page to read"}},
		{name: "--css without --page", args: []string{"convert", "--css", p("doc.md"), p("doc.md")}, code: 2, errHas: []string{"add --page"}},
		{name: "-o a file", args: []string{"convert", "-o", p("doc.md"), p("doc.md")}, code: 2, errHas: []string{"is a file, not a folder"}},
		{name: "help", args: []string{"help"}, outHas: []string{"Usage:", "mdraci convert", "mdraci version"}},
		{name: "--help", args: []string{"--help"}, outHas: []string{"Usage:"}},
		// help about help: the usage, not an endless loop
		{name: "help help", args: []string{"help", "help"}, outHas: []string{"Usage:", "mdraci convert"}, errEmpty: true},
		{name: "help -h", args: []string{"help", "-h"}, outHas: []string{"Usage:", "mdraci convert"}, errEmpty: true},
		{name: "--help --help", args: []string{"--help", "--help"}, outHas: []string{"Usage:", "mdraci convert"}, errEmpty: true},
		{name: "help convert", args: []string{"help", "convert"}, outHas: []string{"Usage: mdraci convert", "-strict", "-keywords", "-from"}, errEmpty: true},
		{name: "convert -h", args: []string{"convert", "-h"}, outHas: []string{"Usage: mdraci convert"}, errEmpty: true},
		{name: "help lint", args: []string{"help", "lint"}, outHas: []string{"Usage: mdraci lint", "-max-warnings"}, errEmpty: true},
		{name: "version", args: []string{"version"}, wantOut: "mdraci " + version + "\n", errEmpty: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runForTest(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			if tt.wantOut != "" || tt.code != 0 && tt.outHas == nil {
				assert.Equal(t, tt.wantOut, r.stdout)
			}
			for _, s := range tt.outHas {
				assert.Contains(t, r.stdout, s)
			}
			for _, s := range tt.outNot {
				assert.NotContains(t, r.stdout, s)
			}
			for _, s := range tt.errHas {
				assert.Contains(t, r.stderr, s)
			}
			for _, s := range tt.errNot {
				assert.NotContains(t, r.stderr, s)
			}
			if tt.errEmpty {
				assert.Empty(t, r.stderr)
			}
			// every diagnostic line is file:line:col: severity: message
			for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
				if strings.Contains(l, ": error: ") || strings.Contains(l, ": warning: ") {
					assert.Regexp(t, diagLineRE, l)
				}
			}
		})
	}
}

// TestRunStrictDiagnosticFormat checks the diagnostic's parts one by one.
func TestRunStrictDiagnosticFormat(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "page.md")
	writeTestFiles(t, dir, map[string]string{"page.md": "para\n\n  x {{site.data.keyword.nope}}\n"})
	r := runForTest(t, "", "convert", "--strict", f)
	require.Equal(t, 1, r.code)
	m := diagLineRE.FindStringSubmatch(r.stderr)
	require.NotNil(t, m, "no file:line:col: diagnostic in %q", r.stderr)
	assert.Equal(t, []string{f, "3", "5", "error"}, m[1:5])
	assert.Contains(t, m[5], "[keyword-unknown]")
}

// TestRunFromText reads stdin as text although it looks like Markdown.
func TestRunFromText(t *testing.T) {
	src := "# Shared responsibilities\nComponent\nPTC Responsibilities\nCustomer Responsibilities\n" +
		"Identity\nProvide documentation.\nManage identities.\n" +
		"Images\nBuild images.\nStore images.\n"
	md := runForTest(t, src, "convert")
	require.Equal(t, 0, md.code, md.stderr)
	assert.Contains(t, md.stdout, "<h1", "read as Markdown by default")
	assert.NotContains(t, md.stdout, "<table", "as Markdown the lines are a paragraph")

	txt := runForTest(t, src, "convert", "--from", "text")
	require.Equal(t, 0, txt.code, txt.stderr)
	assert.Contains(t, txt.stdout, "<table")
	assert.Contains(t, txt.stdout, "PTC Responsibilities</th>")
	assert.Contains(t, txt.stdout, "<li>Manage identities.</li>")
	assert.Contains(t, txt.stdout, "# Shared responsibilities", "text is not read as Markdown")

	short := runForTest(t, src, "convert", "--from", "txt")
	assert.Equal(t, txt, short, "txt is text")
}

// TestRunFolder converts a folder into -o DIR, mirroring the tree.
func TestRunFolder(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	writeTestFiles(t, in, map[string]string{
		"a.md":                "# A\n",
		"sub/b.markdown":      "# B\n",
		"sub/deeper/c.txt":    "# C\n",
		"sub/deeper/d.md":     "| X | Y |\n|---|---|\n| 1 | 2 |\n{: caption=\"Table D\"}\n",
		"sub/image.png":       "not a document",
		"sub/notes.yaml":      "a: b\n",
		".hidden/secret.md":   "# hidden\n",
		"sub/.git/config.md":  "# git\n",
		"sub/deeper/e.HTML":   "<table><tr><td>e</td></tr></table>",
		"sub/deeper/f.md.bak": "# F\n",
	})
	r := runForTest(t, "", "convert", "-o", out, in)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout, "with -o nothing goes to stdout")
	assert.Empty(t, r.stderr)

	var got []string
	require.NoError(t, filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	}))
	assert.ElementsMatch(t, []string{"a.html", "sub/b.html", "sub/deeper/c.html", "sub/deeper/d.html", "sub/deeper/e.html"}, got)

	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		return string(b)
	}
	assert.Contains(t, read("a.html"), `<h1 id="a">A`)
	assert.Contains(t, read("sub/b.html"), `<h1 id="b">B`)
	assert.Contains(t, read("sub/deeper/c.html"), `<h1 id="c">C`, ".txt that looks like Markdown is Markdown")
	assert.Contains(t, read("sub/deeper/d.html"), "<caption>Table D</caption>")
	assert.Contains(t, read("sub/deeper/e.html"), "<td>e</td>")
}

// TestRunSeeds converts each seed file: the output is the golden HTML the
// library tests check.
func TestRunSeeds(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join(testSeedsDir, "*"))
	require.NoError(t, err)
	require.NotEmpty(t, seeds, "no seeds in %s", testSeedsDir)
	for _, s := range seeds {
		name := filepath.Base(s)
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("../../testdata/golden", strings.TrimSuffix(name, filepath.Ext(name))+".html"))
			require.NoError(t, err, "every seed has a golden file")
			r := runForTest(t, "", "convert", s)
			require.Equal(t, 0, r.code, r.stderr)
			assert.Equal(t, string(want), r.stdout)

			src, err := os.ReadFile(s)
			require.NoError(t, err)
			if filepath.Ext(s) == ".md" {
				viaStdin := runForTest(t, string(src), "convert", "--from", "markdown", "-")
				require.Equal(t, 0, viaStdin.code, viaStdin.stderr)
				assert.Equal(t, string(want), viaStdin.stdout, "stdin gives what the file gives")
			}
		})
	}
}

// TestRunJobsOrder converts a folder of 20 files with -j 1 and -j 4: the
// output is the same, in the inputs' sorted order.
func TestRunJobsOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 20 {
		// sizes vary so that workers finish out of order
		files[fmt.Sprintf("doc%02d.md", i)] = fmt.Sprintf("# Doc %02d\n\n%s| A | B |\n|---|---|\n| %d | x |\n",
			i, strings.Repeat("Some text {{site.data.keyword.cloud_notm}}.\n\n", (20-i)*50), i)
	}
	files["doc07.md"] += "\n{{site.data.keyword.nope}}\n"
	files["doc13.md"] += "\n{{site.data.keyword.nope}}\n"
	writeTestFiles(t, dir, files)

	one := runForTest(t, "", "convert", "-j", "1", dir)
	four := runForTest(t, "", "convert", "-j", "4", dir)
	require.Equal(t, 0, one.code, one.stderr)
	assert.Equal(t, one, four, "-j 4 gives what -j 1 gives")

	last := -1
	for i := range 20 {
		at := strings.Index(four.stdout, fmt.Sprintf("<h1 id=\"doc-%02d\">", i))
		require.Greater(t, at, last, "doc%02d out of order", i)
		last = at
	}
	// diagnostics in input order too
	i7 := strings.Index(four.stderr, "doc07.md:")
	i13 := strings.Index(four.stderr, "doc13.md:")
	require.True(t, i7 >= 0 && i13 > i7, "diagnostics out of order:\n%s", four.stderr)
}

// --plain-tables keeps responsibility tables as ordinary tables.
func TestRunPlainTables(t *testing.T) {
	src := "| Activity | Customer | Provider |\n| --- | --- | --- |\n| Patch | I | A/R |\n"
	matrix := runForTest(t, src, "convert", "-")
	require.Equal(t, 0, matrix.code, matrix.stderr)
	assert.Contains(t, matrix.stdout, `class="raci-matrix`)
	plain := runForTest(t, src, "convert", "--plain-tables", "-")
	require.Equal(t, 0, plain.code, plain.stderr)
	assert.NotContains(t, plain.stdout, "raci-")
	assert.Contains(t, plain.stdout, "<td>A/R</td>")
}

// fullWriter fails every write, as standard output on a full disk does.
type fullWriter struct{ writes int }

func (f *fullWriter) Write([]byte) (int, error) {
	f.writes++
	return 0, errors.New("no space left on device")
}

// TestRunOutputWriteError writes each command's output to a writer that
// fails: the run says so once and exits 1, never 0.
func TestRunOutputWriteError(t *testing.T) {
	const page = "# P\n\n| Task | Provider | Customer |\n| --- | --- | --- |\n| Patch | R | A |\n| Back up | A | R |\n"
	for _, args := range [][]string{
		{"convert"}, {"convert", "--page"}, {"model"}, {"model", "--format", "csv"}, {"lint", "--format", "json"}, {"lint", "--format", "sarif"}, {"version"}, {"help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errOut bytes.Buffer
			w := &fullWriter{}
			code := run(args, strings.NewReader(page), w, &errOut)
			assert.Equal(t, 1, code, errOut.String())
			assert.Equal(t, 1, strings.Count(errOut.String(), "mdraci: cannot write the output: no space left on device\n"), errOut.String())
			assert.Equal(t, 1, w.writes, "nothing more is written after a failed write")
		})
	}
}
