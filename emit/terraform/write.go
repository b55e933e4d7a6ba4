package terraform

import (
	"io"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/ipam"
)

// FileName is the name of the file the Terraform goes to in a directory.
const FileName = "main.tf"

// Write writes p as Terraform to w. Errors are those of [emit.Resolve],
// one matching [emit.ErrUnsupported], or w's.
func Write(w io.Writer, p *ipam.Plan, opts emit.Options) error {
	b, err := Marshal(p, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal returns p as Terraform, formatted as terraform fmt formats it.
func Marshal(p *ipam.Plan, opts emit.Options) ([]byte, error) {
	d, err := emit.Resolve(p, opts)
	if err != nil {
		return nil, err
	}
	f := hclwrite.NewEmptyFile()
	g := newGenerator(d, f.Body())
	if err := g.file(); err != nil {
		return nil, err
	}
	return hclwrite.Format(f.Bytes()), nil
}
