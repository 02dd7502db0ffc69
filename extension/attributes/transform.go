package attributes

import (
	"bytes"
	"slices"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Codes are the diagnostic codes the attribute-list parsers and
// transformer report.
var Codes = []diag.Code{
	{Code: "attributes-syntax", Severity: diag.Warning, Summary: "an attribute list that does not parse; it is left as text"},
	{Code: "attributes-unclosed", Severity: diag.Warning, Summary: "an attribute list not closed with \"}\""},
	{Code: "attributes-unattached", Severity: diag.Warning, Summary: "an attribute list next to no block or span it could apply to"},
	{Code: "attributes-blank-lines", Severity: diag.Info, Summary: "an attribute list with a blank line on both sides, applied to the block before it as marked-it does (kramdown takes the block after)"},
	{Code: "attributes-not-allowed", Severity: diag.Warning, Summary: "an attribute the allowlist refuses (on* handlers, style, script URLs)"},
	{Code: "attributes-too-many", Severity: diag.Warning, Summary: "an attribute list setting more attributes than are applied"},
	{Code: "attributes-unknown-reference", Severity: diag.Warning, Summary: "a reference to an attribute definition no list defines"},
	{Code: "attributes-cycle", Severity: diag.Warning, Summary: "attribute definitions referring to one another in a circle"},
	{Code: "attributes-too-deep", Severity: diag.Warning, Summary: "attribute definitions referring to one another too deep"},
	{Code: "attributes-too-large", Severity: diag.Warning, Summary: "attribute definitions bringing in more than the document's budget"},
}

type transformer struct {
	cfg *Config
	// done, when not nil, is given the applier once it is done: tests
	// read its work.
	done func(*applier)
}

// NewAttributeListTransformer returns the AST transformer that applies
// attribute lists to their blocks and span elements, and removes the list
// nodes.
func NewAttributeListTransformer(cfg *Config) parser.ASTTransformer {
	return &transformer{cfg: cfg}
}

// Transform implements parser.ASTTransformer.Transform.
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	// the nodes the parsers made, in document order
	m, _ := pc.Get(madeKey).(*made)
	if m == nil {
		return
	}
	pc.Set(madeKey, nil)
	var blocks []*AttributeList
	for _, b := range m.blocks {
		if b.Parent() != nil {
			blocks = append(blocks, b)
		}
	}
	spans := m.spans
	if len(blocks) == 0 && len(spans) == 0 {
		return
	}
	a := &applier{cfg: t.cfg, pc: pc, src: src, blocks: blocks, budget: expansionBudget(len(src))}
	for i := 0; i < len(blocks); {
		// a run of IAL lines directly after one another acts as one list
		j := i + 1
		for j < len(blocks) && blocks[j].PreviousSibling() == ast.Node(blocks[j-1]) && !blocks[j].IsDefinition() && !blocks[i].IsDefinition() {
			j++
		}
		a.applyBlockGroup(blocks[i:j])
		i = j
	}
	for _, b := range blocks {
		if p := b.Parent(); p != nil {
			p.RemoveChild(p, b)
		}
	}
	for _, s := range spans {
		a.applySpan(s)
	}
	if t.done != nil {
		t.done(a)
	}
}

type applier struct {
	cfg *Config
	pc  parser.Context
	src []byte
	// blocks are the attribute list blocks, definitions among them.
	blocks []*AttributeList
	// defs are the definitions by name (the last one of a name), made
	// once scans lookups have scanned blocks (see definition).
	defs  map[string]*List
	scans int
	// expanded holds each definition with its references expanded, so
	// that definitions referring to one another twice over (a: b b,
	// b: c c, …) are expanded once each, not exponentially often. Made
	// on first use, as active.
	expanded map[string]List
	// active holds the definitions being expanded, to find cycles.
	active map[string]bool
	// budget is how many more bytes of attributes references may bring
	// in: a large definition used many times cannot blow the output up.
	budget            int
	tooLarge, tooDeep bool // reported
	// from is where the lists being applied are written.
	from origin
	// brackets pairs the brackets of the text that span lists follow
	// (bracketed spans), per parent, made on first use
	brackets brackets
	// work counts the bytes of lists parsed and the lists stepped over
	// to find where attributes are written, for tests.
	work int
}

