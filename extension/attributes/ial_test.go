package attributes_test

import (
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type L = attributes.List
type P = attributes.Pair

func TestParseLine(t *testing.T) {
	tests := []struct {
		line   string
		name   string
		list   L
		offset int
	}{
		{`{: #id}`, "", L{ID: "id"}, 2},
		{`{:#id}`, "", L{ID: "id"}, 2},
		{`{: #a #b}`, "", L{ID: "b"}, 2},
		{`{: .x .y-z .x}`, "", L{Classes: []string{"x", "y-z", "x"}}, 2},
		{`{: #t .c1 caption="Table 1. Roles" caption-side="bottom"}`, "",
			L{ID: "t", Classes: []string{"c1"}, Pairs: []P{{"caption", "Table 1. Roles"}, {"caption-side", "bottom"}}}, 2},
		{`{: title='single "inner"' lang="fr"}`, "", L{Pairs: []P{{"title", `single "inner"`}, {"lang", "fr"}}}, 2},
		{`{: title="say \"hi\" \\ \} \n"}`, "", L{Pairs: []P{{"title", `say "hi" \ } \n`}}}, 2},
		{`{: title='it\'s'}`, "", L{Pairs: []P{{"title", `it's`}}}, 2},
		{`{: title="a}b"}`, "", L{Pairs: []P{{"title", "a}b"}}}, 2},
		{`{: data-x=1 row-headers}`, "", L{Pairs: []P{{"data-x", "1"}}, Refs: []string{"row-headers"}}, 2},
		{`{: shortdesc}`, "", L{Refs: []string{"shortdesc"}}, 2},
		{`{:shortdesc}`, "", L{Refs: []string{"shortdesc"}}, 2},
		{"{:\t.a\tref  #i }", "", L{ID: "i", Classes: []string{"a"}, Refs: []string{"ref"}}, 2},
		{`{:shortdesc: .shortdesc}`, "shortdesc", L{Classes: []string{"shortdesc"}}, 12},
		{`{:c#: .ph data-hd-programlang="c#"}`, "c#", L{Classes: []string{"ph"}, Pairs: []P{{"data-hd-programlang", "c#"}}}, 5},
		{`{:c++: .ph}`, "c++", L{Classes: []string{"ph"}}, 6},
		{`{:tab-title: tab-title="Tab"}`, "tab-title", L{Pairs: []P{{"tab-title", "Tab"}}}, 12},
		{`{:new_window: target="_blank"}`, "new_window", L{Pairs: []P{{"target", "_blank"}}}, 13},
		{`{:empty:}`, "empty", L{}, 8},
		{`{: title="a:b"}`, "", L{Pairs: []P{{"title", "a:b"}}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			l, problems, ok := attributes.ParseLine(tt.line)
			require.True(t, ok)
			assert.Empty(t, problems)
			assert.Equal(t, tt.name, l.Name)
			assert.Equal(t, tt.offset, l.Offset)
			assert.Equal(t, tt.list, l.List)
		})
	}
}

func TestParseLineRejects(t *testing.T) {
	for _, line := range []string{
		``, `{`, `{:`, `{}`, `{ #id}`, `{#id}`,
		`{::comment}`, `{::nomarkdown}`, `{:: .x}`,
		`text {: .a}`, `{: .a} trailing`, `{: .a`, `{: .a} {: .b}`, `{: .a}}`,
		`{{site.data.keyword.x}}`,
	} {
		l, problems, ok := attributes.ParseLine(line)
		assert.False(t, ok, "%q is not an attribute list", line)
		assert.Empty(t, problems, "%q", line)
		assert.Equal(t, attributes.Line{}, l, "%q", line)
	}
}

func TestParseLineProblems(t *testing.T) {
	tests := []struct {
		line string
		list L
		// at is the text the problem's offset points to
		at, msg string
	}{
		{`{: title="x}`, L{Pairs: []P{{"title", "x"}}}, `"x}`, "not closed"},
		{`{:def: .c title='open}`, L{Classes: []string{"c"}, Pairs: []P{{"title", "open"}}}, `'open}`, "not closed"},
		{`{: . .ok}`, L{Classes: []string{"ok"}}, `. .ok}`, "followed by a name"},
		{`{: # .ok}`, L{Classes: []string{"ok"}}, `# .ok}`, "followed by a name"},
		{`{: .ok k=}`, L{Classes: []string{"ok"}, Pairs: []P{{"k", ""}}}, `}`, "missing value"},
		{`{: a<b="1" .ok}`, L{Classes: []string{"ok"}}, `a<b=`, "not a valid attribute name"},
		{`{: bad"ref .ok}`, L{Classes: []string{"ok"}}, `bad"ref`, "not a valid reference name"},
		{`{: ="v" .ok}`, L{Classes: []string{"ok"}}, `="v"`, "not a valid attribute name"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			l, problems, ok := attributes.ParseLine(tt.line)
			require.True(t, ok)
			assert.Equal(t, tt.list, l.List)
			require.Len(t, problems, 1)
			p := problems[0]
			require.True(t, p.Offset >= 0 && p.Offset < len(tt.line), "offset %d out of %q", p.Offset, tt.line)
			assert.Equal(t, tt.at, tt.line[p.Offset:min(len(tt.line), p.Offset+len(tt.at))], "offset %d", p.Offset)
			assert.Contains(t, p.Message, tt.msg)
			assert.Equal(t, p.Message, p.Error())
		})
	}
}

