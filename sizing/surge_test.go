package sizing

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

func TestParseSurge(t *testing.T) {
	tests := []struct {
		in      string
		nodes   int // for a pool of 25
		wantErr error
	}{
		{"1", 1, nil},
		{"0", 0, nil},
		{"33%", 9, nil}, // ceil(8.25)
		{"10%", 3, nil}, // ceil(2.5)
		{"100%", 25, nil},
		{"0%", 0, nil},
		{"1000", 25, nil}, // capped at the pool
		{"150%", 0, ErrSurge},
		{"101%", 0, ErrSurge},
		{"1001", 0, ErrSurge},
		{"abc", 0, ErrSurge},
		{"-1", 0, ErrSurge},
		{"+1", 0, ErrSurge},
		{"1.5", 0, ErrSurge},
		{" 1", 0, ErrSurge},
		{"%", 0, ErrSurge},
		{"", 0, ErrSurge},
		{"99999999999999999999", 0, ErrSurge},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, err := ParseSurge(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseSurge(%q) err = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if got := s.Nodes(25); got != tt.nodes {
				t.Errorf("Nodes(25) = %d, want %d", got, tt.nodes)
			}
			if s.String() != tt.in {
				t.Errorf("String() = %q, want %q", s.String(), tt.in)
			}
		})
	}
}

func TestPoolJSONYAMLRoundTrip(t *testing.T) {
	p := Pool{Name: "np1", OSType: Windows, Count: 3, MaxCount: 10, EnableAutoScaling: true, MaxPods: 30,
		MaxSurge: MustParseSurge("10%"), MaxUnavailable: MustParseSurge("1"), ScaleOut: 2,
		VNetSubnet: "nodes", PodSubnet: "pods", PodIPAllocationMode: StaticBlock}
	j, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	const wantJSON = `{"name":"np1","osType":"Windows","count":3,"maxCount":10,"enableAutoScaling":true,"maxPods":30,` +
		`"maxSurge":"10%","maxUnavailable":"1","scaleOut":2,"vnetSubnet":"nodes","podSubnet":"pods","podIpAllocationMode":"StaticBlock"}`
	if string(j) != wantJSON {
		t.Errorf("json = %s\nwant %s", j, wantJSON)
	}
	var pj Pool
	if err := json.Unmarshal(j, &pj); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, pj, cmpOpts); diff != "" {
		t.Errorf("json round trip (-want +got)\n%s", diff)
	}
	y, err := yaml.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var py Pool
	if err := yaml.Unmarshal(y, &py); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, py, cmpOpts); diff != "" {
		t.Errorf("yaml round trip (-want +got)\n%s\nyaml:\n%s", diff, y)
	}
	// Omitted fields stay unset; zero fields are omitted.
	j, _ = json.Marshal(Pool{Name: "np"})
	if string(j) != `{"name":"np"}` {
		t.Errorf("json of minimal pool = %s", j)
	}
	y, _ = yaml.Marshal(Pool{Name: "np"})
	if string(y) != "name: np\n" {
		t.Errorf("yaml of minimal pool = %q", y)
	}
}

func TestSurgeDecodeForms(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		json    string
		want    Surge
		wantErr error
	}{
		{"string percent", `maxSurge: "33%"`, `{"maxSurge":"33%"}`, MustParseSurge("33%"), nil},
		{"plain percent", `maxSurge: 33%`, `{"maxSurge":"33%"}`, MustParseSurge("33%"), nil},
		{"integer", `maxSurge: 1`, `{"maxSurge":1}`, MustParseSurge("1"), nil},
		{"string integer", `maxSurge: "1"`, `{"maxSurge":"1"}`, MustParseSurge("1"), nil},
		{"null", `maxSurge: null`, `{"maxSurge":null}`, Surge{}, nil},
		{"too much", `maxSurge: 150%`, `{"maxSurge":"150%"}`, Surge{}, ErrSurge},
		{"junk", `maxSurge: abc`, `{"maxSurge":"abc"}`, Surge{}, ErrSurge},
		{"negative", `maxSurge: -1`, `{"maxSurge":-1}`, Surge{}, ErrSurge},
		{"fraction", `maxSurge: 1.5`, `{"maxSurge":1.5}`, Surge{}, ErrSurge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var py, pj Pool
			errY := yaml.Unmarshal([]byte(tt.yaml), &py)
			errJ := json.Unmarshal([]byte(tt.json), &pj)
			for _, c := range []struct {
				how string
				err error
				got Surge
			}{{"yaml", errY, py.MaxSurge}, {"json", errJ, pj.MaxSurge}} {
				if !errors.Is(c.err, tt.wantErr) {
					t.Errorf("%s: err = %v, want %v", c.how, c.err, tt.wantErr)
				}
				if c.got != tt.want {
					t.Errorf("%s: got %q, want %q", c.how, c.got, tt.want)
				}
			}
		})
	}
}
