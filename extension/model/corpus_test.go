package model_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/internal/corpus"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/stretchr/testify/require"
)

// corpusDir is the shared corpus of real pages (../shared/corpus).
// It is not part of the repository: tests that read it skip without it.
var corpusDir = corpus.Dir()

// corpusPages returns the paths of every page (.md, .txt, .html) under the
// corpus, sorted, or skips tb when the corpus is absent.
func corpusPages(tb testing.TB) []string {
	tb.Helper()
	return corpus.Pages(tb, ".md", ".txt", ".html", ".htm")
}

// corpusKeywords returns the default keywords with every keyword file of
// the corpus loaded on top (files that do not parse, and the excerpt, are
// skipped).
func corpusKeywords(tb testing.TB) *keyword.Data {
	tb.Helper()
	return corpus.Keywords(tb)
}

// corpusModel is one page read and modelled as `mdraci model` does.
type corpusModel struct {
	rel    string
	src    *source.Document
	doc    *model.Document
	json   []byte
	tables []*source.Table
}

// buildSafely parses a page and builds its model (with the default lint),
// turning a panic into an error with the stack.
func buildSafely(c *extension.Converter, rel string, src []byte) (m *corpusModel, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	res := c.Parse(rel, src, extension.DetectFormat(rel, src))
	sd := res.Document()
	doc := model.Build(sd)
	doc.File = rel
	doc.Diagnostics = doc.Lint(model.LintConfig{})
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	m = &corpusModel{rel: rel, src: sd, doc: doc, json: out}
	for _, b := range sd.Blocks {
		if b.Kind == source.KindTable && b.Table != nil {
			m.tables = append(m.tables, b.Table)
		}
	}
	return m, nil
}

// TestCorpusModel reads every page of the shared corpus (Markdown, plain
// text and HTML, every keyword file loaded) into the model and checks what
// must hold on every real page: no panic; the JSON validates against the
// schema; every responsibility table (told by its header, independently of
// the model's classifier) is read as a matrix, bar the known exceptions;
// and nothing is lost: every word of every cell of every table read as a
// matrix (or as the legend) is in the model.
func TestCorpusModel(t *testing.T) {
	pages := corpusPages(t)
	c := extension.NewConverter(extension.WithKeywords(corpusKeywords(t)))
	var respTables, matrices, cells int
	for _, p := range pages {
		rel, _ := filepath.Rel(corpusDir, p)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			src, err := os.ReadFile(p)
			require.NoError(t, err)
			m, err := buildSafely(c, rel, src)
			require.NoError(t, err)
			if err := model.Validate(m.json); err != nil {
				t.Errorf("the model JSON does not validate against schema.json: %v", err)
			}
			read := map[int]string{}
			for _, mx := range m.doc.Matrices {
				read[mx.Table] = mx.Kind
			}
			for _, i := range m.doc.LegendTables {
				read[i] = "legend"
			}
			for i, tb := range m.tables {
				if !isResponsibilityTable(tb) {
					continue
				}
				respTables++
				at := fmt.Sprintf("%s:%d", rel, tb.Pos.Line)
				_, known := notMatrices[at]
				switch _, ok := read[i]; {
				case !ok && !known:
					t.Errorf("line %d: responsibility table %q is not read as a matrix", tb.Pos.Line, headerTexts(tb))
				case ok && known:
					t.Errorf("line %d: the table is read now: remove %s from notMatrices", tb.Pos.Line, at)
				}
			}
			for i := range m.doc.Matrices {
				matrices++
				cells += checkNothingLost(t, m, &m.doc.Matrices[i])
			}
			checkLegendKept(t, m)
		})
	}
	t.Logf("%d pages, %d responsibility tables, %d matrices, %d matrix cells checked", len(pages), respTables, matrices, cells)
}

