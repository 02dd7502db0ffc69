package diag

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"unicode/utf8"
)

// WriteSARIF writes ds as a SARIF 2.1.0 log (OASIS Static Analysis Results
// Interchange Format), the format code-scanning services read (GitHub's
// among them): one run of the tool "mdraci" at version, its rules codes
// (each with its summary and usual severity), a result per diagnostic.
// Severities map to levels error, warning and note. Columns are Unicode
// code points, as the run says (columnKind "unicodeCodePoints"): ds's
// byte columns must have been converted (Lines.RuneColumn). Files are URI
// references: relative paths as they are (slashes, percent-escaped),
// absolute ones as file URIs; standard input ("<stdin>") has no URI, only
// a description.
func WriteSARIF(w io.Writer, ds []Diagnostic, codes []Code, version string) error {
	r := sarifRun{ColumnKind: "unicodeCodePoints", Results: make([]sarifResult, 0, len(ds))}
	r.Tool.Driver = sarifDriver{Name: "mdraci", Version: version, Rules: make([]sarifRule, 0, len(codes))}
	index := make(map[string]int, len(codes))
	for i, c := range codes {
		index[c.Code] = i
		r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, sarifRule{ID: c.Code, ShortDescription: sarifText{c.Summary},
			DefaultConfiguration: sarifConfig{sarifLevel(c.Severity)}})
	}
	for _, d := range ds {
		res := sarifResult{RuleID: d.Code, Level: sarifLevel(d.Severity), Message: sarifText{d.Message}}
		if i, ok := index[d.Code]; ok {
			res.RuleIndex = &i
		}
		res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact(d.File),
			Region:           sarifRegion{StartLine: max(d.Line, 1), StartColumn: max(d.Col, 0)},
		}}}
		r.Results = append(r.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{r}})
}

// The parts of a SARIF log WriteSARIF writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool struct {
			Driver sarifDriver `json:"driver"`
		} `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifDriver struct {
		Name    string      `json:"name"`
		Version string      `json:"version,omitempty"`
		Rules   []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string      `json:"id"`
		ShortDescription     sarifText   `json:"shortDescription"`
		DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex *int            `json:"ruleIndex,omitempty"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}
	sarifArtifactLocation struct {
		URI         string     `json:"uri,omitempty"`
		Description *sarifText `json:"description,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// sarifLevel is a severity's SARIF level.
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// sarifArtifact locates a file (see WriteSARIF).
func sarifArtifact(file string) sarifArtifactLocation {
	switch {
	case file == "" || file == "<stdin>":
		name := file
		if name == "" {
			name = "<input>"
		}
		return sarifArtifactLocation{Description: &sarifText{name}}
	case filepath.IsAbs(file):
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(file)}).String()}
}

// RuneColumn returns the 1-based column, in Unicode code points, of the
// byte column col (1-based, counting the bytes of the file, see Widen) of
// 1-based line of src, l's source: what SARIF and most editors count. An
// invalid byte, a U+FFFD in src, is one code point. A column past the
// line's end counts on as bytes; an unknown line (or column 0) is kept.
func (l *Lines) RuneColumn(src []byte, line, col int) int {
	i := l.Offset(line)
	if i < 0 || col <= 1 {
		return col
	}
	runes, bytes := 0, 0 // before the column: code points, and file bytes
	for bytes < col-1 && i < len(src) && src[i] != '\n' {
		_, size := utf8.DecodeRune(src[i:])
		bytes += size - l.Excess(i, i+1)
		runes++
		i += size
	}
	return runes + 1 + max(col-1-bytes, 0)
}