// origin is where the attribute lists applied to one element are written,
// so that a diagnostic about one of their attributes points at it.
type origin struct {
	// blocks are a run of block lists, or span is a span list.
	blocks []*AttributeList
	span   *SpanAttributeList
	// start is where the first list starts, for diagnostics about the
	// lists as a whole.
	start int
	// refs are the references of the lists, in order.
	refs []string
	// lists are the lists as written, made on first use (see written).
	lists []written
	// refsAt are where refs are written, made on first use (see refAt).
	refsAt []int
}

// written is one attribute list and where it is written.
type written struct {
	list *List
	// body is the list's text between "{:" (or "{:name:") and "}", and at
	// where it starts in the source; body is "" for a list that is not in
	// the source (from a keyword's value), and at the line holding it.
	body string
	at   int
	// marks are where the attributes of body are written, made on first
	// use (see marked), so that body is parsed once however many of its
	// attributes diagnostics point at.
	marks *marks
}

// marks are where the attributes of a list are written, as byte offsets
// in the source.
type marks struct {
	// refs are where each reference is written, in order.
	refs []int
	// id and idValue are where the last id and its name are written; -1
	// when no id is.
	id, idValue int
	// pairs are where the last pair of each key, and its value, are
	// written.
	pairs map[string][2]int
}

// maxPairs is how many key="value" attributes one element may get: goldmark
// sets attributes in time linear in their number, and no element needs
// hundreds.
const maxPairs = 256

// maxDefinitionDepth is how deep references to attribute definitions may
// nest (a: b, b: c, …).
const maxDefinitionDepth = 32

// expansionBudget is how many bytes of attributes the references of a
// document of n bytes may bring in: a few times the document.
func expansionBudget(n int) int { return 4*n + 64<<10 }

// merger merges lists in order as List.Merge does (the later id and pair
// values win, classes and references append, classes unique), in time
// linear in their total size: once the merged list holds indexFrom classes
// (or pairs), maps index them.
type merger struct {
	list    List
	classes map[string]bool // nil until indexFrom classes
	pairAt  map[string]int  // nil until indexFrom pairs
}

// indexFrom is the number of classes or pairs from which merger looks them
// up in a map rather than scanning the list: the lists of real pages are
// short, and a map per list costs more than a scan.
const indexFrom = 16

func (m *merger) add(l List) {
	if l.ID != "" {
		m.list.ID = l.ID
	}
	for _, c := range l.Classes {
		if !m.hasClass(c) {
			if m.classes != nil {
				m.classes[c] = true
			}
			m.list.Classes = append(m.list.Classes, c)
		}
	}
	for _, p := range l.Pairs {
		if i := m.pairIndex(p.Key); i >= 0 {
			m.list.Pairs[i].Value = p.Value
			continue
		}
		if m.pairAt != nil {
			m.pairAt[p.Key] = len(m.list.Pairs)
		}
		m.list.Pairs = append(m.list.Pairs, p)
	}
	m.list.Refs = append(m.list.Refs, l.Refs...)
}

// hasClass reports whether the merged list has class c.
func (m *merger) hasClass(c string) bool {
	if m.classes == nil {
		if len(m.list.Classes) < indexFrom {
			return slices.Contains(m.list.Classes, c)
		}
		m.classes = make(map[string]bool, 2*len(m.list.Classes))
		for _, d := range m.list.Classes {
			m.classes[d] = true
		}
	}
	return m.classes[c]
}

