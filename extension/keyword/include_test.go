package keyword_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// convertIncludes converts src with the keyword extension and returns the
// HTML and the diagnostics.
func convertIncludes(t *testing.T, src string, strict bool) (string, []diag.Diagnostic) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithStrict(strict))))
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var out bytes.Buffer
	require.NoError(t, md.Renderer().Render(&out, []byte(src), doc))
	return out.String(), diag.Get(pc)
}

func TestIncludesReported(t *testing.T) {
	tests := []struct {
		src      string
		reported bool
	}{
		{"{{../other-repo/reused-topic-with-sections.md#reused-h3}}\n", true},
		{"{{_include-segments/marked-it-perks.md}}\n", true},
		{"{{../_include-segments/deprecation_notice.md}}\n", true},
		{"{{ topic.md }}\n", true},
		{"{{topic.md#id}}\n", true},
		{"{{../../etc/passwd}}\n", true},
		{"{{/etc/passwd}}\n", true},
		{"Text {{../x.md}} inline\n", true},
		{"`{{../x.md}}` in code\n", false},
		{"```\n{{../x.md}}\n```\n", false},
		{"{{.md}}\n", false},
		{"{{/}}\n", false},
		{"{{ .Title }}\n", false},
		{"{{a.b}}\n", false},
		{"{{< shortcode >}}\n", false},
		{"{{x.md#}}\n", false},
		{"{{x.md#a b}}\n", false},
		{"{{../x.md\n", false},
	}
	for _, tt := range tests {
		out, ds := convertIncludes(t, tt.src, false)
		var n int
		for _, d := range ds {
			if d.Code == "include-unresolved" {
				n++
				assert.Equal(t, diag.Warning, d.Severity)
				assert.Contains(t, d.Message, "is not resolved")
			}
		}
		if tt.reported {
			assert.Equal(t, 1, n, "%q: one include-unresolved diagnostic; got %v", tt.src, ds)
			ref := tt.src[strings.Index(tt.src, "{{") : strings.Index(tt.src, "}}")+2]
			assert.Contains(t, out, ref, "%q: the reference stays visible as written", tt.src)
		} else {
			assert.Zero(t, n, "%q: not an include; got %v", tt.src, ds)
		}
	}
	_, ds := convertIncludes(t, "{{_include-segments/x.md}}\n", true)
	require.Len(t, ds, 1)
	assert.Equal(t, diag.Error, ds[0].Severity, "strict makes it an error")
}

// TestIncludesNeverRead puts real files where includes point, inside and
// outside the folder of the page, and checks that none is read.
func TestIncludesNeverRead(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "docs")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "_include-segments"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "_include-segments", "x.md"), []byte("SENTINEL-INSIDE\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "secret.md"), []byte("SENTINEL-OUTSIDE\n"), 0o644))
	src := "# Page\n\n{{_include-segments/x.md}}\n\n{{../secret.md}}\n\n{{../../../../../../../../etc/passwd}}\n"
	t.Chdir(root) // where relative paths would resolve
	out, ds := convertIncludes(t, src, false)
	assert.NotContains(t, out, "SENTINEL")
	assert.NotContains(t, out, "root:")
	assert.Contains(t, out, "<p>{{_include-segments/x.md}}</p>")
	assert.Contains(t, out, "<p>{{../secret.md}}</p>")
	assert.Len(t, ds, 3)
	for _, d := range ds {
		assert.Equal(t, "include-unresolved", d.Code)
	}
}
