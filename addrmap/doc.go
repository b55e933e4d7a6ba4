// Package addrmap draws the address space of an [ipam.Plan] to scale: as SVG,
// as an HTML page with the SVG inline and a legend, or as a terminal bar
// chart.
//
// # What is drawn
//
// Each VNet address space is a band; so is every pod CIDR, service CIDR,
// docker bridge or avoided range that lies outside all VNet spaces (ranges
// that overlap each other share one band). Inside a band every range of the
// plan that touches it is placed to scale, coloured by role (node, pod and
// other subnets, pod and service CIDRs, docker bridge, peered, on-premises
// and other avoided ranges, AKS-reserved and VNet-forbidden ranges); a
// subnet outside its VNet's space gets a band of its own. Free space shows
// as the pale band background; a VNet band's heading says how many of its
// addresses are free in all, and each gap wide enough for it is labelled
// with its own count. IPv4 and IPv6 never share a band. The legend lists
// only what the map shows.
//
// # Legibility
//
// Every text is dark on a light fill or on the page, with a WCAG contrast
// of at least 4.5:1, and no text lies on an overlap's hatch or under
// anything drawn: a range's name moves clear of the hatch, or under the
// band. The hatch is drawn as lines, not an SVG pattern, so renderers
// without patterns show it too. A long label near the right edge widens
// the drawing rather than crossing other labels' leader lines.
//
// # Overlaps
//
// The map judges no overlap itself: it hatches in red exactly the overlaps
// that validation reports ([ipam.Plan.Overlaps], the errors and warnings
// that cidrplan check lists), each labelled with both names and the
// finding's code. Overlaps AKS allows (overlay clusters reusing a pod CIDR,
// clusters reusing a service CIDR) are drawn as plain ranges, and an
// overlap that check reports against a VNet's address space (an
// on-premises range over a subnet) is hatched against that space.
//
// A /29 inside a /8 is 2^-21 of its band: every range is drawn at least a
// couple of pixels (one cell in text) wide, and labels sit in rows below the
// band with a leader line to their range, so tiny ranges keep a readable
// label.
//
// # Output
//
// Output is deterministic: the same plan gives the same bytes. The plan is
// read through [ipam.Plan.WithDefaults], so defaulted pod and service CIDRs
// appear too. Invalid prefixes (zero, host bits set) are left out of the
// drawing; validation reports them.
//
// Names are shown as given, except runes a terminal would obey or an XML
// parser reject (controls, bidirectional overrides, bytes that are not
// UTF-8): those show as U+FFFD.
//
// # Concurrency
//
// The functions keep no state; they may run concurrently on the same plan.
package addrmap
