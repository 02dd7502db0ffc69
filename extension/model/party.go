package model

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/source"
)

// PartySpec declares a party for WithParties: its id, display name, kind
// and the header or cell spellings that name it.
type PartySpec struct {
	ID      string
	Name    string
	Kind    string
	Aliases []string
}

// customerWords are folded spellings naming the customer.
var customerWords = map[string]string{
	"you": "You", "your": "You", "yours": "You", "what you can do": "You",
	"customer": "", "customers": "", "the customer": "", "client": "", "clients": "", "le client": "",
	"consumer": "", "cliente": "", "kunde": "", "user": "", "users": "", "tenant": "",
}

// knownParties are folded names recognized without a suffix, with their id
// ("" = slug of the name) and kind ("" = decided by order of appearance).
var knownParties = map[string][2]string{
	"ibm": {"ibm", ""}, "ibm cloud": {"ibm", ""}, "ovh": {"ovhcloud", ""}, "ovhcloud": {"ovhcloud", ""},
	"provider": {"provider", KindProvider}, "service provider": {"provider", KindProvider},
	"cloud provider": {"provider", KindProvider}, "fournisseur": {"provider", KindProvider},
	"prestataire": {"provider", KindProvider},
	"microsoft":   {"", ""}, "azure": {"", ""}, "red hat": {"", ""}, "aws": {"", ""}, "sap": {"", ""},
	"google": {"", ""}, "google cloud": {"", ""}, "oracle": {"", ""}, "cegedim.cloud": {"", ""},
	"cloud temple": {"", ""}, "ptc": {"", ""}, "zilliz": {"", ""}, "stakater": {"", ""},
	"partner": {"", KindThirdParty}, "vendor": {"", KindThirdParty}, "supplier": {"", KindThirdParty},
}

// sharedWords are grid cells meaning "provider and customer".
var sharedWords = map[string]bool{"shared": true, "both": true, "partage": true, "partagee": true, "joint": true}

// keywordRE is a keyword reference left unresolved: "{{site.data.keyword.IBM}}".
var keywordRE = regexp.MustCompile(`\{\{site\.data\.keyword\.([A-Za-z]+)[\w]*\}\}`)

// headerParty reads a party name from a column header. ok is true when the
// header names a party by its form ("<Name> responsibilities", "Your
// role", "Rôle Client") or by a known name.
func (b *builder) headerParty(header string) (name string, ok bool) {
	v, seen := b.headers[header]
	if !seen {
		v = b.readHeaderParty(header)
		if b.headers == nil {
			b.headers = map[string]headerName{}
		}
		b.headers[header] = v
	}
	return v.name, b.namesParty(v)
}

// namesParty reports whether the header read as v names a party: by its
// form, else by a name known now (the names known grow as parties are
// registered).
func (b *builder) namesParty(v headerName) bool {
	return v.byForm || b.knownName(v.folded)
}

// headerName is what headerParty reads from a header: the name, and
// whether the header names a party by its form (byForm); else it does
// when the folded name is a known name.
type headerName struct {
	name, folded string
	byForm       bool
}

// readHeaderParty is headerParty, not memoized, but for the test of the
// known names.
func (b *builder) readHeaderParty(header string) headerName {
	h := plain(header)
	bare := nonASCII(accentFold, h)
	stripped := strings.TrimSpace(trimPartyPrefix(trimPartySuffix(bare)))
	affixed := stripped != strings.TrimSpace(bare)
	// keep the original spelling (accents) of the remainder
	name := h
	if affixed {
		name = originalSpan(h, stripped)
	}
	name = dropParen(name)
	f := fold(name) // (headerParty memoizes the reading)
	if _, isCustomer := customerWords[f]; isCustomer {
		return headerName{name: customerName(name), byForm: true}
	}
	if affixed && f != "" && countWords(f) <= 5 && !endsWithFunctionWord(f) {
		return headerName{name: name, byForm: true}
	}
	if rest, ok := cutGroupLabel(name); ok {
		// "Who Customer": an HTML header row spanning the party columns
		// ("Who"), combined with the row naming them
		rf := fold(rest)
		if _, isCustomer := customerWords[rf]; isCustomer {
			return headerName{name: customerName(rest), byForm: true}
		}
		if _, known := knownParties[rf]; known {
			return headerName{name: rest, folded: rf}
		}
	}
	return headerName{name: name, folded: f}
}

// groupLabels are words, lower case, that a header row spanning the party
// columns of an HTML table puts before each party's name once the header
// rows are combined: "Who" over "Provider | Customer" reads "Who
// Provider", "Who Customer". The longer come first.
var groupLabels = []string{"responsible parties", "responsible party", "responsibilities", "responsibility", "responsible", "parties", "party", "who", "raci"}

