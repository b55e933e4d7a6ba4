package ipam

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCodeRegistryEntries checks each registry entry on its own: codes are
// unique, meanings one line, sources a public document or cidrplan.
func TestCodeRegistryEntries(t *testing.T) {
	seen := map[Code]bool{}
	for _, ci := range Codes() {
		switch {
		case ci.Code == "":
			t.Errorf("empty code in the registry: %+v", ci)
		case seen[ci.Code]:
			t.Errorf("code %s registered twice", ci.Code)
		case ci.Severity < SeverityInfo || ci.Severity > SeverityError:
			t.Errorf("code %s: severity %d", ci.Code, ci.Severity)
		case ci.Meaning == "" || strings.ContainsRune(ci.Meaning, '\n') || !strings.HasSuffix(ci.Meaning, "."):
			t.Errorf("code %s: meaning %q is not one sentence on one line", ci.Code, ci.Meaning)
		case ci.Source != SourceCidrplan && !strings.HasSuffix(ci.Source, ".md"):
			t.Errorf("code %s: source %q is neither %q nor a document path", ci.Code, ci.Source, SourceCidrplan)
		}
		seen[ci.Code] = true
		if got, ok := ci.Code.Info(); !ok || got != ci {
			t.Errorf("Code(%q).Info() = %+v, %v; want %+v, true", ci.Code, got, ok, ci)
		}
	}
	if got, ok := Code("NoSuchCode").Info(); ok {
		t.Errorf(`Code("NoSuchCode").Info() = %+v, true; want false`, got)
	}
}

// TestCodeRegistrySource type-checks the package's source and holds the
// registry to it: every constant of type Code is registered under its
// value, with a doc comment that says the registered severity, meaning and
// source, and every registered code is such a constant. Every constant
// expression of type Code anywhere in the package (a literal passed where
// a Code is wanted, Code("...")) must be registered, and no Code is built
// from a run-time string, so no finding can carry an unregistered code.
func TestCodeRegistrySource(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the package from source")
	}
	fset := token.NewFileSet()
	var files []*ast.File
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("github.com/cidrplan/cidrplan/ipam", fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	codeType := pkg.Scope().Lookup("Code").Type()

	registry := map[Code]CodeInfo{}
	for _, ci := range Codes() {
		registry[ci.Code] = ci
	}

	// Declared constants and their comments.
	declared := map[Code]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, name := range vs.Names {
					c, ok := info.Defs[name].(*types.Const)
					if !ok || !types.Identical(c.Type(), codeType) {
						continue
					}
					code := Code(constant.StringVal(c.Val()))
					declared[code] = c.Name()
					ci, ok := registry[code]
					if !ok {
						t.Errorf("%s: constant %s = %q is not in the registry", fset.Position(name.Pos()), c.Name(), code)
						continue
					}
					if !c.Exported() {
						t.Errorf("%s: code constant %s is not exported", fset.Position(name.Pos()), c.Name())
					}
					want := fmt.Sprintf("%s: %s %s; source: %s.", c.Name(), ci.Meaning, capitalize(ci.Severity.String()), ci.Source)
					if got := strings.Join(strings.Fields(vs.Doc.Text()), " "); got != want {
						t.Errorf("%s: doc comment of %s disagrees with the registry (-want +got):\n%s",
							fset.Position(name.Pos()), c.Name(), cmp.Diff(want, got))
					}
				}
			}
		}
	}
	for _, ci := range Codes() {
		if _, ok := declared[ci.Code]; !ok {
			t.Errorf("registered code %s has no constant", ci.Code)
		}
	}

	// Every Code value the package can produce.
	for expr, tv := range info.Types {
		if !types.Identical(tv.Type, codeType) {
			continue
		}
		if tv.Value != nil {
			if code := Code(constant.StringVal(tv.Value)); code != "" && registry[code].Code != code {
				t.Errorf("%s: code %q is not in the registry", fset.Position(expr.Pos()), code)
			}
			continue
		}
		if call, ok := expr.(*ast.CallExpr); ok && info.Types[call.Fun].IsType() {
			t.Errorf("%s: a Code converted from a run-time value escapes the registry", fset.Position(expr.Pos()))
		}
	}
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// checkRegistered fails t for a finding whose code is not registered or
// whose severity is above the code's registered one.
func checkRegistered(t *testing.T, fs Findings) {
	t.Helper()
	for _, f := range fs {
		ci, ok := f.Code.Info()
		switch {
		case !ok:
			t.Errorf("finding with unregistered code: %s", f)
		case f.Severity > ci.Severity:
			t.Errorf("finding more severe than its code's registered %s: %s", ci.Severity, f)
		}
	}
}

// TestRandomPlanCodesRegistered validates seeded random plans and checks
// that each finding carries a registered code. (The rule tables check
// their findings the same way in runRuleCases, and TestSampleCodesRegistered
// the plan files of the repository.)
func TestRandomPlanCodesRegistered(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		checkRegistered(t, randomPlan(rng).Validate())
	}
}

// checkFixValuesNamed holds each finding's FixValues to its Fix: every
// value proposed is named in the words, and goes to the finding's own
// field or to a field of the same owner (a service CIDR's fix also sets
// the cluster's DNS service IP).
func checkFixValuesNamed(t *testing.T, fs Findings) {
	t.Helper()
	for _, f := range fs {
		owner, _, _ := strings.Cut(f.Field, ".")
		for _, v := range f.FixValues.All() {
			if !strings.Contains(f.Fix, v.Value) || !(v.Field == f.Field || strings.HasPrefix(v.Field, owner+".")) {
				t.Errorf("fix value %s=%s does not agree with %s", v.Field, v.Value, f)
			}
		}
	}
}
