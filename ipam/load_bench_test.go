package ipam

import (
	"fmt"
	"testing"
)

// BenchmarkParse reads the 100,000-subnet plan of BenchmarkValidate from
// YAML and from JSON.
func BenchmarkParse(b *testing.B) {
	p := largePlan(1000, 100)
	for name, marshal := range map[string]func(*Plan) ([]byte, error){"format=json": Marshal, "format=yaml": MarshalYAML} {
		data, err := marshal(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%s/subnets=100000", name), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(data, "plan"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
