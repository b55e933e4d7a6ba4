package overlap

import (
	"bytes"
	"os"
	"testing"

	"github.com/cidrplan/cidrplan/overlap/internal/famgen"
)

// TestGeneratedIPv6TreeIsCurrent fails when btree4.go changed without
// `go generate`.
func TestGeneratedIPv6TreeIsCurrent(t *testing.T) {
	src, err := os.ReadFile("btree4.go")
	if err != nil {
		t.Fatal(err)
	}
	want, err := famgen.Transform(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("btree6_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Fatal("btree6_gen.go is stale: run go generate ./overlap")
	}
}
