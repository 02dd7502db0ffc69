package model

import (
	"testing"

	"github.com/mdraci/mdraci/extension/internal/ids"
)

func newTestBuilder(opts ...Option) *builder {
	b := &builder{src: doc("t.md"), doc: &Document{}, parties: map[string]*Party{}, aliases: map[string]string{},
		kinds: map[string]string{}, ids: ids.New(), perSec: map[string]int{}, legend: newLegend(defaultLegend())}
	for _, o := range opts {
		o(b)
	}
	return b
}

func TestHeaderParty(t *testing.T) {
	tests := []struct {
		header, name, id string
		ok               bool
	}{
		{"IBM responsibilities", "IBM", "ibm", true},
		{"IBM Responsibilities", "IBM", "ibm", true},
		{"IBM Cloud role", "IBM Cloud", "ibm", true},
		{"PTC Responsibilities", "PTC", "ptc", true},
		{"OVHcloud", "OVHcloud", "ovhcloud", true},
		{"**OVHcloud**", "OVHcloud", "ovhcloud", true},
		{"cegedim.cloud", "cegedim.cloud", "cegedim-cloud", true},
		{"Your role", "You", "customer", true},
		{"Your responsibilities", "You", "customer", true},
		{"Customer", "Customer", "customer", true},
		{"customer", "customer", "customer", true},
		{"Customer Responsibilities", "Customer", "customer", true},
		{"Client", "Client", "customer", true},
		{"**Client**", "Client", "customer", true},
		{"Rôle Client", "Client", "customer", true},
		{"Client Role", "Client", "customer", true},
		{"Client (or Designate)", "Client", "customer", true},
		{"You", "You", "customer", true},
		{"What you can do", "You", "customer", true},
		{"How IBM helps", "IBM", "ibm", true},
		{"Rôle Cloud Temple", "Cloud Temple", "cloud-temple", true},
		{"Cloud Temple Role", "Cloud Temple", "cloud-temple", true},
		{"Microsoft and Red Hat responsibilities", "Microsoft and Red Hat", "microsoft-and-red-hat", true},
		{"Red Hat", "Red Hat", "red-hat", true},
		{"Provider", "Provider", "provider", true},
		{"Consumer", "Consumer", "customer", true},
		{"Stakater Responsibilities", "Stakater", "stakater", true},
		{"Description", "Description", "", false},
		{"Customer provided", "Customer provided", "", false},
		{"Plan", "Plan", "", false},
		{"Enterprise", "Enterprise", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			b := newTestBuilder()
			name, ok := b.headerParty(tt.header)
			eq(t, tt.ok, ok, "ok")
			eq(t, tt.name, name, "name")
			if ok {
				eq(t, tt.id, b.partyID(name), "id")
			}
		})
	}
}

func TestPartyKinds(t *testing.T) {
	b := newTestBuilder()
	eq(t, "customer", b.party("Customer", "Customer", 1))
	eq(t, "ibm", b.party("IBM", "IBM responsibilities", 1))
	eq(t, "red-hat", b.party("Red Hat", "Red Hat", 1))
	eq(t, KindCustomer, b.parties["customer"].Kind)
	eq(t, KindProvider, b.parties["ibm"].Kind, "first non-customer party is the provider")
	eq(t, KindThirdParty, b.parties["red-hat"].Kind)
	eq(t, "ibm", b.party("IBM Cloud", "IBM Cloud role", 2))
	eq(t, []string{"IBM responsibilities", "IBM Cloud role"}, b.parties["ibm"].Aliases)
}

func TestWithParties(t *testing.T) {
	d := Build(doc("x.md", tbl(1, []string{"Task", "Red Hat SRE", "Microsoft", "Customer"},
		[]string{"Patch", "R", "A", "I"})),
		WithParties(PartySpec{ID: "red-hat", Name: "Red Hat", Kind: KindThirdParty, Aliases: []string{"Red Hat SRE"}}))
	must(t, len(d.Parties) == 3, d.Parties)
	eq(t, "red-hat", d.Parties[0].ID)
	eq(t, KindThirdParty, d.Parties[0].Kind)
	eq(t, "microsoft", d.Parties[1].ID)
	eq(t, KindProvider, d.Parties[1].Kind)
	eq(t, OwnerProvider, d.Matrices[0].Rows[0].Ownership, "third party R + provider A: provider side")
}

func TestCellParties(t *testing.T) {
	b := newTestBuilder()
	names, shared, ok := b.cellParties("Microsoft and Red Hat")
	eq(t, []string{"Microsoft", "Red Hat"}, names)
	eq(t, false, shared)
	eq(t, true, ok)
	_, shared, ok = b.cellParties("Shared")
	eq(t, true, shared && ok)
	_, _, ok = b.cellParties("Provide tools")
	eq(t, false, ok)
}

