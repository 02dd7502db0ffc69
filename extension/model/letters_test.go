package model

import (
	"slices"
	"testing"
)

func TestParseLetters(t *testing.T) {
	raci := newLegend(defaultLegend())
	ext := newLegend(append(defaultLegend(), LegendEntry{Letter: "S", Role: "support"}, LegendEntry{Letter: "V", Role: "verifier"}, LegendEntry{Letter: "O", Role: "orderer"}))
	tests := []struct {
		in        string
		lg        *legend
		roles     []string
		status    string
		unknown   []string
		marks     []string
		canonical bool
		check     bool
		duties    []string
	}{
		{in: "RA", lg: raci, roles: []string{"R", "A"}, status: StatusFilled, canonical: true},
		{in: "A / R", lg: raci, roles: []string{"R", "A"}, status: StatusFilled},
		{in: "R/A", lg: raci, roles: []string{"R", "A"}, status: StatusFilled},
		{in: "R, A", lg: raci, roles: []string{"R", "A"}, status: StatusFilled},
		{in: "A & R", lg: raci, roles: []string{"R", "A"}, status: StatusFilled},
		{in: "**RA**", lg: raci, roles: []string{"R", "A"}, status: StatusFilled, canonical: true},
		{in: "__RA__", lg: raci, roles: []string{"R", "A"}, status: StatusFilled, canonical: true},
		{in: "RA*", lg: raci, roles: []string{"R", "A"}, status: StatusFilled, marks: []string{"*"}, canonical: true},
		{in: "ra", lg: raci, roles: []string{"R", "A"}, status: StatusFilled},
		{in: "IR", lg: raci, roles: []string{"R", "I"}, status: StatusFilled},
		{in: "I / C", lg: raci, roles: []string{"C", "I"}, status: StatusFilled},
		{in: "A / I / R", lg: raci, roles: []string{"R", "A", "I"}, status: StatusFilled},
		{in: "R,A,C,I", lg: raci, roles: []string{"R", "A", "C", "I"}, status: StatusFilled},
		{in: "Responsible", lg: raci, roles: []string{"R"}, status: StatusFilled},
		{in: "Accountable, Consulted", lg: raci, roles: []string{"A", "C"}, status: StatusFilled},
		{in: "Responsable", lg: raci, roles: []string{"R"}, status: StatusFilled},
		{in: "Informée", lg: raci, roles: []string{"I"}, status: StatusFilled},
		{in: "En charge", lg: raci, roles: []string{"A"}, status: StatusFilled},
		{in: "РА", lg: raci, roles: []string{"R", "A"}, status: StatusFilled, canonical: true}, // Cyrillic
		{in: "RS", lg: ext, roles: []string{"R", "S"}, status: StatusFilled, canonical: true},
		{in: "C, I, O", lg: ext, roles: []string{"C", "I", "O"}, status: StatusFilled},
		{in: "V", lg: ext, roles: []string{"V"}, status: StatusFilled, canonical: true},
		{in: "RS", lg: raci, roles: []string{}, status: StatusFilled, unknown: []string{"RS"}},
		{in: "S", lg: raci, roles: []string{}, status: StatusFilled, unknown: []string{"S"}},
		{in: "A(C)", lg: raci, roles: []string{"A", "C"}, status: StatusFilled},
		{in: "A (R)", lg: raci, roles: []string{"R", "A"}, status: StatusFilled},
		{in: "R (on request)", lg: raci, roles: []string{"R"}, status: StatusFilled, canonical: true, duties: []string{"on request"}},
		{in: "RA* (see the SLA)", lg: raci, roles: []string{"R", "A"}, status: StatusFilled, marks: []string{"*"}, canonical: true, duties: []string{"see the SLA"}},
		{in: "R (on) request", lg: raci, roles: []string{"R"}, status: StatusFilled, unknown: []string{"on", "request"}},
		{in: "(on request)", lg: raci, roles: []string{}, status: StatusFilled, unknown: []string{"on", "request"}},
		{in: "", lg: raci, status: StatusEmpty},
		{in: "-", lg: raci, status: StatusEmpty},
		{in: "—", lg: raci, status: StatusEmpty},
		{in: "N/A", lg: raci, status: StatusNotApplicable},
		{in: "??", lg: raci, status: StatusPlaceholder},
		{in: "TBD", lg: raci, status: StatusPlaceholder},
		{in: "NEED CONTENT", lg: raci, status: StatusPlaceholder},
		{in: "✔", lg: raci, status: StatusFilled, check: true},
		{in: "✓", lg: raci, status: StatusFilled, check: true},
		{in: "X", lg: raci, status: StatusFilled, check: true},
		{in: "Yes", lg: raci, status: StatusFilled, check: true},
		{in: "N/A (see note)", lg: raci, status: StatusNotApplicable},
		{in: "TBD (ask the team)", lg: raci, status: StatusPlaceholder},
		{in: "✓ (on request)", lg: raci, status: StatusFilled, check: true, duties: []string{"on request"}},
		{in: "Provide the tools", lg: raci, roles: []string{}, status: StatusFilled, unknown: []string{"Provide", "the", "tools"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v := parseLetters(tt.in, tt.lg)
			eq(t, tt.status, v.status)
			if tt.roles != nil {
				eq(t, tt.roles, v.roles)
			}
			eq(t, tt.unknown, v.unknown)
			eq(t, tt.marks, v.marks)
			eq(t, tt.check, v.check)
			eq(t, tt.duties, v.duties)
			if tt.status == StatusFilled && !tt.check && tt.unknown == nil {
				eq(t, tt.canonical, v.canonical)
			}
		})
	}
}

