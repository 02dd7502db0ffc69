package ids

import (
	"reflect"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestRawIDs lists raw HTML and the ids and anchor names it reserves.
func TestRawIDs(t *testing.T) {
	for in, want := range map[string][]string{
		`<div id="raci-legend">`:                 {"raci-legend"},
		`<a name="x-y"></a>`:                     {"x-y"},
		`<A NAME='Up' ID="top">`:                 {"Up", "top"},
		`<img name="x" src="a.png">`:             nil, // a name only on <a> is a link target
		`<p id="a&amp;b" class="c">`:             {"a&b"},
		`<br/>`:                                  nil,
		`<p data-id="x" id="">`:                  nil,
		"<table>\n<tr id=\"r1\"><td>x</td></tr>": {"r1"},
		`<!-- <a id="commented"> -->`:            nil,
	} {
		var got []string
		RawIDs([]byte(in), func(id string) { got = append(got, id) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("RawIDs(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOfSourceReservesRawHTML: the registry made with the source holds the
// ids of raw HTML blocks and inline tags; the one made without does not.
func TestOfSourceReservesRawHTML(t *testing.T) {
	src := []byte("<div id=\"legend\">\n</div>\n\nText <a name=\"toc-1\"></a> and <span\nid=\"split\">x</span>.\n")
	md := goldmark.New()
	doc := md.Parser().Parse(text.NewReader(src))
	withSrc, without := OfSource(parser.NewContext(), doc, src), Of(parser.NewContext(), doc)
	for _, id := range []string{"legend", "toc-1", "split"} {
		if !withSrc.Taken(id) {
			t.Errorf("OfSource: %q not reserved", id)
		}
		if without.Taken(id) {
			t.Errorf("Of: %q reserved without the source", id)
		}
	}
	if got := withSrc.Unique("legend", ""); got != "legend-2" {
		t.Errorf("Unique(legend) = %q, want legend-2", got)
	}
}

// TestRawIDsNeedAnAttribute: "id" and "name" inside words or text set no
// attribute; written as attributes, in any case and spacing, they do.
func TestRawIDsNeedAnAttribute(t *testing.T) {
	for in, want := range map[string][]string{
		`<p>provide a video width and a name</p>`: nil,
		`<td>id = 3</td>`:                         nil,
		`<p ID = "a">x</p><a NAME='b'>y</a>`:      {"a", "b"},
		`<a href="x"id="c">z</a>`:                 {"c"},
		`<img name="d" id=e>`:                     {"e"},
	} {
		var got []string
		RawIDs([]byte(in), func(id string) { got = append(got, id) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// TestRawIDsOverLines: a tag written over several lines of an HTML block
// reserves its id.
func TestRawIDsOverLines(t *testing.T) {
	src := []byte("<div\nid=\"over\"\nclass=x>\n<p>text</p>\n</div>\n\n## Over\n")
	pc := parser.NewContext()
	doc := goldmark.New().Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	r := OfSource(pc, doc, src)
	if got := r.Unique("over", ""); got != "over-2" {
		t.Errorf("Unique(over) = %q, want over-2: the block's id is reserved", got)
	}
}
