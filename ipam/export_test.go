package ipam

// Unexported names for the external tests, which read sample plans with
// planfile (planfile imports ipam, so those tests can't be in package ipam).
var (
	RuleCodes = ruleCodes
	WithCodes = withCodes
)

// CheckRegistered is checkRegistered for the external tests.
var CheckRegistered = checkRegistered
