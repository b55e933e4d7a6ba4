package planfile

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/google/go-cmp/cmp"
)

// samplePlans lists every plan file of the repository: the examples and
// ipam's test plans.
func samplePlans(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"../../examples/plans/*.yaml", "../testdata/*.yaml", "../testdata/rules/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		if len(m) == 0 {
			t.Fatalf("no plans match %s", pattern)
		}
		paths = append(paths, m...)
	}
	return paths
}

// TestRoundTrip writes every sample plan, as read and with its defaults
// filled in, in both formats and reads it back: the plan is the same, and
// writing it again gives the same bytes.
func TestRoundTrip(t *testing.T) {
	for _, path := range samplePlans(t) {
		p, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []struct {
			name string
			plan *ipam.Plan
		}{{"as read", p}, {"with defaults", p.WithDefaults()}} {
			for _, f := range []Format{JSON, YAML} {
				t.Run(filepath.ToSlash(path)+" "+q.name+" "+string(f), func(t *testing.T) {
					b, err := Marshal(q.plan, f)
					if err != nil {
						t.Fatal(err)
					}
					back, err := Parse(b, "again."+string(f))
					if err != nil {
						t.Fatalf("Parse(Marshal(p)) = %v\n%s", err, b)
					}
					if diff := cmp.Diff(q.plan, back, cmpNet); diff != "" {
						t.Errorf("round trip (-want +got):\n%s", diff)
					}
					again, err := Marshal(back, f)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(b, again) {
						t.Errorf("written again, the plan differs:\n%s\n---\n%s", b, again)
					}
				})
			}
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, &ipam.Plan{}, Format("toml"))
	if !errors.Is(err, ErrFormat) {
		t.Errorf("Write(toml) error = %v, want ErrFormat", err)
	}
	if b.Len() != 0 {
		t.Errorf("Write(toml) wrote %q, want nothing", b.String())
	}
	if _, err := Marshal(&ipam.Plan{}, ""); !errors.Is(err, ErrFormat) {
		t.Errorf("Marshal(\"\") error = %v, want ErrFormat", err)
	}
}
