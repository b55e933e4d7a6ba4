// Conflicts finds every pair of overlapping ranges in a large imported
// address list — the kind of inventory exported from IPAM tools or gathered
// from many subscriptions — with overlap.Tree.Conflicts, which streams the
// pairs in one sweep instead of comparing every range with every other.
//
// The list is generated (seeded, so the output is always the same): 200,000
// subnets that do not overlap, plus a few mistakes of the usual kinds — a
// subnet copied into a second VNet, a VNet's whole address space entered as
// if it were a subnet, a range carved out of a subnet already in use.
//
//	go run ./examples/conflicts
package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"net/netip"
	"os"
	"strings"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/overlap"
	"go4.org/netipx"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "conflicts:", err)
		os.Exit(1)
	}
}

// Size of the generated inventory.
const (
	subnets  = 200_000
	mistakes = 12
	shown    = 6
)

func run(w io.Writer) error {
	list := generate(rand.New(rand.NewPCG(1, 2)), subnets, mistakes)
	rows, err := parse(strings.NewReader(list))
	if err != nil {
		return err
	}
	entries := make([]overlap.Entry[int], len(rows))
	for i, r := range rows {
		entries[i] = overlap.Entry[int]{Range: netipx.RangeOfPrefix(r.prefix), Value: i}
	}
	tree, err := overlap.Build(entries)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d ranges read\n", tree.Len())
	n := 0
	for a, b := range tree.Conflicts() {
		n++
		if n <= shown {
			ra, rb := rows[a.Value], rows[b.Value]
			fmt.Fprintf(w, "line %d %s (%s) overlaps line %d %s (%s)\n",
				ra.line, ra.prefix, ra.name, rb.line, rb.prefix, rb.name)
		}
	}
	fmt.Fprintf(w, "%d conflicting pairs\n", n)
	return nil
}

// row is one line of the inventory: "name,prefix".
type row struct {
	line   int
	name   string
	prefix netip.Prefix
}

// parse reads the inventory strictly: a prefix with host bits set is an
// error naming the line, not silently masked.
func parse(r io.Reader) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		name, text, ok := strings.Cut(sc.Text(), ",")
		if !ok {
			return nil, fmt.Errorf("line %d: want name,prefix", line)
		}
		p, err := cidr.ParsePrefix(text)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		rows = append(rows, row{line: line, name: name, prefix: p})
	}
	return rows, sc.Err()
}

// generate writes n disjoint /26 subnets of 10.0.0.0/8 in random order,
// then the mistakes, each overlapping one of them.
func generate(rng *rand.Rand, n, mistakes int) string {
	var b strings.Builder
	slots := rng.Perm(1 << 18)[:n] // the /26s of 10.0.0.0/8
	subnet := func(slot int) netip.Prefix {
		a := 10<<24 | uint32(slot)<<6
		return netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}), 26)
	}
	for i, s := range slots {
		fmt.Fprintf(&b, "sub-%02d/vnet-%04d/snet-%02d,%s\n", i%40, i/40, i%50, subnet(s))
	}
	for k := range mistakes {
		victim := subnet(slots[rng.IntN(n)])
		switch k % 3 {
		case 0: // copied into another VNet
			fmt.Fprintf(&b, "sub-99/vnet-copy-%d/snet-00,%s\n", k, victim)
		case 1: // a VNet address space entered as a subnet
			space, _ := victim.Addr().Prefix(20)
			fmt.Fprintf(&b, "sub-99/vnet-space-%d/default,%s\n", k, space)
		case 2: // carved out of a subnet in use
			fmt.Fprintf(&b, "sub-99/vnet-carve-%d/snet-00,%s\n", k, netip.PrefixFrom(victim.Addr(), 28))
		}
	}
	return b.String()
}