// pairIndex returns the index of the merged list's pair of key, or -1.
func (m *merger) pairIndex(key string) int {
	if m.pairAt == nil {
		if len(m.list.Pairs) < indexFrom {
			for i := range m.list.Pairs {
				if m.list.Pairs[i].Key == key {
					return i
				}
			}
			return -1
		}
		m.pairAt = make(map[string]int, 2*len(m.list.Pairs))
		for i, p := range m.list.Pairs {
			m.pairAt[p.Key] = i
		}
	}
	if i, ok := m.pairAt[key]; ok {
		return i
	}
	return -1
}

// distinct reports whether l's classes are distinct and its pairs' keys
// too, so that merging l into an empty merger would give l back.
func distinct(l List) bool {
	if len(l.Classes) > indexFrom || len(l.Pairs) > indexFrom {
		return false // not worth a check
	}
	for i, c := range l.Classes {
		if slices.Contains(l.Classes[:i], c) {
			return false
		}
	}
	for i, p := range l.Pairs {
		for _, q := range l.Pairs[:i] {
			if q.Key == p.Key {
				return false
			}
		}
	}
	return true
}

// size is the number of bytes of l's attributes.
func size(l List) int {
	n := len(l.ID)
	for _, c := range l.Classes {
		n += len(c) + 1
	}
	for _, p := range l.Pairs {
		n += len(p.Key) + len(p.Value) + 4
	}
	return n
}

func (a *applier) applyBlockGroup(group []*AttributeList) {
	first, last := group[0], group[len(group)-1]
	if first.IsDefinition() {
		return
	}
	var list List
	if len(group) == 1 && len(first.Items) == 1 && distinct(first.Items[0].List) {
		list = first.Items[0].List // one list: nothing to merge
	} else {
		var m merger
		for _, g := range group {
			for _, it := range g.Items {
				m.add(it.List)
			}
		}
		list = m.list
	}
	start := first.Lines().At(0).Start
	stop := last.Lines().At(0).Stop
	var target ast.Node
	if prev := first.PreviousSibling(); prev != nil && prev.Kind() != KindAttributeList {
		if _, end, ok := span(prev, a.src); ok && !blankBetween(a.src, end, start) {
			target = prev
		}
	}
	if target == nil {
		if next := last.NextSibling(); next != nil && next.Kind() != KindAttributeList {
			if begin, _, ok := span(next, a.src); ok && !blankBetween(a.src, stop, begin) {
				target = next
			}
		}
	}
	if target == nil {
		// blank lines around it: the block before, as IBM's marked-it reads
		// it (a table, a blank line, then its caption); kramdown takes the
		// block after, hence the note
		// (not raw HTML, which takes no attributes: written after it,
		// for Hugo, the list would join the block)
		if prev := first.PreviousSibling(); prev != nil && prev.Kind() != KindAttributeList && prev.Kind() != ast.KindHTMLBlock {
			if _, _, ok := span(prev, a.src); ok {
				target = prev
				diag.Report(a.pc, a.src, start, diag.Info, "attributes-blank-lines",
					"attribute list has a blank line on both sides: it applies to the %s before it, as IBM's marked-it reads it (kramdown would apply it to the block after); write it right after the block",
					strings.ToLower(prev.Kind().String()))
			}
		}
	}
	if target == nil {
		diag.Report(a.pc, a.src, start, diag.Warning, "attributes-unattached",
			"attribute list applies to no block: put it on the line right after (or before) the block")
		return
	}
	a.from = origin{blocks: group, start: start}
	a.apply(target, list)
}

