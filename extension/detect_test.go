package extension_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDetectFormat: a name's extension decides; without one (standard
// input, .txt), Markdown is told from text by what only Markdown writes,
// in a line or at its start.
func TestDetectFormat(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      extension.Format
	}{
		{"a.md", "plain words", extension.Markdown},
		{"a.html", "plain words", extension.HTML},
		{"", "# Title\n", extension.Markdown},
		{"", "| a | b |\n|---|---|\n", extension.Markdown},
		{"", "Text.\n{: .c}\n", extension.Markdown},
		{"", "Use {{site.data.keyword.cloud}}.\n", extension.Markdown},
		{"", "A [link](/x) in a line.\n", extension.Markdown},
		{"", "A [link](https://e.com \"Title\"){: target=\"_blank\"}.\n", extension.Markdown},
		{"", "An ![image](a.png) here.\n", extension.Markdown},
		{"", "Some **strong** words.\n", extension.Markdown},
		{"", "Run `make demo` first.\n", extension.Markdown},
		{"", "<table><tr><td>a</td></tr></table>\n", extension.HTML},
		{"", "Component\nPTC Responsibilities\nCustomer Responsibilities\n", extension.Text},
		{"", "Prices [in EUR] (monthly) and 2 * 3 = 6, a ** b.\n", extension.Text},
		{"notes.txt", "Plain notes (see the [annex]).\n", extension.Text},
	} {
		assert.Equal(t, c.want, extension.DetectFormat(c.name, []byte(c.src)), "%q %q", c.name, c.src)
	}
	// the seeds read as before: PTC's flattened table is text, cegedim's
	// scraped tables are Markdown
	for seed, want := range map[string]extension.Format{"000_ptc-codebeamer-ai.txt": extension.Text, "003_cegedim-cloud.txt": extension.Markdown} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", seed))
		require.NoError(t, err)
		assert.Equal(t, want, extension.DetectFormat("", src), seed)
	}
}
