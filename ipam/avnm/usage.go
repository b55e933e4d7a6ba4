package avnm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"path/filepath"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// Usage is the usage of an AVNM IPAM pool, with the keys of az network
// manager ipam-pool get-pool-usage.
type Usage struct {
	// Name is the pool's name: the file's "name" key where it has one (as
	// az network manager ipam-pool show writes it; get-pool-usage does
	// not), else the base name of the file ParseUsage read.
	Name string `json:"name,omitzero"`
	// AddressPrefixes are the pool's own prefixes: the space.
	AddressPrefixes []netip.Prefix `json:"addressPrefixes"`
	// AllocatedAddressPrefixes are allocated to resources (VNets) and
	// child pools; ReservedAddressPrefixes are held by static CIDRs.
	AllocatedAddressPrefixes []netip.Prefix `json:"allocatedAddressPrefixes"`
	ReservedAddressPrefixes  []netip.Prefix `json:"reservedAddressPrefixes"`
	// AvailableAddressPrefixes are what remains free.
	AvailableAddressPrefixes []netip.Prefix `json:"availableAddressPrefixes"`
	// The counts of addresses, read exactly whether given as JSON strings
	// (as az writes them) or numbers.
	TotalNumberOfIPAddresses     sizing.Count `json:"totalNumberOfIPAddresses"`
	NumberOfAllocatedIPAddresses sizing.Count `json:"numberOfAllocatedIPAddresses"`
	NumberOfReservedIPAddresses  sizing.Count `json:"numberOfReservedIPAddresses"`
	NumberOfAvailableIPAddresses sizing.Count `json:"numberOfAvailableIPAddresses"`
	// ChildPools are the pool's child pools, the only allocations the
	// usage names by resource ID.
	ChildPools []Resource `json:"childPools"`
}

// Resource is a resource the pool names, with az's keys: its resource ID
// and its address prefixes.
type Resource struct {
	ID              string         `json:"resourceId"`
	AddressPrefixes []netip.Prefix `json:"addressPrefixes"`
}

// ErrSyntax matches a usage file that is not a JSON object of the
// expected shape. Its text names no package: it is read inside an
// *Error's message, which does.
var ErrSyntax = errors.New("malformed pool usage")

// Error is a problem in a usage file: File names it, Key the JSON key
// ("" for the whole file), Err the cause.
type Error struct {
	File string
	Key  string
	Err  error
}

func (e *Error) Error() string {
	at := e.File
	if e.Key != "" {
		at += ": " + e.Key
	}
	return "avnm: " + at + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// ParseUsage reads the JSON of az network manager ipam-pool get-pool-usage;
// name labels errors and, without a "name" key, names the pool. Keys it does not know are ignored, so that outputs of
// newer az versions load; JSON null means absent.
func ParseUsage(data []byte, name string) (*Usage, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil || raw == nil {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: want a JSON object (%v)", ErrSyntax, err)}
	}
	u := &Usage{Name: filepath.Base(name)}
	if v, ok := raw["name"]; ok {
		if err := json.Unmarshal(v, &u.Name); err != nil || u.Name == "" {
			return nil, &Error{File: name, Key: "name", Err: fmt.Errorf("%w: want the pool's name, a string", ErrSyntax)}
		}
	}
	prefixes := []struct {
		key string
		dst *[]netip.Prefix
	}{
		{"addressPrefixes", &u.AddressPrefixes},
		{"allocatedAddressPrefixes", &u.AllocatedAddressPrefixes},
		{"reservedAddressPrefixes", &u.ReservedAddressPrefixes},
		{"availableAddressPrefixes", &u.AvailableAddressPrefixes},
	}
	for _, f := range prefixes {
		var ss []string
		if v, ok := raw[f.key]; ok {
			if err := json.Unmarshal(v, &ss); err != nil {
				return nil, &Error{File: name, Key: f.key, Err: fmt.Errorf("%w: want a list of CIDRs", ErrSyntax)}
			}
		}
		for i, s := range ss {
			p, err := ipam.ParsePrefix(s)
			if err != nil {
				return nil, &Error{File: name, Key: fmt.Sprintf("%s[%d]", f.key, i), Err: err}
			}
			*f.dst = append(*f.dst, p)
		}
	}
	counts := []struct {
		key string
		dst *sizing.Count
	}{
		{"totalNumberOfIPAddresses", &u.TotalNumberOfIPAddresses},
		{"numberOfAllocatedIPAddresses", &u.NumberOfAllocatedIPAddresses},
		{"numberOfReservedIPAddresses", &u.NumberOfReservedIPAddresses},
		{"numberOfAvailableIPAddresses", &u.NumberOfAvailableIPAddresses},
	}
	for _, f := range counts {
		if v, ok := raw[f.key]; ok {
			if err := f.dst.UnmarshalJSON(v); err != nil {
				return nil, &Error{File: name, Key: f.key, Err: err}
			}
		}
	}
	if v, ok := raw["childPools"]; ok {
		var children []struct {
			ID       string   `json:"resourceId"`
			Prefixes []string `json:"addressPrefixes"`
		}
		if err := json.Unmarshal(v, &children); err != nil {
			return nil, &Error{File: name, Key: "childPools", Err: fmt.Errorf("%w: want a list of objects with resourceId and addressPrefixes", ErrSyntax)}
		}
		for i, c := range children {
			r := Resource{ID: c.ID}
			for j, s := range c.Prefixes {
				p, err := ipam.ParsePrefix(s)
				if err != nil {
					return nil, &Error{File: name, Key: fmt.Sprintf("childPools[%d].addressPrefixes[%d]", i, j), Err: err}
				}
				r.AddressPrefixes = append(r.AddressPrefixes, p)
			}
			u.ChildPools = append(u.ChildPools, r)
		}
	}
	if len(u.AddressPrefixes) == 0 {
		return nil, &Error{File: name, Key: "addressPrefixes", Err: fmt.Errorf("%w: the pool has no address prefix", ErrSyntax)}
	}
	return u, nil
}
