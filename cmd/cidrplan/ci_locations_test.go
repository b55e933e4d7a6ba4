package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// podSubnetAKS is an az aks show export whose pools name subnets of a VNet
// not imported: check finds VnetNotFound on the lines of the references.
const podSubnetAKS = "../../ipam/azure/testdata/pod-subnet/aks.json"

// sarifPlaces returns, of each result of a SARIF log, its field and the
// place of its one location as "uri:line:column" ("" without a location).
func sarifPlaces(t *testing.T, out string) map[string]string {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Properties struct{ Field string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF log of one run (%v):\n%s", err, out)
	}
	places := map[string]string{}
	for _, r := range log.Runs[0].Results {
		place := ""
		if len(r.Locations) == 1 {
			l := r.Locations[0].PhysicalLocation
			place = l.ArtifactLocation.URI + ":" + strconv.Itoa(l.Region.StartLine) + ":" + strconv.Itoa(l.Region.StartColumn)
		}
		places[r.Properties.Field] = place
	}
	return places
}

// Findings about an export are located in the export, as those of a plan
// file are in the plan: SARIF results, workflow commands and the table
// name the file as given and the line and column of the value.
func TestCheckLocatesExports(t *testing.T) {
	const (
		staticPodSubnet = "clusters[aks-podsubnet].agentPoolProfiles[static].podSubnet"
		apiServer       = "clusters[aks-podsubnet].apiServerAccessProfile.subnet"
	)
	out, _, code := cli(t, "check", "--aks", podSubnetAKS, "-o", "sarif")
	if code != exitFailure {
		t.Fatalf("exit %d, want 1", code)
	}
	places := sarifPlaces(t, out)
	want := map[string]string{staticPodSubnet: podSubnetAKS + ":27:7", apiServer: podSubnetAKS + ":51:5"}
	for field, place := range want {
		if diff := cmp.Diff(place, places[field]); diff != "" {
			t.Errorf("SARIF location of %s (-want +got):\n%s", field, diff)
		}
	}
	for field, place := range places {
		if !strings.HasPrefix(place, podSubnetAKS+":") || strings.HasPrefix(place, podSubnetAKS+":0:") {
			t.Errorf("result %s located at %q, want a line of %s", field, place, podSubnetAKS)
		}
	}

	out, _, _ = cli(t, "check", "--aks", podSubnetAKS, "-o", "github")
	wantCmd := "::error file=" + githubProperty(podSubnetAKS) + ",line=27,col=7,title=VnetNotFound " + staticPodSubnet + "::"
	if !strings.Contains(out, wantCmd) {
		t.Errorf("-o github lacks\n%s\nin\n%s", wantCmd, out)
	}
	out, _, _ = cli(t, "check", "--aks", podSubnetAKS)
	if wantRow := "VnetNotFound  " + staticPodSubnet + "  " + podSubnetAKS + ":27\n"; !strings.Contains(out, wantRow) {
		t.Errorf("the table lacks %q in\n%s", wantRow, out)
	}
}

// A plan read from standard input is located as "stdin", with the lines
// of what was read: a relative reference code scanning accepts.
func TestCheckLocatesStdin(t *testing.T) {
	field := "clusters[app].networkProfile.serviceCidr"
	at := "stdin:" + strconv.Itoa(planLine(t, "serviceCidr:")) + ":7"
	var out, errb bytes.Buffer
	runIO([]string{"check", "-", "-o", "sarif"}, strings.NewReader(ciPlan), &out, &errb)
	if diff := cmp.Diff(at, sarifPlaces(t, out.String())[field]); diff != "" {
		t.Errorf("SARIF location (-want +got):\n%s", diff)
	}
	out.Reset()
	runIO([]string{"check", "-", "-o", "github"}, strings.NewReader(ciPlan), &out, &errb)
	if want := "::error file=stdin,line=" + strconv.Itoa(planLine(t, "serviceCidr:")) + ",col=7,"; !strings.Contains(out.String(), want) {
		t.Errorf("-o github lacks %q in\n%s", want, out.String())
	}
}
