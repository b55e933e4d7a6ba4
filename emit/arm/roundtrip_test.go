package arm_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/arm"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/ipam/azure"
)

// TestRoundTrip emits every bundled plan as a template and imports it
// back with import --arm's reader. "The same plan" is what the two deploy:
// every value emittest.Deployed holds (VNets, subnets with prefixes and
// delegations, clusters with version, API server access, network profile,
// and pools with mode, OS, counts, autoscaling, max pods, surge and
// subnets), which is every value the template carries. What a template
// cannot say is not compared: the plan's name, subnet purposes and
// consumers, a cluster's production and bastion wishes and its VNet
// shorthand (pools name their subnets in full instead), and the VM size (a
// parameter of the template, as the plan has none).
func TestRoundTrip(t *testing.T) {
	for _, tp := range emittest.Plans(t) {
		t.Run(tp.Name, func(t *testing.T) {
			b, err := arm.Marshal(tp.Plan, emit.Options{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(t.TempDir(), "main.json")
			if err := os.WriteFile(f, b, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := azure.Import(azure.Sources{ARM: []string{f}})
			if err != nil {
				t.Fatalf("import --arm of the emitted template: %v", err)
			}
			if diff := cmp.Diff(emittest.Expected(tp.Plan), emittest.Expected(got)); diff != "" {
				t.Errorf("emit arm → import --arm (-plan +imported):\n%s", diff)
			}
		})
	}
}
