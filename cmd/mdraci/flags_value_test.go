package main

import (
	"flag"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// helpFlagRE is a flag line of a command's help: "  -name" for a boolean
// flag, "  -name VALUE" for one that takes a value.
var helpFlagRE = regexp.MustCompile(`(?m)^  -(\S+)( \S+)?$`)

// valueFlags returns the flags of cmd that take a value, read from its
// help, so that a flag added later is tested too.
func valueFlags(t *testing.T, cmd string) []string {
	t.Helper()
	r := runForTest(t, "", cmd, "--help")
	require.Equal(t, 0, r.code, r.stderr)
	var names []string
	for _, m := range helpFlagRE.FindAllStringSubmatch(r.stdout, -1) {
		if m[2] != "" {
			names = append(names, m[1])
		}
	}
	require.NotEmpty(t, names, "no value flag found in the help of %s:\n%s", cmd, r.stdout)
	return names
}

// TestTrailingValueFlag gives every value flag of every command as the
// last argument, without its value: a usage error, exit 2, as the flag
// package gives, never the "--" that flag reordering adds taken as the
// value (convert page.md -o once wrote ./--/page.html).
func TestTrailingValueFlag(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{"page.md": "# T\n", "new.md": "# U\n"})
	t.Chdir(dir) // a "--" folder would be created here

	for _, cmd := range []string{"convert", "model", "lint", "hugo", "diff"} {
		for _, name := range valueFlags(t, cmd) {
			for _, dash := range []string{"-", "--"} {
				flagArg := dash + name
				for _, args := range [][]string{
					{cmd, "page.md", "new.md", flagArg},
					{cmd, flagArg},
					{cmd, "-", flagArg},
					{cmd, "--strict", "page.md", "new.md", flagArg},
				} {
					t.Run(strings.Join(args, " "), func(t *testing.T) {
						r := runForTest(t, "", args...)
						assert.Equal(t, 2, r.code, "stdout: %s\nstderr: %s", r.stdout, r.stderr)
						assert.Equal(t, "mdraci "+cmd+": flag needs an argument: -"+name+"\n"+
							"Run 'mdraci help "+cmd+"' for its flags.\n", r.stderr)
						assert.Empty(t, r.stdout)
						assert.NoDirExists(t, filepath.Join(dir, "--"))
					})
				}
			}
		}
	}
}

// TestValueFlagForms checks that a value flag still takes its value in
// each way it can be written, "--" given by the user still ends the flags
// and "-" is still standard input.
func TestValueFlagForms(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{"page.md": "# T\n", "-o": "# Dash\n"})
	t.Chdir(dir)
	const stdinDoc = "# In\n"

	t.Run("value after the input", func(t *testing.T) {
		r := runForTest(t, "", "convert", "page.md", "-o", "out1")
		require.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, []string{"page.html"}, filesBelow(t, "out1"))
	})
	t.Run("-o=DIR after the input", func(t *testing.T) {
		r := runForTest(t, "", "convert", "page.md", "-o=out2")
		require.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, []string{"page.html"}, filesBelow(t, "out2"))
	})
	t.Run("--o=DIR last, stdin", func(t *testing.T) {
		r := runForTest(t, stdinDoc, "convert", "-", "--o=out3")
		require.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, []string{"stdin.html"}, filesBelow(t, "out3"))
	})
	t.Run("-o= is an empty value, not a missing one", func(t *testing.T) {
		r := runForTest(t, "", "convert", "page.md", "-o=")
		require.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, r.stdout, `<h1 id="t">`, "no -o folder: standard output")
		h := runForTest(t, "", "hugo", "page.md", "-o=")
		assert.Equal(t, 2, h.code, "hugo needs -o: %s", h.stderr)
	})
	t.Run("value then stdin", func(t *testing.T) {
		r := runForTest(t, stdinDoc, "convert", "-o", "out4", "-")
		require.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, []string{"stdin.html"}, filesBelow(t, "out4"))
	})
	t.Run("user -- then a file named -o", func(t *testing.T) {
		r := runForTest(t, "", "convert", "--", "-o")
		require.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, r.stdout, `<h1 id="dash">`, "-o after -- is the file")
	})
	t.Run("flag after user --", func(t *testing.T) {
		r := runForTest(t, "", "lint", "page.md", "--", "--keywords")
		assert.Equal(t, 1, r.code, r.stderr)
		assert.Contains(t, r.stderr, "--keywords:1:1: error: no such file or directory", "a file, not a flag")
	})
	t.Run("trailing boolean flag", func(t *testing.T) {
		r := runForTest(t, "", "convert", "page.md", "--page")
		require.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, r.stdout, "<!DOCTYPE html>")
	})
	assert.NoDirExists(t, filepath.Join(dir, "--"))
}

// TestFlagsFirst checks the reordering itself.
func TestFlagsFirst(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("o", "", "")
	fs.Bool("b", false, "")
	tests := []struct {
		args, want []string
	}{
		{[]string{"a", "-o", "d", "b"}, []string{"-o", "d", "--", "a", "b"}},
		{[]string{"a", "-b"}, []string{"-b", "--", "a"}},
		{[]string{"a", "-o=d"}, []string{"-o=d", "--", "a"}},
		{[]string{"a", "-o="}, []string{"-o=", "--", "a"}},
		{[]string{"-", "-o", "d"}, []string{"-o", "d", "--", "-"}},
		{[]string{"a", "--", "-o"}, []string{"--", "a", "-o"}},
		// no value for -o: nothing after it, for the flag package to
		// report it
		{[]string{"a", "-o"}, []string{"-o"}},
		{[]string{"-b", "a", "--o"}, []string{"-b", "--o"}},
		{[]string{"-o"}, []string{"-o"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, flagsFirst(fs, tt.args), "%q", tt.args)
	}
	err := fs.Parse(flagsFirst(fs, []string{"a", "-o"}))
	require.Error(t, err)
	assert.Equal(t, "flag needs an argument: -o", err.Error())
}
