package ident

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestName(t *testing.T) {
	tests := []struct {
		name   string
		hyphen bool
		in     [][]string
		want   []string
	}{
		{"plain", false, [][]string{{"vnet", "aks"}}, []string{"vnet_aks"}},
		{"hyphens kept", true, [][]string{{"prod-vnet"}}, []string{"prod-vnet"}},
		{"hyphens replaced", false, [][]string{{"prod-vnet"}}, []string{"prod_vnet"}},
		{"leading digit", false, [][]string{{"1st"}}, []string{"_1st"}},
		{"leading hyphen", true, [][]string{{"-x"}}, []string{"_-x"}},
		{"empty", false, [][]string{{""}}, []string{"_"}},
		{"unicode and quotes", true, [][]string{{`a"b${c}é`}}, []string{"a_b__c__"}},
		{"collisions", false, [][]string{{"a-b"}, {"a_b"}, {"a.b"}}, []string{"a_b", "a_b_2", "a_b_3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Set{Hyphen: tt.hyphen}
			var got []string
			for _, parts := range tt.in {
				got = append(got, s.Name(parts...))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestReserve(t *testing.T) {
	var s Set
	s.Reserve("location")
	if got := s.Name("location"); got != "location_2" {
		t.Errorf("Name(location) after Reserve = %q, want location_2", got)
	}
}
