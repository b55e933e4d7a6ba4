package apicheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// leak is an exported declaration that names an internal package.
type leak struct {
	Decl     string // "MinPrefixLen", "Fit.Capacity", "Count.Add"
	Internal string // the internal import path it names
}

// TestNoInternalTypesInPublicAPI parses every public package of the module
// (not internal, not a command, not a test file, not another module such as
// bench) and fails on an exported declaration that names an internal
// package: a module outside cidrplan could not name that type.
func TestNoInternalTypesInPublicAPI(t *testing.T) {
	root := moduleRoot(t)
	pkgs := publicPackages(t, root)
	// The walk must see the packages it guards, or it passes vacuously.
	for _, want := range []string{"addrmap", "ipam", "ipam/azure", "overlap", "sizing"} {
		if _, ok := pkgs[want]; !ok {
			t.Errorf("public package %s not found under %s (found %v)", want, root, slices.Sorted(maps.Keys(pkgs)))
		}
	}
	for _, dir := range slices.Sorted(maps.Keys(pkgs)) {
		for _, f := range pkgs[dir] {
			for _, l := range internalLeaks(f) {
				t.Errorf("%s: exported %s names internal package %s", dir, l.Decl, l.Internal)
			}
		}
	}
}

// TestInternalLeaks pins what internalLeaks finds, so that the test above
// can fail.
func TestInternalLeaks(t *testing.T) {
	const src = `package p

import (
	"example.com/m/internal/secret"
	in "example.com/m/internal/other"
	"example.com/m/public"
)

type Good struct {
	Exported int
	hidden   secret.T
}

type BadField struct{ N secret.T }
type BadEmbed struct{ in.T }
type BadNested struct{ Inner struct{ X, y *secret.T } }
type fineNested struct{ Inner secret.T }
type BadAlias = secret.T
type BadIface interface {
	M() secret.T
	m() secret.T
}
type BadGeneric[T secret.C] struct{}

func BadParam(secret.T)                     {}
func BadResult() (x []map[string]*secret.T) { return nil }
func (Good) BadMethod() in.T                { return in.T{} }
func (g *Good) private() secret.T           { return secret.T{} }
func (fineNested) Exported() secret.T       { return secret.T{} }
func Fine(public.T)                         { var _ secret.T }
func hidden(secret.T)                       {}

var BadVar secret.T
var BadValue = secret.New()
var fine = secret.New()
const Fine2 = public.C
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	secret, other := "example.com/m/internal/secret", "example.com/m/internal/other"
	want := []leak{
		{"BadAlias", secret},
		{"BadEmbed.T", other},
		{"BadField.N", secret},
		{"BadGeneric", secret},
		{"BadIface.M", secret},
		{"BadNested.Inner.X", secret},
		{"BadParam", secret},
		{"BadResult", secret},
		{"BadValue", secret},
		{"BadVar", secret},
		{"Good.BadMethod", other},
	}
	got := internalLeaks(f)
	slices.SortFunc(got, func(a, b leak) int { return strings.Compare(a.Decl, b.Decl) })
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("internalLeaks (-want +got)\n%s", diff)
	}
}

// moduleRoot returns the directory of the module's go.mod, two levels up.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "module github.com/cidrplan/cidrplan\n") {
		t.Fatalf("%s/go.mod is not the cidrplan module", root)
	}
	return root
}

// publicPackages parses the non-test files of every public package under
// root, keyed by directory relative to root.
func publicPackages(t *testing.T, root string) map[string][]*ast.File {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := map[string][]*ast.File{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p == root {
				return nil
			}
			if name == "internal" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if f.Name.Name == "main" {
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		pkgs[rel] = append(pkgs[rel], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// internalLeaks returns the exported declarations of f that name an
// internal package: in a function's or exported method's signature, an
// exported type's definition (exported fields and methods, embedded types,
// type parameters), or an exported variable's or constant's type or value.
// Unexported names, function bodies and unexported fields are private and
// may use internal packages freely.
func internalLeaks(f *ast.File) []leak {
	internal := map[string]string{} // import name → path
	var out []leak
	for _, is := range f.Imports {
		p, err := strconv.Unquote(is.Path.Value)
		if err != nil || !strings.Contains("/"+p+"/", "/internal/") {
			continue
		}
		name := path.Base(p) // internal packages are named for their directory
		if is.Name != nil {
			name = is.Name.Name
		}
		if name == "." {
			out = append(out, leak{"dot import", p}) // every exported use would be unqualified
			continue
		}
		internal[name] = p
	}
	var check func(decl string, n ast.Node)
	check = func(decl string, n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.StructType:
				for _, fd := range n.Fields.List {
					if name, ok := visible(fd); ok {
						check(decl+"."+name, fd.Type)
					}
				}
				return false
			case *ast.InterfaceType:
				for _, fd := range n.Methods.List {
					if name, ok := visible(fd); ok {
						check(decl+"."+name, fd.Type)
					}
				}
				return false
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok {
					if p, ok := internal[id.Name]; ok {
						out = append(out, leak{decl, p})
					}
				}
			}
			return true
		})
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			decl := d.Name.Name
			if d.Recv != nil {
				recv := receiverName(d.Recv.List[0].Type)
				if !ast.IsExported(recv) {
					continue
				}
				decl = recv + "." + decl
			}
			check(decl, d.Type)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					if s.TypeParams != nil {
						check(s.Name.Name, s.TypeParams)
					}
					check(s.Name.Name, s.Type)
				case *ast.ValueSpec:
					for _, name := range s.Names {
						if !name.IsExported() {
							continue
						}
						if s.Type != nil {
							check(name.Name, s.Type)
						}
						for _, v := range s.Values {
							check(name.Name, v)
						}
						break // one report per spec
					}
				}
			}
		}
	}
	return out
}

// visible returns the name under which a struct field or interface element
// is visible outside the package: its first exported name, or the type's
// name when embedded. Type-set terms of a constraint are visible too.
func visible(fd *ast.Field) (string, bool) {
	if len(fd.Names) == 0 {
		return receiverName(fd.Type), true
	}
	for _, n := range fd.Names {
		if n.IsExported() {
			return n.Name, true
		}
	}
	return "", false
}

// receiverName returns the name of the type in a receiver or embedded
// field expression: T, *T, T[P], pkg.T.
func receiverName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.SelectorExpr:
			return x.Sel.Name
		case *ast.Ident:
			return x.Name
		default:
			return "?"
		}
	}
}
