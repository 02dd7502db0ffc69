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
	fs.SetOutput(stderr)
	var in inputFlags
	in.register(fs)
	standalone := fs.Bool("page", false, "write whole standalone HTML pages, not fragments")
	outDir := fs.String("o", "", "write one .html per input into `DIR`, mirroring the input tree (default: standard output)")
	css := fs.String("css", "", "with --page, use the stylesheet in `FILE` instead of the default")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: mdraci convert [flags] [FILE|DIR|-]...\n\nWrite HTML for each input.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError(fs, stderr, err)
	}
	var style string
	if *css != "" {
		b, err := os.ReadFile(*css)
		if err != nil {
			return usageError(fs, stderr, fmt.Errorf("--css: %w", err))
		}
		style = string(b)
	}
	ins, c, code := prepare(fs, &in, stderr)
	if c == nil {
		return code
	}
	type out struct {
		res  *extension.Result
		html []byte
		err  error
	}
	errors := 0
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
			Title:   title(res),
			Updated: firstMeta(res.Meta, "lastupdated", "updated", "date"),
			CSS:     style,
			Body:    body.Bytes(),
		})
		return out{res: res, html: b.Bytes(), err: err}
	}, func(i input, o out) {
		if o.res != nil {
			errors += report(stderr, o.res.Diagnostics)
		}
		if o.err != nil {
			fmt.Fprintf(stderr, "%s: error: %v\n", i.name, o.err)
			errors++
			return
		}
		if *outDir == "" {
			_, _ = stdout.Write(o.html)
			return
		}
		if err := writeOut(*outDir, i.rel, ".html", o.html); err != nil {
			fmt.Fprintf(stderr, "%s: error: %v\n", i.name, err)
			errors++
		}
	})
	if errors > 0 {
		return 1
	}
	return 0
}

// writeOut writes b to dir/rel with the extension ext.
func writeOut(dir, rel, ext string, b []byte) error {
	p := filepath.Join(dir, strings.TrimSuffix(rel, filepath.Ext(rel))+ext)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
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
	return filepath.Base(r.File)
}

func firstMeta(meta map[string]any, keys ...string) string {
	for _, k := range keys {
		if v := page.MetaString(meta, k); v != "" {
			return v
		}
	}
	return ""
}
