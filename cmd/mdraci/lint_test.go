package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lintInput has one error (no Accountable, line 5), one warning (no
// Responsible, line 6) and one unknown keyword, a reading problem (line 7).
const lintInput = `# Ops

| Activity | Customer | Provider |
|---|---|---|
| Patch | R | I |
| Back up | A | I |
| Scan {{site.data.keyword.nowhere}} | RA | I |
`

// TestRunLint checks mdraci lint's findings, as text and as JSON, and its
// exit status: 1 with errors, or with more warnings than --max-warnings.
func TestRunLint(t *testing.T) {
	r := runForTest(t, lintInput, "lint", "-")
	assert.Equal(t, 1, r.code, "an error is found: exit 1")
	assert.Contains(t, r.stdout, `<stdin>:5:1: error: no party is Accountable for "Patch" [RACI001]`)
	assert.Contains(t, r.stdout, `<stdin>:6:1: warning: no party is Responsible for "Back up" [RACI003]`)
	assert.Contains(t, r.stdout, "[keyword-unknown]", "reading problems are findings too")

	text := r.stdout
	r = runForTest(t, lintInput, "lint", "--format", "json", "-")
	assert.Equal(t, 1, r.code)
	var found []struct {
		Code     string `json:"code"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		File     string `json:"file"`
		Line     int    `json:"line"`
		Col      int    `json:"col"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &found), r.stdout)
	assert.Contains(t, r.stdout, `"file": "<stdin>"`)
	codes := []string{}
	for _, f := range found {
		codes = append(codes, f.Code)
		// the JSON says what the text says, 1-based position included
		assert.Contains(t, text, fmt.Sprintf("%s:%d:%d: %s: %s [%s]\n", f.File, f.Line, f.Col, f.Severity, f.Message, f.Code))
	}
	assert.Contains(t, codes, "RACI001")
	assert.Contains(t, codes, "RACI003")
	assert.Len(t, found, strings.Count(text, "\n"), "as many findings as text lines")

	clean := strings.Replace(strings.Replace(lintInput, "| Patch | R |", "| Patch | RA |", 1), " {{site.data.keyword.nowhere}}", "", 1)
	r = runForTest(t, clean, "lint", "-")
	assert.Equal(t, 0, r.code, "warnings only: exit 0\n%s", r.stdout)
	assert.Contains(t, r.stdout, "[RACI003]")
	r = runForTest(t, clean, "lint", "--max-warnings", "0", "-")
	assert.Equal(t, 1, r.code, "more warnings than --max-warnings 0: exit 1")
}

