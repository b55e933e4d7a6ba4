package browser

import (
	"os"
	"testing"
)

// ForTest returns the Chromium a test renders with. Without one the test is
// skipped, saying so, except in CI (CI set in the environment), where a
// missing browser fails the test: there the page must be seen.
func ForTest(t testing.TB) string {
	t.Helper()
	bin, err := Find()
	if err == nil {
		return bin
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%v: CI must render pages in a browser (install the chromium package)", err)
	}
	t.Skipf("%v: install the chromium package to render pages in a browser (in CI this test fails instead)", err)
	return ""
}
