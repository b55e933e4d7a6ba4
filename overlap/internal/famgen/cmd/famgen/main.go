// Command famgen writes btree6_gen.go from btree4.go in the current directory.
package main

import (
	"log"
	"os"

	"github.com/cidrplan/cidrplan/overlap/internal/famgen"
)

func main() {
	src, err := os.ReadFile("btree4.go")
	if err != nil {
		log.Fatal(err)
	}
	out, err := famgen.Transform(src)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("btree6_gen.go", out, 0o644); err != nil {
		log.Fatal(err)
	}
}
