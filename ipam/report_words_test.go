package ipam_test

import (
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// TestReportRangePeakWords: each range says which upgrade model produced
// its peak, cluster by cluster where its clusters differ, in sizing's
// words.
func TestReportRangePeakWords(t *testing.T) {
	seq, sim := sizing.UpgradeSequential, sizing.UpgradeSimultaneous
	tests := []struct {
		name      string
		clusters  []string
		models    []sizing.UpgradeModel
		wantPeak  string
		wantShort string
	}{
		{"no model", nil, nil, "", ""},
		{"one sequential", []string{"a"}, []sizing.UpgradeModel{seq}, seq.PeakWords(), seq.Words()},
		{"the default is sequential", []string{"a", "b"}, []sizing.UpgradeModel{"", seq}, seq.PeakWords(), seq.Words()},
		{"alike", []string{"a", "b"}, []sizing.UpgradeModel{sim, sim}, sim.PeakWords(), sim.Words()},
		{"differ", []string{"a", "b"}, []sizing.UpgradeModel{seq, sim},
			"cluster a: " + seq.PeakWords() + "; cluster b: " + sim.PeakWords(),
			"a: " + seq.Words() + "; b: " + sim.Words()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ipam.ReportRange{Clusters: tt.clusters, UpgradeModels: tt.models}
			got := []string{r.PeakWords(), r.UpgradeWords()}
			if diff := cmp.Diff([]string{tt.wantPeak, tt.wantShort}, got); diff != "" {
				t.Errorf("PeakWords, UpgradeWords (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReportPeakWords: the report names one model for all its peaks only
// when every range peaks under it; else it leaves the naming to each
// range.
func TestReportPeakWords(t *testing.T) {
	seq, sim := sizing.UpgradeSequential, sizing.UpgradeSimultaneous
	rng := func(models ...sizing.UpgradeModel) ipam.ReportRange {
		names := []string{"a", "b", "c"}[:len(models)]
		return ipam.ReportRange{Clusters: names, UpgradeModels: models}
	}
	tests := []struct {
		name   string
		ranges []ipam.ReportRange
		want   string
	}{
		{"no range", nil, ""},
		{"one sequential", []ipam.ReportRange{rng(seq)}, seq.PeakWords()},
		{"alike", []ipam.ReportRange{rng(sim), rng(sim, sim)}, sim.PeakWords()},
		{"ranges differ", []ipam.ReportRange{rng(seq), rng(sim)}, ""},
		{"a shared range differs", []ipam.ReportRange{rng(seq), rng(seq, sim)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ipam.Report{Ranges: tt.ranges}
			if diff := cmp.Diff(tt.want, r.PeakWords()); diff != "" {
				t.Errorf("PeakWords (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReportUpgradeModelsPerRange: Plan.Report gives each range the
// upgrade model of each cluster whose peak it holds, so a subnet shared by
// clusters that upgrade differently names both, and each pod CIDR its
// own cluster's.
func TestReportUpgradeModelsPerRange(t *testing.T) {
	p, err := planfile.Load("testdata/upgrade-models.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Report(ipam.ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	type labelled struct {
		Range    string
		Clusters []string
		Models   []sizing.UpgradeModel
	}
	seq, sim := sizing.UpgradeSequential, sizing.UpgradeSimultaneous
	want := []labelled{
		{"shared", []string{"a", "b"}, []sizing.UpgradeModel{seq, sim}},
		{"IPv4 pod CIDR", []string{"a"}, []sizing.UpgradeModel{seq}},
		{"IPv4 pod CIDR", []string{"b"}, []sizing.UpgradeModel{sim}},
	}
	var got []labelled
	for _, rr := range r.Ranges {
		got = append(got, labelled{rr.Name, rr.Clusters, rr.UpgradeModels})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranges (-want +got):\n%s", diff)
	}
	if w := r.PeakWords(); w != "" {
		t.Errorf("Report.PeakWords = %q, want \"\" for ranges that peak under different models", w)
	}
}