// cutGroupLabel returns the party's name after the group label header h
// starts with ("Who Customer" → "Customer"); false when it starts with
// none, or holds nothing after it but another ("Responsible party").
func cutGroupLabel(h string) (string, bool) {
	for _, w := range groupLabels {
		if n := foldPrefix(h, w); n > 0 && n < len(h) && isReSpace(h[n]) {
			if rest := trimLeftReSpace(h[n:]); rest != "" && !slices.Contains(groupLabels, fold(rest)) {
				return rest, true
			}
			return "", false
		}
	}
	return "", false
}

// partyName is the name of the party a column of letters or marks stands
// for: its header, after a group label ("Who Example Cloud" → "Example
// Cloud").
func partyName(header string) string {
	h := plain(header)
	if rest, ok := cutGroupLabel(h); ok {
		return rest
	}
	return h
}

// countWords counts the words of s: its fields holding a letter or a
// digit (a dash between words is none: "RISE with SAP – Premium Supplier"
// is five words).
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// functionWords end word groups that are no party name ("Types of
// tasks", "Who is responsible").
var functionWords = map[string]bool{
	"of": true, "for": true, "to": true, "in": true, "on": true, "by": true, "the": true, "a": true,
	"an": true, "and": true, "or": true, "with": true, "is": true, "are": true, "who": true, "what": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "les": true, "et": true, "ou": true,
}

// endsWithFunctionWord reports whether the folded name f ends with a
// function word.
func endsWithFunctionWord(f string) bool {
	words := strings.Fields(f)
	return len(words) > 0 && functionWords[words[len(words)-1]]
}

// partyNouns end the names of parties by their part ("Workload provider",
// "3rd Party OS Vendor").
var partyNouns = map[string]bool{
	"provider": true, "providers": true, "consumer": true, "consumers": true, "vendor": true,
	"vendors": true, "supplier": true, "suppliers": true, "partner": true, "partners": true,
	"operator": true, "operators": true,
}

// partyNoun reports whether the folded f is a short name (up to six
// words) ending with a party noun.
func partyNoun(f string) bool {
	// the words as strings.Fields splits them, without the slice
	words, last := 0, ""
	for rest := f; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		last, rest = rest[:end], rest[end:]
		if words++; words > 6 {
			return false
		}
	}
	return words > 0 && partyNouns[last]
}

// partySuffixes and partyPrefixes are the words, lower case, that mark a
// header as naming a party by its form: "IBM responsibilities", "Rôle
// Client".
var (
	partySuffixes = []string{"responsibilities", "responsibility", "responsible", "role", "roles", "helps", "tasks", "duties", "responsabilites", "responsabilite"}
	partyPrefixes = []string{"role", "roles", "how", "responsibilities of", "responsabilites", "responsabilite", "taches"}
)

// trimPartySuffix removes from the end of s a word of partySuffixes, in
// any case, and the white space before it ("IBM responsibilities" →
// "IBM"), as the regexp (?i)\s+(responsibilities|…)$ replaced by "" would.
func trimPartySuffix(s string) string {
	last := lastReSpace(s) + 1 // the last word starts there
	if last == 0 {
		return s // one word: no white space before it
	}
	for _, w := range partySuffixes {
		if strings.EqualFold(s[last:], w) {
			return trimRightReSpace(s[:last])
		}
	}
	return s
}

// trimPartyPrefix removes from the start of s a word of partyPrefixes, in
// any case, and the white space after it ("Role Client" → "Client"), as
// the regexp (?i)^(role|roles|how|…)\s+ replaced by "" would.
func trimPartyPrefix(s string) string {
	if s == "" || s[0] < utf8.RuneSelf && !strings.ContainsRune("rRhHtT", rune(s[0])) {
		// every prefix starts with one of these, which no other
		// character folds to: spare the comparisons
		return s
	}
	return cutPartyPrefix(s)
}

// cutPartyPrefix is trimPartyPrefix without the look at the first byte.
func cutPartyPrefix(s string) string {
	for _, w := range partyPrefixes {
		if n := foldPrefix(s, w); n > 0 && n < len(s) && isReSpace(s[n]) {
			return trimLeftReSpace(s[n:])
		}
	}
	return s
}

// foldPrefix returns the length in bytes of the start of s that equals the
// ASCII word under Unicode case folding, as the regexp flag (?i) compares
// ("ſ" is an "s", "K" (Kelvin) a "k"), and -1 when s does not start so.
func foldPrefix(s, word string) int {
	end := 0
	for range len(word) { // a rune of s for each letter of word
		if end == len(s) {
			return -1
		}
		_, n := utf8.DecodeRuneInString(s[end:])
		end += n
	}
	if !strings.EqualFold(s[:end], word) {
		return -1
	}
	return end
}

