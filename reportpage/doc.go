// Package reportpage writes the capacity report of a plan ([ipam.Report])
// as one HTML page that people read on screen or print: check's findings,
// the capacity table with a headroom bar per range, how far each pool can
// grow, the upgrade step by step and the address map ([addrmap.SVG],
// inline).
//
// The page displays the report and decides nothing: every number, verdict
// ("fits", "does not fit") and limit comes from the report as ipam computed
// it, so the page says what cidrplan check, upgrade and report say. The
// bars only draw those numbers to scale.
//
// The page is self-contained: its style sheet and the map are inline, it
// loads nothing and runs no script, so it works offline and can be mailed
// or archived as one file. A print style sheet lays it out for paper
// (landscape, no rows split across pages, bars and colours kept).
//
// Output is deterministic: the same plan and report give the same bytes.
// Names are escaped as HTML text. HTML keeps no state and may run
// concurrently.
package reportpage
