package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// hangDeadline turns a hang into a failure; it is generous on purpose (a
// slow or busy machine, -race), not a speed goal.
const hangDeadline = 3 * time.Minute

// runWithDeadline runs the command like runForTest, failing t on a panic
// or when it has not returned after hangDeadline.
func runWithDeadline(t *testing.T, args ...string) runResult {
	t.Helper()
	done := make(chan any, 1)
	var r runResult
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Sprintf("panic: %v\n%s", p, debug.Stack())
				return
			}
			done <- nil
		}()
		var out, errOut bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errOut)
		r = runResult{code, out.String(), errOut.String()}
	}()
	timer := time.NewTimer(hangDeadline)
	defer timer.Stop()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("mdraci %s: %v", strings.Join(args, " "), p)
		}
	case <-timer.C:
		t.Fatalf("mdraci %s: no result after %v: a hang", strings.Join(args, " "), hangDeadline)
	}
	return r
}

// hostileFiles are the hostile inputs of extension/hostile_test.go that
// the command must get through: name → content.
func hostileFiles() map[string]string {
	var rows strings.Builder
	rows.WriteString("| Task | Provider | Customer |\n|---|---|---|\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&rows, "| Task %d | R | A |\n", i)
	}
	var classes strings.Builder
	classes.WriteString("# Heading\n{:")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&classes, " .c%d", i)
	}
	classes.WriteString("}\n")
	return map[string]string{
		"utf8.md":     "# Title \xff\n\n| Task \xc3 | Who |\n| --- | --- |\n| Patch | Provider |\n",
		"nul.md":      "# A\x00B\n\ntext\x00\n",
		"utf8.txt":    "Task\nProvider\nCustomer\nPatch\xff\nYes\nNo\n",
		"utf8.html":   "<table><tr><th>Task</th></tr><tr><td>x\xff\x00</td></tr></table>",
		"line.md":     "# Big\n\n" + strings.Repeat("word ", 1<<20) + "\n",
		"braces.md":   "Text " + strings.Repeat("{{", 200000) + " end\n",
		"kwopen.md":   strings.Repeat("{{site.data.keyword.x ", 200000) + "\n",
		"colons.md":   "*Text* " + strings.Repeat("{:", 200000) + " end}\n",
		"quotes.md":   strings.Repeat("> ", 20000) + "deep\n",
		"classes.md":  classes.String(),
		"ald.md":      "{:a: b .from-a}\n{:b: a .from-b}\n\nPara\n{: a}\n",
		"selfkw.md":   "# {{site.data.keyword.self}}\n\nSay {{site.data.keyword.self}}.\n",
		"rows.md":     rows.String(),
		"deep.html":   strings.Repeat("<div>", 20000) + "<table><tr><td>deep</td></tr></table>" + strings.Repeat("</div>", 20000),
		"include.md":  "# Page\n\n{{../../etc/passwd}}\n\n{{_include-segments/x.md}}\n",
		"headings.md": strings.Repeat("## Same\n\n", 20000),
	}
}

// TestRunHostile runs convert, model and lint over a folder of hostile
// inputs: every file gets its output and diagnostics, no panic, no hang.
func TestRunHostile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	files := hostileFiles()
	writeTestFiles(t, in, files)
	writeTestFiles(t, dir, map[string]string{"kw.yaml": "keyword:\n  self: \"I am {{site.data.keyword.self}}\"\n"})
	kw := filepath.Join(dir, "kw.yaml")

	t.Run("convert", func(t *testing.T) {
		r := runWithDeadline(t, "convert", "--keywords", kw, in)
		assert.Contains(t, []int{0, 1}, r.code, "stderr: %.2000s", r.stderr)
		assert.True(t, utf8.ValidString(r.stdout), "the HTML is valid UTF-8")
		assert.NotContains(t, r.stderr, "internal error")
		for _, want := range []string{
			"utf8.md:1:9: warning: invalid UTF-8 replaced by U+FFFD [input-utf8]",
			"nul.md:1:4: warning: NUL byte replaced by U+FFFD [input-nul]",
			"utf8.txt:4:6: warning: invalid UTF-8 replaced by U+FFFD [input-utf8]",
			"[attributes-cycle]", "[keyword-cycle]", "[keyword-unterminated]", "[html-too-deep]",
			"include.md:3:1: warning: include {{../../etc/passwd}} is not resolved", "[include-unresolved]",
		} {
			assert.Contains(t, r.stderr, want)
		}
		assert.Equal(t, 1, strings.Count(r.stderr, "[keyword-unterminated]"), "one report for the line of 200,000 references")
		for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
			assert.Regexp(t, diagLineRE, l)
			assert.Less(t, len(l), 1000, "a diagnostic line stays short: %.300s", l)
		}
		assert.Contains(t, r.stdout, "Task 19999")
		assert.Contains(t, r.stdout, "deep")
		assert.Contains(t, r.stdout, `id="same-20000"`)
		assert.Contains(t, r.stdout, " c19999")
	})
	t.Run("model", func(t *testing.T) {
		r := runWithDeadline(t, "model", "--keywords", kw, in)
		assert.Contains(t, []int{0, 1}, r.code, "stderr: %.2000s", r.stderr)
		assert.NotContains(t, r.stderr, "internal error")
		assert.True(t, utf8.ValidString(r.stdout))
		assert.Contains(t, r.stdout, "Task 19999", "the 20,000th row reaches the model")
	})
	t.Run("lint", func(t *testing.T) {
		r := runWithDeadline(t, "lint", "--keywords", kw, in)
		assert.Contains(t, []int{0, 1}, r.code, "stderr: %.2000s", r.stderr)
		assert.NotContains(t, r.stderr, "internal error")
		assert.NotContains(t, r.stdout, "internal error")
	})
	t.Run("convert --page -o", func(t *testing.T) {
		out := filepath.Join(dir, "out")
		r := runWithDeadline(t, "convert", "--page", "-o", out, "--keywords", kw, in)
		assert.Contains(t, []int{0, 1}, r.code, "stderr: %.2000s", r.stderr)
		for name := range files {
			b, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(name, filepath.Ext(name))+".html"))
			if assert.NoError(t, err, "every input gets its page") {
				assert.True(t, utf8.Valid(b), "%s: valid UTF-8", name)
			}
		}
	})
}

