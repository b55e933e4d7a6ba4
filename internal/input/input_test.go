package input

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/google/go-cmp/cmp"
)

// utf16Bytes encodes s as UTF-16 with its byte order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xff, 0xfe}
	if bigEndian {
		out = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestText(t *testing.T) {
	const doc = "name: ünïcode 🌐\r\nvnets: []\n"
	tests := []struct {
		name     string
		in       []byte
		want     string
		wantLine int // of an *EncodingError; 0: no error
	}{
		{"UTF-8", []byte(doc), doc, 0},
		{"UTF-8 with BOM", append([]byte("\xef\xbb\xbf"), doc...), doc, 0},
		{"UTF-16 LE", utf16Bytes(doc, false), doc, 0},
		{"UTF-16 BE", utf16Bytes(doc, true), doc, 0},
		{"UTF-16 LE empty", []byte{0xff, 0xfe}, "", 0},
		{"invalid UTF-8 is the parser's", []byte("a\xff"), "a\xff", 0},
		{"odd byte count", append(utf16Bytes("a\nb", false), 'x'), "", 2},
		{"lone high surrogate", append(utf16Bytes("a\n", false), 0x00, 0xd8, 'b', 0), "", 2},
		{"lone low surrogate", append(utf16Bytes("a", true), 0xdc, 0x00), "", 1},
		{"high surrogate at the end", append(utf16Bytes("", false), 0x00, 0xd8), "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Text(tt.in)
			var ee *EncodingError
			if tt.wantLine > 0 {
				if !errors.As(err, &ee) || ee.Line != tt.wantLine {
					t.Fatalf("Text = %q, %v; want an *EncodingError on line %d", got, err, tt.wantLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Text (-want +got):\n%s", diff)
			}
		})
	}
}

// endless is an input that never ends, as /dev/zero or yes(1).
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	clear(p)
	e.read += int64(len(p))
	return len(p), nil
}

func TestReadFromLimit(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		limit   int64
		hint    int64 // the expected size; 0 none
		wantErr error
	}{
		{"under", "abc", 4, 0, nil},
		{"at", "abcd", 4, 0, nil},
		{"over", "abcde", 4, 0, cidr.ErrInputTooLarge},
		{"default", "abc", 0, 0, nil},
		{"hint exact", "abc", 4, 3, nil},
		{"hint short", "abcd", 4, 1, nil},
		{"hint long", "ab", 4, 3, nil},
		{"hint empty", "", 4, 3, nil},
		{"hint over limit", "abcdef", 4, 6, cidr.ErrInputTooLarge},
		{"hint under, input over", "abcdefgh", 4, 2, cidr.ErrInputTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFrom(strings.NewReader(tt.in), "in", tt.limit, tt.hint)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && string(got) != tt.in {
				t.Errorf("got %q, want %q", got, tt.in)
			}
		})
	}
}

// An endless stream stops at the limit: the error names the input and the
// limit, and no more than limit+1 bytes were asked for.
func TestReadFromEndless(t *testing.T) {
	in := &endless{}
	_, err := ReadFrom(in, "stdin", 1<<20, 0)
	var tl *cidr.InputTooLargeError
	if !errors.As(err, &tl) {
		t.Fatalf("err = %v, want an *cidr.InputTooLargeError", err)
	}
	if diff := cmp.Diff(cidr.InputTooLargeError{Name: "stdin", Limit: 1 << 20}, *tl); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	if in.read > 1<<20+1 {
		t.Errorf("read %d bytes of an endless stream, want at most the limit + 1", in.read)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(strings.Repeat(" ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		stdin      io.Reader
		limit      int64
		want       string
		wantErr    error
	}{
		{"file", big, nil, 100, strings.Repeat(" ", 100), nil},
		{"file over the limit", big, nil, 99, "", cidr.ErrInputTooLarge},
		{"stdin", Stdin, strings.NewReader("{}"), 10, "{}", nil},
		{"stdin over the limit", Stdin, strings.NewReader("{}"), 1, "", cidr.ErrInputTooLarge},
		{"missing file", filepath.Join(dir, "nope"), nil, 10, "", os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, tt.stdin, tt.limit)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// /dev/zero is refused within the limit's memory and time.
func TestReadDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := Read("/dev/zero", nil, 1<<20)
	var tl *cidr.InputTooLargeError
	if !errors.As(err, &tl) || tl.Name != "/dev/zero" || tl.Limit != 1<<20 {
		t.Fatalf("err = %#v, want an *cidr.InputTooLargeError for /dev/zero and 1 MiB", err)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{"268435456", 256 << 20, false},
		{"256MiB", 256 << 20, false},
		{"1 GiB", 1 << 30, false},
		{"64KiB", 64 << 10, false},
		{"1GB", 1e9, false},
		{"5kB", 5000, false},
		{"10B", 10, false},
		{"0", 0, true},
		{"-1", 0, true},
		{"MiB", 0, true},
		{"1.5GiB", 0, true},
		{"9999999999TiB", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSize(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		DefaultLimit: "256 MiB", 1 << 30: "1 GiB", 3 << 10: "3 KiB", 1536: "1536 bytes", 1000: "1000 bytes", 1: "1 byte",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
		if n > 1 {
			back, err := ParseSize(strings.ReplaceAll(strings.TrimSuffix(FormatSize(n), " bytes"), " ", ""))
			if err != nil || back != n {
				t.Errorf("ParseSize(FormatSize(%d)) = %d, %v", n, back, err)
			}
		}
	}
}
