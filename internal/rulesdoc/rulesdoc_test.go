// Package rulesdoc_test keeps docs/aks-rules.md true to the code.
//
// The document lists every AKS rule cidrplan implements. Each rule is a
// "###" section holding a mark ([V], [C] or [D]) and the lines
//
//   - Code: `pkg.Func`, `pkg.Type.Method`, ...
//   - Source: ...
//   - Test: `pkg.TestName`, ...
//   - Override: ...   (rules marked [D] only)
//
// and every row of a table with a Test column names a test too. Packages
// are written as paths inside the module (`sizing`, `cmd/cidrplan`). These
// tests fail when a named test or identifier does not exist, when a rule
// names no test, when a comment or document points at a section of the
// rules document that does not exist, and when README does not link it.
package rulesdoc_test

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

const docPath = "docs/aks-rules.md"

// notRuleSections are the "##" sections of the document whose "###"
// subsections are not rules.
var notRuleSections = []string{"Marks", "Not yet implemented", "How this document is kept true"}

// root returns the repository root: the directory holding go.mod, above
// this package.
func root(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = up
	}
}

// rule is one "###" section of a rule section, or one table row.
type rule struct {
	title string
	line  int      // 1-based line of its heading or row
	body  []string // its lines, heading or row included
}

// rulesDoc is the parsed document.
type rulesDoc struct {
	lines   []string
	anchors map[string]int // heading anchor → 1-based line
	rules   []rule
}

// slug returns the anchor a Markdown renderer gives a heading: lowercase,
// letters, digits, hyphens and underscores kept, spaces as hyphens.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func readDoc(t *testing.T) *rulesDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root(t), docPath))
	if err != nil {
		t.Fatal(err)
	}
	d := &rulesDoc{lines: strings.Split(string(data), "\n"), anchors: map[string]int{}}
	var section string // the current "##" heading
	var cur *rule
	var header []string // the current table's header cells
	fenced := false
	flush := func() {
		if cur != nil {
			d.rules = append(d.rules, *cur)
			cur = nil
		}
	}
	for i, line := range d.lines {
		n := i + 1
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if title, ok := heading(line); ok {
			flush()
			a := slug(title)
			if prev, dup := d.anchors[a]; dup {
				t.Errorf("%s:%d: heading %q has the anchor #%s of line %d", docPath, n, title, a, prev)
			}
			d.anchors[a] = n
			if strings.HasPrefix(line, "## ") {
				section = title
			} else if strings.HasPrefix(line, "### ") && !slices.Contains(notRuleSections, section) {
				cur = &rule{title: title, line: n}
			}
			header = nil
		}
		if cur != nil {
			cur.body = append(cur.body, line)
		}
		cells, isRow := tableCells(line)
		switch {
		case !isRow:
			header = nil
		case header == nil:
			header = cells
		case strings.Trim(strings.Join(cells, ""), "-: ") == "":
			// the delimiter row
		case slices.Contains(header, "Test") && !slices.Contains(notRuleSections, section):
			d.rules = append(d.rules, rule{title: cells[0], line: n, body: []string{"- Test: " + cells[slices.Index(header, "Test")]}})
		}
	}
	flush()
	if fenced {
		t.Errorf("%s: a code fence is not closed", docPath)
	}
	return d
}

// heading returns the text of a "##" or "###" heading line.
func heading(line string) (string, bool) {
	for _, p := range []string{"## ", "### "} {
		if s, ok := strings.CutPrefix(line, p); ok {
			return s, true
		}
	}
	return "", false
}

// tableCells splits a Markdown table row into trimmed cells.
func tableCells(line string) ([]string, bool) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil, false
	}
	cells := strings.Split(line[1:len(line)-1], "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells, true
}

// field returns the text after "- Name:" in a rule's body, and whether the
// rule has that line.
func (r rule) field(name string) (string, bool) {
	for _, l := range r.body {
		if s, ok := strings.CutPrefix(strings.TrimSpace(l), "- "+name+":"); ok {
			return s, true
		}
	}
	return "", false
}

var (
	// backticked matches `code spans`.
	backticked = regexp.MustCompile("`([^`]+)`")
	// goRef matches a Go reference written with its package path inside
	// the module: sizing.Usable, ipam.Plan.Validate, cmd/cidrplan.TestREADME.
	goRef = regexp.MustCompile(`^([a-z][a-z0-9]*(?:/[a-z][a-z0-9]*)*)\.([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$`)
	marks = regexp.MustCompile(`\[(V|C|D)\]`)
)

// ref is a Go reference of the document.
type ref struct {
	pkg, name, member string
	line              int
}

func (r ref) String() string {
	s := r.pkg + "." + r.name
	if r.member != "" {
		s += "." + r.member
	}
	return s
}

