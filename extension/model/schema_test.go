package model

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

func allSeedDocs() map[string]*source.Document {
	return map[string]*source.Document{
		"ovh": ovhDoc(), "cegedim": cegedimDoc(), "ibm": ibmDoc(), "ptc": ptcDoc(),
		"grid":       doc("g.md", tbl(1, []string{"Resource", "Change Management"}, []string{"Data", "Customer"}, []string{"VM", "Shared"}, []string{"HW", "IBM"})),
		"transposed": doc("t.md", tbl(1, []string{"", "Delivery", "Governance"}, []string{"Team A", "Responsible", "Accountable"}, []string{"Team B", "Accountable", "Responsible"})),
		"nil":        nil,
	}
}

func TestSchemaValidatesBuiltDocuments(t *testing.T) {
	for name, src := range allSeedDocs() {
		t.Run(name, func(t *testing.T) {
			out, err := json.Marshal(Build(src))
			must(t, err == nil, err)
			if err := Validate(out); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
		})
	}
}

func TestSchemaRejectsBrokenDocuments(t *testing.T) {
	good, err := json.Marshal(Build(ovhDoc()))
	must(t, err == nil, err)
	broken := []struct{ name, from, to string }{
		{"bad ownership", `"ownership":"provider"`, `"ownership":"ovh"`},
		{"bad role letter", `"roles":["R","A"]`, `"roles":["RA"]`},
		{"bad kind", `"kind":"raci"`, `"kind":"table"`},
		{"missing parties", `"parties":`, `"partiez":`},
		{"bad status", `"status":"filled"`, `"status":"full"`},
	}
	for _, b := range broken {
		t.Run(b.name, func(t *testing.T) {
			s := string(good)
			must(t, strings.Contains(s, b.from), "fixture lacks", b.from)
			if Validate([]byte(strings.Replace(s, b.from, b.to, 1))) == nil {
				t.Fatal("broken document validated")
			}
		})
	}
	if Validate([]byte("{not json")) == nil {
		t.Fatal("invalid JSON validated")
	}
}

func TestJSONShape(t *testing.T) {
	out, err := json.Marshal(Build(cegedimDoc()))
	must(t, err == nil, err)
	var m map[string]any
	must(t, json.Unmarshal(out, &m) == nil)
	for _, k := range []string{"file", "title", "parties", "legend", "matrices", "notes", "diagnostics"} {
		_, ok := m[k]
		eq(t, true, ok, k)
	}
	s := string(out)
	for _, frag := range []string{`"qualifiers":{"plan":"all"}`, `"assignments":{"cegedim-cloud":{"roles":["I"]`, `"role":"qualifier"`, `"key":"plan"`} {
		eq(t, true, strings.Contains(s, frag), frag)
	}
	again, _ := json.Marshal(Build(cegedimDoc()))
	eq(t, string(out), string(again), "deterministic")
}

func TestLintAfterJSONRoundTrip(t *testing.T) {
	out, _ := json.Marshal(Build(doc("x.md", tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"Two", "RA", "A"}, []string{"Bad", "RA", "Q"}))))
	var d Document
	must(t, json.Unmarshal(out, &d) == nil)
	ds := d.Lint(LintConfig{})
	eq(t, true, hasCode(ds, "RACI002"))
	eq(t, true, hasCode(ds, "RACI004"))
}
