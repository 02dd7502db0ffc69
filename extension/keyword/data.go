package keyword

import (
	_ "embed"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed defaults.yaml
var defaultsYAML []byte

// ErrUnknown is returned by Data.Resolve for a path that no data file
// defines.
var ErrUnknown = errors.New("unknown keyword")

// ErrCycle is returned by Data.Resolve for a keyword whose value refers,
// directly or through other keywords, to itself.
var ErrCycle = errors.New("keyword refers to itself")

// ErrTooLarge is returned by Data.Resolve for a keyword whose value, its
// references resolved, would be longer than MaxValue bytes: values that
// refer to others many times over (a: "{{b}}{{b}}", b: "{{c}}{{c}}", …)
// cannot grow without bound.
var ErrTooLarge = errors.New("keyword value is too large")

// MaxValue is the longest a resolved keyword value may be, in bytes.
const MaxValue = 1 << 20

// ErrNotValue is returned by Data.Resolve for a path that names a group of
// values (a YAML map or list) rather than one value.
var ErrNotValue = errors.New("keyword names a group, not a value")

// Data holds Jekyll-style site data: the values that
// {{site.data.PATH.TO.VALUE}} refers to. A Data is safe for concurrent use
// once loaded.
type Data struct {
	root map[string]any

	mu    sync.RWMutex
	cache map[string]resolved // Resolve's answers
	raws  map[string]resolved // resolveRaw's answers
}

type resolved struct {
	value string
	err   error
}

// NewData returns an empty Data.
func NewData() *Data {
	return &Data{root: map[string]any{}, cache: map[string]resolved{}, raws: map[string]resolved{}}
}

// Default returns a new Data holding mdraci's embedded defaults: IBM's
// standard attribute definition list
// ({{site.data.keyword.attribute-definition-list}}) and the product keywords
// IBM Cloud responsibility pages use.
func Default() *Data {
	d := NewData()
	if err := d.AddYAML("", defaultsYAML); err != nil {
		panic("keyword: embedded defaults: " + err.Error()) // a build error, not user input
	}
	return d
}

// AddYAML merges a YAML document into d. With name "", the document's
// top-level keys are data keys, as in IBM's keyword files ("keyword:" at the
// top). With a name, the document is stored under that key, as Jekyll does
// for _data/NAME.yml. Later values replace earlier ones; maps merge.
func (d *Data) AddYAML(name string, src []byte) error {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return fmt.Errorf("reading keyword data: %w", err)
	}
	if v == nil {
		return nil
	}
	if name != "" {
		v = map[string]any{name: v}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("reading keyword data: the top level must be a map of names to values")
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	merge(d.root, m)
	d.cache, d.raws = map[string]resolved{}, map[string]resolved{}
	return nil
}

// Merge merges other's data into d; other's values win.
func (d *Data) Merge(other *Data) {
	if other == nil {
		return
	}
	other.mu.RLock()
	defer other.mu.RUnlock()
	d.mu.Lock()
	defer d.mu.Unlock()
	merge(d.root, other.root)
	d.cache, d.raws = map[string]resolved{}, map[string]resolved{}
}

func merge(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
			cp := map[string]any{}
			merge(cp, sm)
			dst[k] = cp
			continue
		}
		dst[k] = v
	}
}

// Load reads keyword data from a YAML file or a folder. A file's top-level
// keys are data keys (IBM's keyref.yaml and keyword files). A folder is read
// as a Jekyll _data folder: each .yml, .yaml or .json file below it is
// stored under its path without extension (_data/a/b.yml is site.data.a.b),
// except IBM's keyword files (a "keyword:" map at the top, as keyref.yaml
// has), whose keys are data keys, as when the file is given alone: a
// folder of docs repositories' keyref.yaml files gives their keywords.
func (d *Data) Load(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := d.AddYAML("", b); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yml", ".yaml", ".json":
			if !e.IsDir() {
				files = append(files, p)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		rel, _ := filepath.Rel(path, f)
		keys := strings.Split(strings.TrimSuffix(filepath.ToSlash(rel), filepath.Ext(rel)), "/")
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var v any
		if err := yaml.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("%s: reading keyword data: %w", f, err)
		}
		if m, ok := v.(map[string]any); !ok || !isKeywordFile(m) {
			for i := len(keys) - 1; i >= 0; i-- {
				v = map[string]any{keys[i]: v}
			}
		}
		if m, ok := v.(map[string]any); ok {
			d.mu.Lock()
			merge(d.root, m)
			d.cache, d.raws = map[string]resolved{}, map[string]resolved{}
			d.mu.Unlock()
		}
	}
	return nil
}

// isKeywordFile reports whether a data file's top level is IBM's keyword
// file's: a "keyword" map of names to values.
func isKeywordFile(m map[string]any) bool {
	_, ok := m["keyword"].(map[string]any)
	return ok
}

// Has reports whether path names a value.
func (d *Data) Has(path string) bool {
	_, err := d.lookup(path)
	return err == nil
}

