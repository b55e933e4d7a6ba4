package buddy

import "math/bits"

// Key is an unsigned 128-bit offset into a Tree's space. Arithmetic on Keys
// wraps; Trees never produce a Key outside their space.
type Key struct {
	Hi, Lo uint64
}

// KeyFrom64 returns v as a Key.
func KeyFrom64(v uint64) Key { return Key{Lo: v} }

// Compare returns -1, 0 or +1 as k is less than, equal to or greater than o.
func (k Key) Compare(o Key) int {
	switch {
	case k.Hi < o.Hi:
		return -1
	case k.Hi > o.Hi:
		return 1
	case k.Lo < o.Lo:
		return -1
	case k.Lo > o.Lo:
		return 1
	}
	return 0
}

// Less reports whether k < o.
func (k Key) Less(o Key) bool { return k.Hi < o.Hi || (k.Hi == o.Hi && k.Lo < o.Lo) }

// Or returns k | o.
func (k Key) Or(o Key) Key { return Key{k.Hi | o.Hi, k.Lo | o.Lo} }

// And returns k & o.
func (k Key) And(o Key) Key { return Key{k.Hi & o.Hi, k.Lo & o.Lo} }

// AndNot returns k &^ o.
func (k Key) AndNot(o Key) Key { return Key{k.Hi &^ o.Hi, k.Lo &^ o.Lo} }

// Next returns k+1, wrapping to 0 after 2^128−1.
func (k Key) Next() Key {
	lo, carry := bits.Add64(k.Lo, 1, 0)
	return Key{k.Hi + carry, lo}
}

// Prev returns k−1, wrapping to 2^128−1 below 0.
func (k Key) Prev() Key {
	lo, borrow := bits.Sub64(k.Lo, 1, 0)
	return Key{k.Hi - borrow, lo}
}

// Bit returns the Key with only bit n set (n in 0…127).
func Bit(n int) Key {
	if n >= 64 {
		return Key{Hi: 1 << (n - 64)}
	}
	return Key{Lo: 1 << n}
}

// LowMask returns the Key with the n lowest bits set (n in 0…128): the
// offset of the last address in a block of 2^n.
func LowMask(n int) Key {
	switch {
	case n >= 128:
		return Key{^uint64(0), ^uint64(0)}
	case n >= 64:
		return Key{Hi: 1<<(n-64) - 1, Lo: ^uint64(0)}
	default:
		return Key{Lo: 1<<n - 1}
	}
}
