package wcag_test

import (
	"math"
	"testing"

	"github.com/cidrplan/cidrplan/internal/wcag"
)

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#777777", "#ffffff", 4.48}, // the classic grey that just fails AA
		{"#ffffff", "#ffffff", 1},
		{"#4e79a7", "#ffffff", 4.55},
	} {
		got, err := wcag.Contrast(c.a, c.b)
		if err != nil || math.Abs(got-c.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.2f, %v; want %.2f", c.a, c.b, got, err, c.want)
		}
	}
	for _, bad := range []string{"#fff", "white", "#gggggg", ""} {
		if _, err := wcag.Contrast(bad, "#ffffff"); err == nil {
			t.Errorf("Contrast(%q) gave no error", bad)
		}
	}
}
