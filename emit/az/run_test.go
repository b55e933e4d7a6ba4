package az_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/az"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
)

// fakeAz logs every call's arguments, one a line, with a line "--" after
// each call; a subnet create prints an ID of its own.
const fakeAz = `#!/usr/bin/env bash
touch "$AZ_LOG"
id="subnet-id-$(wc -l < "$AZ_LOG")"
for a in "$@"; do printf '%s\n' "$a" >> "$AZ_LOG"; done
printf -- '--\n' >> "$AZ_LOG"
if [ "$1 $2 $3 $4" = "network vnet subnet create" ]; then echo "$id"; fi
`

// TestScriptsRun runs every script in bash with a fake az and checks that
// bash hands az exactly the words the test's reading of the script finds
// (the reading TestPlans compares with the plan): the quoting holds for
// every name, awkward ones included, and each subnet ID variable carries
// the ID of the subnet it was set from.
func TestScriptsRun(t *testing.T) {
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "az"), []byte(fakeAz), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tp := range emittest.Plans(t) {
		t.Run(tp.Name, func(t *testing.T) {
			script, err := az.Marshal(tp.Plan, emit.Options{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			log := filepath.Join(t.TempDir(), "az.log")
			cmd := exec.Command("bash", "-s")
			cmd.Stdin = bytes.NewReader(script)
			cmd.Env = []string{"PATH=" + bin + ":" + os.Getenv("PATH"), "AZ_LOG=" + log,
				"RESOURCE_GROUP=rg", "LOCATION=westeurope", "VM_SIZE=Standard_D4ds_v5"}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("script failed: %v\n%s", err, out)
			}
			raw, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			var call []string
			for _, w := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
				if w == "--" {
					got = append(got, call)
					call = nil
					continue
				}
				call = append(call, w)
			}
			// What the script's words become: the variables set from the
			// environment, and each subnet ID variable the ID az printed
			// when that subnet was created (the log line count before it).
			vars := map[string]string{"$resource_group": "rg", "$location": "westeurope", "$vm_size": "Standard_D4ds_v5"}
			var want [][]string
			lines := 0
			for _, c := range commands(t, string(script)) {
				if c.assign != "" {
					vars["$"+c.assign] = "subnet-id-" + strconv.Itoa(lines)
				}
				argv := make([]string, len(c.argv))
				for i, w := range c.argv {
					if v, ok := vars[w]; ok {
						w = v
					}
					argv[i] = w
				}
				want = append(want, argv)
				lines += len(argv) + 1
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("az called with other words than the script reads as (-read +bash):\n%s", diff)
			}
		})
	}
}
