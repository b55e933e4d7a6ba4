// Package cidr is the one strict check of prefixes, addresses and ranges
// that every cidrplan package validates through, and the one set of
// sentinel errors they share, including the one for an input over its
// reader's size limit ([ErrInputTooLarge], [*InputTooLargeError]) and that
// limit's default ([DefaultMaxInputSize]).
//
// # Scope
//
// A prefix is accepted when it is valid (not the zero netip.Prefix, a
// length within its family), not an IPv4-mapped IPv6 prefix
// (::ffff:10.0.0.0/104) and has no host bits set (10.0.0.1/8). Nothing is
// ever masked, unmapped or otherwise fixed silently: the error names the
// form that would have been accepted. An address is accepted when it is
// valid, has no zone and is not IPv4-mapped. A range (netipx.IPRange) is
// accepted when both ends are valid addresses of one family, the first is
// not after the last, and the first is not IPv4-mapped.
//
// [ParsePrefix], [ParseAddr] and [ParseAddrPrefix] (an interface address
// such as the docker bridge's 172.17.0.1/16, whose host bits are kept)
// read text; [CheckPrefix], [CheckPrefixFamily], [CheckAddr] and
// [CheckRange] check values built in Go. [PrefixSentinel] and
// [RangeSentinel] answer the same question without building an error, for
// hot paths and for packages with error types of their own.
//
// # Address families
//
// IPv4 and IPv6 are kept apart: an IPv4-mapped IPv6 address is an error
// ([ErrMappedIPv6]) rather than a guess at which family was meant.
// [CheckPrefixFamily] also rejects a prefix of the other family
// ([ErrFamily]).
//
// # Errors
//
// Every error matches exactly one sentinel with errors.Is:
// [ErrInvalidPrefix], [ErrInvalidAddr], [ErrHostBits], [ErrMappedIPv6],
// [ErrFamily] or [ErrInvalidRange]. Packages of this module that check
// prefixes (overlap, sizing, ipam) export these same values under their
// own names, so errors.Is(err, cidr.ErrHostBits) holds whichever package
// noticed the host bits. The errors are a [*PrefixError], an [*AddrError]
// or a [*RangeError] (errors.As), carrying the input; their messages are
// built from those fields, quote the input and name no package:
//
//	prefix "10.0.0.1/8": host bits set (want 10.0.0.0/8)
//
// They are meant to be wrapped by whoever knows the context (a file and
// line, a flag). A front end that prints the context itself uses the
// error's Reason, never edited Error text.
//
// # Concurrency
//
// The package holds no state; every function is safe for concurrent use.
package cidr
