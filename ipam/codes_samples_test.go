package ipam_test

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// TestSampleCodesRegistered validates every plan file of the repository
// (ipam's testdata and the examples) and checks that each finding carries
// a registered code, no more severe than registered.
func TestSampleCodesRegistered(t *testing.T) {
	var paths []string
	for _, root := range []string{"testdata", filepath.Join("..", "examples")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, ".completed.yaml") {
				paths = append(paths, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(paths) < 10 {
		t.Fatalf("found %d plan files, want the bundled ones: %v", len(paths), paths)
	}
	for _, path := range paths {
		t.Run(strings.ReplaceAll(path, string(filepath.Separator), "_"), func(t *testing.T) {
			p, err := planfile.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			ipam.CheckRegistered(t, p.Validate())
		})
	}
}
