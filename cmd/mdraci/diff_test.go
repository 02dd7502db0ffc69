package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// diffOld and diffNew are two versions of a page: a letter changed, a row
// reworded (removed and added), a row added.
const (
	diffOld = "# Ops\n\n| Activity | Customer | Provider |\n|---|---|---|\n| Patch | RA | I |\n| Back up | I | RA |\n"
	diffNew = "# Ops\n\n| Activity | Customer | Provider |\n|---|---|---|\n| Patch | R | A |\n| Back up the data | I | RA |\n| Scan | I | RA |\n"
)

// TestRunDiff: mdraci diff reports what changed between two files, or
// between the documents of two folders, in text and JSON, and exits 1 on
// differences, 0 without, 2 on usage errors.
func TestRunDiff(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{
		"old/ops.md": diffOld, "new/ops.md": diffNew,
		"old/gone.md": diffOld, "new/fresh.md": diffOld,
	})
	oldF, newF := filepath.Join(dir, "old", "ops.md"), filepath.Join(dir, "new", "ops.md")

	r := runForTest(t, "", "diff", oldF, newF)
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Equal(t, []string{
		newF + `:5: "Patch" (ops-patch): customer: roles "R A" → "R"`,
		newF + `:5: "Patch" (ops-patch): provider: roles "I" → "A"`,
		oldF + `:6: row "Back up" (ops-back-up) removed from matrix ops-table-1`,
		newF + `:6: row "Back up the data" (ops-back-up-the-data) added to matrix ops-table-1`,
		newF + `:7: row "Scan" (ops-scan) added to matrix ops-table-1`,
	}, strings.Split(strings.TrimSpace(r.stdout), "\n"))

	r = runForTest(t, "", "diff", oldF, oldF)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout)

	// standard input as one side
	r = runForTest(t, diffNew, "diff", oldF, "-")
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stdout, `<stdin>:5: "Patch" (ops-patch): customer: roles "R A" → "R"`)

	// folders: documents paired by path, those of one side reported
	r = runForTest(t, "", "diff", "--format", "json", filepath.Join(dir, "old"), filepath.Join(dir, "new"))
	assert.Equal(t, 1, r.code, r.stderr)
	var changes []model.Change
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &changes))
	name := func(p string) string {
		if p == "" {
			return "-"
		}
		return filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p)
	}
	var kinds []string
	for _, c := range changes {
		kinds = append(kinds, c.Kind+" "+name(c.OldFile)+" "+name(c.NewFile))
	}
	assert.Equal(t, []string{"file-added - new/fresh.md", "file-removed old/gone.md -",
		"roles old/ops.md new/ops.md", "roles old/ops.md new/ops.md", "row-removed old/ops.md new/ops.md",
		"row-added old/ops.md new/ops.md", "row-added old/ops.md new/ops.md"}, kinds)

	r = runForTest(t, "", "diff", "--format", "json", oldF, oldF)
	assert.Equal(t, 0, r.code)
	assert.Equal(t, "[]", strings.TrimSpace(r.stdout))

	for _, args := range [][]string{{"diff", oldF}, {"diff", oldF, filepath.Join(dir, "new")}, {"diff", "--format", "xml", oldF, newF}, {"diff", "-", "-"}} {
		r = runForTest(t, "", args...)
		assert.Equal(t, 2, r.code, "%v", args)
		assert.Contains(t, r.stderr, "mdraci diff:", "%v", args)
	}
	r = runForTest(t, "", "diff", oldF, filepath.Join(dir, "missing.md"))
	assert.Equal(t, 2, r.code)
}
