package overlap

import (
	"errors"
	"math/rand/v2"
	"net/netip"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/naive"
)

// edgeEntries returns the entries at the ends of both families and of the
// prefix lengths, each twice with different values.
func edgeEntries() []Entry[int] {
	var es []Entry[int]
	for i, s := range []string{
		"0.0.0.0/0", "0.0.0.0/32", "255.255.255.255/32", "10.0.0.0/8", "10.0.0.0/8",
		"::/0", "::/128", "::/80", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "fd00::/8", "fd00::/64",
	} {
		rg := netipx.RangeOfPrefix(netip.MustParsePrefix(s))
		es = append(es, Entry[int]{rg, i}, Entry[int]{rg, -i})
	}
	return es
}

// TestConflictsAmongDifferential compares ConflictsAmong with the built
// tree's Conflicts and with the model on seeded random mixed inputs:
// clustered near the edges of both families, nested, duplicated, /0 and
// host-length prefixes and ranges.
func TestConflictsAmongDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 10, 100, 700, 1500} {
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
			if n > 700 {
				continue // the model is quadratic
			}
			var m naive.Model[int]
			for _, e := range es {
				m.Insert(e.Range, e.Value)
			}
			if d := diff(fromModelPairs(m.Conflicts()), got); d != "" {
				t.Fatalf("n=%d: ConflictsAmong vs model (-want +got):\n%s", len(es), d)
			}
		}
	}
}

// TestConflictsAmongIteratesAgain checks that the sequence yields the same
// pairs every time.
func TestConflictsAmongIteratesAgain(t *testing.T) {
	seq, err := ConflictsAmong(edgeEntries())
	if err != nil {
		t.Fatal(err)
	}
	want := collectPairs(seq)
	if len(want) == 0 {
		t.Fatal("no pairs among the edge entries")
	}
	if d := diff(want, collectPairs(seq)); d != "" {
		t.Fatalf("second iteration (-want +got):\n%s", d)
	}
}

func TestConflictsAmongStopsEarly(t *testing.T) {
	var es []Entry[int]
	for i := range 50 {
		es = append(es,
			Entry[int]{netipx.RangeOfPrefix(netip.MustParsePrefix("10.0.0.0/8")), i},
			Entry[int]{netipx.RangeOfPrefix(netip.MustParsePrefix("fd00::/8")), i})
	}
	seq, err := ConflictsAmong(es)
	if err != nil {
		t.Fatal(err)
	}
	all := collectPairs(seq)
	for _, stop := range []int{1, 5, 1225, 1226, 2000} {
		var got []pair[int]
		for x, y := range seq {
			got = append(got, pair[int]{x, y})
			if len(got) == stop {
				break
			}
		}
		if d := diff(all[:stop], got); d != "" {
			t.Errorf("stopping after %d pairs (-want +got):\n%s", stop, d)
		}
	}
}

func TestConflictsAmongErrors(t *testing.T) {
	good := Entry[int]{netipx.RangeOfPrefix(netip.MustParsePrefix("10.0.0.0/8")), 1}
	tests := []struct {
		name    string
		bad     netipx.IPRange
		wantErr error
	}{
		{"zero range", netipx.IPRange{}, ErrInvalidRange},
		{"reversed", netipx.IPRangeFrom(netip.MustParseAddr("10.0.0.9"), netip.MustParseAddr("10.0.0.1")), ErrInvalidRange},
		{"reversed IPv6", netipx.IPRangeFrom(netip.MustParseAddr("fd00::9"), netip.MustParseAddr("fd00::1")), ErrInvalidRange},
		{"mixed families", netipx.IPRangeFrom(netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("fd00::1")), ErrInvalidRange},
		{"mapped", netipx.IPRangeFrom(netip.MustParseAddr("::ffff:10.0.0.1"), netip.MustParseAddr("::ffff:10.0.0.9")), ErrMappedIPv6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := []Entry[int]{good, good, {tt.bad, 2}, {tt.bad, 3}}
			seq, err := ConflictsAmong(es)
			if seq != nil {
				t.Error("a sequence despite the error")
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			var re *RangeError
			if !errors.As(err, &re) || re.Index != 2 || re.Range != tt.bad {
				t.Fatalf("error %#v, want a *RangeError for entry 2", err)
			}
			_, buildErr := Build(es)
			if d := diff([]string{buildErr.Error()}, []string{err.Error()}); d != "" {
				t.Errorf("message differs from Build's (-want +got):\n%s", d)
			}
		})
	}
}
