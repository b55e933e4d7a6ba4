package sizing

// Cluster is the input of the calculator: the network profile, the node
// pools in AKS order (the first is the system pool), and the other
// consumers of each subnet. The zero Cluster is invalid (no pools).
type Cluster struct {
	Network Network `json:"network" yaml:"network"`
	Pools   []Pool  `json:"pools" yaml:"pools"`
	// PrivateCluster puts the API server's private endpoint (1 address)
	// in the first pool's node subnet.
	PrivateCluster bool `json:"privateCluster,omitzero" yaml:"privateCluster,omitempty"`
	// Consumers are other address consumers per subnet name; each name
	// must be a node or pod subnet some pool uses.
	Consumers map[string]Consumers `json:"consumers,omitempty" yaml:"consumers,omitempty"`
	Defaults  Defaults             `json:"defaults,omitzero" yaml:"defaults,omitempty"`
}

// Consumers counts the addresses a subnet gives to things other than
// nodes and pods.
type Consumers struct {
	// ILBFrontEnds is the number of internal load balancer front-end IPs.
	ILBFrontEnds int `json:"ilbFrontEnds,omitzero" yaml:"ilbFrontEnds,omitempty"`
	// PrivateEndpoints is the number of private endpoints.
	PrivateEndpoints int `json:"privateEndpoints,omitzero" yaml:"privateEndpoints,omitempty"`
	// APIServer is 1 for the private cluster's API endpoint, else 0; it is
	// set by Demand, not by callers (use Cluster.PrivateCluster).
	APIServer int `json:"apiServer,omitzero" yaml:"apiServer,omitempty"`
}

// Total returns the addresses c takes.
func (c Consumers) Total() int { return c.ILBFrontEnds + c.PrivateEndpoints + c.APIServer }

// add returns the sum of c and d.
func (c Consumers) add(d Consumers) Consumers {
	return Consumers{
		ILBFrontEnds:     c.ILBFrontEnds + d.ILBFrontEnds,
		PrivateEndpoints: c.PrivateEndpoints + d.PrivateEndpoints,
		APIServer:        c.APIServer + d.APIServer,
	}
}
