package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// makeOutDir creates the -o folder of a run, once: a folder that cannot be
// created is one error for the command, not one per input.
func makeOutDir(cmd, dir string, stderr io.Writer) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "mdraci %s: cannot create output folder %s: %v\n", cmd, dir, pathErr(err))
		return false
	}
	return true
}

// pathErr returns what went wrong in err without the path a *fs.PathError
// repeats.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// outPath is the file an input found at rel is written to in dir: rel with
// the extension ext.
func outPath(dir, rel, ext string) string {
	return filepath.Join(dir, strings.TrimSuffix(rel, filepath.Ext(rel))+ext)
}

// writeOut writes b to dir/rel with the extension ext.
func writeOut(dir, rel, ext string, b []byte) error {
	p := outPath(dir, rel, ext)
	err := os.MkdirAll(filepath.Dir(p), 0o755)
	if err == nil {
		err = replaceFile(p, b)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", p, pathErr(err))
	}
	return nil
}

// replaceFile writes b to a new file beside p, then renames it to p: a
// reader never sees half a file, a failed write leaves p as it was, and
// a symbolic link at p is replaced, not the file it points to.
func replaceFile(p string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// claims hands out the files of a run's -o folder: each to one writer
// only, the first to ask for it, and never an input file of the run.
type claims struct {
	inputs map[string][]string // the inputs by pathKey
	taken  map[string]bool
}

// newClaims returns the claims of a run reading ins.
func newClaims(ins []input) *claims {
	c := &claims{inputs: map[string][]string{}, taken: map[string]bool{}}
	for _, i := range ins {
		if !i.stdin {
			k := pathKey(resolved(i.name))
			c.inputs[k] = append(c.inputs[k], i.name)
		}
	}
	return c
}

// isInput reports whether p is one of the run's input files.
func (c *claims) isInput(p string) bool {
	for _, name := range c.inputs[pathKey(resolved(p))] {
		if sameFile(name, p) {
			return true
		}
	}
	return false
}

// claim takes the file p, or says why it cannot be written.
func (c *claims) claim(p string) error {
	if c.isInput(p) {
		return fmt.Errorf("not writing %s: it is an input of this run", p)
	}
	if c.taken[p] {
		return fmt.Errorf("%s is written by another input of this run", p)
	}
	c.taken[p] = true
	return nil
}

// claimOutputs returns the inputs that may be written to dir (each to
// outPath(dir, rel, ext)), and the claims made; it reports the others on
// stderr, with how many: an input whose file is an input itself (never
// overwritten), or is already another input's (the first keeps it).
func claimOutputs(ins []input, dir, ext string, stderr io.Writer) (kept []input, c *claims, dropped int) {
	c = newClaims(ins)
	for _, i := range ins {
		if err := c.claim(outPath(dir, i.rel, ext)); err != nil {
			reportProblem(stderr, i.name, err)
			dropped++
			continue
		}
		kept = append(kept, i)
	}
	return kept, c, dropped
}

// pathKey is a path made absolute and lower-cased: two paths naming the
// same file have the same key, also on file systems that ignore case.
func pathKey(p string) string {
	return strings.ToLower(absPath(p))
}

// resolved is p with its symbolic links followed: an output reached
// through a linked folder, or a link to an input, has the input's path.
// It is p when p does not exist (no input then).
func resolved(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// absPath is p made absolute, or p when that fails.
func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// sameFile reports whether the paths a and b name the same existing file.
func sameFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	return err == nil && os.SameFile(ai, bi)
}