// notMatrices are the tables whose header names a responsibility or a
// party but which are rightly not read as matrices, by "page:line".
var notMatrices = map[string]string{
	// single-party lists: the party is named by the section heading, the
	// table has no party column ("Responsibility Area | Examples")
	"ibm/ibm-cloud-docs__resiliency__shared-responsibilities.md:38": "IBM Cloud's responsibilities, no party column",
	"ibm/ibm-cloud-docs__resiliency__shared-responsibilities.md:54": "the customer's responsibilities, no party column",
	// an HTML table of one text column whose cells hold both parties as
	// labelled lists ("**IBM responsibilities**: <ul>…</ul> **Your
	// responsibilities**: <ul>…</ul>"): no column per party
	"ibm/ibm-cloud-docs__openshift__openshift_responsibilities__at-815a6cce.md:39": "parties are labels inside the cells",
}

var (
	// respHeaderRE is a header cell naming responsibilities or roles.
	respHeaderRE = regexp.MustCompile(`(?i)responsib|responsab|\bRACI\b|\((R|A|C|I)\)`)
	// roleWordRE strips "role"/"rôle" from a header cell.
	roleWordRE = regexp.MustCompile(`(?i)\b(r[oô]les?)\b`)
)

// partyHeaders are header cells (lower case, "role" removed) that name a
// party: such a column says who does what.
var partyHeaders = map[string]bool{
	"customer": true, "customers": true, "client": true, "clients": true, "you": true, "your": true,
	"ibm": true, "ibm cloud": true, "provider": true, "consumer": true, "ovhcloud": true,
	"cloud temple": true, "sap": true, "microsoft": true, "red hat": true, "zilliz byoc": true,
}

// isResponsibilityTable tells, from its header alone, whether a table
// says who does what: a header cell names responsibilities ("IBM
// responsibilities", "Responsibility in Kyma"), RACI roles ("Who is
// responsible (R)"), or is a party ("Customer", "Your role").
func isResponsibilityTable(t *source.Table) bool {
	header := t.Header
	if len(header) == 0 && len(t.Rows) > 0 {
		header = t.Rows[0].Cells
	}
	for _, h := range header {
		if respHeaderRE.MatchString(h.Text) {
			return true
		}
		name := strings.ToLower(strings.Join(strings.Fields(roleWordRE.ReplaceAllString(h.Text, "")), " "))
		if partyHeaders[name] {
			return true
		}
	}
	return false
}

func headerTexts(t *source.Table) []string {
	var out []string
	for _, c := range t.Header {
		out = append(out, c.Text)
	}
	return out
}

// wordRE is a word: letters and digits.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// normalize prepares a text for comparing words: lower case, accents
// folded, emphasis markers removed (the model strips "__R__éalise" to
// "Réalise").
var normalize = strings.NewReplacer("**", "", "__", "", "é", "e", "è", "e", "ê", "e", "à", "a", "â", "a",
	"î", "i", "ô", "o", "û", "u", "ù", "u", "ç", "c", "É", "e")

// words returns the normalized words of the texts.
func words(texts ...string) map[string]bool {
	out := map[string]bool{}
	for _, s := range texts {
		for _, w := range wordRE.FindAllString(normalize.Replace(strings.ToLower(s)), -1) {
			out[w] = true
		}
	}
	return out
}

// roleWords are spelled-out roles and check marks a letter or check cell
// may hold: the assignment's roles stand for them.
var roleWords = words("responsible accountable consulted consult informed inform support supports verifier verify",
	"signatory omitted responsable responsables realise realisee realisateur approuve approuvee approbateur",
	"consulte consultee consultes informe informee informes en charge and et yes y oui x")

