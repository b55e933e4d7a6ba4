package main

import (
	"errors"
	"fmt"

	"github.com/cidrplan/cidrplan/addrmap"
)

func mapCommand() *command {
	return &command{
		name:    "map",
		summary: "draw a plan's address space to scale",
		usage:   "(PLAN | [--aks FILE]... [--vnet FILE]... [--onprem FILE]... [--terraform FILE]...) [-o text|svg|html] [--width N]",
		args:    []string{"PLAN?"},
		about: `Draws the address space of a plan: each VNet address space as a band with its
subnets, pod and service CIDRs, reserved and avoided ranges placed to scale and
coloured by role, free space visible, and the overlaps that check reports
marked with both names and the finding's code.

-o text (the default) draws a bar chart for the terminal; -o svg an SVG image;
-o html a page with the SVG inline and a legend.`,
		examples: `# a bar chart in the terminal
cidrplan map examples/plans/hub-spoke.yaml
# an SVG image for a wiki page
cidrplan map examples/plans/classic-cni.yaml -o svg
# the address space of a Terraform state
cidrplan map --terraform examples/exports/terraform/terraform.json`,
		setup: func(f *flags, e *env) func([]string) error {
			var src planSource
			var output string
			width := 72
			f.planSourceFlags(&src, e)
			f.outputVar(&output, "text", "svg", "html")
			f.intVar(&width, nil, "width", "N", fmt.Sprintf("width of the text chart in characters (default 72, at least %d)", addrmap.MinTextWidth),
				addrmap.MinTextWidth, 1000)
			return func(args []string) error {
				p, _, err := src.load(e, args)
				if err != nil {
					return err
				}
				switch output {
				case "svg":
					err = addrmap.SVG(e.stdout, p)
				case "html":
					err = addrmap.HTML(e.stdout, p)
				default:
					err = addrmap.Text(e.stdout, p, width)
				}
				if errors.Is(err, addrmap.ErrWidth) {
					return fmt.Errorf("--width %d: %v", width, err)
				}
				return err
			}
		},
	}
}
