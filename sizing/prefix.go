package sizing

import (
	"fmt"
	"net/netip"
)

// checkPrefix rejects an invalid prefix, host bits set, IPv4-mapped IPv6,
// and a family other than want, as a *PrefixError.
func checkPrefix(p netip.Prefix, want IPFamily) error {
	switch {
	case !p.IsValid():
		return &PrefixError{Prefix: p, Detail: "not a valid prefix"}
	case p.Addr().Is4In6():
		return &PrefixError{Prefix: p, Detail: "IPv4-mapped IPv6 prefix"}
	case p.Masked() != p:
		return &PrefixError{Prefix: p, Detail: fmt.Sprintf("host bits set (want %v)", p.Masked())}
	case want == IPv4 && !p.Addr().Is4():
		return &PrefixError{Prefix: p, Detail: "want an IPv4 prefix"}
	case want == IPv6 && !p.Addr().Is6():
		return &PrefixError{Prefix: p, Detail: "want an IPv6 prefix"}
	}
	return nil
}
