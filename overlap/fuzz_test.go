package overlap

import (
	"encoding/binary"
	"net/netip"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/naive"
)

// fuzzAddr decodes an address from 5 bytes: a family bit and a position near
// one of the two ends of that family's space, so that fuzzed entries nest,
// repeat and touch the edges.
func fuzzAddr(b []byte) netip.Addr {
	v6, top := b[0]&1 == 1, b[0]&2 == 2
	off := binary.BigEndian.Uint32(b[1:5]) >> (b[0] >> 3) // shorter offsets are likelier
	if !v6 {
		if top {
			off = ^off
		}
		var a [4]byte
		binary.BigEndian.PutUint32(a[:], off)
		return netip.AddrFrom4(a)
	}
	var a [16]byte
	binary.BigEndian.PutUint32(a[12:], off)
	if b[0]&4 == 4 {
		binary.BigEndian.PutUint32(a[4:], off) // reach the upper 64 bits too
	}
	if top {
		for i := range a {
			a[i] = ^a[i]
		}
	}
	return netip.AddrFrom16(a)
}

func FuzzTree(f *testing.F) {
	f.Add([]byte{0, 0, 10, 0, 0, 1, 24, 0, 0, 10, 0, 0, 1, 24, 2, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{1, 1, 0xfd, 0, 0, 0, 64, 0, 1, 0xfd, 0, 0, 0, 8, 3, 1, 0, 0, 0, 0, 0, 4, 3, 0, 0, 0, 0, 0})
	f.Add([]byte{2, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{0x80, 0, 10, 0, 0, 0, 8, 0x80, 0, 10, 1, 0, 0, 16, 0x81, 0, 10, 0, 0, 0, 8, 0x82, 0, 10, 1, 0, 0, 24})
	f.Fuzz(func(t *testing.T, data []byte) {
		var tr Tree[int]
		if len(data) > 0 && data[0]&0x80 != 0 {
			tr.coverAt = 4 // exercise the cover table
		}
		var m naive.Model[int]
		for len(data) >= 7 {
			op, a, bits, v := data[0]%6, fuzzAddr(data[1:6]), int(data[6]), int(data[0]>>4&1)
			data = data[7:]
			p, err := a.Prefix(bits % (a.BitLen() + 1))
			if err != nil {
				continue
			}
			var rg netipx.IPRange
			if op >= 3 && len(data) >= 5 {
				b := fuzzAddr(data[:5])
				data = data[5:]
				if b.Less(a) {
					a, b = b, a
				}
				rg = netipx.IPRangeFrom(a, b)
			}
			switch op {
			case 0:
				if tr.Insert(p, v) == nil {
					m.Insert(netipx.RangeOfPrefix(p), v)
				}
			case 1:
				if got, want := tr.Delete(p, v), m.Delete(netipx.RangeOfPrefix(p), v); got != want {
					t.Fatalf("Delete(%s, %d) = %v, want %v", p, v, got, want)
				}
			case 2:
				pr := netipx.RangeOfPrefix(p)
				if got, want := tr.Overlaps(p), m.Overlaps(pr); got != want {
					t.Fatalf("Overlaps(%s) = %v, want %v", p, got, want)
				}
				if d := diff(fromModel(m.Overlapping(pr)), collect(tr.Overlapping(p))); d != "" {
					t.Fatalf("Overlapping(%s) (-want +got):\n%s", p, d)
				}
				if d := diff(m.Gaps(p), collect(tr.Gaps(p))); d != "" {
					t.Fatalf("Gaps(%s) (-want +got):\n%s", p, d)
				}
			case 3:
				if rg.IsValid() && tr.InsertRange(rg, v) == nil {
					m.Insert(rg, v)
				}
			case 4:
				if rg.IsValid() && checkRange(rg) == nil {
					if got, want := tr.DeleteRange(rg, v), m.Delete(rg, v); got != want {
						t.Fatalf("DeleteRange(%s, %d) = %v, want %v", rg, v, got, want)
					}
				}
			case 5:
				if rg.IsValid() && checkRange(rg) == nil {
					if got, want := tr.OverlapsRange(rg), m.Overlaps(rg); got != want {
						t.Fatalf("OverlapsRange(%s) = %v, want %v", rg, got, want)
					}
					if d := diff(fromModel(m.Overlapping(rg)), collect(tr.OverlappingRange(rg))); d != "" {
						t.Fatalf("OverlappingRange(%s) (-want +got):\n%s", rg, d)
					}
				}
			}
		}
		checkTree(t, &tr)
		if d := diff(fromModel(m.All()), collect(tr.All())); d != "" {
			t.Fatalf("All() (-want +got):\n%s", d)
		}
		if d := diff(fromModelPairs(m.Conflicts()), collectPairs(tr.Conflicts())); d != "" {
			t.Fatalf("Conflicts() (-want +got):\n%s", d)
		}
		// Build from the surviving entries in insertion order equals the tree.
		es := make([]Entry[int], m.Len())
		for i := range es {
			e := m.At(i)
			es[i] = Entry[int]{e.Range, e.Value}
		}
		built, err := Build(es)
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, built)
		if d := diff(collect(tr.All()), collect(built.All())); d != "" {
			t.Fatalf("Build vs inserts (-want +got):\n%s", d)
		}
		// ConflictsAmong on the same entries equals the model's pairs.
		seq, err := ConflictsAmong(es)
		if err != nil {
			t.Fatal(err)
		}
		if d := diff(fromModelPairs(m.Conflicts()), collectPairs(seq)); d != "" {
			t.Fatalf("ConflictsAmong (-want +got):\n%s", d)
		}
	})
}
