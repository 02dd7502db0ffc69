package page

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"
)

// Entry is one page of a folder's index.
type Entry struct {
	// Href is the page's path relative to the index, "/"-separated, as
	// the file system names it ("sub/a b.html"): WriteIndex makes the
	// link from it, each segment percent-encoded, so that no name reads
	// as a scheme ("javascript:…"), a query or a fragment.
	Href string
	// Title is the page's title.
	Title string
	// Matrices is the number of responsibility matrices on the page.
	Matrices int
	// Counts are the page's activities by ownership.
	Counts Counts
}

// Index is the page that links every page converted from a folder.
type Index struct {
	// Title is the index's title. Defaults to "Responsibility pages".
	Title string
	// CSS replaces the default stylesheet when not empty.
	CSS string
	// Entries are the pages, in the order to list them.
	Entries []Entry
}

// WriteIndex writes the index page: a table of the pages with, for each,
// its number of matrices and of provider-owned, shared and customer-owned
// activities.
func WriteIndex(w io.Writer, x Index) error {
	title := x.Title
	if title == "" {
		title = "Responsibility pages"
	}
	e := html.EscapeString
	var b bytes.Buffer
	writeHead(&b, "en", title, x.CSS)
	fmt.Fprintf(&b, "<main id=\"raci-main\">\n<h1>%s</h1>\n", e(title))
	var total Counts
	matrices := 0
	for _, p := range x.Entries {
		total.Provider += p.Counts.Provider
		total.Shared += p.Counts.Shared
		total.Customer += p.Counts.Customer
		total.Unknown += p.Counts.Unknown
		matrices += p.Matrices
	}
	fmt.Fprintf(&b, "<p>%s, %s, %s.</p>\n", plural(len(x.Entries), "page", "pages"), plural(matrices, "matrix", "matrices"), plural(total.Total(), "activity", "activities"))
	b.WriteString(`<div class="raci-scroll" role="region" aria-labelledby="index-caption" tabindex="0">` + "\n")
	b.WriteString(`<table class="raci-index">` + "\n" + `<caption id="index-caption">Pages and their activities by owner</caption>` + "\n")
	b.WriteString("<thead>\n<tr>\n<th scope=\"col\">Page</th>\n<th scope=\"col\">Matrices</th>\n<th scope=\"col\">Activities</th>\n" +
		"<th scope=\"col\">Provider-owned</th>\n<th scope=\"col\">Shared</th>\n<th scope=\"col\">Customer-owned</th>\n<th scope=\"col\">Unassigned</th>\n</tr>\n</thead>\n<tbody>\n")
	for _, p := range x.Entries {
		c := p.Counts
		fmt.Fprintf(&b, "<tr>\n<th scope=\"row\"><a href=\"%s\">%s</a></th>\n<td>%d</td>\n<td>%d</td>\n<td>%d</td>\n<td>%d</td>\n<td>%d</td>\n<td>%d</td>\n</tr>\n",
			e(pathLink(p.Href)), e(p.Title), p.Matrices, c.Total(), c.Provider, c.Shared, c.Customer, c.Unknown)
	}
	b.WriteString("</tbody>\n</table>\n</div>\n</main>\n</div>\n</body>\n</html>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// pathLink returns the link to a "/"-separated relative path: each
// segment percent-encoded ("#", "?", spaces) and "./" before it, so that
// a first segment holding ":" ("javascript:x", "data:text") is a path,
// not a scheme.
func pathLink(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return "./" + strings.Join(segs, "/")
}
