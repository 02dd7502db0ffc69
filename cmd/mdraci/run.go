package main

import (
	"fmt"
	"io"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

const usage = `mdraci turns shared-responsibility documentation into consistent HTML.

Usage:
  mdraci convert [flags] [FILE|DIR|-]...   write HTML (a fragment, or --page)
  mdraci model [flags] [FILE|DIR|-]...     write the responsibility model as JSON
  mdraci lint [flags] [FILE|DIR|-]...      check the responsibility matrices
  mdraci diff [flags] OLD NEW              compare who does what in two versions
  mdraci hugo -o DIR [FILE|DIR|-]...       write Hugo page bundles for the mdraci theme
  mdraci version                           print the version
  mdraci help [COMMAND]                    show help

Inputs are files, folders (read recursively: .md, .markdown, .txt, .html, .htm)
or "-" for standard input; no input means standard input.
Diagnostics go to standard error as file:line:col: severity: message
(lint writes its findings, the output it is run for, to standard output).
Exit status: 0 when fine, 1 when errors were reported, 2 for usage errors.
`

// run is the whole command: main only passes its arguments, streams and
// exit status through. Output that cannot be written (a full disk, a
// closed standard output) is an error, reported once: the exit status is
// then 1 at least.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &checkedWriter{w: stdout}
	code := dispatch(args, stdin, out, stderr)
	if out.err != nil {
		fmt.Fprintf(stderr, "mdraci: cannot write the output: %v\n", out.err)
		code = max(code, 1)
	}
	return code
}

// checkedWriter writes to w and keeps the first error; after one, it
// writes nothing more (the rest would be lost too).
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

// dispatch runs the command args name.
func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "convert", "model", "lint", "hugo", "diff":
		defer batchGC()()
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "convert":
		return convertCmd(rest, stdin, stdout, stderr)
	case "model":
		return modelCmd(rest, stdin, stdout, stderr)
	case "lint":
		return lintCmd(rest, stdin, stdout, stderr)
	case "diff":
		return diffCmd(rest, stdin, stdout, stderr)
	case "hugo":
		return hugoCmd(rest, stdin, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "mdraci", version)
		return 0
	case "help", "-h", "--help":
		if len(rest) > 0 && rest[0] != "help" && !strings.HasPrefix(rest[0], "-") {
			// "help convert": that command's help (an unknown name gets
			// the unknown-command error); "help help", "help -h": this
			return dispatch([]string{rest[0], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "mdraci: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ",") }

func (m *multiFlag) Set(s string) error {
	*m = append(*m, s)
	return nil
}