func (a *applier) applySpan(s *SpanAttributeList) {
	parent := s.Parent()
	if parent == nil {
		return
	}
	prev := s.PreviousSibling()
	switch {
	case prev == nil:
	case prev.Kind() == ast.KindLink, prev.Kind() == ast.KindImage, prev.Kind() == ast.KindEmphasis,
		prev.Kind() == ast.KindCodeSpan, prev.Kind() == ast.KindAutoLink:
		a.from = origin{span: s, start: s.Offset}
		a.apply(prev, s.List)
		s.Target = prev
		parent.RemoveChild(parent, s)
		return
	}
	if a.brackets == nil {
		a.brackets = brackets{}
	}
	if span := bracketedSpan(s, a.src, a.brackets); span != nil {
		a.from = origin{span: s, start: s.Offset}
		a.apply(span, s.List)
		s.Target = span
		parent.RemoveChild(parent, s)
		return
	}
	// nothing to apply it to: keep it visible as text
	diag.Report(a.pc, a.src, s.Offset, diag.Warning, "attributes-unattached",
		"span attribute list follows no link, emphasis, code span, image or text in brackets; it is left as text")
	parent.ReplaceChild(parent, s, ast.NewString(s.Literal))
}

// apply sets list's attributes, references expanded, on n; a.from tells
// where list is written.
func (a *applier) apply(n ast.Node, list List) {
	a.from.refs = list.Refs
	full := a.expand(list, 0, nil)
	if full.ID != "" {
		a.set(n, '#', "id", full.ID)
	}
	if len(full.Classes) > 0 {
		classes := full.Classes
		if v, ok := n.AttributeString("class"); ok {
			if s, ok := v.([]byte); ok {
				classes = appendUnique(strings.Fields(string(s)), classes...)
			}
		}
		n.SetAttributeString("class", joinClasses(classes))
	}
	pairs := full.Pairs
	if len(pairs) > maxPairs {
		diag.Report(a.pc, a.src, a.from.start, diag.Warning, "attributes-too-many",
			"attribute list sets %d attributes; only the first %d are applied", len(pairs), maxPairs)
		pairs = pairs[:maxPairs]
	}
	for _, p := range pairs {
		a.set(n, '=', p.Key, p.Value)
	}
	if v, ok := n.AttributeString("target"); ok && n.Kind() == ast.KindLink && string(v.([]byte)) == "_blank" {
		if _, has := n.AttributeString("rel"); !has {
			n.SetAttributeString("rel", []byte("noopener noreferrer"))
		}
	}
}

// joinClasses returns classes separated by spaces, as
// []byte(strings.Join(classes, " ")) does, in one allocation.
func joinClasses(classes []string) []byte {
	if len(classes) == 0 {
		return []byte{}
	}
	n := len(classes) - 1
	for _, c := range classes {
		n += len(c)
	}
	b := make([]byte, 0, n)
	for i, c := range classes {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, c...)
	}
	return b
}

// maxScans is how many lookups of definitions scan the attribute lists
// before a map indexes them: IBM's keyword line defines a hundred or so,
// of which a page uses a few.
const maxScans = 4

// definition returns the last definition named name, nil when none.
func (a *applier) definition(name string) *List {
	if a.defs == nil && a.scans < maxScans {
		a.scans++
		for i := len(a.blocks) - 1; i >= 0; i-- {
			items := a.blocks[i].Items
			for k := len(items) - 1; k >= 0; k-- {
				if items[k].Name == name {
					return &items[k].List
				}
			}
		}
		return nil
	}
	if a.defs == nil {
		a.defs = map[string]*List{}
		for _, b := range a.blocks {
			for k := range b.Items {
				if it := &b.Items[k]; it.Name != "" {
					a.defs[it.Name] = &it.List
				}
			}
		}
	}
	return a.defs[name]
}