// originalSpan finds stripped (accent-folded) inside h and returns h's own
// spelling of it; it falls back to stripped.
func originalSpan(h, stripped string) string {
	fh := nonASCII(accentFold, h)
	if i := strings.Index(fh, stripped); i >= 0 && len(fh) == len(h) {
		return h[i : i+len(stripped)]
	}
	return stripped
}

// customerName is the customer's display name for a spelling.
func customerName(name string) string {
	if n := customerWords[fold(name)]; n != "" {
		return n
	}
	return name
}

// knownName reports whether a folded name is a built-in, configured or
// already seen party.
func (b *builder) knownName(f string) bool {
	if f == "" {
		return false
	}
	if _, ok := knownParties[f]; ok {
		return true
	}
	if _, ok := customerWords[f]; ok {
		return true
	}
	_, ok := b.aliases[f]
	return ok
}

// partyID is the stable id of a party name.
func (b *builder) partyID(name string) string {
	bare := name
	if strings.Contains(name, "{{") {
		bare = keywordRE.ReplaceAllString(name, "$1")
	}
	f := b.folded(bare)
	if id, ok := b.aliases[f]; ok {
		return id
	}
	if _, ok := customerWords[f]; ok {
		return "customer"
	}
	if k, ok := knownParties[f]; ok && k[0] != "" {
		return k[0]
	}
	// "OVH cloud", "OVH-cloud": OVHcloud spelled with a blank or hyphen
	compact := compactName(f)
	if compact == "" {
		return "party"
	}
	if k, ok := knownParties[compact]; ok && k[0] != "" {
		return k[0]
	}
	for _, id := range b.order {
		if compactName(b.folded(b.parties[id].Name)) == compact {
			return id
		}
	}
	if id := slug(name, 40); id != "" {
		return id
	}
	return "party"
}

// compactName is a folded party name without its blanks and hyphens.
func compactName(f string) string {
	if strings.IndexByte(f, ' ') < 0 && strings.IndexByte(f, '-') < 0 {
		return f
	}
	b := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		if c := f[i]; c != ' ' && c != '-' {
			b = append(b, c)
		}
	}
	return string(b)
}

// party registers a spelling of a party and returns its id. alias is the
// full header or cell text; name the party name read from it.
func (b *builder) party(name, alias string, line int) string {
	if id, ok := b.namesSeen[name]; ok && alias == name {
		return id // registered so already: it would change nothing
	}
	id := b.partyID(name)
	p, ok := b.parties[id]
	if !ok {
		p = &Party{ID: id, Name: name, Kind: b.partyKind(id, name), line: line}
		b.parties[id] = p
		b.order = append(b.order, id)
	}
	if alias != "" {
		p.Aliases = appendUnique(p.Aliases, alias)
		p.names = appendUnique(p.names, name)
	}
	if f := b.folded(name); b.aliases[f] != id {
		if _, known := b.aliases[f]; !known {
			b.aliasGen++ // a name is known from now on
		}
		b.aliases[f] = id
	}
	if alias == name && !strings.Contains(name, "{{") {
		// partyID(name) finds id in aliases from now on (which keeps
		// it), and the spelling is recorded
		if b.namesSeen == nil {
			b.namesSeen = map[string]string{}
		}
		b.namesSeen[name] = id
	}
	return id
}

// partyKind decides a new party's kind: configured, customer, a known
// kind, else the first other party is the provider and later ones are
// third parties.
func (b *builder) partyKind(id, name string) string {
	if k, ok := b.kinds[id]; ok {
		return k
	}
	if id == "customer" {
		return KindCustomer
	}
	if k, ok := knownParties[fold(name)]; ok && k[1] != "" {
		return k[1]
	}
	for _, other := range b.parties {
		if other.Kind == KindProvider {
			return KindThirdParty
		}
	}
	return KindProvider
}

// providerID returns the document's provider id. When no table above has
// named one (a grid of "You" and "Shared" first, the tables headed "IBM
// responsibilities" below it), it is the first a header of a later table
// names (headerProvider); else a generic "Provider" is registered.
func (b *builder) providerID(line int) string {
	for _, id := range b.order {
		if b.parties[id].Kind == KindProvider {
			return id
		}
	}
	if name, ok := b.headerProvider(); ok {
		return b.party(name, "", line)
	}
	return b.party("Provider", "", line)
}

// headerProvider returns the name of the first party a table header of
// the document names, by its form ("IBM responsibilities", "Rôle Cloud
// Temple") or a known name, that would be a provider: not the customer,
// nor a known third party, nor "Shared" ("Shared responsibilities").
func (b *builder) headerProvider() (string, bool) {
	for _, bl := range b.src.Blocks {
		if bl.Kind != source.KindTable || bl.Table == nil {
			continue
		}
		header := bl.Table.Header
		if titled := b.titleRow(bl.Table); titled != nil {
			header = titled.Header // the row under a title ("Shared responsibilities")
		}
		for _, h := range header {
			v := b.readHeaderParty(h.Text)
			if !b.namesParty(v) || v.name == "" || sharedWords[fold(v.name)] {
				continue // "Shared responsibilities" names no party
			}
			if id := b.partyID(v.name); id != "customer" && b.partyKind(id, v.name) == KindProvider {
				return v.name, true
			}
		}
	}
	return "", false
}

