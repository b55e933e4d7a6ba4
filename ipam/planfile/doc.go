// Package planfile reads and writes the plan files of package ipam: an
// [ipam.Plan] as YAML or JSON, one schema with AKS's camelCase key names
// (the json names of the Plan's fields).
//
// # Scope
//
// [Load] and [Parse] decode a plan strictly: unknown and repeated keys,
// values of the wrong type, enumeration values outside their set, names
// holding control or formatting characters, malformed CIDRs, CIDRs with host
// bits set and IPv4-mapped IPv6 are errors with the file, line and key path;
// nothing is corrected or defaulted (see [ipam.Plan.WithDefaults]). YAML
// anchors, aliases and merge keys are read, bounded against alias bombs.
// JSON is read by a scanner of its own as the decoder goes, building no
// tree of the document (a large plan costs little more than its Go values);
// the YAML parser's node tree is read by the same decoder, so both formats
// are judged alike. JSON the scanner rejects goes to the YAML parser, which
// names the line. Errors name list entries by their name where they have
// one, as findings do (clusters[prod].agentPoolProfiles[win].maxPods),
// else by index.
//
// [ParseWithPositions] also returns the plan's [Positions]: the line and
// column of each field, found by the path a finding names, so that a front
// end can point at the line a finding is about (the nearest key above it
// for a value left to its default). For JSON they are a compact table of
// the document's keys and list entries.
//
// [Fill] writes a plan back into the file it came from (how cidrplan
// complete prints a completed plan): the keys the plan fills are added to
// the file's own node tree, and its comments, key order, flow style,
// anchors and indentation stay; JSON stays JSON, filled in its own text.
//
// [Write] and [Marshal] print a plan back as [YAML] or [JSON] with the keys
// Parse reads, leaving out fields at their zero value; reading the output
// back gives the same plan, and writing that gives the same bytes. YAML is
// printed from the plan's JSON form, so both formats hold the same keys in
// the same order.
//
// # Address families
//
// IPv4 and IPv6 prefixes and addresses are both read. IPv4-mapped IPv6
// (::ffff:10.0.0.0/104) is rejected. The docker bridge
// (networkProfile.dockerBridgeCidr) is an address in CIDR notation, so its
// host bits are kept; every other prefix must have none.
//
// # Errors
//
// Parse reports every independent mistake at once: a value in error is
// left unset and decoding goes on with the next key or entry, so a plan
// with three mistakes gives three errors, joined with errors.Join in file
// order, at most [ipam.MaxInputErrors] (a syntax error stops the parser: it comes
// alone). Each is an *[ipam.ParseError] (file, line, key path) wrapping a
// cause that matches exactly one of ipam's sentinels with errors.Is:
// [ipam.ErrSyntax], [ipam.ErrUnknownField], [ipam.ErrInvalidValue],
// [ipam.ErrInvalidPrefix], [ipam.ErrInvalidAddr], [ipam.ErrHostBits] or
// [ipam.Err4in6] (the last four are package cidr's, which checks every
// prefix and address). A prefix with host bits set is never masked
// silently: the error names the masked form. [Load] returns the file system's error, wrapped, when the file
// can't be read; [Write] returns an error matching [ErrFormat] for a format
// it does not know, else only the writer's errors.
//
// # Concurrency
//
// The functions keep no state; they may be called from several goroutines
// at once. Write reads the plan and never modifies it.
package planfile