func (r ref) isTest() bool { return r.member == "" && strings.HasPrefix(r.name, "Test") }

// refs returns the Go references among the code spans of text.
func refs(text string, line int) []ref {
	var out []ref
	for _, m := range backticked.FindAllStringSubmatch(text, -1) {
		if g := goRef.FindStringSubmatch(m[1]); g != nil {
			out = append(out, ref{pkg: g[1], name: g[2], member: g[3], line: line})
		}
	}
	return out
}

// TestRulesNameTheirTests checks that every rule of the document has a
// mark, its code, its source and at least one test, and that a disputed
// rule names its override.
func TestRulesNameTheirTests(t *testing.T) {
	d := readDoc(t)
	if len(d.rules) < 40 {
		t.Fatalf("%s: found %d rules; is the layout still %q sections with Code, Source and Test lines?", docPath, len(d.rules), "###")
	}
	for _, r := range d.rules {
		where := fmt.Sprintf("%s:%d: rule %q", docPath, r.line, r.title)
		tests, ok := r.field("Test")
		if !ok {
			t.Errorf("%s has no Test line", where)
		} else if !slices.ContainsFunc(refs(tests, r.line), ref.isTest) {
			t.Errorf("%s names no test (want `pkg.TestName` on its Test line)", where)
		}
		if len(r.body) == 1 {
			continue // a table row: its table says the rest
		}
		body := strings.Join(r.body, "\n")
		for _, f := range []string{"Code", "Source"} {
			if _, ok := r.field(f); !ok {
				t.Errorf("%s has no %s line", where, f)
			}
		}
		m := marks.FindAllStringSubmatch(body, -1)
		if len(m) == 0 {
			t.Errorf("%s has no mark [V], [C] or [D]", where)
		}
		if strings.Contains(body, "[D]") {
			if _, ok := r.field("Override"); !ok {
				t.Errorf("%s is disputed [D] but has no Override line", where)
			}
		}
	}
}

// pkgDecls lists what the Go files of a package directory declare: a
// function, type, constant or variable by name, a method or struct field
// as Type.Name, and (tests) the top-level functions of its _test.go files.
type pkgDecls struct {
	decls, tests map[string]bool
}

func loadPkg(t *testing.T, dir string) (pkgDecls, bool) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return pkgDecls{}, false
	}
	p := pkgDecls{decls: map[string]bool{}, tests: map[string]bool{}}
	found := false
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		found = true
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		isTest := strings.HasSuffix(name, "_test.go")
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				switch {
				case isTest && decl.Recv == nil:
					p.tests[decl.Name.Name] = true
				case isTest:
				case decl.Recv == nil:
					p.decls[decl.Name.Name] = true
				default:
					p.decls[recvName(decl.Recv.List[0].Type)+"."+decl.Name.Name] = true
				}
			case *ast.GenDecl:
				if !isTest {
					addGenDecl(p.decls, decl)
				}
			}
		}
	}
	return p, found
}

