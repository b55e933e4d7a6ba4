package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

const (
	examplePool  = "../../examples/avnm/pool-usage.json"
	exampleSpoke = "../../examples/avnm/spoke.yaml"
	// exampleSpokeCompleted is the completion of exampleSpoke in examplePool.
	exampleSpokeCompleted = "../../examples/avnm/spoke.completed.yaml"
)

// check --avnm: the pool's findings join the plan's; a plan outside the
// pool and over its allocations fails.
func TestCheckAVNM(t *testing.T) {
	stdout, stderr, code := cli(t, "check", "../../examples/plans/overlay-cilium.yaml", "--avnm", examplePool, "-o", "json")
	if code != exitFailure || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var got findingsResult
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, f := range got.Findings {
		codes = append(codes, string(f.Code)+" "+f.Field)
	}
	want := []string{
		"AvnmPrefixInUse clusters[platform].networkProfile.serviceCidr",
		"AvnmPrefixOutsidePool vnets[platform-vnet].addressSpace[0]",
	}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("findings (-want +got)\n%s", diff)
	}
}

// complete --avnm takes the new pod and service CIDRs from the pool, lowest
// first, and the completed plan checks clean against it.
func TestCompleteAVNM(t *testing.T) {
	stdout, stderr, code := cli(t, "complete", exampleSpoke, "--avnm", examplePool)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	p, err := planfile.Parse([]byte(stdout), "completed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if example, err := os.ReadFile(exampleSpokeCompleted); err != nil || string(example) != stdout {
		t.Errorf("%s is not the completion of %s (%v): regenerate it with cidrplan complete", exampleSpokeCompleted, exampleSpoke, err)
	}
	np := p.Clusters[0].NetworkProfile
	if got := []string{np.PodCIDR.String(), np.ServiceCIDR.String()}; !cmp.Equal(got, []string{"10.1.0.0/16", "10.2.0.0/16"}) {
		t.Errorf("pod and service CIDRs %v, want 10.1.0.0/16 and 10.2.0.0/16 (the pool's lowest free /16s)", got)
	}
	for _, a := range p.Avoid {
		if a.Source != ipam.SourceAVNMPool {
			t.Errorf("avoid range %q of source %s", a.Name, a.Source)
		}
	}
	done := t.TempDir() + "/done.yaml"
	if err := os.WriteFile(done, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code = cli(t, "check", done, "--avnm", examplePool, "-o", "json")
	if code != exitOK || stdout != "{\n  \"findings\": []\n}\n" {
		t.Errorf("check of the completed plan: exit %d\n%s%s", code, stdout, stderr)
	}
}

// import --avnm: what the pool has in use for others joins the plan as
// ranges to avoid of source avnmPool.
func TestImportAVNM(t *testing.T) {
	stdout, stderr, code := cli(t, "import", "--aks", "../../examples/exports/hub-spoke/aks.json",
		"--vnet", "../../examples/exports/hub-spoke/vnet-spoke.json", "--avnm", examplePool)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	p, err := planfile.Parse([]byte(stdout), "imported.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range p.Avoid {
		if a.Source == ipam.SourceAVNMPool {
			got = append(got, a.Name)
		}
	}
	want := []string{"pool-usage.json: allocated", "pool-usage.json: static CIDRs"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("avoid ranges (-want +got)\n%s", diff)
	}
}

// --avnm - reads the pool from standard input, once.
func TestAVNMStdin(t *testing.T) {
	pool, err := os.ReadFile(examplePool)
	if err != nil {
		t.Fatal(err)
	}
	wantOut, _, wantCode := cli(t, "complete", exampleSpoke, "--avnm", examplePool)
	var out, errb bytes.Buffer
	code := runIO([]string{"complete", exampleSpoke, "--avnm", "-"}, bytes.NewReader(pool), &out, &errb)
	got := strings.ReplaceAll(out.String(), "stdin", filepath.Base(examplePool)) // the pool is named by its file
	if code != wantCode || got != wantOut {
		t.Errorf("--avnm -: exit %d, stderr %q, stdout (-file +stdin)\n%s", code, errb.String(), cmp.Diff(wantOut, got))
	}
	wantOut, _, _ = cli(t, "alloc", "--avnm", examplePool, "--prefix-length", "24", "--count", "2")
	out.Reset()
	errb.Reset()
	code = runIO([]string{"alloc", "--avnm", "-", "--prefix-length", "24", "--count", "2"}, bytes.NewReader(pool), &out, &errb)
	if code != exitOK || out.String() != wantOut {
		t.Errorf("alloc --avnm -: exit %d, stderr %q, stdout %q, want %q", code, errb.String(), out.String(), wantOut)
	}
	for _, args := range [][]string{
		{"complete", "-", "--avnm", "-"},
		{"check", "-", "--avnm", "-"},
		{"check", "--aks", "-", "--avnm", "-"},
		{"import", "--vnet", "-", "--avnm", "-"},
		{"alloc", "--avnm", "-", "--plan", "-", "--prefix-length", "24"},
	} {
		var out, errb bytes.Buffer
		code := runIO(args, bytes.NewReader(pool), &out, &errb)
		if args[0] == "alloc" {
			wantOneLineError(t, out.String(), errb.String(), code, exitUsage, "give --avnm alone")
			continue
		}
		wantOneLineError(t, out.String(), errb.String(), code, exitUsage, "standard input can be read once")
	}
}

func TestAVNMErrors(t *testing.T) {
	bad := t.TempDir() + "/bad.json"
	if err := os.WriteFile(bad, []byte(`{"addressPrefixes": ["10.0.0.0/16"], "childPools": ["x"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"check", exampleSpoke}, {"complete", exampleSpoke}, {"import", "--vnet", "../../examples/exports/hub-spoke/vnet-spoke.json"}} {
		stdout, stderr, code := cli(t, append(cmd, "--avnm", bad)...)
		wantOneLineError(t, stdout, stderr, code, exitUsage, "childPools: malformed pool usage: want a list of objects with resourceId and addressPrefixes")
		stdout, stderr, code = cli(t, append(cmd, "--avnm", "nope.json")...)
		wantOneLineError(t, stdout, stderr, code, exitUsage, `--avnm "nope.json": no such file`)
	}
}

// emit avnm --avnm checks each range against the pool: outside it, named
// on stderr and in a comment; partly outside it, the plan refused unless
// --force; over what the pool has in use (here the VNet's own allocation),
// refused as check refuses it, and left out with --force.
// --avnm is for the avnm form only, and shares standard input with PLAN.
func TestEmitAVNMChecked(t *testing.T) {
	const plan, mixed, only10 = "../../emit/avnm/testdata/pool/plan.yaml", "../../emit/avnm/testdata/pool/usage.json",
		"../../emit/avnm/testdata/pool/usage-10.json"
	stdout, stderr, code := cli(t, "emit", "avnm", plan, "--pool", testPool, "--avnm", only10)
	wantStderr := `cidrplan emit: 10.244.0.0/16 (pod CIDR of cluster "edge") is outside the prefixes of pool "corp", which never hands it out: no static CIDR
cidrplan emit: 172.16.0.0/23 (service CIDR of cluster "edge") is outside the prefixes of pool "corp", which never hands it out: no static CIDR
cidrplan emit: 192.168.0.0/16 (on-premises range "datacenter") is outside the prefixes of pool "corp", which never hands it out: no static CIDR
`
	if code != exitOK || stderr != wantStderr {
		t.Errorf("exit %d, stderr (-want +got)\n%s", code, cmp.Diff(wantStderr, stderr))
	}
	if !strings.Contains(stdout, "# 10.244.0.0/16 (pod CIDR of cluster \"edge\") is outside the prefixes of pool \"corp\"") {
		t.Errorf("no comment for the range outside the pool:\n%s", stdout)
	}

	stdout, stderr, code = cli(t, "emit", "avnm", plan, "--pool", testPool, "--avnm", mixed)
	wantStderr = `cidrplan emit: ../../emit/avnm/testdata/pool/plan.yaml has 1 range partly outside the prefixes of AVNM pool "corp", which no static CIDR can hold back; move it wholly inside or outside the pool, or emit anyway with --force, which leaves it out:
  172.16.0.0/23 (service CIDR of cluster "edge")
`
	if code != exitFailure || stdout != "" || stderr != wantStderr {
		t.Errorf("partly outside: exit %d, stdout %q, stderr (-want +got)\n%s", code, stdout, cmp.Diff(wantStderr, stderr))
	}
	stdout, stderr, code = cli(t, "emit", "avnm", plan, "--pool", testPool, "--avnm", mixed, "--force")
	if code != exitOK || !strings.Contains(stderr, "172.16.0.0/23 (service CIDR of cluster \"edge\") is partly outside") ||
		!strings.Contains(stdout, "# 172.16.0.0/23 (service CIDR of cluster \"edge\") is partly outside") {
		t.Errorf("partly outside, forced: exit %d, stderr %q\n%s", code, stderr, stdout)
	}

	const inUse = "../../emit/avnm/testdata/pool/in-use.yaml"
	stdout, stderr, code = cli(t, "emit", "avnm", inUse, "--pool", testPool, "--avnm", mixed)
	if code != exitFailure || stdout != "" || !strings.Contains(stderr, "AvnmPrefixInUse clusters[a].networkProfile.podCidr") {
		t.Errorf("in use: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	stdout, stderr, code = cli(t, "emit", "avnm", inUse, "--pool", testPool, "--avnm", mixed, "--force")
	wantStderr = `cidrplan emit: 10.0.24.0/21 (pod CIDR of cluster "a") is over what pool "corp" has in use (10.0.24.0/21): Azure refuses it as a static CIDR, so none is created and the pool may hand out its free part
`
	if code != exitOK || stderr != wantStderr || strings.Contains(stdout, "--address-prefixes 10.0.24.0/21") ||
		!strings.Contains(stdout, "# 10.0.24.0/21 (pod CIDR of cluster \"a\") is over what pool \"corp\" has in use") {
		t.Errorf("in use, forced: exit %d, stderr (-want +got)\n%s\n%s", code, cmp.Diff(wantStderr, stderr), stdout)
	}

	// Over a static CIDR check takes as another cluster's: emit finds it.
	const overStatic = "../../emit/avnm/testdata/pool/over-static.yaml"
	stdout, stderr, code = cli(t, "emit", "avnm", overStatic, "--pool", testPool, "--avnm", mixed)
	wantStderr = `cidrplan emit: ../../emit/avnm/testdata/pool/over-static.yaml has 1 range over what AVNM pool "corp" has in use, which Azure refuses as static CIDRs; move it to the pool's available prefixes (cidrplan complete --avnm), or emit anyway with --force, which leaves it out:
  10.0.4.0/22 (pod CIDR of cluster "a") over 10.0.4.0/24
`
	if code != exitFailure || stdout != "" || stderr != wantStderr {
		t.Errorf("over a static CIDR: exit %d, stdout %q, stderr (-want +got)\n%s", code, stdout, cmp.Diff(wantStderr, stderr))
	}
	stdout, _, code = cli(t, "emit", "avnm", overStatic, "--pool", testPool, "--avnm", mixed, "--force")
	if code != exitOK || strings.Contains(stdout, "--address-prefixes 10.0.4.0/22") {
		t.Errorf("over a static CIDR, forced: exit %d\n%s", code, stdout)
	}

	_, stderr, code = cli(t, "emit", "avnm", "../../examples/plans/overlay-cilium.yaml", "--pool", testPool, "--avnm", examplePool)
	if code != exitFailure || !strings.Contains(stderr, "AvnmPrefixInUse") || !strings.Contains(stderr, "AvnmPrefixOutsidePool") {
		t.Errorf("over the pool's allocations: exit %d, stderr %q", code, stderr)
	}

	stdout, stderr, code = cli(t, "emit", "avnm", plan, "--pool", testPool)
	if code != exitOK || stderr != "" || !strings.Contains(stdout, "# Not checked against the pool's usage") {
		t.Errorf("unchecked: exit %d, stderr %q\n%s", code, stderr, stdout)
	}

	stdout, stderr, code = cli(t, "emit", "az", plan, "--avnm", only10)
	wantOneLineError(t, stdout, stderr, code, exitUsage, "--avnm is for emit avnm, not az")
	var out, errb bytes.Buffer
	code = runIO([]string{"emit", "avnm", "-", "--pool", testPool, "--avnm", "-"}, strings.NewReader("{}"), &out, &errb)
	wantOneLineError(t, out.String(), errb.String(), code, exitUsage, "standard input can be read once")
}
