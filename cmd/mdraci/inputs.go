package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/keyword"
)

// inputFlags are the flags every command that reads documents takes.
type inputFlags struct {
	keywords multiFlag
	strict   bool
	unsafe   bool
	from     string
	jobs     int
	// plainTables renders responsibility tables as ordinary tables (only
	// convert has the flag).
	plainTables bool
	// problems counts the arguments, or parts of folders, that could not
	// be read (prepare reported them): the run goes on, and exits 1.
	problems int
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.keywords, "keywords", "keyword `FILE|DIR` (YAML, or a Jekyll _data folder) on top of the defaults; repeatable")
	fs.BoolVar(&f.strict, "strict", false, "make unresolved keywords errors")
	fs.BoolVar(&f.unsafe, "unsafe", false, "pass raw HTML and style attributes through unsanitized (trusted input only)")
	fs.StringVar(&f.from, "from", "", "input `FORMAT`: markdown, text or html (default: from the file name and content)")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "`N` files converted at once")
}

// converter builds the Converter the flags describe.
func (f *inputFlags) converter() (*extension.Converter, error) {
	data, err := f.keywordData()
	if err != nil {
		return nil, err
	}
	return extension.NewConverter(
		extension.WithKeywords(data),
		extension.WithStrict(f.strict),
		extension.WithUnsafe(f.unsafe),
		extension.WithMatrices(!f.plainTables),
	), nil
}

// keywordData returns the keywords the flags name, on top of the defaults.
func (f *inputFlags) keywordData() (*keyword.Data, error) {
	data := keyword.Default()
	for _, k := range f.keywords {
		if err := data.Load(k); err != nil {
			return nil, fmt.Errorf("--keywords: %w", err)
		}
	}
	return data, nil
}

// input is one document to read: a file, or standard input.
type input struct {
	// name is the path as diagnostics show it ("<stdin>" for stdin).
	name string
	// rel is the path below the folder argument it was found in (the
	// base name for files given directly), for mirroring into -o.
	rel string
	// stdin is set for standard input.
	stdin bool
	// dir is set for files found in a folder argument.
	dir bool
}

// documentExts are the extensions read from folders.
var documentExts = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true}

// errNoPages is the problem with a folder holding no page to read.
var errNoPages = errors.New("the folder holds no page to read (.md, .markdown, .txt, .html or .htm files)")

// expand lists the documents the arguments name: files, folders (walked,
// sorted) and "-". An argument that cannot be read, a folder part of
// which cannot, or a folder of no page is a problem; the other documents are still listed. The
// folder outDir, where the run writes, is left out of the folders walked
// (with what is below it), unless it is the argument itself: a run never
// reads what an earlier one wrote there.
func expand(args []string, outDir string) (ins []input, problems []error) {
	if len(args) == 0 {
		args = []string{"-"}
	}
	var out fs.FileInfo
	if outDir != "" {
		out, _ = os.Stat(outDir) // none yet: nothing to leave out
	}
	for _, a := range args {
		if a == "-" {
			ins = append(ins, input{name: "<stdin>", rel: "stdin", stdin: true})
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if !info.IsDir() {
			ins = append(ins, input{name: a, rel: filepath.Base(a)})
			continue
		}
		var found []input
		_ = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, err)
				return nil // the rest of the folder is still read
			}
			if d.IsDir() {
				if p != a && (strings.HasPrefix(d.Name(), ".") || isFolder(d, out)) {
					return filepath.SkipDir
				}
				return nil
			}
			if documentExts[strings.ToLower(filepath.Ext(p))] {
				rel, _ := filepath.Rel(a, p)
				found = append(found, input{name: p, rel: rel, dir: true})
			}
			return nil
		})
		if len(found) == 0 {
			// a mistyped or wrong folder is no success with nothing done
			problems = append(problems, &fs.PathError{Op: "read", Path: a, Err: errNoPages})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].rel < found[j].rel })
		ins = append(ins, found...)
	}
	return ins, problems
}

