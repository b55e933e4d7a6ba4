package input

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLayoutOf(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want Layout
	}{
		{"LF", []byte("a: b\nc\n"), Layout{}},
		{"the first line decides", []byte("a: b\nc\r\n"), Layout{}},
		{"CRLF", []byte("a: b\r\nc\n"), Layout{CRLF: true}},
		{"UTF-8 BOM", []byte("\xef\xbb\xbfa\n"), Layout{BOM: true}},
		{"UTF-8 BOM and CRLF", []byte("\xef\xbb\xbfa\r\n"), Layout{BOM: true, CRLF: true}},
		{"UTF-16 is written as UTF-8", utf16Bytes("a\r\nb", false), Layout{CRLF: true}},
		{"UTF-16 BE", utf16Bytes("a\nb", true), Layout{}},
		{"one line", []byte("{}"), Layout{}},
		{"bad UTF-16", []byte{0xff, 0xfe, 'a'}, Layout{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, LayoutOf(tt.in)); diff != "" {
				t.Errorf("LayoutOf(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestLayoutApply(t *testing.T) {
	tests := []struct {
		name string
		l    Layout
		in   string
		want string
	}{
		{"as is", Layout{}, "a\nb\n", "a\nb\n"},
		{"CRLF", Layout{CRLF: true}, "a\nb\n", "a\r\nb\r\n"},
		{"CRLF, no final line end", Layout{CRLF: true}, "a\nb", "a\r\nb"},
		{"CRLF kept once", Layout{CRLF: true}, "a\r\nb\n", "a\r\nb\r\n"},
		{"BOM", Layout{BOM: true}, "a\n", "\xef\xbb\xbfa\n"},
		{"both", Layout{BOM: true, CRLF: true}, "a\n", "\xef\xbb\xbfa\r\n"},
		{"empty", Layout{BOM: true, CRLF: true}, "", "\xef\xbb\xbf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, string(tt.l.Apply([]byte(tt.in)))); diff != "" {
				t.Errorf("Apply (-want +got):\n%s", diff)
			}
		})
	}
}

// A text written in a layout reads back as that text, line ends aside,
// and in that layout's byte order mark.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{"", "a\n", "a\r\nb\n", "a\rb\n"} {
		f.Add([]byte(s), true, true)
	}
	f.Fuzz(func(t *testing.T, text []byte, bom, crlf bool) {
		if bytes.HasPrefix(text, bomUTF8) || bytes.HasPrefix(text, bomUTF16LE) || bytes.HasPrefix(text, bomUTF16BE) {
			return // a text starts with no byte order mark
		}
		l := Layout{BOM: bom, CRLF: crlf}
		out := l.Apply(text)
		got, err := Text(out)
		if err != nil {
			t.Fatal(err)
		}
		lf := func(b []byte) string { return string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))) }
		if lf(got) != lf(text) || (!crlf && string(got) != string(text)) {
			t.Errorf("%+v: %q reads back as %q", l, text, got)
		}
		if LayoutOf(out).BOM != bom {
			t.Errorf("%+v: %q has the layout %+v", l, out, LayoutOf(out))
		}
	})
}