func TestParseLettersDuplicates(t *testing.T) {
	v := parseLetters("R/R", newLegend(defaultLegend()))
	eq(t, []string{"R"}, v.roles)
	eq(t, []string{"R"}, v.dups)
	// a letter spelled out again in parentheses is no duplicate
	for _, s := range []string{"R (Responsible)", "A/R (Accountable, Responsible)"} {
		v = parseLetters(s, newLegend(defaultLegend()))
		eq(t, []string(nil), v.dups, s)
		eq(t, false, v.canonical, s)
	}
	eq(t, []string{"R", "A"}, v.roles)
	// a remark is not a gloss
	v = parseLetters("R (C)", newLegend(defaultLegend()))
	eq(t, []string{"R", "C"}, v.roles)
	// a gloss inside the cell, after the letters it spells out
	for _, s := range []string{"A (Accountable), R", "A (Accountable); R (Responsible)", "R/A (Responsible, Accountable), C"} {
		v = parseLetters(s, newLegend(defaultLegend()))
		eq(t, []string(nil), v.dups, s)
		eq(t, false, v.canonical, s)
		eq(t, true, slices.Contains(v.roles, "A") && slices.Contains(v.roles, "R"), s)
	}
	// a group naming a letter the text before it lacks is no gloss
	v = parseLetters("A (Responsible), R", newLegend(defaultLegend()))
	eq(t, []string{"R"}, v.dups)
}

func TestPlaceholders(t *testing.T) {
	for _, s := range []string{"NEED CONTENT", "Need content", "??", "?", "TBD", "TODO", "XXX", "tbc",
		"(TBD)", "[TODO]", "( tbd )", "TODO: write this", "NEED CONTENT: backups", "TBD - waiting on legal", "TBD:", "TBC — with Legal"} {
		eq(t, true, isPlaceholder(s), s)
	}
	for _, s := range []string{"X", "Provide TBD later for things", "N/A", "", "TBD by the customer", "TODOs are tracked", "Todo-list upkeep", "?-mark"} {
		eq(t, false, isPlaceholder(s), s)
	}
}

func TestParseDuties(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		items  []string
		duties []string
		status string
	}{
		{"one cell one duty, no sentence split", "Maintain controls. Monitor instances.", nil, []string{"Maintain controls. Monitor instances."}, StatusFilled},
		{"items", "a b", []string{"a", "b"}, []string{"a", "b"}, StatusFilled},
		{"placeholder", "NEED CONTENT", nil, nil, StatusPlaceholder},
		{"placeholder item dropped", "x ??", []string{"x", "??"}, []string{"x"}, StatusFilled},
		{"empty", "", nil, nil, StatusEmpty},
		{"n/a", "N/A", nil, nil, StatusNotApplicable},
		{"none", "None", nil, nil, StatusNotApplicable},
		{"none.", "None.", nil, nil, StatusNotApplicable},
		{"aucune", "Aucune", nil, nil, StatusNotApplicable},
		{"none of it", "None of the above", nil, []string{"None of the above"}, StatusFilled},
		{"item markers of lines", "", []string{"* Update IAM.", "Also review.", "*Rotate keys.", "2. Audit."}, []string{"Update IAM.", "Also review.", "Rotate keys.", "Audit."}, StatusFilled},
		{"no marker taken off one piece", "2. Reboot", nil, []string{"2. Reboot"}, StatusFilled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := parseDuties(cellsOf(tt.text, tt.items))
			eq(t, tt.duties, v.duties)
			eq(t, tt.status, v.status)
		})
	}
}
