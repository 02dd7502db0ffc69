package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRunDiffTitleLocation: a change located in neither file (a title
// given or changed) is told at the start of the new file, not the old
// one (before, "old.md:1: title none → …" pointed at a file without it).
func TestRunDiffTitleLocation(t *testing.T) {
	dir := t.TempDir()
	table := "| Activity | Customer | Provider |\n|---|---|---|\n| Patch | RA | I |\n"
	writeTestFiles(t, dir, map[string]string{"old.md": table, "new.md": "# Operations\n\n" + table})
	oldF, newF := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")

	r := runForTest(t, "", "diff", oldF, newF)
	assert.Equal(t, 1, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	assert.Contains(t, lines, newF+`:1: title none → "Operations"`)
	for _, l := range lines {
		assert.False(t, strings.HasPrefix(l, oldF+":"), "told in the old file: %s", l)
	}
}
