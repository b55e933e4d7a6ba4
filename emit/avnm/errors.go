package avnm

import (
	"errors"
	"strconv"
	"strings"
)

// ErrPartlyInPool matches a plan with a range the pool must hold back that
// lies partly outside the pool's prefixes: Azure refuses it as a static
// CIDR, and the pool may hand out the part inside.
var ErrPartlyInPool = errors.New("avnm: range partly outside the pool")

// PartlyInPoolError lists the ranges that lie partly outside pool Pool
// (its name). It matches [ErrPartlyInPool].
type PartlyInPoolError struct {
	Pool   string
	Ranges []Range
}

func (e *PartlyInPoolError) Error() string {
	d := make([]string, len(e.Ranges))
	for i, r := range e.Ranges {
		d[i] = r.Describe()
	}
	return "avnm: " + strings.Join(d, ", ") + ": partly outside the prefixes of pool " + strconv.Quote(e.Pool) +
		", so no static CIDR can hold it back"
}

func (e *PartlyInPoolError) Unwrap() error { return ErrPartlyInPool }

// ErrInUse matches a plan with a range the pool must hold back that lies
// over what the pool has in use (allocated, a static CIDR it is not wholly
// inside, a child pool): Azure refuses it as a static CIDR.
var ErrInUse = errors.New("avnm: range over what the pool has in use")

// InUseError lists the ranges that lie over what pool Pool (its name) has
// in use, each with the part in use (Range.Taken). It matches [ErrInUse].
type InUseError struct {
	Pool   string
	Ranges []Range
}

func (e *InUseError) Error() string {
	d := make([]string, len(e.Ranges))
	for i, r := range e.Ranges {
		d[i] = r.Describe() + " over " + prefixList(r.Taken)
	}
	return "avnm: " + strings.Join(d, ", ") + ": in use in pool " + strconv.Quote(e.Pool) +
		", so Azure refuses a static CIDR over it"
}

func (e *InUseError) Unwrap() error { return ErrInUse }
