package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// filesBelow lists the files below dir, as slash paths relative to it.
func filesBelow(t *testing.T, dir string) []string {
	t.Helper()
	var got []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	}))
	sort.Strings(got)
	return got
}

// TestOutputNeverReplacesAnInput writes -o into the input folder itself:
// an output that would replace an input file is an error naming both, and
// the file is left as it was.
func TestOutputNeverReplacesAnInput(t *testing.T) {
	const doc = "<h1>Original</h1><table><tr><th>Task</th><th>Provider</th><th>Customer</th></tr>" +
		"<tr><td>Patch</td><td>R</td><td>A</td></tr></table>\n"
	for _, c := range []struct {
		args []string
		ext  string
		// extra is an input given by name beside the folder
		extra string
		// replacing are the inputs whose output would replace an input
		replacing []string
	}{
		{[]string{"convert"}, ".html", "", []string{"doc.html", "doc.md"}},
		{[]string{"convert", "--page"}, ".html", "", []string{"doc.html", "doc.md"}},
		// model's outputs are not read from folders, only when named
		{[]string{"model"}, ".json", "doc.json", []string{"doc.html", "doc.md", "doc.json"}},
		{[]string{"model", "--format", "csv"}, ".csv", "doc.csv", []string{"doc.html", "doc.md", "doc.csv"}},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "inplace")
			files := map[string]string{"doc.html": doc, "doc.md": "# Doc\n", "doc.json": "{}", "doc.csv": "a\n", "other.md": "# Other\n"}
			writeTestFiles(t, dir, files)
			args := append(c.args, "-o", dir, dir)
			if c.extra != "" {
				args = append(args, filepath.Join(dir, c.extra))
			}
			r := runForTest(t, "", args...)
			assert.Equal(t, 1, r.code, r.stderr)
			var want string
			for _, name := range c.replacing {
				want += filepath.Join(dir, name) + ":1:1: error: not writing " + filepath.Join(dir, "doc"+c.ext) + ": it is an input of this run\n"
			}
			assert.Equal(t, want, r.stderr)
			for name, content := range files {
				b, err := os.ReadFile(filepath.Join(dir, name))
				require.NoError(t, err)
				assert.Equal(t, content, string(b), "%s changed", name)
			}
			assert.FileExists(t, filepath.Join(dir, "other"+c.ext), "the other inputs are written")
		})
	}
}