// recvName returns the type name of a method receiver (T, *T, T[K], *T[K]).
func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func addGenDecl(decls map[string]bool, d *ast.GenDecl) {
	for _, s := range d.Specs {
		switch s := s.(type) {
		case *ast.TypeSpec:
			decls[s.Name.Name] = true
			var fields *ast.FieldList
			switch tt := s.Type.(type) {
			case *ast.StructType:
				fields = tt.Fields
			case *ast.InterfaceType:
				fields = tt.Methods
			}
			if fields == nil {
				continue
			}
			for _, f := range fields.List {
				for _, n := range f.Names {
					decls[s.Name.Name+"."+n.Name] = true
				}
				if len(f.Names) == 0 { // embedded
					decls[s.Name.Name+"."+recvName(f.Type)] = true
					if sel, ok := f.Type.(*ast.SelectorExpr); ok {
						decls[s.Name.Name+"."+sel.Sel.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, n := range s.Names {
				decls[n.Name] = true
			}
		}
	}
}

// TestNamedTestsAndCodeExist checks that every test the document names is
// a test function of its package, and that every Go identifier it names
// (on a Code line, or anywhere with the path of a package of the module) is
// declared by its package. A missing identifier's message names where an
// identifier of that name lives now, if anywhere.
func TestNamedTestsAndCodeExist(t *testing.T) {
	d := readDoc(t)
	m := newModule(t)
	named := 0
	for i, line := range d.lines {
		n := i + 1
		code := strings.HasPrefix(strings.TrimSpace(line), "- Code:")
		for _, r := range refs(line, n) {
			p, ok := m.pkg(r.pkg)
			member := strings.TrimPrefix(r.String(), r.pkg+".")
			switch {
			case r.isTest() && !ok:
				t.Errorf("%s:%d: test %s: no Go package %s in the module", docPath, n, r, r.pkg)
			case r.isTest() && !p.tests[r.name]:
				t.Errorf("%s:%d: test %s does not exist: no func %s in %s/*_test.go; name the test that pins the rule now%s",
					docPath, n, r, r.name, r.pkg, m.elsewhere(r.name, true))
			case r.isTest():
				named++
			case !ok && code:
				t.Errorf("%s:%d: %s: no Go package %s in the module", docPath, n, r, r.pkg)
			case !ok: // a plan key such as defaults.maxSurge, not Go
			case !p.decls[member]:
				t.Errorf("%s:%d: %s does not exist: package %s declares no %s; update the line to where the rule lives now%s",
					docPath, n, r, r.pkg, member, m.elsewhere(member, false))
			}
		}
		if code {
			for _, sp := range backticked.FindAllStringSubmatch(line, -1) {
				if !goRef.MatchString(sp[1]) {
					t.Errorf("%s:%d: Code line holds %q, which is not a Go reference like `pkg.Name`", docPath, n, sp[1])
				}
			}
		}
	}
	if named == 0 {
		t.Errorf("%s names no test", docPath)
	}
}

// module loads the declarations of the module's packages on demand.
type module struct {
	t    *testing.T
	base string
	pkgs map[string]pkgDecls // by path inside the module; nil decls: no package
}

func newModule(t *testing.T) *module {
	return &module{t: t, base: root(t), pkgs: map[string]pkgDecls{}}
}

// pkg returns the declarations of the package at path and whether there
// is one.
func (m *module) pkg(path string) (pkgDecls, bool) {
	if p, ok := m.pkgs[path]; ok {
		return p, p.decls != nil
	}
	p, ok := loadPkg(m.t, filepath.Join(m.base, filepath.FromSlash(path)))
	m.pkgs[path] = p
	return p, ok
}

// elsewhere names, as a hint for a message, the declarations of any
// package of the module whose name (the part after the last dot) matches
// the last part of name, ignoring case; "" when none does.
func (m *module) elsewhere(name string, test bool) string {
	want := strings.ToLower(name[strings.LastIndex(name, ".")+1:])
	var found []string
	err := filepath.WalkDir(m.base, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			return nil
		}
		if path != m.base && (strings.HasPrefix(e.Name(), ".") || e.Name() == "testdata") {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(m.base, path)
		p, ok := m.pkg(filepath.ToSlash(rel))
		if !ok {
			return nil
		}
		set := p.decls
		if test {
			set = p.tests
		}
		for d := range set {
			if strings.ToLower(d[strings.LastIndex(d, ".")+1:]) == want {
				found = append(found, filepath.ToSlash(rel)+"."+d)
			}
		}
		return nil
	})
	if err != nil || len(found) == 0 {
		return ""
	}
	slices.Sort(found)
	return " (found: " + strings.Join(found, ", ") + ")"
}

// anchorRef matches a link into the rules document's sections.
var anchorRef = regexp.MustCompile(`aks-rules\.md#([A-Za-z0-9_-]+)`)

// TestReferencesResolve checks that every Go comment and Markdown file that
// points at a section of the rules document, and every link of the document
// to its own sections, points at one that exists, and that none still
// points at the old, absent rules file.
func TestReferencesResolve(t *testing.T) {
	d := readDoc(t)
	base := root(t)
	old := "AKS-" + "RULES" // split so that this file does not match itself
	checked := 0
	err := filepath.WalkDir(base, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if path != base && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, ".md") {
			return nil
		}
		rel, _ := filepath.Rel(base, path)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if strings.Contains(line, old) {
				t.Errorf("%s:%d: refers to %s.md, which is not in the repository; point at %s#<section> instead", rel, n, old, docPath)
			}
			for _, m := range anchorRef.FindAllStringSubmatch(line, -1) {
				checked++
				if _, ok := d.anchors[m[1]]; !ok {
					t.Errorf("%s:%d: %s#%s: the rules document has no such section", rel, n, docPath, m[1])
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Errorf("no file points at a section of %s; the package docs should", docPath)
	}
	for i, line := range d.lines {
		for _, m := range localAnchor.FindAllStringSubmatch(line, -1) {
			if _, ok := d.anchors[m[1]]; !ok {
				t.Errorf("%s:%d: link to #%s: the document has no such section", docPath, i+1, m[1])
			}
		}
	}
}

// localAnchor matches a Markdown link to a section of the same document.
var localAnchor = regexp.MustCompile(`\]\(#([^)]*)\)`)

// TestREADMELinksRules checks that README links the rules document.
func TestREADMELinksRules(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "]("+docPath) {
		t.Errorf("README.md does not link %s", docPath)
	}
}