// Resolve returns the value at path ("keyword.NAME", or with the
// "site.data." prefix), with the references it holds resolved in turn and
// HTML character references (&reg;) decoded: the result is plain text.
// It returns ErrUnknown, ErrCycle, ErrNotValue or ErrTooLarge (wrapped,
// naming the keyword) when the value cannot be had; a nested reference that cannot be
// resolved is left as written and its error returned with the value.
func (d *Data) Resolve(path string) (string, error) {
	path = TrimPrefix(path)
	d.mu.RLock()
	r, ok := d.cache[path]
	d.mu.RUnlock()
	if ok {
		return r.value, r.err
	}
	v, err := d.resolve(path)
	d.mu.Lock()
	d.cache[path] = resolved{v, err}
	d.mu.Unlock()
	return v, err
}

// ResolveRaw is like Resolve but keeps HTML character references as written,
// for values that are Markdown source (such as attribute definition lists).
func (d *Data) ResolveRaw(path string) (string, error) {
	return d.resolveRaw(TrimPrefix(path), &walk{})
}

func (d *Data) resolve(path string) (string, error) {
	v, err := d.resolveRaw(path, &walk{})
	return html.UnescapeString(v), err
}

// walk is one resolution under way: the keywords being resolved, outermost
// first.
type walk struct {
	stack []string
	on    map[string]bool
}

// resolveRaw resolves path's references. Each keyword's answer is kept, so
// that a value referring to another many times resolves it once (within a
// cycle the answer can depend on where the cycle was entered; it is an
// error either way).
func (d *Data) resolveRaw(path string, w *walk) (string, error) {
	if w.on[path] {
		chain := append(w.stack[:len(w.stack):len(w.stack)], path)
		if len(chain) > 8 {
			chain = append(append(chain[:3:3], "…"), chain[len(chain)-4:]...)
		}
		return "", fmt.Errorf("%w: %s", ErrCycle, strings.Join(chain, " → "))
	}
	d.mu.RLock()
	r, ok := d.raws[path]
	d.mu.RUnlock()
	if ok {
		return r.value, r.err
	}
	raw, err := d.lookup(path)
	if err != nil || !strings.Contains(raw, "{{") {
		return raw, err
	}
	if w.on == nil {
		w.on = map[string]bool{}
	}
	w.on[path] = true
	w.stack = append(w.stack, path)
	var firstErr error
	size := len(raw)
	out := Expand(raw, func(ref string) (string, bool) {
		if size > MaxValue {
			return "", false
		}
		v, err := d.resolveRaw(ref, w)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			return "", false
		}
		size += len(v)
		return v, true
	})
	w.stack = w.stack[:len(w.stack)-1]
	delete(w.on, path)
	if size > MaxValue {
		out, firstErr = "", fmt.Errorf("%w: %q: longer than %d bytes", ErrTooLarge, "site.data."+path, MaxValue)
	}
	d.mu.Lock()
	d.raws[path] = resolved{out, firstErr}
	d.mu.Unlock()
	return out, firstErr
}

func (d *Data) lookup(path string) (string, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	var cur any = d.root
	for _, k := range strings.Split(TrimPrefix(path), ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return "", fmt.Errorf("%w %q", ErrUnknown, "site.data."+path)
		}
		if cur, ok = m[k]; !ok {
			return "", fmt.Errorf("%w %q", ErrUnknown, "site.data."+path)
		}
	}
	switch v := cur.(type) {
	case string:
		return strings.TrimSpace(v), nil
	case nil:
		return "", nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case map[string]any, []any:
		return "", fmt.Errorf("%w: %q", ErrNotValue, "site.data."+path)
	}
	return fmt.Sprint(cur), nil
}

// TrimPrefix removes a leading "site.data." from path.
func TrimPrefix(path string) string {
	return strings.TrimPrefix(strings.TrimSpace(path), "site.data.")
}

// Expand replaces each {{site.data.PATH}} reference in s with lookup(PATH).
// A reference lookup does not know, and anything else in double braces, is
// left as written.
func Expand(s string, lookup func(path string) (string, bool)) string {
	return ExpandAt(s, func(path string, _ int) (string, bool) { return lookup(path) })
}

// ExpandAt is Expand, lookup also given the byte index in s of the
// reference's "{{" (to report it where it is written).
func ExpandAt(s string, lookup func(path string, at int) (string, bool)) string {
	var b strings.Builder
	done := 0 // bytes of the original s before s
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "}}")
		if j < 0 {
			break
		}
		ref := strings.TrimSpace(s[i+2 : i+2+j])
		b.WriteString(s[:i])
		end := i + 2 + j + 2
		if strings.HasPrefix(ref, "site.data.") && validPath(ref) {
			if v, ok := lookup(TrimPrefix(ref), done+i); ok {
				b.WriteString(v)
				s, done = s[end:], done+end
				continue
			}
		}
		b.WriteString(s[i:end])
		s, done = s[end:], done+end
	}
	b.WriteString(s)
	return b.String()
}

// validPath reports whether ref is a dotted path of names: letters, digits,
// '_', '-' and '.' with no empty part.
func validPath(ref string) bool {
	if ref == "" || strings.HasPrefix(ref, ".") || strings.HasSuffix(ref, ".") || strings.Contains(ref, "..") {
		return false
	}
	for _, r := range ref {
		if !(r == '_' || r == '-' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