// TestSharedBeforeProvider: a grid of "You" and "Shared" above the tables
// headed "IBM responsibilities" (IBM's Satellite page) shares between IBM
// and the customer, not a generic "Provider" that made IBM a third party.
func TestSharedBeforeProvider(t *testing.T) {
	d := Build(doc("satellite.md",
		tbl(1, []string{"Resource", "Incident management", "Change management"},
			[]string{"Data", "You", "You"},
			[]string{"Location", "Shared", "Shared"}),
		tbl(7, []string{"Task", "IBM responsibilities", "Your responsibilities"},
			[]string{"Patch the hosts", "Provide patches.", "Apply them."})))
	must(t, len(d.Matrices) == 2, d.Matrices)
	var parties []string
	for _, p := range d.Parties {
		parties = append(parties, p.ID+" "+p.Kind)
	}
	eq(t, []string{"customer customer", "ibm provider"}, parties)
	eq(t, []string{"ibm", "customer"}, d.Matrices[0].Rows[1].Categories["incident-management"].Parties)
	eq(t, OwnerShared, d.Matrices[0].Rows[1].Ownership)

	// a title row "Shared responsibilities" names no party
	d = Build(doc("titled.md",
		tbl(1, []string{"Resource", "Incident management"}, []string{"Data", "You"}, []string{"Location", "Shared"}),
		tbl(6, []string{"Shared responsibilities", "", ""}, []string{"Task", "IBM", "Customer"}, []string{"Patch", "R", "A"})))
	parties = nil
	for _, p := range d.Parties {
		parties = append(parties, p.ID+" "+p.Kind)
	}
	eq(t, []string{"customer customer", "ibm provider"}, parties)

	// with no party named by a header, "Shared" is the provider's and the
	// customer's
	d = Build(doc("grid.md",
		tbl(1, []string{"Resource", "Incident management"}, []string{"Data", "You"}, []string{"Location", "Shared"})))
	parties = nil
	for _, p := range d.Parties {
		parties = append(parties, p.ID+" "+p.Kind)
	}
	eq(t, []string{"customer customer", "provider provider"}, parties)
}

// TestPartySpelledWithABlank: "OVH cloud" is OVHcloud spelled another way
// (PARTY001), not a third party; so is "Acme-Corp" for "Acme Corp".
func TestPartySpelledWithABlank(t *testing.T) {
	d := Build(doc("ovh.md",
		tbl(1, []string{"Activity", "Customer", "OVHcloud"}, []string{"Backups", "RA", "I"}),
		tbl(5, []string{"Activity", "Customer", "OVH cloud"}, []string{"Scans", "I", "RA"})))
	must(t, len(d.Matrices) == 2, d.Matrices)
	eq(t, "provider", d.Matrices[1].Rows[0].Ownership)
	eq(t, 2, len(d.Parties), d.Parties)
	eq(t, true, hasCode(d.Diagnostics, "PARTY001"), d.Diagnostics)
}

// TestGroupLabelHeaders: an HTML header row spanning the party columns
// ("Who", "Responsibility") combined with the row naming them ("Who
// Customer") still names the parties: the customer is the customer, a
// column of letters is named after the label; the header stays as
// written.
func TestGroupLabelHeaders(t *testing.T) {
	d := Build(doc("g.html", tbl(1, []string{"Activity", "Who Example Cloud", "Who Customer", "Responsibility IBM"},
		[]string{"Patch", "RA", "I", "C"},
		[]string{"Back up", "I", "RA", "C"},
	)))
	if len(d.Matrices) != 1 {
		t.Fatalf("%d matrices", len(d.Matrices))
	}
	var got []string
	for _, p := range d.Parties {
		got = append(got, p.ID+"/"+p.Name+"/"+p.Kind)
	}
	eq(t, []string{"example-cloud/Example Cloud/provider", "customer/Customer/customer", "ibm/IBM/third-party"}, got)
	eq(t, "Who Customer", d.Matrices[0].Columns[2].Header)
	eq(t, OwnerCustomer, d.Matrices[0].Rows[1].Ownership)

	// a label alone, or before another, is no label
	for h, want := range map[string]string{"Who": "", "Who does it": "does it", "Responsible party": "", "Party Customer": "Customer", "RACI  OVHcloud": "OVHcloud"} {
		rest, ok := cutGroupLabel(h)
		eq(t, want, rest)
		eq(t, want != "", ok)
	}
	// "Who does it" names no party, as the header it is
	if _, ok := (&builder{}).headerParty("Who does it"); ok {
		t.Error(`"Who does it" read as a party`)
	}
}
