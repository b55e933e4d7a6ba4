package sizing

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// byteReader hands out fuzz input; it yields zeros once exhausted.
type byteReader struct{ b []byte }

func (r *byteReader) byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

// int returns a small count most of the time and an extreme one sometimes.
func (r *byteReader) int() int {
	switch v := r.byte(); v {
	case 255:
		return math.MaxInt
	case 254:
		return math.MinInt
	case 253:
		var b [8]byte
		for i := range b {
			b[i] = r.byte()
		}
		return int(int64(binary.LittleEndian.Uint64(b[:])))
	case 252:
		return -int(r.byte())
	case 251:
		return 1000 + int(r.byte())
	default:
		return int(v) % 64
	}
}

// choose returns one of xs, the first ones (the valid choices) most often.
func choose[T any](r *byteReader, xs ...T) T {
	v := int(r.byte())
	if v < 200 {
		return xs[v%max(1, len(xs)-1)] // all but the last
	}
	return xs[v%len(xs)]
}

// decodeCluster builds a cluster, valid or not, from fuzz input; most
// inputs give a valid cluster.
func decodeCluster(data []byte) Cluster {
	r := &byteReader{b: data}
	c := Cluster{Network: Network{
		Plugin:     choose(r, PluginAzure, PluginKubenet, PluginNone, "calico"),
		PluginMode: choose(r, "", PluginModeOverlay, "bridge"),
		Dataplane:  choose(r, "", DataplaneAzure, DataplaneCilium, "x"),
		IPFamilies: choose(r, nil, []IPFamily{IPv4}, []IPFamily{IPv4, IPv6}, []IPFamily{IPv6}),
	}, PrivateCluster: r.byte()&1 == 1}
	podSubnets := c.Network.Plugin == PluginAzure && c.Network.PluginMode == "" && r.byte()&1 == 1
	for i := range 1 + int(r.byte())%5 {
		p := Pool{Name: choose(r, fmt.Sprint("np", i), "np0", "")}
		p.OSType = choose(r, Linux, "", Linux, Windows, "Mac")
		p.Count, p.MaxCount, p.ScaleOut = r.int(), r.int(), r.int()/4
		if p.MaxPods = r.int(); p.MaxPods > 0 && p.MaxPods < 64 {
			p.MaxPods = 10 + 4*p.MaxPods // 14..262: past the top sometimes
		}
		if p.EnableAutoScaling = r.byte()&1 == 1; p.EnableAutoScaling {
			p.MaxCount += p.Count
		} else if r.byte() < 240 {
			p.MaxCount = 0
		}
		p.MaxSurge, _ = ParseSurge(choose(r, "", "1", "3", "10%", "33%", "100%", "0", "0%", "150%"))
		p.MaxUnavailable, _ = ParseSurge(choose(r, "", "1", "10%", "0", "abc"))
		p.VNetSubnet = choose(r, "", "a", "b")
		if podSubnets || r.byte() > 250 {
			p.PodSubnet = choose(r, "p", "q", "a")
			p.PodIPAllocationMode = choose(r, "", DynamicIndividual, StaticBlock, "Other")
		}
		c.Pools = append(c.Pools, p)
	}
	if r.byte()&1 == 1 {
		c.Consumers = map[string]Consumers{choose(r, "aks-subnet", "a", "zz"): {
			ILBFrontEnds: r.int(), PrivateEndpoints: r.int(), APIServer: int(r.byte()) / 250}}
	}
	if r.byte() > 200 {
		c.Defaults.OverlayMaxNodes = r.int()
		c.Defaults.MaxSurge, _ = ParseSurge(choose(r, "", "1", "5%", "0", "150%"))
		c.Defaults.MaxPods = map[Model]int{choose(r, ModelNodeSubnet, ModelOverlay, "bogus"): r.int()}
	}
	return c
}

func FuzzCluster(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 1, 0, 0, 12, 0, 0, 0, 7, 0, 0, 2, 2, 0, 0, 0, 0})
	f.Add([]byte{0, 1, 0, 2, 0, 3, 0, 0, 0, 5, 0, 0, 0, 0, 0, 4, 4, 0, 0, 0, 3, 0, 0, 1, 0, 40, 0, 0, 0, 1, 5, 5, 1, 0, 1, 0})
	f.Add([]byte{1, 0, 0, 0, 0, 3, 1, 2, 255, 254, 253, 1, 2, 3, 4, 5, 6, 7, 8, 252, 9, 1, 8, 3, 2, 1, 1})
	f.Add([]byte{0, 0, 2, 0, 2, 1, 0, 0, 0, 100, 0, 0, 60, 0, 0, 1, 4, 4, 1, 2, 2, 1, 3, 0, 0, 0})
	// Seeds that decode to valid clusters, found with a seeded PRNG.
	r := rand.New(rand.NewPCG(1, 2))
	for found := 0; found < 16; {
		b := make([]byte, 80)
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		if decodeCluster(b).Validate() == nil {
			f.Add(b)
			found++
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := decodeCluster(data)
		err := c.Validate()
		d, derr := c.Demand()
		if (err == nil) != (derr == nil) {
			t.Fatalf("Validate() = %v but Demand() = %v", err, derr)
		}
		if err != nil {
			return
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatal(err)
		}
		if err := checkProperties(c); err != nil {
			t.Fatalf("%+v\n%v", c, err)
		}
	})
}

func FuzzParseSurge(f *testing.F) {
	for _, s := range []string{"1", "10%", "150%", "abc", "-1", "", "%", "0100", "1000", "1001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseSurge(s)
		if err != nil {
			return
		}
		// String → Parse round-trips (leading zeros normalise).
		w, err := ParseSurge(v.String())
		if err != nil || w != v {
			t.Fatalf("ParseSurge(%q) = %v; reparse %v, %v", s, v, w, err)
		}
		for _, n := range []int{0, 1, 7, 1000, math.MaxInt} {
			if got := v.Nodes(n); got < 0 || (v.IsPercent() && got > n) {
				t.Fatalf("%v.Nodes(%d) = %d", v, n, got)
			}
		}
	})
}