// partyWords and roleCellWords are the words between white space that
// separate party names: in a grid cell ("Microsoft and Red Hat") and in
// the cell of a role column ("IBM or customer").
var (
	partyWords    = []string{"and", "et", "&", "+"}
	roleCellWords = []string{"and", "et", "or", "ou", "&", "+"}
)

// splitParties splits s into party names at each of words between white
// space and at each slash or comma, with the white space around it, as the
// regexp \s+(?:and|et|…)\s+|\s*[/,]\s* would split it (Split(s, -1)).
func splitParties(s string, words []string) []string {
	var names []string
	name := 0 // the current name starts there
	for i := 0; i < len(s); {
		if c := s[i]; c != '/' && c != ',' && !isReSpace(c) {
			i++ // most bytes: no separator starts here
			continue
		}
		blank := skipSpace(s, i) // end of the white space at i
		end := -1                // end of the separator at i, if any
		switch {
		case blank < len(s) && (s[blank] == '/' || s[blank] == ','):
			end = skipSpace(s, blank+1)
		case blank > i:
			for _, w := range words {
				if after := blank + len(w); strings.HasPrefix(s[blank:], w) && skipSpace(s, after) > after {
					end = skipSpace(s, after)
					break
				}
			}
		}
		if end < 0 {
			i = max(blank, i+1)
			continue
		}
		names = append(names, s[name:i])
		name, i = end, end
	}
	return append(names, s[name:])
}

// skipSpace returns the index of the first byte of s from i that is no
// white space (as regexp's \s means it), len(s) when there is none.
func skipSpace(s string, i int) int {
	for i < len(s) && isReSpace(s[i]) {
		i++
	}
	return i
}

// cellParties reads a grid cell naming parties ("IBM", "Shared",
// "Microsoft and Red Hat"); ok is false when the cell names none. It is
// memoized by text (a grid's cells are read when its parties are
// registered, then again row by row); the names are shared by the calls of
// the same text, and never changed.
func (b *builder) cellParties(text string) (names []string, shared, ok bool) {
	v, seen := b.cellNames[text]
	if seen && (v.unknown == "" || v.gen == b.aliasGen) {
		return v.names, v.shared, v.ok
	}
	if seen && !b.knownName(v.unknown) {
		v.gen = b.aliasGen // still right: spare the test until a name is added
		b.cellNames[text] = v
		return v.names, v.shared, v.ok
	}
	v = cellNames{gen: b.aliasGen}
	v.names, v.shared, v.ok, v.unknown = b.readCellParties(text)
	if b.cellNames == nil {
		b.cellNames = map[string]cellNames{}
	}
	b.cellNames[text] = v
	return v.names, v.shared, v.ok
}

// cellNames is what cellParties read from a text. The reading stays right
// while unknown, the folded name it stopped at for naming no party, is no
// known name: the names known only grow, the other tests do not change.
// It was last found right when aliasGen was gen.
type cellNames struct {
	names      []string
	shared, ok bool
	unknown    string
	gen        int
}

// readCellParties is cellParties, not memoized; unknown is the folded part
// of text that it stopped at because it is no known name ("" when it did
// not stop so, or at a part that can never be one).
func (b *builder) readCellParties(text string) (names []string, shared, ok bool, unknown string) {
	// (fold, not folded: cellParties memoizes the whole reading, and
	// most texts come once)
	f := fold(text)
	if sharedWords[f] {
		return nil, true, true, ""
	}
	parts := []string{plain(text)}
	// (plain leaves only spaces as white space) no separator without
	// these: spare the split
	if s := parts[0]; hasAnyByte(s, "/,&+") || strings.Contains(s, " and ") || strings.Contains(s, " et ") {
		parts = splitParties(s, partyWords)
	}
	for _, p := range parts {
		if p = strings.TrimSpace(p); strings.Contains(p, "(") {
			p = dropParen(p)
		}
		fp := f // the folded text, when p is all of it
		if p != text {
			fp = fold(p)
		}
		if !b.knownName(fp) && !partyNoun(fp) {
			// one name holding a separator ("On-premises IaaS / data
			// center provider")?
			if whole := dropParen(plain(text)); len(parts) > 1 && partyNoun(fold(whole)) {
				return []string{whole}, false, true, fp
			}
			return nil, false, false, fp
		}
		names = append(names, p)
	}
	return names, false, len(names) > 0, ""
}