// expand replaces list's references by the attributes of their
// definitions, recursively, reporting unknown and circular references,
// and references nested too deep or bringing in too much. A definition is
// expanded once, where it is first used: where it is used again the same
// expansion applies (only where references nest too deep or in a circle
// can the place of first use matter). list is the lists of a.from when
// seen is empty, else a definition that their reference a.from.refs[top]
// brings in: problems are reported where that reference is written.
func (a *applier) expand(list List, top int, seen []string) List {
	if len(list.Refs) == 0 && distinct(list) {
		return list // nothing to expand nor merge
	}
	var out merger
	for k, ref := range list.Refs {
		if len(seen) == 0 {
			top = k
		}
		if len(seen) >= maxDefinitionDepth {
			if !a.tooDeep {
				a.tooDeep = true
				diag.Report(a.pc, a.src, a.refAt(top), diag.Warning, "attributes-too-deep",
					"attribute definitions refer to one another more than %d deep; %q and deeper ones are not applied", maxDefinitionDepth, diag.Clip(ref, 60))
			}
			break
		}
		if a.active[ref] {
			chain := append(seen, ref)
			if len(chain) > 8 {
				chain = append(append(chain[:3:3], "…"), chain[len(chain)-4:]...)
			}
			diag.Report(a.pc, a.src, a.refAt(top), diag.Warning, "attributes-cycle",
				"attribute definition %q refers to itself (%s)", diag.Clip(ref, 60), diag.Clip(strings.Join(chain, " → "), 60))
			continue
		}
		full, ok := a.expanded[ref]
		if !ok {
			def := a.definition(ref)
			if def == nil {
				diag.Report(a.pc, a.src, a.refAt(top), diag.Warning, "attributes-unknown-reference",
					"attribute list refers to %q, which no attribute definition defines", diag.Clip(ref, 60))
				continue
			}
			if a.active == nil {
				a.active, a.expanded = map[string]bool{}, map[string]List{}
			}
			a.active[ref] = true
			full = a.expand(*def, top, append(seen, ref))
			delete(a.active, ref)
			a.expanded[ref] = full
		}
		cost := size(full)
		if cost > a.budget {
			if !a.tooLarge {
				a.tooLarge = true
				diag.Report(a.pc, a.src, a.refAt(top), diag.Warning, "attributes-too-large",
					"attribute definitions bring in more than %d bytes of attributes in this document; %q and later references are not applied",
					expansionBudget(len(a.src)), diag.Clip(ref, 60))
			}
			continue
		}
		a.budget -= cost
		out.add(full)
	}
	own := list
	own.Refs = nil
	out.add(own)
	return out.list
}

// set sets attribute name (kind '#' for the list's id, '=' for a pair) to
// value on n, keywords resolved, unless the allowlist refuses it. HTML
// attribute names are case-insensitive: the attribute is set, and checked,
// under its name in lower case (ID="x" is the id, as goldmark's renderers
// and mdraci's read it), and a class pair adds its classes to the
// element's, as .class does. Diagnostics show the name as written.
func (a *applier) set(n ast.Node, kind byte, name, value string) {
	at, valueAt := -1, -1 // where name and value are written: found when needed
	written := value
	locate := func() {
		if at < 0 {
			at, valueAt = a.attributeAt(kind, name, written)
		}
	}
	if a.cfg.Keywords != nil && strings.Contains(value, "{{") {
		value = keyword.ExpandAt(value, func(path string, i int) (string, bool) {
			v, err := a.cfg.Keywords.Resolve(path)
			if err != nil {
				locate()
				if valueAt >= 0 {
					keyword.Report(a.pc, a.src, valueAt+i, a.cfg.Strict, err)
				} else {
					keyword.Report(a.pc, a.src, at, a.cfg.Strict, err)
				}
				return "", false
			}
			if len(v) > a.budget { // values repeating a long keyword
				if !a.tooLarge {
					a.tooLarge = true
					locate()
					diag.Report(a.pc, a.src, at, diag.Warning, "attributes-too-large",
						"attribute values bring in more than %d bytes of keyword values in this document; {{site.data.%s}} and later ones are left as written",
						expansionBudget(len(a.src)), diag.Clip(path, 60))
				}
				return "", false
			}
			a.budget -= len(v)
			return v, true
		})
	}
	key := strings.ToLower(name) // no copy when it already is
	if ibmTabAttribute(key, n) {
		key = "data-" + key // valid HTML, for a script or style sheet to read
	}
	// no script URLs in any attribute value that may be read as a URL
	// (data-*, style); text (a caption, a title) may start "Data: …"
	if !allowed(key, n, a.cfg.Unsafe) || mayBeURL(key) && !SafeURL(value) {
		locate()
		diag.Report(a.pc, a.src, at, diag.Warning, "attributes-not-allowed",
			"attribute %s=%q is not allowed on %s and was dropped", diag.Clip(name, 60), diag.Clip(value, 60), strings.ToLower(n.Kind().String()))
		return
	}
	if !validValue(key, value) {
		locate()
		diag.Report(a.pc, a.src, at, diag.Warning, "attributes-not-allowed",
			"attribute %s=%q: %s does not take this value; it was dropped", diag.Clip(name, 60), diag.Clip(value, 60), key)
		return
	}
	if key == "class" {
		var classes []string
		if v, ok := n.AttributeString("class"); ok {
			if s, ok := v.([]byte); ok {
				classes = strings.Fields(string(s))
			}
		}
		n.SetAttributeString("class", joinClasses(appendUnique(classes, strings.Fields(value)...)))
		return
	}
	if key == "caption" || key == "caption-side" {
		c, _ := a.pc.Get(captionKey).(*captioned)
		if c == nil {
			c = &captioned{}
			a.pc.Set(captionKey, c)
		}
		c.any = true
		if k := n.Kind(); k == ast.KindParagraph || k == ast.KindImage {
			c.nodes = append(c.nodes, n)
		}
	}
	n.SetAttributeString(key, []byte(value))
}

