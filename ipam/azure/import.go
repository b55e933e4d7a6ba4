package azure

import (
	"errors"
	"io"

	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
)

// Sources names the files to import, by kind. Each field lists file paths,
// read in order; the path "-" reads Stdin (which is read once: name it at
// most once).
type Sources struct {
	// AKS: az aks show / list, az aks nodepool list / show, ARM/REST JSON of
	// managedClusters and agentPools (see [ParseAKS]).
	AKS []string
	// VNet: az network vnet show / list, ARM/REST JSON (see [ParseVNet]).
	VNet []string
	// OnPrem: az network local-gateway show, az network nic
	// show-effective-route-table (see [ParseOnPrem]).
	OnPrem []string
	// Terraform: terraform show -json of a state or a plan (see
	// [ParseTerraform]).
	Terraform []string
	// ARM: ARM templates (az group export, az bicep build, hand-written),
	// evaluated with the values of Parameters (see [ParseTemplate]).
	ARM []string
	// Parameters: ARM deployment parameters files, for every template of
	// ARM; a later file's value wins.
	Parameters []string
	// Stdin is what "-" reads; nil means no standard input (an empty file).
	Stdin io.Reader
	// MaxInputSize bounds each file, in bytes; zero means
	// [ipam.DefaultMaxInputSize].
	MaxInputSize int64
}

// Import reads every file of s and returns the plan they describe together
// (see [Resources.Plan] for how references between files are resolved).
// Every file is read even when one fails, so the error reports them all
// (joined with errors.Join, at most [ipam.MaxInputErrors], in the order of s): a
// file that can't be read is an *fs.PathError, one over the size limit an
// *ipam.TooLargeError (matching ipam.ErrTooLarge, read no further);
// everything else as for the Parse functions, each error naming its file
// ("stdin" for "-").
func Import(s Sources) (*ipam.Plan, error) {
	p, _, err := ImportWithPositions(s)
	return p, err
}

// ImportWithPositions is [Import] that also returns where the plan's
// fields were read: the export file and the line of each, for a front end
// that points at the export a finding is about.
func ImportWithPositions(s Sources) (*ipam.Plan, *Positions, error) {
	stdin := s.Stdin
	if stdin == nil {
		stdin = eofReader{}
	}
	rs := &Resources{}
	var errs []error
	var params Parameters
	for _, f := range s.Parameters {
		data, err := input.Read(f, stdin, s.MaxInputSize)
		if err == nil {
			err = params.ParseParameters(data, input.Label(f))
		}
		if err != nil {
			errs = appendErrors(errs, err)
		}
	}
	template := func(data []byte, file string) (*Resources, error) { return ParseTemplate(data, file, params) }
	for _, kind := range []struct {
		files []string
		parse func([]byte, string) (*Resources, error)
	}{
		{s.AKS, ParseAKS},
		{s.VNet, ParseVNet},
		{s.OnPrem, ParseOnPrem},
		{s.Terraform, ParseTerraform},
		{s.ARM, template},
	} {
		for _, f := range kind.files {
			data, err := input.Read(f, stdin, s.MaxInputSize)
			if err == nil {
				var got *Resources
				if got, err = kind.parse(data, input.Label(f)); err == nil {
					rs.Add(got)
					continue
				}
			}
			errs = appendErrors(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return rs.PlanWithPositions()
}

// appendErrors appends the errors joined in err to errs, up to ipam.MaxInputErrors.
func appendErrors(errs []error, err error) []error {
	_, single := err.(*Error) // it unwraps to its kind and cause
	if j, ok := err.(interface{ Unwrap() []error }); ok && !single {
		for _, e := range j.Unwrap() {
			errs = appendErrors(errs, e)
		}
		return errs
	}
	if len(errs) < ipam.MaxInputErrors {
		errs = append(errs, err)
	}
	return errs
}

// eofReader is standard input when there is none.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
