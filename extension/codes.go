package extension

import (
	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
)

// inputCodes are the codes the Converter itself reports. The bytes replaced
// by U+FFFD keep their place: positions after them, in every finding, count
// the bytes of the file (see clean).
var inputCodes = []diag.Code{
	{Code: "input-utf8", Severity: diag.Warning, Summary: "invalid UTF-8, replaced by U+FFFD"},
	{Code: "input-nul", Severity: diag.Warning, Summary: "a NUL byte, replaced by U+FFFD"},
	{Code: "front-matter", Severity: diag.Error, Summary: "front matter that is not valid YAML; it is shown as text"},
	{Code: "html-unbalanced", Severity: diag.Warning, Summary: "inline raw HTML without its pair: a stray closing tag dropped, an open tag closed at the end of its paragraph, heading or cell, a table part outside a table dropped"},
}

// Codes returns every diagnostic code mdraci reports, with its usual
// severity: the input's and the readers' (keywords, attribute lists,
// plain-text and HTML tables), then the responsibility model's findings
// (model.Codes). They are the codes a model.LintConfig configures.
func Codes() []diag.Code {
	var out []diag.Code
	for _, list := range [][]diag.Code{inputCodes, keyword.Codes, attributes.Codes, source.Codes, model.Codes} {
		out = append(out, list...)
	}
	return out
}
