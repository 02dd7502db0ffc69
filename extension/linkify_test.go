package extension

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/internal/corpus"
	"github.com/yuin/goldmark"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// linkifyCases are texts around goldmark's linkify rules: protocols,
// www., e-mail addresses near the 64-character limit, trigger characters.
var linkifyCases = []string{
	"see https://example.com/a_(b) now", "(http://x.io/path?q=1).", "*www.example.com*", "~ftp://f.org~",
	"mail me@example.com.", "a@b", "x.y+z@ex-ample.co.uk_", "@home", "foo@@bar.com", "_user@host.org_",
	"HTTP://EXAMPLE.COM", "wwwexample.com", "www.a", "h", "f", "w", "a b c d e f", "x@y.z-",
	string(bytes.Repeat([]byte{'a'}, 64)) + "@example.com", string(bytes.Repeat([]byte{'a'}, 65)) + "@example.com",
	"a " + string(bytes.Repeat([]byte{'a'}, 63)) + "@ex.com", "é@example.com", "&amp; https://x.com/a&b;",
	"line one\nwww.two.com\n three@four.org", "**https://bold.com**", "[www.label.com](https://x.com)",
}

// linkifyBoth renders src with goldmark's Linkify and with mdraci's, with
// the parser options opts.
func linkifyBoth(t testing.TB, src []byte, opts ...parser.Option) (want, got string) {
	var w, g bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(gext.Linkify), goldmark.WithParserOptions(opts...)).Convert(src, &w); err != nil {
		t.Fatal(err)
	}
	if err := goldmark.New(goldmark.WithExtensions(linkify{}), goldmark.WithParserOptions(opts...)).Convert(src, &g); err != nil {
		t.Fatal(err)
	}
	return w.String(), g.String()
}

// TestLinkifyOptions: goldmark's Linkify options, given as parser
// options, still configure the links found (the pre-check steps aside).
func TestLinkifyOptions(t *testing.T) {
	src := []byte("see git://example.com/repo and http://example.com\n\nmail a@b.org\n")
	git := regexp.MustCompile(`^git://[-a-zA-Z0-9.]+(?:/[-a-zA-Z0-9/]*)?`)
	want, got := linkifyBoth(t, src, gext.WithLinkifyAllowedProtocols([]string{"git:"}), gext.WithLinkifyURLRegexp(git))
	if got != want {
		t.Errorf("allowed protocols:\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(got, `<a href="git://example.com/repo">`) {
		t.Errorf("git: is an allowed protocol, yet no link: %s", got)
	}
	email := regexp.MustCompile(`^[a-z]+@[a-z]+\.org`)
	want, got = linkifyBoth(t, src, gext.WithLinkifyEmailRegexp(email))
	if got != want {
		t.Errorf("e-mail regexp:\n got %s\nwant %s", got, want)
	}
}

// TestLinkifyMatchesGoldmark checks that the pre-check drops no link
// goldmark's Linkify finds: the cases, then every corpus page.
func TestLinkifyMatchesGoldmark(t *testing.T) {
	for _, c := range linkifyCases {
		if want, got := linkifyBoth(t, []byte(c)); got != want {
			t.Errorf("%q:\n got %s\nwant %s", c, got, want)
		}
	}
	for _, p := range corpus.Pages(t, ".md") {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if want, got := linkifyBoth(t, src); got != want {
			t.Errorf("%s: the HTML differs from goldmark's Linkify", p)
		}
	}
}

// FuzzLinkify checks the pre-check against goldmark's Linkify on any text.
func FuzzLinkify(f *testing.F) {
	for _, c := range linkifyCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want, got := linkifyBoth(t, []byte(s)); got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	})
}
