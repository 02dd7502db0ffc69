package keyword_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dataFrom(t *testing.T, yaml string) *keyword.Data {
	t.Helper()
	d := keyword.NewData()
	require.NoError(t, d.AddYAML("", []byte(yaml)))
	return d
}

const sample = `
keyword:
  cloud: "IBM Cloud&reg;"
  cloud_notm: IBM Cloud
  product: "{{site.data.keyword.cloud_notm}} Widgets"
  spaced: "{{ site.data.keyword.product }} for you"
  deep: "A {{site.data.keyword.spaced}} and {{site.data.keyword.cloud}}"
  self: "x {{site.data.keyword.self}}"
  ping: "{{site.data.keyword.pong}}"
  pong: "{{site.data.keyword.ping}}"
  broken: "B {{site.data.keyword.missing}} end"
  padded: "  trimmed  "
  number: 3
  ratio: 1.5
  flag: true
  empty:
  amp: "R&amp;D &lt;b&gt; &#174;"
  other: "{{ page.title }} {{site.data.keyword.cloud_notm}}"
  group:
    inner: In
  list:
    - a
    - b
`

func TestResolve(t *testing.T) {
	d := dataFrom(t, sample)
	tests := []struct {
		path, want string
		err        error
	}{
		{"keyword.cloud_notm", "IBM Cloud", nil},
		{"site.data.keyword.cloud_notm", "IBM Cloud", nil},
		{"  site.data.keyword.cloud_notm ", "IBM Cloud", nil},
		{"keyword.product", "IBM Cloud Widgets", nil},
		{"keyword.spaced", "IBM Cloud Widgets for you", nil},
		{"keyword.deep", "A IBM Cloud Widgets for you and IBM Cloud®", nil},
		{"keyword.cloud", "IBM Cloud®", nil},
		{"keyword.amp", "R&D <b> ®", nil},
		{"keyword.padded", "trimmed", nil},
		{"keyword.number", "3", nil},
		{"keyword.ratio", "1.5", nil},
		{"keyword.flag", "true", nil},
		{"keyword.empty", "", nil},
		{"keyword.group.inner", "In", nil},
		{"keyword.other", "{{ page.title }} IBM Cloud", nil},
		{"keyword.broken", "B {{site.data.keyword.missing}} end", keyword.ErrUnknown},
		{"keyword.self", "x {{site.data.keyword.self}}", keyword.ErrCycle},
		{"keyword.ping", "{{site.data.keyword.pong}}", keyword.ErrCycle},
		{"keyword.nope", "", keyword.ErrUnknown},
		{"keyword.cloud.more", "", keyword.ErrUnknown},
		{"nokeyword.cloud", "", keyword.ErrUnknown},
		{"keyword.group", "", keyword.ErrNotValue},
		{"keyword.list", "", keyword.ErrNotValue},
		{"keyword", "", keyword.ErrNotValue},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			// twice: the second answer comes from the cache
			for range 2 {
				got, err := d.Resolve(tt.path)
				if tt.err == nil {
					require.NoError(t, err)
				} else {
					require.ErrorIs(t, err, tt.err)
				}
				assert.Equal(t, tt.want, got)
			}
		})
	}
}

func TestResolveErrorsNameTheKeyword(t *testing.T) {
	d := dataFrom(t, sample)
	_, err := d.Resolve("keyword.nope")
	assert.ErrorContains(t, err, "site.data.keyword.nope")
	_, err = d.Resolve("keyword.ping")
	assert.ErrorContains(t, err, "keyword.ping → keyword.pong → keyword.ping")
	_, err = d.Resolve("keyword.group")
	assert.ErrorContains(t, err, "site.data.keyword.group")
}

func TestResolveRawKeepsEntities(t *testing.T) {
	d := dataFrom(t, sample)
	got, err := d.ResolveRaw("site.data.keyword.deep")
	require.NoError(t, err)
	assert.Equal(t, "A IBM Cloud Widgets for you and IBM Cloud&reg;", got)
}

func TestHas(t *testing.T) {
	d := dataFrom(t, sample)
	assert.True(t, d.Has("keyword.cloud"))
	assert.True(t, d.Has("site.data.keyword.cloud"))
	assert.True(t, d.Has("keyword.broken"), "a value with an unknown reference inside is a value")
	assert.True(t, d.Has("keyword.self"))
	assert.False(t, d.Has("keyword.nope"))
	assert.False(t, d.Has("keyword.group"), "a group is not a value")
}

