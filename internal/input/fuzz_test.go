package input

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzText: Text never panics; what it returns is either data itself (no
// byte order mark or UTF-8's dropped) or valid UTF-8 transcoded from
// UTF-16, which encodes back to the input.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "a: b\n", "\xef\xbb\xbf{}", "\xff\xfea\x00", "\xfe\xff\x00a", "\xff\xfe\x00\xd8", "\xff\xfea"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Text(data)
		if err != nil {
			var ee *EncodingError
			if !errors.As(err, &ee) || ee.Line < 1 {
				t.Fatalf("error %#v is not an *EncodingError with a line", err)
			}
			return
		}
		switch {
		case bytes.HasPrefix(data, bomUTF8):
			if !bytes.Equal(got, data[3:]) {
				t.Fatalf("UTF-8 BOM: got %q", got)
			}
		case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
			if !utf8.Valid(got) {
				t.Fatalf("transcoded %q is not UTF-8", got)
			}
			if back := utf16Bytes(string(got), data[0] == 0xfe); !bytes.Equal(back, data) {
				t.Fatalf("round trip: %x, want %x", back, data)
			}
		default:
			if !bytes.Equal(got, data) {
				t.Fatalf("changed %q to %q", data, got)
			}
		}
	})
}
