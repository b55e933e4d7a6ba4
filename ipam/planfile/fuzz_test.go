package planfile

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
)

// FuzzParse feeds arbitrary bytes to the loader: it must never panic, every
// error must be a *ipam.ParseError matching one sentinel, and a plan it accepts
// must print and read back to the same plan, and validate without panic.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*.yaml")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "{}", "[]", "name: x", "vnets: [{name: a, addressSpace: [10.0.0.1/8]}]",
		`{"clusters":[{"name":"c","networkProfile":{"serviceCidr":"10.0.0.0/16","dnsServiceIP":"10.0.0.1"}}]}`,
		"a: &x [*x]", "vnets: &a\n  - name: v\nclusters: *a\n", "clusters:\n  - agentPoolProfiles:\n      - maxSurge: 101%\n",
		"avoid: [{name: a, source: peering, prefixes: ['::ffff:1.2.3.4/128']}]",
	} {
		f.Add([]byte(s))
	}
	sentinels := []error{ipam.ErrSyntax, ipam.ErrUnknownField, ipam.ErrInvalidValue, ipam.ErrInvalidPrefix, ipam.ErrInvalidAddr, ipam.ErrHostBits, ipam.Err4in6}
	f.Fuzz(func(t *testing.T, data []byte) {
		if looksLikeJSON(data) {
			err := checkJSON(data)
			if (err == nil) != json.Valid(data) && !deepJSON(data) {
				t.Fatalf("JSON scanner and encoding/json.Valid disagree (scanner error: %v)", err)
			}
		}
		p, err := Parse(data, "fuzz.yaml")
		if err != nil {
			errs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			if len(errs) > ipam.MaxInputErrors {
				t.Fatalf("%d errors, want at most %d", len(errs), ipam.MaxInputErrors)
			}
			for _, err := range errs {
				pe, ok := err.(*ipam.ParseError)
				if !ok {
					t.Fatalf("error %T is not a *ipam.ParseError: %v", err, err)
				}
				n := 0
				for _, s := range sentinels {
					if errors.Is(err, s) {
						n++
					}
				}
				if n != 1 {
					t.Fatalf("error matches %d sentinels, want 1: %v", n, err)
				}
				if pe.Line == 0 && !errors.Is(err, ipam.ErrSyntax) {
					t.Fatalf("error names no line: %v", err)
				}
			}
			return
		}
		_ = p.Validate()
		if q, err := p.Complete(); err == nil && q.Validate().HasErrors() {
			t.Fatalf("Complete() returned a plan with errors and no error")
		}
		for _, f := range []Format{JSON, YAML} {
			b, err := Marshal(p, f)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			back, err := Parse(b, "again")
			if err != nil {
				t.Fatalf("Parse(Marshal(p)) = %v\n%s", err, b)
			}
			b2, _ := Marshal(back, f)
			if string(b) != string(b2) {
				t.Fatalf("round trip changed the plan:\n%s\n---\n%s", b, b2)
			}
		}
	})
}

// deepJSON reports whether data nests deeper than the scanner's limit.
func deepJSON(data []byte) bool {
	depth := 0
	for _, c := range data {
		if c == '[' || c == '{' {
			depth++
			if depth > maxJSONDepth {
				return true
			}
		}
	}
	return false
}
