package planfile

import (
	"errors"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/google/go-cmp/cmp"
)

// A plan reads the same in every encoding Parse accepts; UTF-16 that does
// not transcode is a syntax error with its line.
func TestParseEncodings(t *testing.T) {
	const doc = "vnets:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n"
	want, err := Parse([]byte(doc), "p.yaml")
	if err != nil {
		t.Fatal(err)
	}
	le := []byte{0xff, 0xfe}
	be := []byte{0xfe, 0xff}
	for _, c := range doc {
		le = append(le, byte(c), 0)
		be = append(be, 0, byte(c))
	}
	tests := []struct {
		name     string
		in       []byte
		wantErr  error
		wantLine int
	}{
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), doc...), nil, 0},
		{"utf-16le", le, nil, 0},
		{"utf-16be", be, nil, 0},
		{"json with bom", []byte("\xef\xbb\xbf{\"vnets\":[{\"name\":\"hub\",\"addressSpace\":[\"10.0.0.0/16\"]}]}"), nil, 0},
		{"utf-16 odd byte count", append(le, 'x'), ipam.ErrSyntax, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in, "p.yaml")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				var pe *ipam.ParseError
				if !errors.As(err, &pe) || pe.Line != tt.wantLine {
					t.Errorf("err = %#v, want a ParseError on line %d", err, tt.wantLine)
				}
				return
			}
			if diff := cmp.Diff(want, got, cmpNet); diff != "" {
				t.Errorf("plan (-utf-8 +%s):\n%s", tt.name, diff)
			}
		})
	}
}