// TestRunModelReports checks that mdraci model reports the problems met
// while reading, and that --strict makes an unknown keyword an error.
func TestRunModelReports(t *testing.T) {
	r := runForTest(t, lintInput, "model", "-")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"file": "<stdin>"`, "JSON, not HTML: < written as it is")
	assert.Contains(t, r.stderr, "<stdin>:7:")
	assert.Contains(t, r.stderr, "warning:")
	assert.Contains(t, r.stderr, "[keyword-unknown]")
	r = runForTest(t, lintInput, "model", "--strict", "-")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "error:")
	assert.Contains(t, r.stderr, "[keyword-unknown]")
}

// TestRunLintConfig: --disable leaves codes out, --severity re-grades them
// (and so the exit status), --min-severity drops the lesser findings; the
// readers' codes are configured as the rules' are.
func TestRunLintConfig(t *testing.T) {
	r := runForTest(t, lintInput, "lint", "--disable", "RACI001,keyword-unknown", "-")
	assert.Equal(t, 0, r.code, "the error left out: exit 0\n%s", r.stdout)
	assert.NotContains(t, r.stdout, "[RACI001]")
	assert.NotContains(t, r.stdout, "[keyword-unknown]")
	assert.Contains(t, r.stdout, "[RACI003]")

	r = runForTest(t, lintInput, "lint", "--disable", "RACI001", "--severity", "RACI003=error", "-")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, `<stdin>:6:1: error: no party is Responsible for "Back up" [RACI003]`)

	r = runForTest(t, lintInput, "lint", "--severity", "RACI001=info", "--min-severity", "warning", "--format", "json", "-")
	assert.Equal(t, 0, r.code, r.stdout)
	assert.NotContains(t, r.stdout, "RACI001")
	assert.Contains(t, r.stdout, `"severity": "warning"`)
	assert.NotContains(t, r.stdout, `"severity": "info"`)

	for _, args := range [][]string{{"--severity", "RACI001"}, {"--severity", "RACI001=fatal"}, {"--min-severity", "loud"},
		{"--disable", "RACI001,RAC1002"}, {"--severity", "keyword-unkown=info"}} {
		r = runForTest(t, lintInput, append(append([]string{"lint"}, args...), "-")...)
		assert.Equal(t, 2, r.code, "%v", args)
		assert.Contains(t, r.stderr, "mdraci lint:", "%v", args)
		assert.Empty(t, r.stdout, "%v", args)
	}
	r = runForTest(t, lintInput, "lint", "--disable", "RAC1002", "-")
	assert.Contains(t, r.stderr, `--disable: unknown code "RAC1002" (mdraci lint --codes lists them)`)
}

// TestRunLintCodes: lint --codes lists every code, with its severity and
// summary, as text or JSON, and reads no input.
func TestRunLintCodes(t *testing.T) {
	r := runForTest(t, "", "lint", "--codes")
	assert.Equal(t, 0, r.code, r.stderr)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	assert.Len(t, lines, len(extension.Codes()))
	assert.Contains(t, r.stdout, "RACI001")
	assert.Regexp(t, `(?m)^RACI001 +error +no party is Accountable$`, r.stdout)
	assert.Regexp(t, `(?m)^keyword-unknown +warning +a keyword reference the data does not define$`, r.stdout)

	r = runForTest(t, "", "lint", "--codes", "--format", "json")
	assert.Equal(t, 0, r.code, r.stderr)
	var codes []struct{ Code, Severity, Summary string }
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &codes))
	assert.Len(t, codes, len(extension.Codes()))
	assert.Equal(t, "input-utf8", codes[0].Code)
	assert.Equal(t, "warning", codes[0].Severity)
}

// TestRunLintSARIF checks mdraci lint --format sarif: the findings the text
// output gives, as a SARIF 2.1.0 log whose columns count code points, and
// the same exit status.
func TestRunLintSARIF(t *testing.T) {
	in := strings.Replace(lintInput, "| Scan {{", "| Scan été {{", 1)
	text := runForTest(t, in, "lint", "-")
	r := runForTest(t, in, "lint", "--format", "sarif", "-")
	assert.Equal(t, text.code, r.code)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log), r.stdout)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "2.1.0", log.Version)
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	assert.Len(t, run.Tool.Driver.Rules, len(extension.Codes()))
	require.Len(t, run.Results, strings.Count(text.stdout, "\n"), "as many results as text findings")
	levels := map[string]string{"error": "error", "warning": "warning", "info": "note"}
	for _, res := range run.Results {
		assert.Equal(t, res.RuleID, run.Tool.Driver.Rules[res.RuleIndex].ID)
		region := res.Locations[0].PhysicalLocation.Region
		col := region.StartColumn
		if res.RuleID == "keyword-unknown" || res.RuleID == "PROSE003" {
			// "| Scan été {{": the reference is at byte 14, code point 12
			assert.Equal(t, 12, col, res.RuleID)
			col = 14
		}
		found := false
		for sev, level := range levels {
			found = found || strings.Contains(text.stdout, fmt.Sprintf("<stdin>:%d:%d: %s: %s [%s]\n", region.StartLine, col, sev, res.Message.Text, res.RuleID)) && level == res.Level
		}
		assert.True(t, found, "%+v is in the text output", res)
	}
	r = runForTest(t, "", "lint", "--format", "sarif", "--codes")
	assert.Equal(t, 2, r.code, "--codes lists as text or json")
}