// lost returns the words of text that are not in have.
func lost(text string, have map[string]bool, also func(w string) bool) []string {
	var out []string
	for w := range words(text) {
		if !have[w] && (also == nil || !also(w)) {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// noteWords are the words of a row's notes: their marks and texts.
func noteWords(r *model.Row) []string {
	var out []string
	for _, n := range r.Notes {
		out = append(out, n.Marker, n.Text)
	}
	return out
}

// reported returns the words of the diagnostics at line: a cell whose
// words are reported is not silently lost.
func reported(doc *model.Document, line int) map[string]bool {
	var msgs []string
	for _, d := range doc.Diagnostics {
		if d.Line == line {
			msgs = append(msgs, d.Message)
		}
	}
	return words(msgs...)
}

// partyNames returns the names, aliases and ids of the parties ids.
func partyNames(doc *model.Document, ids []string) []string {
	var out []string
	for _, id := range ids {
		out = append(out, id)
		for _, p := range doc.Parties {
			if p.ID == id {
				out = append(out, p.Name)
				out = append(out, p.Aliases...)
			}
		}
	}
	return out
}

// checkNothingLost checks that every word of every cell of the source
// table of mx is in the model; it returns the number of cells checked.
func checkNothingLost(t *testing.T, m *corpusModel, mx *model.Matrix) int {
	t.Helper()
	if mx.Table < 0 || mx.Table >= len(m.tables) {
		t.Errorf("matrix %s: table index %d out of range (%d tables)", mx.ID, mx.Table, len(m.tables))
		return 0
	}
	tb := m.tables[mx.Table]
	header, rows := tb.Header, tb.Rows
	if len(header) == 0 && len(rows) > 0 {
		header, rows = rows[0].Cells, rows[1:]
	}
	if mx.Transposed {
		return checkTransposed(t, m, mx, header, rows)
	}
	at := func(line int) string { return fmt.Sprintf("%s: matrix %s line %d", m.rel, mx.ID, line) }
	if len(mx.Columns) != len(header) {
		t.Errorf("%s: %d columns, the header has %d cells", at(mx.Line), len(mx.Columns), len(header))
		return 0
	}
	for j, h := range header {
		if l := lost(h.Text, words(mx.Columns[j].Header), nil); l != nil {
			t.Errorf("%s: header cell %d loses %q", at(mx.Line), j+1, l)
		}
	}
	if len(mx.Rows) != len(rows) {
		t.Errorf("%s: %d rows, the table has %d", at(mx.Line), len(mx.Rows), len(rows))
		return 0
	}
	n := 0
	for i, sr := range rows {
		r := &mx.Rows[i]
		for j, c := range sr.Cells {
			n++
			var have map[string]bool
			var also func(string) bool
			switch role := roleOf(mx, j); {
			case r.Heading:
				// a group's name, in the activity's cell or the group
				// column's; the other cells are blank
				have = words(append(noteWords(r), r.Activity)...)
			case role == model.ColGroup:
				have = words() // blank beside an activity
			case role == model.ColActivity:
				have = words(append(noteWords(r), r.Activity)...)
			case role == model.ColQualifier:
				have = words(append(noteWords(r), r.Qualifiers[mx.Columns[j].Key])...)
			case role == model.ColComment:
				have = words(append(noteWords(r), r.Comment)...)
			case role == model.ColParty:
				a := r.Assignments[mx.Columns[j].Party]
				if a == nil {
					t.Errorf("%s: row %q has no assignment for party %s", at(r.Line), r.Activity, mx.Columns[j].Party)
					continue
				}
				have, also = assignmentWords(m.doc, r, a, c)
			case role == model.ColCategory:
				a := r.Categories[mx.Columns[j].Key]
				if a == nil {
					t.Errorf("%s: row %q has no cell for category %s", at(r.Line), r.Activity, mx.Columns[j].Key)
					continue
				}
				texts := append(noteWords(r), a.Duties...)
				texts = append(texts, partyNames(m.doc, a.Parties)...)
				if len(a.Parties) > 1 {
					// "Shared", "Microsoft and Red Hat", "A or B"
					texts = append(texts, "shared both and et or ou")
				}
				have = words(texts...)
				also = blankWords(a.Status)
			default: // unknown columns and cells beyond the header
				var texts []string
				for _, e := range r.Extra {
					if e.Index == j {
						texts = append(texts, e.Text)
					}
				}
				if texts == nil {
					t.Errorf("%s: row %q: cell %d is not in the row's extra cells", at(r.Line), r.Activity, j+1)
					continue
				}
				have = words(texts...)
			}
			if l := lost(c.Text, have, also); l != nil {
				t.Errorf("%s: cell %d (%s) %q loses %q", at(r.Line), j+1, roleOf(mx, j), c.Text, l)
			}
		}
	}
	return n
}

// roleOf is the role of column j of mx, "" beyond the header.
func roleOf(mx *model.Matrix, j int) string {
	if j < len(mx.Columns) {
		return mx.Columns[j].Role
	}
	return ""
}

// blankWords accepts every word of a cell read as empty, not applicable
// or a placeholder ("n/a", "TBD", "NEED CONTENT"): the status says it.
func blankWords(status string) func(string) bool {
	return func(string) bool {
		return status == model.StatusEmpty || status == model.StatusNotApplicable || status == model.StatusPlaceholder
	}
}

// assignmentWords returns what a party cell's words may be found in: its
// duties and notes, its roles (for letters and spelled-out roles), its
// status (for blanks and placeholders) and the findings reported at it.
func assignmentWords(doc *model.Document, r *model.Row, a *model.Assignment, c source.Cell) (map[string]bool, func(string) bool) {
	have := words(append(append(noteWords(r), a.Duties...), partyNames(doc, a.Parties)...)...)
	diag := reported(doc, a.Line)
	roles := map[rune]bool{}
	for _, l := range a.Roles {
		roles[[]rune(l)[0]] = true
	}
	return have, func(w string) bool {
		if diag[w] || a.Status == model.StatusNotApplicable || a.Status == model.StatusEmpty {
			return true
		}
		if a.Status == model.StatusPlaceholder && len(a.Duties) == 0 {
			return true
		}
		if len(a.Roles) == 0 {
			return false
		}
		if roleWords[w] {
			return true
		}
		for _, ch := range strings.ToUpper(w) {
			if !roles[ch] {
				return false
			}
		}
		return true
	}
}

// checkTransposed checks a transposed matrix: every word of every source
// cell is somewhere in the matrix (its columns, activities, assignments).
func checkTransposed(t *testing.T, m *corpusModel, mx *model.Matrix, header []source.Cell, rows []source.Row) int {
	t.Helper()
	var texts []string
	for _, c := range mx.Columns {
		texts = append(texts, c.Header)
	}
	roles := map[string]bool{}
	for i := range mx.Rows {
		r := &mx.Rows[i]
		texts = append(append(texts, r.Activity, r.Comment), noteWords(r)...)
		for _, a := range r.Assignments {
			texts = append(texts, a.Duties...)
			for _, l := range a.Roles {
				roles[strings.ToLower(l)] = true
			}
		}
		for _, e := range r.Extra {
			texts = append(texts, e.Text)
		}
	}
	have := words(texts...)
	n := 0
	all := append([]source.Row{{Cells: header}}, rows...)
	for _, sr := range all {
		for _, c := range sr.Cells {
			n++
			l := lost(c.Text, have, func(w string) bool {
				if roleWords[w] {
					return true
				}
				for _, ch := range w {
					if !roles[string(ch)] {
						return false
					}
				}
				return true
			})
			if l != nil {
				t.Errorf("%s: transposed matrix %s: cell %q loses %q", m.rel, mx.ID, c.Text, l)
			}
		}
	}
	return n
}

// checkLegendKept checks that the body cells of the legend tables are in
// the legend (the header is a title such as "Roles", or a definition).
func checkLegendKept(t *testing.T, m *corpusModel) {
	t.Helper()
	var texts []string
	for _, e := range m.doc.Legend {
		texts = append(texts, e.Letter, e.Label, e.Description)
	}
	have := words(texts...)
	for _, i := range m.doc.LegendTables {
		tb := m.tables[i]
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				if l := lost(c.Text, have, nil); l != nil {
					t.Errorf("%s: legend table line %d: cell %q loses %q", m.rel, r.Pos.Line, c.Text, l)
				}
			}
		}
	}
}