func TestDefault(t *testing.T) {
	d := keyword.Default()
	v, err := d.Resolve("keyword.cloud_notm")
	require.NoError(t, err)
	assert.Equal(t, "IBM Cloud", v)
	ald, err := d.ResolveRaw("keyword.attribute-definition-list")
	require.NoError(t, err)
	assert.Contains(t, ald, "{:shortdesc: .shortdesc}")
	// each call is a fresh copy
	require.NoError(t, d.AddYAML("", []byte("keyword:\n  cloud_notm: Changed\n")))
	v, err = keyword.Default().Resolve("keyword.cloud_notm")
	require.NoError(t, err)
	assert.Equal(t, "IBM Cloud", v)
}

func TestAddYAML(t *testing.T) {
	d := dataFrom(t, "keyword:\n  a: A\n  b: B\n")
	v, err := d.Resolve("keyword.a")
	require.NoError(t, err)
	assert.Equal(t, "A", v)

	// later values win, maps merge, the cache is dropped
	require.NoError(t, d.AddYAML("", []byte("keyword:\n  a: A2\n  c: C\n")))
	for path, want := range map[string]string{"keyword.a": "A2", "keyword.b": "B", "keyword.c": "C"} {
		v, err := d.Resolve(path)
		require.NoError(t, err)
		assert.Equal(t, want, v, path)
	}

	// a named document is stored under its name, as Jekyll's _data/NAME.yml
	require.NoError(t, d.AddYAML("content", []byte("snippet: Hello\n")))
	v, err = d.Resolve("site.data.content.snippet")
	require.NoError(t, err)
	assert.Equal(t, "Hello", v)

	assert.NoError(t, d.AddYAML("", []byte("")), "an empty document adds nothing")
	assert.Error(t, d.AddYAML("", []byte("keyword: [unclosed\n")))
	assert.Error(t, d.AddYAML("", []byte("- a list\n- at the top\n")))
	v, err = d.Resolve("keyword.a")
	require.NoError(t, err)
	assert.Equal(t, "A2", v, "a failed AddYAML changes nothing")
}

func TestMerge(t *testing.T) {
	base := dataFrom(t, "keyword:\n  a: base-a\n  b: base-b\n  ref: \"{{site.data.keyword.a}}!\"\n  nested:\n    x: base-x\n    y: base-y\n")
	over := dataFrom(t, "keyword:\n  a: over-a\n  c: over-c\n  nested:\n    x: over-x\n")
	before, err := base.Resolve("keyword.ref")
	require.NoError(t, err)
	require.Equal(t, "base-a!", before)

	base.Merge(over)
	base.Merge(nil)
	for path, want := range map[string]string{
		"keyword.a": "over-a", "keyword.b": "base-b", "keyword.c": "over-c",
		"keyword.nested.x": "over-x", "keyword.nested.y": "base-y",
		"keyword.ref": "over-a!", // the cache was dropped
	} {
		v, err := base.Resolve(path)
		require.NoError(t, err, path)
		assert.Equal(t, want, v, path)
	}

	// base holds copies: changing over later leaves base alone
	require.NoError(t, over.AddYAML("", []byte("keyword:\n  nested:\n    x: later\n")))
	v, err := base.Resolve("keyword.nested.x")
	require.NoError(t, err)
	assert.Equal(t, "over-x", v)
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "keyref.yaml")
	require.NoError(t, os.WriteFile(f, []byte("keyword:\n  cloud_notm: My Cloud\n  mine: \"{{site.data.keyword.cloud_notm}} thing\"\n"), 0o644))
	d := keyword.Default()
	require.NoError(t, d.Load(f))
	v, err := d.Resolve("keyword.mine")
	require.NoError(t, err)
	assert.Equal(t, "My Cloud thing", v, "the file wins over the defaults")
	assert.True(t, d.Has("keyword.attribute-definition-list"), "the defaults stay")

	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("keyword: [\n"), 0o644))
	err = d.Load(bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), bad, "the error names the file")

	assert.Error(t, d.Load(filepath.Join(dir, "missing.yaml")))
}

func TestLoadDataFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"keyword.yml":             "cloud_notm: Folder Cloud\nname: \"{{site.data.products.compute.vsi}}\"\n",
		"products/compute.yaml":   "vsi: Virtual Servers\n",
		"products/storage/a.json": `{"cos": "Object Storage"}`,
		"notes.txt":               "not: data\n",
		"products/README.md":      "# no\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	d := keyword.NewData()
	require.NoError(t, d.Load(dir))
	for path, want := range map[string]string{
		"site.data.keyword.cloud_notm":     "Folder Cloud",
		"site.data.keyword.name":           "Virtual Servers",
		"site.data.products.compute.vsi":   "Virtual Servers",
		"site.data.products.storage.a.cos": "Object Storage",
	} {
		v, err := d.Resolve(path)
		require.NoError(t, err, path)
		assert.Equal(t, want, v, path)
	}
	assert.False(t, d.Has("notes.not"))
	assert.False(t, d.Has("not"))

	// a file that does not parse fails the load, naming it
	bad := filepath.Join(dir, "zz", "bad.yml")
	require.NoError(t, os.MkdirAll(filepath.Dir(bad), 0o755))
	require.NoError(t, os.WriteFile(bad, []byte("a: [\n"), 0o644))
	err := keyword.NewData().Load(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), bad)
}

func TestExpand(t *testing.T) {
	values := map[string]string{"keyword.a": "A", "keyword.b": "B"}
	lookup := func(p string) (string, bool) { v, ok := values[p]; return v, ok }
	tests := map[string]string{
		"":                              "",
		"no braces":                     "no braces",
		"{{site.data.keyword.a}}":       "A",
		"x {{ site.data.keyword.a }} y": "x A y",
		"{{site.data.keyword.a}}{{site.data.keyword.b}}": "AB",
		"{{site.data.keyword.unknown}} stays":            "{{site.data.keyword.unknown}} stays",
		"{{ page.title }} stays":                         "{{ page.title }} stays",
		"{{keyword.a}} needs the prefix":                 "{{keyword.a}} needs the prefix",
		"{{site.data.keyword.a b}} not a path":           "{{site.data.keyword.a b}} not a path",
		"{{site.data..a}} empty part":                    "{{site.data..a}} empty part",
		"unclosed {{site.data.keyword.a":                 "unclosed {{site.data.keyword.a",
		"{{}} {{site.data.keyword.b}}":                   "{{}} B",
		"{ {site.data.keyword.a}}":                       "{ {site.data.keyword.a}}",
	}
	for in, want := range tests {
		assert.Equal(t, want, keyword.Expand(in, lookup), "Expand(%q)", in)
	}
}

func TestTrimPrefix(t *testing.T) {
	assert.Equal(t, "keyword.a", keyword.TrimPrefix(" site.data.keyword.a "))
	assert.Equal(t, "keyword.a", keyword.TrimPrefix("keyword.a"))
}

// TestConcurrentResolve is meant for go test -race: a loaded Data is safe
// for concurrent use.
func TestConcurrentResolve(t *testing.T) {
	d := dataFrom(t, sample)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				v, err := d.Resolve("keyword.deep")
				assert.NoError(t, err)
				assert.Equal(t, "A IBM Cloud Widgets for you and IBM Cloud®", v)
				assert.True(t, d.Has("keyword.cloud"))
				if i == 0 {
					_, _ = d.ResolveRaw("keyword.product")
				}
			}
		}()
	}
	wg.Wait()
}

// TestLoadFolderOfKeywordFiles: in a folder, IBM's keyword files (a
// "keyword:" map at the top, as docs repositories' keyref.yaml) give their
// keywords as when each is given alone; other files stay under their path.
func TestLoadFolderOfKeywordFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"repo-a__keyref.yaml":  "keyword:\n  alpha: Alpha Service\n",
		"repo-b/keyref.yml":    "keyword:\n  beta: \"{{site.data.keyword.alpha}} Beta\"\n",
		"products/compute.yml": "vsi: Virtual Servers\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	d := keyword.NewData()
	require.NoError(t, d.Load(dir))
	for path, want := range map[string]string{
		"site.data.keyword.alpha":        "Alpha Service",
		"site.data.keyword.beta":         "Alpha Service Beta",
		"site.data.products.compute.vsi": "Virtual Servers",
	} {
		v, err := d.Resolve(path)
		require.NoError(t, err, path)
		assert.Equal(t, want, v, path)
	}
	assert.False(t, d.Has("repo-a__keyref.keyword.alpha"))
}
