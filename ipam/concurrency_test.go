package ipam_test

import (
	"sync"
	"testing"

	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/google/go-cmp/cmp"
)

// TestConcurrentReads runs Validate, WithDefaults, Allocate and Complete on
// one plan from several goroutines (run with -race): methods never write to
// their receiver, so all agree with a sequential run.
func TestConcurrentReads(t *testing.T) {
	p, err := planfile.Load("testdata/incomplete.yaml")
	if err != nil {
		t.Fatal(err)
	}
	wantFindings := p.Validate()
	wantDone, _ := p.Complete()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if diff := cmp.Diff(wantFindings, p.Validate()); diff != "" {
				t.Errorf("concurrent Validate (-want +got):\n%s", diff)
			}
			done, _ := p.Complete()
			if diff := cmp.Diff(wantDone, done, cmpNet); diff != "" {
				t.Errorf("concurrent Complete (-want +got):\n%s", diff)
			}
			_ = p.WithDefaults()
			_, _ = p.Allocate("spoke", 24, 2)
		})
	}
	wg.Wait()
}
