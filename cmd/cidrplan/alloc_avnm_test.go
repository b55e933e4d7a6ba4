package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAllocAVNM(t *testing.T) {
	stdout, stderr, code := cli(t, "alloc", "--avnm", "../../examples/avnm/pool-usage.json", "--prefix-length", "24", "--count", "3", "-o", "json")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// 10.0.0.0/22 and 10.0.8.0/24 are allocated, 10.0.4.0/24 reserved.
	want := "{\n  \"prefixes\": [\n    \"10.0.5.0/24\",\n    \"10.0.6.0/24\",\n    \"10.0.7.0/24\"\n  ]\n}\n"
	if stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestAllocAVNMErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"addressPrefixes": ["10.0.0.1/16"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no room", []string{"--prefix-length", "15", "--count", "2"}, exitFailure, "has room for only 1 free /15 prefix, not 2"},
		{"with within", []string{"--prefix-length", "24", "--within", "10.0.0.0/8"}, exitUsage, "give --avnm alone"},
		{"no length", nil, exitUsage, "missing --prefix-length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"alloc", "--avnm", "../../examples/avnm/pool-usage.json"}, tt.args...)...)
			wantOneLineError(t, stdout, stderr, code, tt.code, tt.want)
		})
	}
	stdout, stderr, code := cli(t, "alloc", "--avnm", bad, "--prefix-length", "24")
	wantOneLineError(t, stdout, stderr, code, exitUsage, "addressPrefixes[0]: prefix \"10.0.0.1/16\": host bits set (want 10.0.0.0/16)")
	stdout, stderr, code = cli(t, "alloc", "--avnm", "nope.json", "--prefix-length", "24")
	wantOneLineError(t, stdout, stderr, code, exitUsage, `--avnm "nope.json": no such file`)
}
