package sizing

import "testing"

func TestPoolNameProblem(t *testing.T) {
	tests := []struct {
		name, pool string
		os         OSType
		want       string
	}{
		{"linux ok", "nodepool1", Linux, ""},
		{"linux twelve", "abcdefghijkl", Linux, ""},
		{"linux thirteen", "abcdefghijklm", Linux, "has 13 characters"},
		{"windows six", "npwin1", Windows, ""},
		{"windows seven", "npwin12", Windows, "has 7 characters"},
		{"empty", "", Linux, "is empty"},
		{"uppercase", "User1", Linux, "does not start with a lowercase letter"},
		{"digit first", "1pool", Linux, "does not start with a lowercase letter"},
		{"dash", "user-1", Linux, "holds characters other than lowercase letters and digits"},
		{"non ascii", "pööl", Linux, "holds characters other than lowercase letters and digits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := PoolNameProblem(tc.pool, tc.os); got != tc.want {
				t.Errorf("PoolNameProblem(%q, %s) = %q, want %q", tc.pool, tc.os, got, tc.want)
			}
		})
	}
}
