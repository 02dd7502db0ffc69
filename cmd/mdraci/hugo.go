package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v3"
)

// manifestName is the file, in the content folder, listing the files mdraci
// hugo wrote there: the only files it ever overwrites or deletes.
const manifestName = ".mdraci-hugo.json"

// modelName is the page resource holding a page's responsibility model.
const modelName = "model.json"

func hugoCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hugo", flag.ContinueOnError)
	var in inputFlags
	in.register(fs)
	outDir := fs.String("o", "", "the Hugo content `DIR` to write into (required)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: mdraci hugo [flags] -o CONTENT_DIR [FILE|DIR|-]...

Write each input as a Hugo page bundle for the mdraci Hugo theme:
CONTENT_DIR/NAME/index.md (front matter for Hugo, keywords resolved,
attribute lists in Hugo's {…} syntax, each matrix replaced by
{{< raci id="…" >}} and the legend by {{< raci-legend >}}) and
CONTENT_DIR/NAME/model.json (the responsibility model the shortcodes read).
Files it wrote are listed in CONTENT_DIR/`+manifestName+`; a run rewrites and
removes only those, never other files.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *outDir == "" {
		return usageError(fs, stderr, errors.New("-o CONTENT_DIR is required"))
	}
	if in.from != "" {
		if _, err := extension.ParseFormat(in.from); err != nil {
			return usageError(fs, stderr, err)
		}
	}
	ins, problems := expand(fs.Args(), *outDir)
	if len(problems) > 0 {
		// all or nothing: a run removes the bundles of inputs it no
		// longer has
		for _, err := range problems {
			reportProblem(stderr, "", err)
		}
		return 1
	}
	data, err := in.keywordData()
	if err != nil {
		fmt.Fprintf(stderr, "mdraci hugo: %v\n", err)
		return 1
	}
	c := extension.NewConverter(extension.WithKeywords(data), extension.WithStrict(in.strict), extension.WithUnsafe(in.unsafe))
	rec := addRecorder(c)
	if !makeOutDir("hugo", *outDir, stderr) {
		return 1
	}
	old, err := readManifest(*outDir)
	if err != nil {
		fmt.Fprintf(stderr, "mdraci hugo: %v\n", err)
		return 1
	}
	ins = notWritten(ins, *outDir, old)
	if in.from == "" {
		var skipped int
		if ins, skipped = withoutHTML(ins); skipped > 0 {
			fmt.Fprintf(stderr, "mdraci hugo: %d HTML file(s) found in the folders left out: Hugo pages are made from Markdown and plain text\n", skipped)
		}
	}
	w := &bundleWriter{dir: *outDir, old: old, inputs: newClaims(ins), written: map[string]bool{}, kept: map[string]bool{}}
	failed := 0
	each(ins, in.jobs, func(i input) hugoPage {
		return makeHugoPage(&in, c, rec, data, i, stdin)
	}, func(i input, p hugoPage) {
		if p.res != nil {
			failed += report(stderr, p.res.Diagnostics)
		}
		for _, warning := range p.warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", i.name, warning)
		}
		files := p.files(i)
		if p.err == nil {
			p.err = w.write(files)
		}
		if p.err != nil {
			reportProblem(stderr, i.name, p.err)
			failed++
			for name := range files {
				w.kept[name] = true // keep what an earlier run wrote
			}
		}
	})
	if err := w.finish(); err != nil {
		fmt.Fprintf(stderr, "mdraci hugo: %v\n", err)
		failed++
	}
	fmt.Fprintf(stdout, "mdraci hugo: %d page bundle(s) in %s\n", w.pages, *outDir)
	if failed > 0 {
		return 1
	}
	return 0
}