// captionKey keeps, per parse, the nodes the attribute lists gave a
// caption or caption-side (a *captioned).
var captionKey = parser.NewContextKey()

// captioned tells whether any node was given a caption or caption-side,
// and holds the paragraphs and images given one, in the order the lists
// were applied.
type captioned struct {
	any   bool
	nodes []ast.Node
}

// HasCaptions reports whether the attribute lists of the document parsed
// with pc set a caption or caption-side on any node (package figure looks
// for captioned images only then).
func HasCaptions(pc parser.Context) bool {
	c, _ := pc.Get(captionKey).(*captioned)
	return c != nil && c.any
}

// Captioned returns the paragraphs and images the attribute lists of the
// document parsed with pc set a caption or caption-side on, in the order
// the lists were applied (block lists in document order, then span lists
// in document order); a node given both, or given one twice, is there
// more than once. A node may have been moved or removed since.
func Captioned(pc parser.Context) []ast.Node {
	c, _ := pc.Get(captionKey).(*captioned)
	if c == nil {
		return nil
	}
	return c.nodes
}

// written returns the lists of a.from as written, in order.
func (a *applier) written() []written {
	f := &a.from
	if f.lists != nil {
		return f.lists
	}
	if s := f.span; s != nil && len(s.Literal) >= 3 {
		f.lists = []written{{list: &s.List, body: string(s.Literal[2 : len(s.Literal)-1]), at: s.Offset + 2}}
	}
	for _, b := range f.blocks {
		seg := b.Lines().At(0)
		line := a.src[seg.Start:seg.Stop]
		if len(b.Items) == 1 && bytes.HasPrefix(line, []byte("{:")) && bytes.HasSuffix(line, []byte("}")) && b.Items[0].Offset < len(line) {
			it := &b.Items[0]
			f.lists = append(f.lists, written{list: &it.List, body: string(line[it.Offset : len(line)-1]), at: seg.Start + it.Offset})
			continue
		}
		for k := range b.Items { // a keyword's value
			f.lists = append(f.lists, written{list: &b.Items[k].List, at: seg.Start})
		}
	}
	if f.lists == nil {
		f.lists = []written{}
	}
	return f.lists
}

// marked returns where the attributes of list w are written, parsing its
// body on first use.
func (w *written) marked(a *applier) *marks {
	if w.marks != nil {
		return w.marks
	}
	m := &marks{id: -1, idValue: -1}
	a.work += len(w.body)
	parse(w.body, func(k byte, s string, i, v int) {
		switch k {
		case 'r':
			m.refs = append(m.refs, w.at+i)
		case '#':
			m.id, m.idValue = w.at+i, w.at+v
		case '=':
			if m.pairs == nil {
				m.pairs = map[string][2]int{}
			}
			m.pairs[s] = [2]int{w.at + i, w.at + v}
		}
	})
	w.marks = m
	return m
}

