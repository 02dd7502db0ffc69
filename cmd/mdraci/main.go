// Command mdraci converts shared-responsibility documentation (IBM Cloud
// docs Markdown, OVHcloud and cegedim.cloud RACI pages, plain-text tables)
// to consistent, accessible HTML.
//
// Usage:
//
//	mdraci convert [flags] [FILE|DIR|-]...
//
// Run "mdraci help" for the commands and flags.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