// withoutHTML leaves out the HTML files found in folder arguments (a file
// named directly stays, to be refused by name), and tells how many.
func withoutHTML(ins []input) ([]input, int) {
	out, skipped := ins[:0], 0
	for _, i := range ins {
		switch strings.ToLower(filepath.Ext(i.name)) {
		case ".html", ".htm", ".xhtml":
			if i.dir {
				skipped++
				continue
			}
		}
		out = append(out, i)
	}
	return out, skipped
}

// notWritten leaves out of the inputs found in folders the files an
// earlier run wrote into dir (old, from its manifest): with dir itself an
// input folder, they would otherwise be read again, as new pages.
func notWritten(ins []input, dir string, old map[string]bool) []input {
	out := ins[:0]
	for _, i := range ins {
		if rel, err := filepath.Rel(absPath(dir), absPath(i.name)); i.dir && err == nil && old[filepath.ToSlash(rel)] {
			continue
		}
		out = append(out, i)
	}
	return out
}

// hugoPage is one input made Hugo content.
type hugoPage struct {
	res      *extension.Result
	index    []byte // index.md
	model    []byte // model.json
	warnings []string
	err      error
}

// files returns the page's files by slash path below the content folder.
func (p hugoPage) files(i input) map[string][]byte {
	name := filepath.ToSlash(strings.TrimSuffix(i.rel, filepath.Ext(i.rel)))
	return map[string][]byte{
		path.Join(name, "index.md"): p.index,
		path.Join(name, modelName):  p.model,
	}
}

// makeHugoPage reads one input and writes its page bundle's files.
func makeHugoPage(in *inputFlags, c *extension.Converter, rec *recorder, data *keyword.Data, i input, stdin io.Reader) (p hugoPage) {
	defer func() {
		if r := recover(); r != nil {
			p = hugoPage{err: fmt.Errorf("internal error, please report it: %v", r)}
		}
	}()
	res, err := in.parse(c, i, stdin)
	if err != nil {
		return hugoPage{err: err}
	}
	recording := rec.take(res.Doc)
	p.res = res
	md := res.Model()
	nodes := matrixNodes(res.Doc)
	var body *hugoBody
	switch res.Format {
	case extension.Markdown:
		body, err = markdownBody(res, recording, data, in.unsafe, md, nodes.legendID)
	case extension.Text:
		body = textBody(res, md, nodes.legendID)
	default:
		err = fmt.Errorf("mdraci hugo reads Markdown and plain text, not %s", res.Format)
	}
	if err != nil {
		p.err = err
		return p
	}
	for i := range md.Matrices {
		if n := nodes.matrices[&md.Matrices[i]]; n != nil {
			body.render[i].Classes, body.render[i].Summary, body.render[i].SummaryID = n.Classes, n.Summary, n.SummaryID
			for _, a := range n.Attributes() {
				body.render[i].Attrs = append(body.render[i].Attrs, attributeJSON{Name: string(a.Name), Value: attrString(n, string(a.Name))})
			}
		}
	}
	front, warnings := hugoFrontMatter(res, i)
	p.warnings = warnings
	p.index = append(front, body.markdown...)
	p.model, p.err = modelJSON(md, body)
	return p
}

// pageNodes are the matrix nodes the extension put in a document's AST.
type pageNodes struct {
	matrices map[*model.Matrix]*matrix.Matrix
	legendID string
}

