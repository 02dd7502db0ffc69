package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/model"
)

// Kinds of the changes diff reports beside model.Diff's: a document only
// in the old or only in the new folder.
const (
	changeFileAdded   = "file-added"
	changeFileRemoved = "file-removed"
)

func diffCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	var in inputFlags
	in.register(fs)
	format := fs.String("format", "text", "output `FORMAT`: text (file:line: change) or json")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: mdraci diff [flags] OLD NEW

Compare the responsibility models of two versions of a document (two files,
or two folders whose documents are paired by their paths below them; "-"
for standard input on one side): title, legend, parties, matrices and rows
added or removed, and who does what changed, row by row (activity, roles,
duties, status, grid cells, qualifiers, comment, notes). Rows are paired by
their activities, in order: a reworded activity is a row removed and a row
added, a row taken elsewhere in its table a row moved. Tables are paired by
their ids, else by the rows they share, so a table whose section was renamed,
renumbered or moved keeps its pair; a party renamed (the only one of its kind
gone, the only one come) keeps its rows. Exit status: 0 no difference, 1
differences, 2 usage errors or an input that cannot be read.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return usageError(fs, stderr, fmt.Errorf("--format must be text or json, not %q", *format))
	}
	if fs.NArg() != 2 {
		return usageError(fs, stderr, errors.New("diff needs two inputs: OLD NEW (two files, or two folders)"))
	}
	if in.from != "" {
		if _, err := extension.ParseFormat(in.from); err != nil {
			return usageError(fs, stderr, err)
		}
	}
	pairs, err := diffPairs(fs.Arg(0), fs.Arg(1))
	if err != nil {
		return usageError(fs, stderr, err)
	}
	c, err := in.converter()
	if err != nil {
		fmt.Fprintf(stderr, "mdraci diff: %v\n", err)
		return 2
	}
	changes := []model.Change{} // [] in JSON when none
	trouble := false
	for _, p := range pairs {
		switch {
		case p.old == nil:
			changes = append(changes, model.Change{Kind: changeFileAdded, NewFile: p.new.name, NewLine: 1})
			continue
		case p.new == nil:
			changes = append(changes, model.Change{Kind: changeFileRemoved, OldFile: p.old.name, OldLine: 1})
			continue
		}
		var docs [2]*model.Document
		for i, side := range []*input{p.old, p.new} {
			doc, reading, err := buildModel(&in, c, *side, stdin)
			if err != nil {
				reportProblem(stderr, side.name, err)
				trouble = true
				break
			}
			report(stderr, reading) // reading problems, as model prints them
			docs[i] = doc
		}
		if docs[0] != nil && docs[1] != nil {
			changes = append(changes, model.Diff(docs[0], docs[1])...)
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(changes)
	} else {
		for _, ch := range changes {
			fmt.Fprintln(stdout, changeLine(ch))
		}
	}
	switch {
	case trouble:
		return 2
	case len(changes) > 0:
		return 1
	}
	return 0
}

// changeLine writes a change as "file:line: change": where it is in the
// new file, or in the old one for what was removed; a change located in
// neither (a title) is told at the start of the new file.
func changeLine(c model.Change) string {
	switch c.Kind {
	case changeFileAdded:
		return c.NewFile + ":1: document added"
	case changeFileRemoved:
		return c.OldFile + ":1: document removed"
	}
	file, line := c.NewFile, c.NewLine
	if line == 0 && c.OldLine != 0 {
		file, line = c.OldFile, c.OldLine
	}
	return fmt.Sprintf("%s:%d: %s", file, max(line, 1), c)
}

// diffPair is a document in its old and new versions; nil for the side it
// is missing from.
type diffPair struct {
	old, new *input
}

// diffPairs pairs the documents of two files, or of two folders by their
// paths below them (sorted; documents of one side only are paired with
// nil).
func diffPairs(oldArg, newArg string) ([]diffPair, error) {
	if oldArg == "-" && newArg == "-" {
		return nil, errors.New("standard input can be one side only")
	}
	oldDir, newDir := isDir(oldArg), isDir(newArg)
	if oldDir != newDir {
		return nil, fmt.Errorf("%s and %s: compare two files or two folders", oldArg, newArg)
	}
	olds, problems := expand([]string{oldArg}, "")
	news, more := expand([]string{newArg}, "")
	if problems = append(problems, more...); len(problems) > 0 {
		return nil, problems[0]
	}
	if !oldDir {
		return []diffPair{{&olds[0], &news[0]}}, nil
	}
	byRel := map[string]*diffPair{}
	for i := range olds {
		byRel[olds[i].rel] = &diffPair{old: &olds[i]}
	}
	for i := range news {
		if p := byRel[news[i].rel]; p != nil {
			p.new = &news[i]
		} else {
			byRel[news[i].rel] = &diffPair{new: &news[i]}
		}
	}
	rels := make([]string, 0, len(byRel))
	for rel := range byRel {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	out := make([]diffPair, len(rels))
	for i, rel := range rels {
		out[i] = *byRel[rel]
	}
	return out, nil
}

// isDir reports whether path is a folder ("-" is not).
func isDir(path string) bool {
	info, err := os.Stat(path)
	return path != "-" && err == nil && info.IsDir()
}
