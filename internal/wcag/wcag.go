// Package wcag computes the contrast of two colours as WCAG 2 defines it,
// for tests that hold every text of a drawing or page legible.
package wcag

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// MinContrast is WCAG 2's AA level for normal text.
const MinContrast = 4.5

// Luminance returns the relative luminance, 0 to 1, of a colour written
// #rrggbb, or an error for any other form.
func Luminance(hex string) (float64, error) {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if len(hex) != 7 || hex[0] != '#' || err != nil {
		return 0, fmt.Errorf("wcag: colour %q: want #rrggbb", hex)
	}
	channel := func(shift int) float64 {
		c := float64(v>>shift&0xff) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(16) + 0.7152*channel(8) + 0.0722*channel(0), nil
}

// Contrast returns the contrast ratio of two colours written #rrggbb, 1 to
// 21, or an error naming a colour it cannot read.
func Contrast(a, b string) (float64, error) {
	la, err := Luminance(a)
	if err != nil {
		return 0, err
	}
	lb, err := Luminance(b)
	if err != nil {
		return 0, err
	}
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05), nil
}