func matrixNodes(doc ast.Node) pageNodes {
	out := pageNodes{matrices: map[*model.Matrix]*matrix.Matrix{}}
	if doc == nil {
		return out
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *matrix.Matrix:
			out.matrices[v.Matrix] = v
			if out.legendID == "" {
				out.legendID = v.LegendRef
			}
			return ast.WalkSkipChildren, nil
		case *matrix.Legend:
			out.legendID = v.ID
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// modelJSON is the model as mdraci model writes it, with a "render" object
// on the document (the legend's id, the footnotes matrices reference) and
// on each matrix (the source cells,
// classes and summary): what the shortcodes need to write the same HTML as
// the extension.
func modelJSON(md *model.Document, body *hugoBody) ([]byte, error) {
	b, err := json.Marshal(md)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	render := map[string]any{"legend": body.legendID}
	if body.footnotes != nil {
		render["footnotes"] = body.footnotes
	}
	if body.containers != nil {
		render["containers"] = body.containers
	}
	if body.figures != nil {
		render["figures"] = body.figures
	}
	doc["render"] = render
	if ms, ok := doc["matrices"].([]any); ok {
		for i, m := range ms {
			if mm, ok := m.(map[string]any); ok && i < len(body.render) {
				mm["render"] = body.render[i]
			}
		}
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	return append(out, '\n'), err
}

// frontMatter is a page's Hugo front matter.
type frontMatter struct {
	Title       string         `yaml:"title"`
	Date        string         `yaml:"date,omitempty"`
	Lastmod     string         `yaml:"lastmod,omitempty"`
	Description string         `yaml:"description,omitempty"`
	Keywords    []string       `yaml:"keywords,omitempty"`
	Params      map[string]any `yaml:"params,omitempty"`
}

// hugoFrontMatter maps a document's front matter to Hugo's: the title (the
// first heading's when there is none), the dates from IBM's lastupdated or
// OVHcloud's updated, keywords as a list, description (or excerpt); every
// other key is kept under params (where Hugo's own keys cannot clash).
func hugoFrontMatter(res *extension.Result, i input) ([]byte, []string) {
	var warnings []string
	meta := res.Meta
	fm := frontMatter{Title: title(res), Params: map[string]any{}}
	date := func(keys ...string) string {
		for _, k := range keys {
			v, ok := meta[k]
			if !ok {
				continue
			}
			if d, ok := hugoDate(v); ok {
				return d
			}
			warnings = append(warnings, fmt.Sprintf("front matter %s %q is not a date; not used as the page's date", k, fmt.Sprint(v)))
		}
		return ""
	}
	fm.Date = date("date", "lastupdated", "updated")
	fm.Lastmod = date("lastmod", "lastupdated", "updated")
	for _, k := range []string{"description", "excerpt"} {
		if s, ok := meta[k].(string); ok && strings.TrimSpace(s) != "" {
			fm.Description = strings.TrimSpace(s)
			break
		}
	}
	switch v := meta["keywords"].(type) {
	case string:
		for _, k := range strings.Split(v, ",") {
			if k = strings.TrimSpace(k); k != "" {
				fm.Keywords = append(fm.Keywords, k)
			}
		}
	case []any:
		for _, k := range v {
			fm.Keywords = append(fm.Keywords, fmt.Sprint(k))
		}
	}
	var reserved map[string]any // Hugo's own keys, not mapped above
	for k, v := range meta {
		switch {
		case k == "title" || k == "description" || k == "date" || k == "lastmod":
			continue
		case k == "keywords" && len(fm.Keywords) > 0:
			continue
		case hugoKeys[strings.ToLower(k)]:
			// under params they would shadow Hugo's key (a warning since
			// Hugo 0.146): kept apart
			if reserved == nil {
				reserved = map[string]any{}
			}
			reserved[k] = v
			continue
		}
		fm.Params[k] = v
	}
	if reserved != nil {
		fm.Params["frontmatter"] = reserved
	}
	fm.Params["mdraci"] = map[string]any{"source": filepath.ToSlash(i.name), "model": modelName}
	b, err := yaml.Marshal(fm)
	if err != nil { // cannot happen with decoded YAML values; keep the title
		b, _ = yaml.Marshal(frontMatter{Title: fm.Title})
	}
	return append(append([]byte("---\n"), b...), "---\n\n"...), warnings
}

// hugoKeys are the front matter keys Hugo reads itself.
var hugoKeys = map[string]bool{
	"aliases": true, "build": true, "cascade": true, "date": true, "description": true, "draft": true,
	"expirydate": true, "headless": true, "iscjklanguage": true, "keywords": true, "lastmod": true,
	"layout": true, "linktitle": true, "markup": true, "outputs": true, "params": true, "publishdate": true,
	"resources": true, "sitemap": true, "slug": true, "summary": true, "title": true, "translationkey": true,
	"type": true, "url": true, "weight": true,
}

// dateRE is a date Hugo reads: 2024-03-28, optionally with a time.
var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$`)

// hugoDate returns v as a date Hugo reads, and false when v is not one.
func hugoDate(v any) (string, bool) {
	switch d := v.(type) {
	case time.Time:
		if d.Hour() == 0 && d.Minute() == 0 && d.Second() == 0 && d.Nanosecond() == 0 {
			return d.Format("2006-01-02"), true
		}
		return d.Format(time.RFC3339), true
	case string:
		d = strings.TrimSpace(d)
		return d, dateRE.MatchString(d)
	}
	return "", false
}

// manifest lists the files mdraci hugo wrote in a content folder.
type manifest struct {
	Generator string   `json:"generator"`
	Files     []string `json:"files"`
}

func readManifest(dir string) (map[string]bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, manifestName), err)
	}
	out := map[string]bool{}
	for _, f := range m.Files {
		if p := path.Clean(f); path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") {
			return nil, fmt.Errorf("%s: %q is outside the folder", filepath.Join(dir, manifestName), f)
		}
		out[path.Clean(f)] = true
	}
	return out, nil
}

// bundleWriter writes page bundles into a content folder, never touching a
// file an earlier run did not write.
type bundleWriter struct {
	dir     string
	old     map[string]bool // files the last run wrote
	inputs  *claims         // the run's inputs, never overwritten
	written map[string]bool // files this run wrote
	kept    map[string]bool // files of inputs that failed this run
	pages   int
}

// write writes one page's files, or none of them when one would replace a
// file mdraci hugo did not write.
func (w *bundleWriter) write(files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
		if w.written[name] {
			return fmt.Errorf("%s is written by another input of this run", filepath.Join(w.dir, filepath.FromSlash(name)))
		}
		p := filepath.Join(w.dir, filepath.FromSlash(name))
		if w.inputs.isInput(p) {
			return fmt.Errorf("not writing %s: it is an input of this run", p)
		}
		if _, err := os.Lstat(p); err == nil && !w.old[name] {
			return fmt.Errorf("%s exists and was not written by mdraci hugo; not overwriting it", p)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(w.dir, filepath.FromSlash(name))
		w.written[name] = true
		if cur, err := os.ReadFile(p); err == nil && bytes.Equal(cur, files[name]) {
			continue // unchanged: keep its time, for hugo server
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := replaceFile(p, files[name]); err != nil {
			return err
		}
	}
	w.pages++
	return nil
}

// finish removes the files the last run wrote that this run did not (their
// inputs are gone), and the folders that leaves empty, then writes the
// manifest.
func (w *bundleWriter) finish() error {
	var errs []error
	for name := range w.old {
		if w.written[name] || w.kept[name] {
			continue
		}
		p := filepath.Join(w.dir, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			w.kept[name] = true
			continue
		}
		// remove the folders it leaves empty, up to the content folder
		for d := path.Dir(name); d != "." && d != "/"; d = path.Dir(d) {
			if os.Remove(filepath.Join(w.dir, filepath.FromSlash(d))) != nil {
				break
			}
		}
	}
	m := manifest{Generator: "mdraci hugo", Files: []string{}}
	for name := range w.written {
		m.Files = append(m.Files, name)
	}
	for name := range w.kept {
		if !w.written[name] && w.old[name] {
			m.Files = append(m.Files, name)
		}
	}
	sort.Strings(m.Files)
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return errors.Join(append(errs, err)...)
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	if err := replaceFile(filepath.Join(w.dir, manifestName), append(b, '\n')); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
