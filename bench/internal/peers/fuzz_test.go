package peers

import (
	"errors"
	"net/netip"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// decodePrefixes turns each 3 bytes into a prefix: a family bit and length
// from the first byte, the top address bytes from the other two, placed at
// the start (0.0.0.0, ::) or the end (255.255.255.255, ffff:…) of the space
// so that edge addresses come up often.
func decodePrefixes(data []byte) []netip.Prefix {
	var out []netip.Prefix
	for ; len(data) >= 3; data = data[3:] {
		six, high := data[0]&0x80 != 0, data[0]&0x40 != 0
		var a [16]byte
		if high {
			for i := range a {
				a[i] = 0xff
			}
		}
		bits := int(data[0] & 0x3f)
		addr := netip.AddrFrom4([4]byte{data[1], data[2], a[2], a[3]})
		if six {
			a[0], a[1] = data[1], data[2]
			addr = netip.AddrFrom16(a)
			bits *= 2
		} else if bits > 32 {
			bits = 32
		}
		out = append(out, netip.PrefixFrom(addr, bits).Masked())
	}
	return out
}

func FuzzImplsAgree(f *testing.F) {
	f.Add([]byte{0, 0, 0, 32, 255, 255, 0x60, 255, 255, 8, 10, 0, 24, 10, 0, 24, 10, 0})
	f.Add([]byte{0x80, 0, 0, 0xc0, 0xff, 0xff, 0x80 | 24, 0xfd, 0, 0x80 | 32, 0xfd, 0})
	f.Add([]byte{16, 10, 1, 16, 10, 1, 12, 10, 0, 0x40 | 31, 255, 254})
	f.Fuzz(func(t *testing.T, data []byte) {
		ps := decodePrefixes(data)
		if len(ps) < 2 || len(ps) > 64 {
			return
		}
		stored, probes := ps[:len(ps)/2], ps[len(ps)/2:]
		ref := build(t, Naive{}, stored)
		wantPairs, _ := conflicts(ref)
		for _, im := range Impls() {
			x := build(t, im, stored)
			checkQueries(t, im, x, ref, probes)
			if got, err := conflicts(x); !errors.Is(err, ErrUnsupported) {
				dups := im.KeepsDuplicates()
				if diff := gocmp.Diff(normalize(wantPairs, dups), normalize(got, dups), cmpOpts); diff != "" {
					t.Fatalf("%s: Conflicts of %v (-want +got):\n%s", im.Name(), stored, diff)
				}
			}
			if af, ok := im.(AmongFinder); ok {
				var got []pair
				if err := af.ConflictsAmong(im.Prepare(stored), func(a, b Entry) bool { got = append(got, pair{a, b}); return true }); err != nil {
					t.Fatal(err)
				}
				if diff := gocmp.Diff(normalize(wantPairs, true), normalize(got, true), cmpOpts); diff != "" {
					t.Fatalf("ConflictsAmong of %v (-want +got):\n%s", stored, diff)
				}
			}
			for _, within := range probes {
				got, _ := gaps(x, within)
				want, _ := gaps(ref, within)
				if diff := gocmp.Diff(want, got, cmpOpts); diff != "" {
					t.Fatalf("%s: Gaps(%v) of %v (-want +got):\n%s", im.Name(), within, stored, diff)
				}
			}
		}
	})
}