func TestParse(t *testing.T) {
	l, problems := attributes.Parse("")
	assert.Empty(t, problems)
	assert.Equal(t, L{}, l)

	l, problems = attributes.Parse(" #x\n.y\r\tk='v w'  ref ")
	assert.Empty(t, problems)
	assert.Equal(t, L{ID: "x", Classes: []string{"y"}, Pairs: []P{{"k", "v w"}}, Refs: []string{"ref"}}, l)

	// offsets are into the string given
	_, problems = attributes.Parse(`.a k="open`)
	require.Len(t, problems, 1)
	assert.Equal(t, 5, problems[0].Offset)
}

func TestMerge(t *testing.T) {
	l := L{ID: "a", Classes: []string{"x", "y"}, Pairs: []P{{"k", "1"}, {"j", "2"}}, Refs: []string{"r"}}
	m := L{Classes: []string{"y", "z"}, Pairs: []P{{"k", "9"}, {"n", "3"}}, Refs: []string{"s"}}
	got := l.Merge(m)
	assert.Equal(t, L{ID: "a", Classes: []string{"x", "y", "z"}, Pairs: []P{{"k", "9"}, {"j", "2"}, {"n", "3"}}, Refs: []string{"r", "s"}}, got)
	assert.Equal(t, "b", l.Merge(L{ID: "b"}).ID, "the later id wins")
	assert.Equal(t, "a", L{}.Merge(l).ID)
	// l is unchanged
	assert.Equal(t, L{ID: "a", Classes: []string{"x", "y"}, Pairs: []P{{"k", "1"}, {"j", "2"}}, Refs: []string{"r"}}, l)
	got.Classes[0], got.Pairs[0].Value = "changed", "changed"
	assert.Equal(t, "x", l.Classes[0], "Merge copies")
	assert.Equal(t, "1", l.Pairs[0].Value, "Merge copies")
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`{: #id}`, `{:shortdesc}`, `{:c#: .ph data-hd-programlang="c#"}`, `{: title="x}`,
		`{: title='a\'b' k=v .c}`, `{::comment}`, `{: = "" ' }`, `{:a:b:c: #}`, `{: k="\`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		l, problems, ok := attributes.ParseLine(line)
		if !ok {
			if len(problems) != 0 {
				t.Fatalf("ParseLine(%q) rejected the line but reported problems %v", line, problems)
			}
			return
		}
		if !strings.HasPrefix(line, "{:") || strings.HasPrefix(line, "{::") || !strings.HasSuffix(line, "}") {
			t.Fatalf("ParseLine(%q) accepted a line that is not {:…}", line)
		}
		if l.Offset < 2 || l.Offset > len(line)-1 {
			t.Fatalf("ParseLine(%q): Offset %d out of the line", line, l.Offset)
		}
		for _, p := range problems {
			if p.Offset < 0 || p.Offset >= len(line) {
				t.Fatalf("ParseLine(%q): problem %q at offset %d, outside the input", line, p.Message, p.Offset)
			}
		}
	})
}