// isFolder reports whether the folder entry d is the folder info
// describes (nil: none).
func isFolder(d fs.DirEntry, info fs.FileInfo) bool {
	if info == nil {
		return false
	}
	di, err := d.Info()
	return err == nil && os.SameFile(di, info)
}

// reportProblem prints a problem with a whole file as a diagnostic at its
// start, "PATH:1:1: error: what", the path not repeated in what.
func reportProblem(w io.Writer, name string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		name, err = pe.Path, pe.Err
	}
	fmt.Fprintf(w, "%s:1:1: error: %v\n", name, err)
}

// read returns the input's bytes.
func (in input) read(stdin io.Reader) ([]byte, error) {
	if in.stdin {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(in.name)
}

// parse reads and parses one input. A panic inside the library (a bug:
// it must never happen on any input) becomes an error for that input.
func (f *inputFlags) parse(c *extension.Converter, in input, stdin io.Reader) (res *extension.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("internal error, please report it: %v", p)
		}
	}()
	src, err := in.read(stdin)
	if err != nil {
		return nil, err
	}
	format := extension.DetectFormat(in.name, src)
	if f.from != "" {
		format, _ = extension.ParseFormat(f.from)
	}
	return c.Parse(in.name, src, format), nil
}

// each calls work for every input, at most jobs at once, and then done in
// input order, so output stays in order while only a window of documents
// is held in memory.
func each[T any](ins []input, jobs int, work func(input) T, done func(input, T)) {
	jobs = max(1, min(jobs, len(ins)))
	window := make(chan struct{}, 2*jobs) // documents started but not yet done
	// one result slot per document of the window, reused: document i is
	// started only once document i-cap(window) is done, so that its slot
	// is free (memory stays a window's worth, whatever the number of
	// documents)
	results := make([]chan T, cap(window))
	for i := range results {
		results[i] = make(chan T, 1)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i%len(results)] <- work(ins[i])
			}
		}()
	}
	go func() {
		for i := range ins {
			window <- struct{}{}
			next <- i
		}
		close(next)
	}()
	for i, in := range ins {
		done(in, <-results[i%len(results)])
		<-window
	}
	wg.Wait()
}

// report prints diagnostics and returns how many were errors.
func report(w io.Writer, ds []diag.Diagnostic) int {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
	return diag.Count(ds, diag.Error)
}

// usageError prints a usage error for fs and returns 2.
func usageError(fs *flag.FlagSet, stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "mdraci %s: %v\nRun 'mdraci help %s' for its flags.\n", fs.Name(), err, fs.Name())
	return 2
}

// flagsFirst moves the flags among args in front of the other arguments,
// in order, so that flags are taken anywhere (the flag package stops at
// the first argument that is not one); "--" ends the flags. A flag fs
// defines as taking a value (not a boolean one) takes the next argument,
// unless it is written -name=value.
//
// A value flag that is the last argument has no value: the flags are then
// returned up to it, without the "--" and the other arguments, so that
// the flag package reports "flag needs an argument" instead of taking
// the "--" added here as the value.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' { // "-" is standard input
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if f := fs.Lookup(name); f != nil && !hasValue && !isBoolFlag(f) {
			if i+1 == len(args) {
				return flags // no value: the flag package says so
			}
			i++
			flags = append(flags, args[i])
		}
	}
	return append(append(flags, "--"), rest...)
}

// isBoolFlag reports whether f takes no value of its own.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parseFlags parses a command's args into fs: -h or --help prints the
// command's usage (fs.Usage, writing to fs.Output()) to stdout; a bad flag
// gets one line and a hint on stderr (usageError). ok is false when the
// command must stop and return code.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package would print it on every error
	fs.SetOutput(io.Discard)
	err := fs.Parse(flagsFirst(fs, args))
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return 0, false
	case err != nil:
		fs.SetOutput(stderr)
		return usageError(fs, stderr, err), false
	}
	fs.SetOutput(stderr)
	return 0, true
}
