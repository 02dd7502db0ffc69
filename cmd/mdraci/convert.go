package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/page"
)

func convertCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	var in inputFlags
	in.register(fs)
	standalone := fs.Bool("page", false, "write whole standalone HTML pages, not fragments")
	outDir := fs.String("o", "", "write one .html per input into `DIR`, mirroring the input tree (default: standard output)")
	fs.BoolVar(&in.plainTables, "plain-tables", false, "render responsibility tables as ordinary tables, not as matrices from the model")
	css := fs.String("css", "", "with --page, use the stylesheet in `FILE` instead of the default")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: mdraci convert [flags] [FILE|DIR|-]...\n\nWrite HTML for each input.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	var style string
	if *css != "" && !*standalone {
		return usageError(fs, stderr, fmt.Errorf("--css styles whole pages: add --page"))
	}
	if *css != "" {
		b, err := os.ReadFile(*css)
		if err != nil {
			return usageError(fs, stderr, fmt.Errorf("--css: %w", err))
		}
		style = string(b)
	}
	if info, err := os.Stat(*outDir); *outDir != "" && err == nil && !info.IsDir() {
		return usageError(fs, stderr, fmt.Errorf("-o %s is a file, not a folder", *outDir))
	}
	ins, c, code := prepare(fs, &in, *outDir, stderr)
	if c == nil {
		return code
	}
	errors := 0
	var claimed *claims
	if *outDir != "" {
		if !makeOutDir("convert", *outDir, stderr) {
			return 1
		}
		ins, claimed, errors = claimOutputs(ins, *outDir, ".html", stderr)
	}
	type out struct {
		res  *extension.Result
		html []byte
		err  error
	}
	var index []page.Entry // with --page -o and a folder: the index page's entries
	each(ins, in.jobs, func(i input) out {
		res, err := in.parse(c, i, stdin)
		if err != nil {
			return out{err: err}
		}
		var body bytes.Buffer
		if err := c.Render(&body, res); err != nil {
			return out{res: res, err: err}
		}
		if !*standalone {
			return out{res: res, html: body.Bytes()}
		}
		var b bytes.Buffer
		err = page.Write(&b, page.Page{
			Title:    title(res),
			Updated:  firstMeta(res.Meta, "lastupdated", "updated", "date"),
			CSS:      style,
			Headings: headings(res),
			Model:    res.Model(),
			Body:     body.Bytes(),
		})
		return out{res: res, html: b.Bytes(), err: err}
	}, func(i input, o out) {
		if o.res != nil {
			errors += report(stderr, o.res.Diagnostics)
		}
		if o.err != nil {
			reportProblem(stderr, i.name, o.err)
			errors++
			return
		}
		if *outDir == "" {
			_, _ = stdout.Write(o.html)
			return
		}
		if err := writeOut(*outDir, i.rel, ".html", o.html); err != nil {
			reportProblem(stderr, i.name, err)
			errors++
			return
		}
		if *standalone && o.res != nil {
			md := o.res.Model()
			index = append(index, page.Entry{
				Href:     filepath.ToSlash(strings.TrimSuffix(i.rel, filepath.Ext(i.rel)) + ".html"),
				Title:    title(o.res),
				Matrices: len(md.Matrices),
				Counts:   page.Totals(md),
			})
		}
	})
	if len(index) > 0 && fromFolder(ins) {
		// the index page comes after the inputs: one of them keeps the name
		p := filepath.Join(*outDir, "index.html")
		err := claimed.claim(p)
		var b bytes.Buffer
		if err == nil {
			err = page.WriteIndex(&b, page.Index{CSS: style, Entries: index})
		}
		if err == nil {
			err = replaceFile(p, b.Bytes())
		}
		if err != nil {
			fmt.Fprintf(stderr, "mdraci convert: index page not written: %v\n", err)
			errors++
		}
	}
	if errors+in.problems > 0 {
		return 1
	}
	return 0
}

// title is the document's title: front matter title, else the first
// level-1 heading's text, else the file name.
func title(r *extension.Result) string {
	if t := page.MetaString(r.Meta, "title"); t != "" {
		return t
	}
	if t := extension.FirstHeading(r); t != "" {
		return t
	}
	for _, b := range r.Document().Blocks {
		if b.Heading != nil && b.Heading.Text != "" {
			return b.Heading.Text
		}
	}
	return humanName(r.File)
}

// humanName makes a title of a file name: "003_cegedim-cloud.txt" gives
// "Cegedim cloud", "<stdin>" gives "Stdin".
func humanName(file string) string {
	name := strings.Trim(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), "<>") // "<stdin>"
	name = strings.TrimLeft(name, "0123456789_- ")
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }), " ")
	if name == "" {
		return filepath.Base(file)
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

func firstMeta(meta map[string]any, keys ...string) string {
	for _, k := range keys {
		if v := page.MetaString(meta, k); v != "" {
			return v
		}
	}
	return ""
}

// headings lists the document's headings for the table of contents.
func headings(r *extension.Result) []page.Heading {
	var out []page.Heading
	for _, b := range r.Document().Blocks {
		if h := b.Heading; h != nil {
			out = append(out, page.Heading{Level: h.Level, ID: h.Anchor, Text: h.Text})
		}
	}
	return out
}

// fromFolder reports whether some input came from a folder.
func fromFolder(ins []input) bool {
	for _, i := range ins {
		if i.dir {
			return true
		}
	}
	return false
}
