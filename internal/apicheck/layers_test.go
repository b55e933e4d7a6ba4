package apicheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const module = "github.com/cidrplan/cidrplan"

// TestInternalPackagesStayBelow pins the floor of the package picture: the
// module's top-level internal packages are shared by every public package,
// so they import no public package but cidr (which sits below them all). An
// internal package that imported, say, ipam could not be used by ipam.
func TestInternalPackagesStayBelow(t *testing.T) {
	root := moduleRoot(t)
	fset := token.NewFileSet()
	seen := 0
	err := filepath.WalkDir(filepath.Join(root, "internal"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		seen++
		for _, imp := range upwardImports(f) {
			rel, _ := filepath.Rel(root, p)
			t.Errorf("%s imports %s, a public package above internal/", filepath.ToSlash(rel), imp)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen == 0 {
		t.Fatalf("no Go files found under %s/internal", root)
	}
}

// upwardImports returns the imports of f that are packages of this module
// other than cidr and its internal packages.
func upwardImports(f *ast.File) []string {
	var out []string
	for _, is := range f.Imports {
		p, err := strconv.Unquote(is.Path.Value)
		if err != nil {
			continue
		}
		rest, ok := strings.CutPrefix(p, module+"/")
		if !ok || rest == "cidr" || strings.Contains("/"+rest+"/", "/internal/") {
			continue
		}
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

func TestUpwardImports(t *testing.T) {
	const src = `package p

import (
	"fmt"
	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/internal/u128"
	"github.com/cidrplan/cidrplan/overlap/internal/radix"
	"github.com/cidrplan/cidrplan/ipam"
	sz "github.com/cidrplan/cidrplan/sizing"
	"github.com/cidrplan/cidrplanner/other"
)
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{module + "/ipam", module + "/sizing"}
	if diff := cmp.Diff(want, upwardImports(f)); diff != "" {
		t.Errorf("upwardImports (-want +got)\n%s", diff)
	}
}
