package ipam

// Code names the condition a [Finding] reports, e.g.
// "ServiceCidrOverlapExistingSubnetsCidr". Every code cidrplan reports is an
// exported constant of this type (codes.go); [Codes] lists them with their
// severity, meaning and source. A Code is its string in JSON and YAML.
type Code string

// CodeInfo is one entry of the code registry.
type CodeInfo struct {
	Code Code
	// Severity is the most severe a finding with this code carries; a few
	// codes are reported less severely in the cases their meaning names.
	Severity Severity
	// Meaning says in one line what the code reports.
	Meaning string
	// Source is where the rule comes from: a path in Microsoft's public
	// documentation (articles/aks/azure-cni-overlay.md), or "cidrplan" for
	// a rule of our own.
	Source string
}

// SourceCidrplan is the [CodeInfo.Source] of rules of our own.
const SourceCidrplan = "cidrplan"

// Codes returns every code cidrplan can report, in the order of codes.go.
// The slice is the caller's to keep or change.
func Codes() []CodeInfo {
	return codeTable()
}

// Info returns c's registry entry; ok reports whether c is in the registry.
func (c Code) Info() (info CodeInfo, ok bool) {
	for _, ci := range codeTable() {
		if ci.Code == c {
			return ci, true
		}
	}
	return CodeInfo{}, false
}
