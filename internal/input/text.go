package input

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Byte order marks.
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// EncodingError is UTF-16 input that does not transcode: an odd number of
// bytes or a lone surrogate. Line is the 1-based line of the problem in
// the text decoded so far.
type EncodingError struct {
	Line   int
	Reason string
}

func (e *EncodingError) Error() string { return e.Reason }

// Text returns data as UTF-8 without a byte order mark: a UTF-8 BOM is
// dropped; UTF-16 LE or BE with its BOM is transcoded. Other data is
// returned as it is (UTF-8 validity is the parser's to check, with the
// line). Text returns data itself unless it transcodes. Errors are
// *[EncodingError].
func Text(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):], nil
	case bytes.HasPrefix(data, bomUTF16LE):
		return fromUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return fromUTF16(data[2:], true)
	}
	return data, nil
}

// fromUTF16 transcodes UTF-16 without its BOM to UTF-8, refusing an odd
// byte count and lone surrogates rather than replacing them.
func fromUTF16(data []byte, bigEndian bool) ([]byte, error) {
	out := make([]byte, 0, len(data)/2+len(data)/8)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	fail := func(reason string) ([]byte, error) {
		return nil, &EncodingError{Line: 1 + bytes.Count(out, []byte("\n")), Reason: "invalid UTF-16: " + reason}
	}
	for i := 0; i+1 < len(data); i += 2 {
		u := rune(unit(i))
		switch {
		case utf16.IsSurrogate(u) && u < 0xdc00 && i+3 < len(data):
			lo := rune(unit(i + 2))
			r := utf16.DecodeRune(u, lo)
			if r == utf8.RuneError {
				return fail("lone surrogate")
			}
			out = utf8.AppendRune(out, r)
			i += 2
		case utf16.IsSurrogate(u):
			return fail("lone surrogate")
		default:
			out = utf8.AppendRune(out, u)
		}
	}
	if len(data)%2 != 0 {
		return fail("odd number of bytes")
	}
	return out, nil
}
