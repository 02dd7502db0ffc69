package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/model"
)

// buildModel reads one input and builds its responsibility model, with the
// reading diagnostics in front of the model's own; it also returns the
// reading diagnostics as the parser gave them.
func buildModel(in *inputFlags, c *extension.Converter, i input, stdin io.Reader) (*model.Document, []diag.Diagnostic, error) {
	res, err := in.parse(c, i, stdin)
	if err != nil {
		return nil, nil, err
	}
	doc, reading := modelOf(res)
	return doc, reading, nil
}

// modelOf returns the linted model of a parsed input, its diagnostics the
// reading problems then the findings, and the reading problems alone.
func modelOf(res *extension.Result) (*model.Document, []diag.Diagnostic) {
	doc := res.Model() // built while parsing, for the matrices' HTML; File set
	all := make([]diag.Diagnostic, 0, len(res.Diagnostics)+len(doc.Diagnostics))
	all = append(all, res.Diagnostics...)
	doc.Diagnostics = append(all, doc.Diagnostics...)
	return doc, res.Diagnostics
}

func modelCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("model", flag.ContinueOnError)
	var in inputFlags
	in.register(fs)
	outDir := fs.String("o", "", "write one .json (or .csv) per input into `DIR`, mirroring the input tree (default: standard output)")
	format := fs.String("format", "json", "output `FORMAT`: json (the model, one object per input) or csv (one record per row and party, for spreadsheets)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: mdraci model [flags] [FILE|DIR|-]...\n\nWrite the responsibility model of each input as JSON, one object per input;\nwith --format csv, its matrices as CSV records, one per row and party, the\nheader line first (once on standard output, in each file with -o).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *format != "json" && *format != "csv" {
		return usageError(fs, stderr, fmt.Errorf("--format must be json or csv, not %q", *format))
	}
	csvOut := *format == "csv"
	if info, err := os.Stat(*outDir); *outDir != "" && err == nil && !info.IsDir() {
		return usageError(fs, stderr, fmt.Errorf("-o %s is a file, not a folder", *outDir))
	}
	ins, c, code := prepare(fs, &in, *outDir, stderr)
	if c == nil {
		return code
	}
	type out struct {
		data    []byte
		reading []diag.Diagnostic
		err     error
	}
	ext := ".json"
	if csvOut {
		ext = ".csv"
	}
	failed := 0
	if *outDir != "" {
		if !makeOutDir("model", *outDir, stderr) {
			return 1
		}
		ins, _, failed = claimOutputs(ins, *outDir, ext, stderr)
	}
	if csvOut && *outDir == "" {
		// one header for all the inputs' records
		if err := csv.NewWriter(stdout).WriteAll([][]string{model.CSVHeader}); err != nil {
			reportProblem(stderr, "<stdout>", err)
			return 1
		}
	}
	each(ins, in.jobs, func(i input) out {
		doc, reading, err := buildModel(&in, c, i, stdin)
		if err != nil {
			return out{err: err}
		}
		if csvOut {
			var b bytes.Buffer
			err := doc.WriteCSV(&b, *outDir != "")
			return out{data: b.Bytes(), reading: reading, err: err}
		}
		b, err := doc.MarshalIndent()
		return out{data: b, reading: reading, err: err}
	}, func(i input, o out) {
		if o.err != nil {
			reportProblem(stderr, i.name, o.err)
			failed++
			return
		}
		// reading problems go to stderr, as convert prints them; the
		// model's own findings are in the JSON (and in mdraci lint)
		failed += report(stderr, o.reading)
		if *outDir == "" {
			_, _ = stdout.Write(o.data)
		} else if err := writeOut(*outDir, i.rel, ext, o.data); err != nil {
			reportProblem(stderr, i.name, err)
			failed++
		}
	})
	if failed+in.problems > 0 {
		return 1
	}
	return 0
}

func lintCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	var in inputFlags
	in.register(fs)
	format := fs.String("format", "text", "output `FORMAT`: text (file:line:col: severity: message [code]), json, or sarif (SARIF 2.1.0, for code scanning; columns in code points)")
	maxWarnings := fs.Int("max-warnings", -1, "exit 1 when more than `N` warnings are found (default: no limit)")
	var disable, severity multiFlag
	fs.Var(&disable, "disable", "leave out the findings of `CODE` (RACI005, keyword-unknown…; a comma-separated list; repeatable)")
	fs.Var(&severity, "severity", "report the findings of a code at another severity: `CODE=LEVEL`, LEVEL error, warning or info (repeatable)")
	minSeverity := fs.String("min-severity", "info", "leave out the findings below `LEVEL`: info, warning or error")
	listCodes := fs.Bool("codes", false, "list the codes lint reports, with their severities and what they find, and exit")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: mdraci lint [flags] [FILE|DIR|-]...\n\nCheck the responsibility matrices of each input.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if *format != "text" && *format != "json" && *format != "sarif" {
		return usageError(fs, stderr, fmt.Errorf("--format must be text, json or sarif, not %q", *format))
	}
	if *listCodes {
		if *format == "sarif" {
			return usageError(fs, stderr, fmt.Errorf("--codes lists the codes as text or json, not sarif"))
		}
		return writeCodes(stdout, *format)
	}
	cfg, err := lintConfig(disable, severity, *minSeverity)
	if err != nil {
		return usageError(fs, stderr, err)
	}
	ins, c, code := prepare(fs, &in, "", stderr)
	if c == nil {
		return code
	}
	errors, warnings := 0, 0
	var all []diag.Diagnostic
	each(ins, in.jobs, func(i input) any {
		res, err := in.parse(c, i, stdin)
		if err != nil {
			return err
		}
		doc, _ := modelOf(res)
		ds := cfg.Filter(doc.Diagnostics)
		if *format == "sarif" {
			// SARIF counts columns in code points, diagnostics in bytes
			lines := res.Lines()
			for k := range ds {
				ds[k].Col = lines.RuneColumn(res.Source, ds[k].Line, ds[k].Col)
			}
		}
		return ds
	}, func(i input, o any) {
		switch v := o.(type) {
		case error:
			reportProblem(stderr, i.name, v)
			errors++
		case []diag.Diagnostic:
			for _, d := range v {
				switch d.Severity {
				case diag.Error:
					errors++
				case diag.Warning:
					warnings++
				}
				if *format != "text" {
					all = append(all, d)
					continue
				}
				fmt.Fprintln(stdout, d.String())
			}
		}
	})
	if *format == "sarif" {
		_ = diag.WriteSARIF(stdout, all, extension.Codes(), version)
	}
	if *format == "json" {
		if all == nil {
			all = []diag.Diagnostic{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(all)
	}
	if errors+in.problems > 0 || *maxWarnings >= 0 && warnings > *maxWarnings {
		return 1
	}
	return 0
}

// writeCodes lists every code lint reports (lint --codes): one per line,
// "CODE  severity  summary", or a JSON array.
func writeCodes(w io.Writer, format string) int {
	codes := extension.Codes()
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(codes)
		return 0
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range codes {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.Code, c.Severity, c.Summary)
	}
	_ = tw.Flush()
	return 0
}

// lintConfig reads lint's --disable, --severity and --min-severity. A code
// mdraci does not report is a usage error: a misspelled code would
// otherwise configure nothing, silently.
func lintConfig(disable, severity []string, minSeverity string) (model.LintConfig, error) {
	var cfg model.LintConfig
	known := map[string]bool{}
	for _, c := range extension.Codes() {
		known[c.Code] = true
	}
	unknown := func(flag, code string) error {
		return fmt.Errorf("%s: unknown code %q (mdraci lint --codes lists them)", flag, code)
	}
	for _, list := range disable {
		for _, code := range strings.Split(list, ",") {
			if code = strings.TrimSpace(code); code != "" {
				if !known[code] {
					return cfg, unknown("--disable", code)
				}
				cfg.Disable = append(cfg.Disable, code)
			}
		}
	}
	for _, s := range severity {
		code, level, ok := strings.Cut(s, "=")
		code = strings.TrimSpace(code)
		var sev diag.Severity
		if !ok || code == "" || sev.UnmarshalText([]byte(strings.TrimSpace(level))) != nil {
			return cfg, fmt.Errorf("--severity %q: want CODE=LEVEL, LEVEL error, warning or info", s)
		}
		if !known[code] {
			return cfg, unknown("--severity", code)
		}
		if cfg.Severity == nil {
			cfg.Severity = map[string]diag.Severity{}
		}
		cfg.Severity[code] = sev
	}
	if err := cfg.MinSeverity.UnmarshalText([]byte(minSeverity)); err != nil {
		return cfg, fmt.Errorf("--min-severity %q: want info, warning or error", minSeverity)
	}
	return cfg, nil
}

// prepare checks the input flags and lists the inputs, leaving out the
// output folder outDir (if any) where folders are walked; a nil Converter
// means stop with the returned exit code.
func prepare(fs *flag.FlagSet, in *inputFlags, outDir string, stderr io.Writer) ([]input, *extension.Converter, int) {
	if in.from != "" {
		if _, err := extension.ParseFormat(in.from); err != nil {
			return nil, nil, usageError(fs, stderr, err)
		}
	}
	ins, problems := expand(fs.Args(), outDir)
	for _, err := range problems {
		reportProblem(stderr, "", err)
	}
	in.problems = len(problems)
	if len(ins) == 0 && len(problems) > 0 {
		return nil, nil, 1
	}
	c, err := in.converter()
	if err != nil {
		fmt.Fprintf(stderr, "mdraci %s: %v\n", fs.Name(), err)
		return nil, nil, 1
	}
	return ins, c, 0
}