// TestOutputNeverReplacesAnInputThroughLinks writes -o through symbolic
// links: a linked folder naming the input folder, and a link in the -o
// folder to an input. Neither input is replaced; the link in the -o
// folder is replaced by the output, the file it pointed to left alone.
func TestOutputNeverReplacesAnInputThroughLinks(t *testing.T) {
	root := t.TempDir()
	const src = "<h1>Original</h1>\n"
	writeTestFiles(t, root, map[string]string{"in/page.html": src, "c5/p.md": "# P\n"})
	if err := os.Symlink(filepath.Join(root, "in"), filepath.Join(root, "link")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	r := runForTest(t, "", "convert", "-o", filepath.Join(root, "link"), filepath.Join(root, "in"))
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stderr, "it is an input of this run")
	b, err := os.ReadFile(filepath.Join(root, "in", "page.html"))
	require.NoError(t, err)
	assert.Equal(t, src, string(b), "the input behind the linked folder is unchanged")

	// a link in the -o folder to another run's input: replaced, not
	// written through
	out := filepath.Join(root, "o7")
	require.NoError(t, os.MkdirAll(out, 0o755))
	require.NoError(t, os.Symlink(filepath.Join(root, "c5", "p.md"), filepath.Join(out, "p.html")))
	r = runForTest(t, "", "convert", "-o", out, filepath.Join(root, "c5"))
	assert.Equal(t, 1, r.code, "p.html is (a link to) the input p.md: %s", r.stderr)
	b, err = os.ReadFile(filepath.Join(root, "c5", "p.md"))
	require.NoError(t, err)
	assert.Equal(t, "# P\n", string(b), "the linked input is unchanged")

	// a link to a file that is no input is replaced by the output
	other := filepath.Join(root, "other.txt")
	require.NoError(t, os.WriteFile(other, []byte("keep\n"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(out, "p.html")))
	require.NoError(t, os.Symlink(other, filepath.Join(out, "p.html")))
	r = runForTest(t, "", "convert", "-o", out, filepath.Join(root, "c5"))
	assert.Equal(t, 0, r.code, r.stderr)
	b, err = os.ReadFile(other)
	require.NoError(t, err)
	assert.Equal(t, "keep\n", string(b), "the file the link pointed to is unchanged")
	info, err := os.Lstat(filepath.Join(out, "p.html"))
	require.NoError(t, err)
	assert.True(t, info.Mode().IsRegular(), "the link is replaced by the output")
	assert.Equal(t, []string{"p.html"}, filesBelow(t, out), "no temporary file is left")
}

// TestOutputFolderNotRead runs each command three times with -o a folder
// inside its input folder: a run never reads what an earlier one wrote.
func TestOutputFolderNotRead(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"convert", "--page"}, []string{"a.html", "index.html", "sub/b.html"}},
		{[]string{"model"}, []string{"a.json", "sub/b.json"}},
		{[]string{"model", "--format", "csv"}, []string{"a.csv", "sub/b.csv"}},
		{[]string{"hugo"}, []string{".mdraci-hugo.json", "a/index.md", "a/model.json", "sub/b/index.md", "sub/b/model.json"}},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			dir := t.TempDir()
			writeTestFiles(t, dir, map[string]string{"nest/a.md": "# A\n", "nest/sub/b.md": "# B\n"})
			out := filepath.Join(dir, "nest", "out")
			for range 3 {
				r := runForTest(t, "", append(c.args, "-o", out, filepath.Join(dir, "nest"))...)
				require.Equal(t, 0, r.code, r.stderr)
			}
			assert.Equal(t, c.want, filesBelow(t, out))
			if c.args[0] == "convert" {
				index, err := os.ReadFile(filepath.Join(out, "index.html"))
				require.NoError(t, err)
				assert.NotContains(t, string(index), "out/", "the index lists the inputs only")
			}
		})
	}
	t.Run("hugo into its input folder", func(t *testing.T) {
		dir := t.TempDir()
		writeTestFiles(t, dir, map[string]string{"a.md": "# A\n"})
		for range 2 {
			r := runForTest(t, "", "hugo", "-o", dir, dir)
			require.Equal(t, 0, r.code, r.stderr)
			assert.Contains(t, r.stdout, "1 page bundle(s)", "its own a/index.md is not a new page")
		}
		assert.Equal(t, []string{".mdraci-hugo.json", "a.md", "a/index.md", "a/model.json"}, filesBelow(t, dir))
	})
}

// TestOutputCollisions gives two inputs the same output file: the second
// is an error, the first keeps the name.
func TestOutputCollisions(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{
		"col/a/x.md":         "# From a\n",
		"col/b/x.md":         "# From b\n",
		"mix/page.html":      "<h1>From html</h1>\n",
		"mix/page.md":        "# From md\n",
		"mix/page.txt":       "# From txt\n",
		"mix/other.md":       "# Other\n",
		"std/stdin.md":       "# From folder\n",
		"withindex/a.md":     "# A\n",
		"withindex/index.md": "# Home\n",
	})
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	read := func(name string) string {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		return string(b)
	}
	collision := func(input, out string) string {
		return input + ":1:1: error: " + out + " is written by another input of this run"
	}

	t.Run("files given by name", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "o1")
		r := runForTest(t, "", "convert", "-o", out, p("col/a/x.md"), p("col/b/x.md"))
		assert.Equal(t, 1, r.code)
		assert.Equal(t, collision(p("col/b/x.md"), filepath.Join(out, "x.html"))+"\n", r.stderr)
		assert.Contains(t, read(filepath.Join(out, "x.html")), "From a")
	})
	t.Run("one name, three formats", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "o2")
		r := runForTest(t, "", "convert", "--page", "-o", out, p("mix"))
		assert.Equal(t, 1, r.code)
		page := filepath.Join(out, "page.html")
		assert.Equal(t, collision(p("mix/page.md"), page)+"\n"+collision(p("mix/page.txt"), page)+"\n", r.stderr)
		assert.Contains(t, read(page), "From html", "the first input, in sorted order, keeps the name")
		assert.Equal(t, 1, strings.Count(read(filepath.Join(out, "index.html")), `href="./page.html"`))
	})
	t.Run("stdin and stdin.md", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "o3")
		r := runForTest(t, "# From stdin\n", "convert", "-o", out, "-", p("std"))
		assert.Equal(t, 1, r.code)
		assert.Equal(t, collision(p("std/stdin.md"), filepath.Join(out, "stdin.html"))+"\n", r.stderr)
		assert.Contains(t, read(filepath.Join(out, "stdin.html")), "From stdin")
	})
	t.Run("model", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "o4")
		r := runForTest(t, "", "model", "-o", out, p("col/a/x.md"), p("col/b/x.md"))
		assert.Equal(t, 1, r.code)
		assert.Equal(t, collision(p("col/b/x.md"), filepath.Join(out, "x.json"))+"\n", r.stderr)
		var doc map[string]any
		require.NoError(t, json.Unmarshal([]byte(read(filepath.Join(out, "x.json"))), &doc))
		assert.Equal(t, p("col/a/x.md"), doc["file"])
	})
	t.Run("an input and the index page", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "o5")
		r := runForTest(t, "", "convert", "--page", "-o", out, p("withindex"))
		assert.Equal(t, 1, r.code)
		assert.Equal(t, "mdraci convert: index page not written: "+filepath.Join(out, "index.html")+
			" is written by another input of this run\n", r.stderr)
		assert.Contains(t, read(filepath.Join(out, "index.html")), "Home")
	})
	t.Run("no collision", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "o6")
		r := runForTest(t, "", "convert", "-o", out, p("col"))
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, []string{"a/x.html", "b/x.html"}, filesBelow(t, out), "folders are mirrored")
	})
}