// find returns where, in list w, the last attribute of kind ('#' or '=')
// and name is written, and where its value starts; where w is written and
// -1 when w is not in the source or does not set it.
func (w *written) find(a *applier, kind byte, name string) (at, value int) {
	if w.body == "" {
		return w.at, -1
	}
	m := w.marked(a)
	switch {
	case kind == '#' && m.id >= 0:
		return m.id, m.idValue
	case kind == '=':
		if p, ok := m.pairs[name]; ok {
			return p[0], p[1]
		}
	}
	return w.at, -1
}

// refAt returns where reference a.from.refs[k] is written. The first call
// finds where all of them are, parsing each list once.
func (a *applier) refAt(k int) int {
	f := &a.from
	if f.refsAt == nil {
		lists := a.written()
		f.refsAt = make([]int, 0, len(f.refs))
		for i := range lists {
			w := &lists[i]
			a.work++
			n := len(w.list.Refs)
			var refs []int
			if w.body != "" {
				refs = w.marked(a).refs
			}
			// the list's references as parsed from its body (where the
			// list is written for any the body does not hold)
			for r := range n {
				at := w.at
				if r < len(refs) {
					at = refs[r]
				}
				f.refsAt = append(f.refsAt, at)
			}
		}
	}
	if k < len(f.refsAt) {
		return f.refsAt[k]
	}
	return f.start
}

// attributeAt returns where the id (kind '#') or the pair name that
// a.from's lists set to value is written: the list (the last) that sets it
// itself, else the reference (the last) that brings it in. value is where
// the value is written, when it is written as is in the source; else -1.
func (a *applier) attributeAt(kind byte, name, value string) (at, valueAt int) {
	sets := func(l *List) bool {
		if kind == '#' {
			return l.ID != "" && l.ID == value
		}
		for i := len(l.Pairs) - 1; i >= 0; i-- {
			if l.Pairs[i].Key == name {
				return l.Pairs[i].Value == value
			}
		}
		return false
	}
	lists := a.written()
	for i := len(lists) - 1; i >= 0; i-- {
		if sets(lists[i].list) {
			at, valueAt = lists[i].find(a, kind, name)
			if valueAt < 0 || valueAt+len(value) > len(a.src) || string(a.src[valueAt:valueAt+len(value)]) != value {
				valueAt = -1 // unescaped: the value's bytes are not the source's
			}
			return at, valueAt
		}
	}
	for k := len(a.from.refs) - 1; k >= 0; k-- {
		if full, ok := a.expanded[a.from.refs[k]]; ok && sets(&full) {
			return a.refAt(k), -1
		}
	}
	return a.from.start, -1
}

// span returns the first and last source byte offsets of block n: of its
// own lines, or of its descendants' lines for containers.
func span(n ast.Node, src []byte) (start, stop int, ok bool) {
	start, stop = nodes.Span(n, -1, -1)
	return start, stop, start >= 0
}

// blankBetween reports whether a blank line separates the block content
// ending at from and the one starting at to.
func blankBetween(src []byte, from, to int) bool {
	if from > to {
		from, to = to, from
	}
	if from < 0 || to > len(src) {
		return true
	}
	// the pieces between line breaks: the last (after the last break) is
	// the indentation of the later block's line; the first is the rest of
	// the earlier block's line unless that ended with its line break
	between := src[from:to]
	restOfLine := from == 0 || src[from-1] != '\n'
	for k, at := 0, 0; ; k++ {
		i := bytes.IndexByte(between[at:], '\n')
		if i < 0 {
			break
		}
		if (k > 0 || !restOfLine) && len(bytes.TrimSpace(between[at:at+i])) == 0 {
			return true
		}
		at += i + 1
	}
	return false
}
