// Package keyword resolves Jekyll-style site data references such as
// {{site.data.keyword.cloud_notm}}, as IBM Cloud docs use them, in goldmark.
//
// Data holds the values, loaded from YAML keyword files (IBM's keyref.yaml
// and keyword files, or a Jekyll _data folder) on top of embedded defaults.
// The Extender adds an inline parser that turns each reference into a Node
// carrying its resolved value, and a renderer that writes the value as
// escaped text. References are resolved wherever inline text is parsed:
// headings, paragraphs, table cells, link text; never in code spans or code
// blocks. An unknown reference is reported as a diagnostic (see package diag)
// and rendered as written; so are values that refer to themselves or would
// grow beyond MaxValue bytes. Includes such as {{../repo/file.md#id}} are
// never read, only reported (see include.go).
//
//	md := goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithData(keyword.Default()))))
package keyword