// cliAttacks returns the attack list extension/security_test.go uses
// (testdata/security/attacks.txt) as file name → content, plus a page whose
// front matter title tries to close <title>.
func cliAttacks(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/security/attacks.txt")
	require.NoError(t, err)
	files := map[string]string{
		"title.md": "---\ntitle: \"</title><script>alert(1)</script>\"\n---\n\nText.\n",
	}
	name := ""
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if entry, ok := strings.CutPrefix(l, "=== "); ok {
			f := strings.Fields(entry)
			require.Len(t, f, 2, "entry line %q", l)
			name = f[0] + filepath.Ext(f[1])
			files[name] = ""
			continue
		}
		if name != "" {
			files[name] += l
		}
	}
	require.Greater(t, len(files), 50)
	return files
}

// scriptIn returns what in the HTML document h could run the attacks'
// script: an element or attribute whose content or value calls alert, a
// script URL, an event handler, a style attribute, an embedding element.
func scriptIn(t *testing.T, h string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(h))
	require.NoError(t, err)
	var found []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			// (the page's own chart is an <svg>: its attributes are checked)
			case "script", "iframe", "object", "embed", "form", "base", "frame":
				found = append(found, "<"+n.Data+">")
			}
			for _, a := range n.Attr {
				k, v := strings.ToLower(a.Key), strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				switch {
				case strings.HasPrefix(k, "on"), k == "style", k == "srcdoc":
					found = append(found, k+"="+a.Val)
				case strings.HasPrefix(v, "javascript:"), strings.HasPrefix(v, "vbscript:"), strings.HasPrefix(v, "data:"):
					found = append(found, k+"="+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

// TestRunAttacks runs the attacks through the command, as fragments and as
// standalone pages: nothing executable in the default mode; with --unsafe
// raw HTML passes (which shows the check can fail).
func TestRunAttacks(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	attacks := cliAttacks(t)
	writeTestFiles(t, in, attacks)
	kw := "../../testdata/security/keywords.yaml"
	for name := range attacks {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(in, name)
			r := runWithDeadline(t, "convert", "--keywords", kw, p)
			require.Contains(t, []int{0, 1}, r.code, r.stderr)
			assert.Empty(t, scriptIn(t, r.stdout), "fragment:\n%s", r.stdout)
		})
	}
	// whole pages: the page's own <style>, <meta> and chart are fine; no
	// script is
	out := filepath.Join(dir, "pages")
	r := runWithDeadline(t, "convert", "--page", "-o", out, "--keywords", kw, in)
	require.Contains(t, []int{0, 1}, r.code, r.stderr)
	for name := range attacks {
		b, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(name, filepath.Ext(name))+".html"))
		require.NoError(t, err)
		assert.Empty(t, scriptIn(t, string(b)), "page of %s:\n%s", name, b)
	}
	t.Run("--unsafe", func(t *testing.T) {
		r := runWithDeadline(t, "convert", "--unsafe", filepath.Join(in, "script-block.md"))
		require.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, scriptIn(t, r.stdout), "<script>", "trusted input keeps its raw HTML")
	})
}
