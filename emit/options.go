package emit

// Options tune every emitter. The zero Options refuses plans with error
// findings.
type Options struct {
	// Force emits a plan even when ipam.Plan.Validate reports errors. A
	// plan with ranges still to be allocated is refused all the same.
	Force bool
}
