package planfile

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/google/go-cmp/cmp"
)

func TestJSONScannerAgreesWithEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `{"a":1}`, `{"a": [1, 2.5, -0, 1e3, true, false, null, "x\\u00e9\\n"]}`, ` {"a" : {"b":"c"}} `,
		`{"a":1,}`, `{"a" 1}`, `[1 2]`, `{"a":01}`, `{"a":-}`, `{"a":1.}`, `{'a':1}`, `{"a":"\x01"}`, `{"a":tru}`,
		`{"a":1}x`, `{"a":"\\x"}`, "\xef\xbb\xbf{\"a\":1}", `{"a":"é"}`, "{\"a\":\"\xff\"}", `[1e]`, `[-1E+2]`,
	} {
		err := checkJSON([]byte(in))
		if got, want := err == nil, json.Valid([]byte(in)); got != want {
			t.Errorf("%q: scanner accepts = %v, encoding/json = %v", in, got, want)
		}
	}
}

func TestJSONAndYAMLPathsAgree(t *testing.T) {
	p, err := Load("../testdata/hub-spoke.yaml")
	if err != nil {
		t.Fatal(err)
	}
	js, err := Marshal(p, JSON)
	if err != nil {
		t.Fatal(err)
	}
	viaJSON, err := Parse(js, "plan.json")
	if err != nil {
		t.Fatal(err)
	}
	// A leading space keeps the YAML parser from seeing JSON first.
	if !looksLikeJSON(js) {
		t.Fatal("marshalled plan does not look like JSON")
	}
	if err := checkJSON(js); err != nil {
		t.Fatalf("scanner rejects Marshal output: %v", err)
	}
	if diff := cmp.Diff(p, viaJSON, cmpNet); diff != "" {
		t.Errorf("JSON path (-yaml +json):\n%s", diff)
	}
}

func TestJSONErrorsNameTheLine(t *testing.T) {
	in := "{\n  \"vnets\": [\n    {\n      \"name\": \"a\",\n      \"addressSpace\": [\"10.0.0.1/8\"]\n    }\n  ]\n}\n"
	_, err := Parse([]byte(in), "plan.json")
	want := `ipam: plan.json:5: vnets[a].addressSpace[0]: prefix "10.0.0.1/8": host bits set (want 10.0.0.0/8) (CidrStringParseError)`
	if err == nil || err.Error() != want {
		t.Errorf("Parse() error = %v, want %s", err, want)
	}
	// Broken JSON goes to the YAML parser, which names the line too.
	_, err = Parse([]byte("{\n  \"vnets\": [\n    {\"name\": \"a\",}\n  ]\n"), "plan.json")
	var pe *ipam.ParseError
	if !errors.As(err, &pe) || pe.Line == 0 {
		t.Errorf("broken JSON: error = %v, want a ipam.ParseError with a line", err)
	}
}
