package cidr

import (
	"strconv"

	"go4.org/netipx"
)

// RangeError reports a range that is rejected. Err is the sentinel:
// ErrInvalidRange or ErrMappedIPv6.
type RangeError struct {
	Range netipx.IPRange
	Err   error // the sentinel
}

// Error returns `range "<from>-<to>": <reason>`.
func (e *RangeError) Error() string {
	return "range " + strconv.Quote(e.Range.From().String()+"-"+e.Range.To().String()) + ": " + e.Reason()
}

// Reason says what is wrong with the range without naming it.
func (e *RangeError) Reason() string {
	if e.Err != ErrInvalidRange {
		return e.Err.Error()
	}
	from, to := e.Range.From(), e.Range.To()
	switch {
	case !from.IsValid() || !to.IsValid():
		return "invalid range (zero address)"
	case from.BitLen() != to.BitLen():
		return "invalid range (mixed address families)"
	}
	return "invalid range (start after end)"
}

// Unwrap returns the sentinel.
func (e *RangeError) Unwrap() error { return e.Err }

// CheckRange returns nil when r has two valid ends of one family, the first
// not after the last and not IPv4-mapped, else a *RangeError wrapping
// ErrInvalidRange or ErrMappedIPv6. netipx.IPRangeFrom drops zones, so a
// range never has one. Like a prefix, a range is rejected as IPv4-mapped
// when its first address is: the range of ::/80 ends at
// ::ffff:255.255.255.255 and is as acceptable as ::/80.
func CheckRange(r netipx.IPRange) error {
	if err := RangeSentinel(r); err != nil {
		return &RangeError{Range: r, Err: err}
	}
	return nil
}

// RangeSentinel returns the sentinel CheckRange's error would wrap, or nil,
// without building an error: for callers that check many ranges and wrap
// the sentinel in an error of their own.
func RangeSentinel(r netipx.IPRange) error {
	switch {
	case !r.IsValid():
		return ErrInvalidRange
	case r.From().Is4In6():
		return ErrMappedIPv6
	}
	return nil
}
