package overlap

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/naive"
)

// narrow6 moves every IPv6 address a of es to fd00:: + a>>shift (shift ≥ 8): an
// order-preserving map, so ranges stay valid, prefixes stay prefixes (or
// single addresses), and all IPv6 starts share their top shift bits, as
// in a plan that lives in one block.
func narrow6(es []Entry[int], shift uint) []Entry[int] {
	move := func(a netip.Addr) netip.Addr {
		x := fromAddr6(a)
		lo := x.lo>>shift | x.hi<<(64-shift)
		hi := 0xfd<<56 | x.hi>>shift
		return toAddr6(addr6{hi, lo})
	}
	out := make([]Entry[int], len(es))
	for i, e := range es {
		out[i] = e
		if e.Range.From().Is6() {
			out[i].Range = netipx.IPRangeFrom(move(e.Range.From()), move(e.Range.To()))
		}
	}
	return out
}

// TestConflictsAmongWords compares ConflictsAmong with the built tree's
// Conflicts and with the model where the entries fit in words: IPv6 starts
// sharing their top bits.
func TestConflictsAmongWords(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 10, 100, 700} {
		for round := range 4 {
			es := randomEntries(r, n)
			if round%2 == 1 {
				es = append(es, edgeEntries()...)
			}
			for k := range n / 10 { // more duplicates, some with the same value
				e := es[r.IntN(len(es))]
				if k%2 == 0 {
					e.Value = r.IntN(3)
				}
				es = append(es, e)
			}
			r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
			es = narrow6(es, 24)
			if _, ok, err := sortWords(es); err != nil || !ok {
				t.Fatalf("n=%d round %d: sortWords took the entries: %v (error %v), want true", len(es), round, ok, err)
			}
			got := conflictsAmongVsBuild(t, es)
			var m naive.Model[int]
			for _, e := range es {
				m.Insert(e.Range, e.Value)
			}
			if d := diff(fromModelPairs(m.Conflicts()), got); d != "" {
				t.Fatalf("n=%d round %d: ConflictsAmong vs model (-want +got):\n%s", len(es), round, d)
			}
		}
	}
}

// sparsePlan returns n disjoint /24s and /64s, every dupEvery-th twice,
// the duplicate with the negated value.
func sparsePlan(n, dupEvery int) []Entry[int] {
	var es []Entry[int]
	for i := range n {
		var p netip.Prefix
		if i%2 == 0 {
			p = netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(i >> 8), byte(i), 0}), 24)
		} else {
			p = netip.PrefixFrom(netip.AddrFrom16([16]byte{0xfd, 0, 0, 0, 0, 0, byte(i >> 8), byte(i)}), 64)
		}
		es = append(es, Entry[int]{netipx.RangeOfPrefix(p), i})
		if i%dupEvery == 0 {
			es = append(es, Entry[int]{netipx.RangeOfPrefix(p), -i})
		}
	}
	return es
}

// TestConflictsAmongWordsSparse checks a plan whose few entries in pairs
// are copied out of the sort's arrays: exactly those are kept.
func TestConflictsAmongWordsSparse(t *testing.T) {
	es := sparsePlan(3000, 50)
	w, ok, err := sortWords(es)
	if err != nil || !ok {
		t.Fatalf("sortWords took the entries: %v (error %v), want true", ok, err)
	}
	if got := len(w.r4) + len(w.r6); got != 120 {
		t.Errorf("%d words kept, want the 120 duplicates", got)
	}
	if got := conflictsAmongVsBuild(t, es); len(got) != 60 {
		t.Errorf("%d pairs, want 60", len(got))
	}
}

// TestConflictsAmongWordsGiveUp checks the pairs where one IPv6 start
// differs above a word's key and the sample misses it, so that the sort
// of words gives up halfway and the records are sorted instead: where
// many entries are in pairs, and where the few that are are copied out.
func TestConflictsAmongWordsGiveUp(t *testing.T) {
	for _, dupEvery := range []int{10, 50} {
		es := sparsePlan(3000, dupEvery)
		// Last: the sample takes 1024 entries len(es)/1024 apart from the first.
		es = append(es, Entry[int]{netipx.RangeOfPrefix(netip.MustParsePrefix("2001:db8::/64")), 1})
		if _, ok, err := sortWords(es); err != nil || ok {
			t.Fatalf("sortWords took the entries: %v (error %v), want false", ok, err)
		}
		s, err := sortEntries(es, true)
		if err != nil {
			t.Fatal(err)
		}
		s.keepCandidates()
		pairs := 3000 / dupEvery
		if got := len(s.r4) + len(s.r6); got != 2*pairs {
			t.Errorf("every %d-th twice: %d records kept, want the %d duplicates", dupEvery, got, 2*pairs)
		}
		if got := conflictsAmongVsBuild(t, es); len(got) != pairs {
			t.Errorf("every %d-th twice: %d pairs, want %d", dupEvery, len(got), pairs)
		}
	}
}

// conflictsAmongVsBuild returns the pairs ConflictsAmong yields for es,
// failing t unless they are those of Build(es).Conflicts().
func conflictsAmongVsBuild(t *testing.T, es []Entry[int]) []pair[int] {
	t.Helper()
	seq, err := ConflictsAmong(es)
	if err != nil {
		t.Fatal(err)
	}
	got := collectPairs(seq)
	tr, err := Build(es)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(collectPairs(tr.Conflicts()), got); d != "" {
		t.Fatalf("n=%d: ConflictsAmong vs Build().Conflicts() (-want +got):\n%s", len(es), d)
	}
	return got
}

// TestSortWordsDeclines checks that entries whose IPv6 starts differ
// above a word's key, as found by the sample, are left to sortEntries.
func TestSortWordsDeclines(t *testing.T) {
	var es []Entry[int]
	for i, s := range []string{"10.0.0.0/8", "fd00::/48", "2001:db8::/48"} {
		es = append(es, Entry[int]{netipx.RangeOfPrefix(netip.MustParsePrefix(s)), i})
	}
	if _, ok, err := sortWords(es); ok || err != nil {
		t.Errorf("sortWords took the entries: %v (error %v), want false", ok, err)
	}
}

// TestConflictsAmongReach checks entries paired with a later entry that
// the one between them does not reach: through IPv6 spans past the last
// upper half (the whole space, or a block at its end) and an IPv4 /8 over
// two /16s, sorted as words or, where the IPv6 starts differ, as records.
func TestConflictsAmongReach(t *testing.T) {
	for _, tt := range []struct {
		name      string
		prefixes  []string
		wantWords bool
	}{
		{"whole space", []string{"::/0", "0:0:0:5::/64", "0:0:0:9::/64", "10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16"}, true},
		{"block at the end", []string{"ff00::/8", "ff00:0:0:5::/64", "ff00:0:0:9::/64", "10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16"}, true},
		{"whole space, records", []string{"::/0", "2001:db8::/64", "fd00::/64", "10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16"}, false},
		{"block at the end, records", []string{"2001:db8::/64", "ff00::/8", "ff00:0:0:5::/64", "ff00:0:0:9::/64", "10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var es []Entry[int]
			for i, s := range tt.prefixes {
				es = append(es, Entry[int]{netipx.RangeOfPrefix(netip.MustParsePrefix(s)), i})
			}
			if _, ok, err := sortWords(es); err != nil || ok != tt.wantWords {
				t.Fatalf("sortWords took the entries: %v (error %v), want %v", ok, err, tt.wantWords)
			}
			if got := conflictsAmongVsBuild(t, es); len(got) != 4 {
				t.Errorf("%d pairs, want 4", len(got))
			}
		})
	}
}