// TestOutputFolderCannotBeCreated reports an output folder that cannot be
// created once, as the command's error, not as a finding in each input.
func TestOutputFolderCannotBeCreated(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{"a.md": "# A\n", "b.md": "# B\n"})
	out := filepath.Join(dir, "a.md", "out") // below a file
	for _, cmd := range []string{"convert", "model", "hugo"} {
		t.Run(cmd, func(t *testing.T) {
			r := runForTest(t, "", cmd, "-o", out, filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md"))
			assert.Equal(t, 1, r.code)
			assert.Equal(t, "mdraci "+cmd+": cannot create output folder "+out+": not a directory\n", r.stderr)
		})
	}
}

// TestFlagsAnywhere gives flags after the inputs, and "--" before an input
// whose name starts with "-".
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	const doc = "# Doc\n\n| Task | Provider | Customer |\n|---|---|---|\n| Patch | R | A |\n"
	writeTestFiles(t, dir, map[string]string{"doc.md": doc, "-x.md": doc, "new.md": strings.Replace(doc, "| R | A |", "| A | R |", 1)})
	f := filepath.Join(dir, "doc.md")
	t.Chdir(dir) // for "-x.md", which cannot be given as a path starting elsewhere

	lint := runForTest(t, "", "lint", f, "--format", "json")
	require.Equal(t, 0, lint.code, lint.stderr)
	assert.True(t, json.Valid([]byte(lint.stdout)), "JSON: %s", lint.stdout)

	model := runForTest(t, "", "model", f, "--format=csv", "-j", "1")
	require.Equal(t, 0, model.code, model.stderr)
	assert.True(t, strings.HasPrefix(model.stdout, "file,"), model.stdout)

	// --page takes no value: the file after it is an input
	out := filepath.Join(t.TempDir(), "site")
	conv := runForTest(t, "", "convert", f, "-o", out, "--page", "new.md")
	require.Equal(t, 0, conv.code, conv.stderr)
	assert.Equal(t, []string{"doc.html", "new.html"}, filesBelow(t, out))
	page, err := os.ReadFile(filepath.Join(out, "doc.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), "<!DOCTYPE html>")

	diff := runForTest(t, "", "diff", f, "new.md", "--format", "json")
	assert.Equal(t, 1, diff.code, diff.stderr)
	assert.True(t, strings.HasPrefix(diff.stdout, "["), diff.stdout)

	hugo := runForTest(t, "", "hugo", f, "-o", filepath.Join(t.TempDir(), "content"), "--strict")
	assert.Equal(t, 0, hugo.code, hugo.stderr)

	dash := runForTest(t, "", "lint", "--format", "json", "--", "-x.md", "--format")
	assert.Equal(t, 1, dash.code, "after --, --format is a file name")
	assert.NotContains(t, dash.stderr, "-x.md:1:1: error", "-x.md is read")
	assert.Contains(t, dash.stderr, "--format:1:1: error: no such file or directory")
	assert.True(t, strings.HasPrefix(dash.stdout, "["), dash.stdout)

	bad := runForTest(t, "", "lint", f, "-x.md")
	assert.Equal(t, 2, bad.code, "without --, -x.md is a flag")
	assert.Contains(t, bad.stderr, "flag provided but not defined: -x.md")
}
