package sizing

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Validate reports every violation of an AKS bound or rule in c, joined
// with errors.Join; each is an *Error wrapping a sentinel and naming the
// pool and value. It returns nil for a valid cluster.
func (c Cluster) Validate() error {
	var errs []error
	add := func(pool, field, value string, sentinel error, detail string) {
		errs = append(errs, &Error{Pool: pool, Field: field, Value: value, Err: sentinel, Detail: detail})
	}
	if err := c.Network.Validate(); err != nil {
		errs = append(errs, err)
	}
	switch n := len(c.Pools); {
	case n == 0:
		add("", "pools", "[]", ErrNoPools, "a cluster needs at least one pool")
	case n > MaxPools:
		add("", "pools", strconv.Itoa(n), ErrTooManyPools, fmt.Sprintf("at most %d pools", MaxPools))
	}
	errs = append(errs, c.Defaults.validate()...)
	ps, _ := c.plan()
	seen := make(map[string]bool, len(ps))
	for i, p := range ps {
		if p.Name == "" {
			add("", "name", "", ErrPoolName, fmt.Sprintf("pool %d has no name", i))
		} else if seen[p.Name] {
			add(p.Name, "name", p.Name, ErrPoolName, "used by two pools")
		}
		seen[p.Name] = true
		errs = append(errs, c.validatePool(i, p)...)
	}
	errs = append(errs, c.validateDualStack(ps)...)
	errs = append(errs, c.validateSubnets(ps)...)
	errs = append(errs, c.validateTotals(ps)...)
	return errors.Join(errs...)
}

// validate checks overridden defaults.
func (d Defaults) validate() []error {
	var errs []error
	for m, v := range d.MaxPods {
		if !m.IsValid() {
			errs = append(errs, &Error{Field: "defaults.maxPods", Value: string(m), Err: ErrNetwork, Detail: "unknown model"})
		} else if v < MinMaxPods || v > MaxMaxPods {
			errs = append(errs, &Error{Field: "defaults.maxPods." + string(m), Value: strconv.Itoa(v), Err: ErrMaxPods,
				Detail: fmt.Sprintf("want %d–%d", MinMaxPods, MaxMaxPods)})
		}
	}
	if d.Upgrade != "" && !d.Upgrade.IsValid() {
		errs = append(errs, &Error{Field: "defaults.upgrade", Value: string(d.Upgrade), Err: ErrUpgradeModel,
			Detail: "want " + orList(UpgradeModels())})
	}
	if d.OverlayMaxNodes < 0 {
		errs = append(errs, &Error{Field: "defaults.overlayMaxNodes", Value: strconv.Itoa(d.OverlayMaxNodes),
			Err: ErrNegativeCount})
	}
	return errs
}

// validatePool checks the fields of pool i on its own.
func (c Cluster) validatePool(i int, p planned) []error {
	var errs []error
	add := func(field, value string, sentinel error, detail string) {
		errs = append(errs, &Error{Pool: p.Name, Field: field, Value: value, Err: sentinel, Detail: detail})
	}
	itoa := strconv.Itoa
	mode := c.PoolMode(i)
	switch {
	case !slices.Contains(PoolModes(), mode):
		add("mode", string(p.Mode), ErrPoolMode, "want "+orList(PoolModes()))
	case !mode.TakesMaxUnavailable() && p.MaxUnavailable.Value() > 0:
		add("maxUnavailable", p.MaxUnavailable.String(), ErrPoolMode, "you can't set maxUnavailable on a System pool; use maxSurge")
	}
	switch p.OSType {
	case "", Linux:
	case Windows:
		switch {
		case i == 0:
			add("osType", string(p.OSType), ErrWindows, "the first (system) pool must be Linux")
		case mode == ModeSystem:
			add("mode", string(mode), ErrWindows, "System pools run Linux")
		case p.spec.Model.IsValid() && !p.spec.Windows:
			add("osType", string(p.OSType), ErrWindows, string(p.spec.Model)+" has no Windows pools")
		case c.Network.IsCilium():
			add("osType", string(p.OSType), ErrWindows, "the Cilium dataplane has no Windows pools")
		}
	default:
		add("osType", string(p.OSType), ErrOSType, "want "+orList(OSTypes()))
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"count", p.Count}, {"maxCount", p.MaxCount}, {"scaleOut", p.ScaleOut}} {
		if f.v < 0 {
			add(f.name, itoa(f.v), ErrNegativeCount, "")
		}
	}
	switch {
	case p.EnableAutoScaling && p.MaxCount <= 0:
		add("maxCount", itoa(p.MaxCount), ErrNodeCount, "autoscaling needs maxCount ≥ 1")
	case p.EnableAutoScaling && p.MaxCount < p.Count:
		add("maxCount", itoa(p.MaxCount), ErrNodeCount, fmt.Sprintf("below count %d", p.Count))
	case !p.EnableAutoScaling && p.MaxCount != 0:
		add("maxCount", itoa(p.MaxCount), ErrNodeCount, "maxCount needs enableAutoScaling")
	}
	nodes := p.Nodes()
	if p.maxPods < MinMaxPods || p.maxPods > MaxMaxPods {
		add("maxPods", itoa(p.MaxPods), ErrMaxPods, fmt.Sprintf("want %d–%d", MinMaxPods, MaxMaxPods))
	} else if nodes > 0 && nodes < (MinPoolPods+p.maxPods-1)/p.maxPods { // no product: nodes may be huge
		add("maxPods", itoa(p.maxPods), ErrTooFewPods,
			fmt.Sprintf("maxPods × %d nodes = %d < %d", nodes, p.maxPods*nodes, MinPoolPods))
	}
	if p.MaxUnavailable.Value() == 0 && p.maxSurge.Value() == 0 {
		add("maxSurge", p.maxSurge.String(), ErrNoSurge, "maxUnavailable 0 needs maxSurge > 0")
	}
	countField := "count"
	if p.EnableAutoScaling {
		countField = "maxCount"
	}
	if nodes >= 0 && p.ScaleOut >= 0 && nodes <= MaxPoolNodes && p.ScaleOut <= MaxPoolNodes {
		if peak := p.peakAt(nodes); peak > MaxPoolNodes {
			add(countField, itoa(nodes), ErrPoolTooLarge,
				fmt.Sprintf("%s nodes at upgrade peak (scale-out and surge included) > %s (limit: %s): AKS rejects the upgrade before it starts",
					grouped(peak), grouped(MaxPoolNodes), BoundPoolLimit.Words(Network{}, Defaults{})))
		}
	} else if nodes > MaxPoolNodes || p.ScaleOut > MaxPoolNodes {
		add(countField, itoa(nodes), ErrPoolTooLarge, "more than "+grouped(MaxPoolNodes)+" nodes")
	}
	if p.PodSubnet != "" && p.spec.Model.IsValid() && !p.spec.Uses(PodSubnet) {
		add("podSubnet", p.PodSubnet, ErrPodSubnet, "only Azure CNI without overlay uses a pod subnet")
	}
	switch {
	case p.PodIPAllocationMode == "":
	case !slices.Contains(PodIPAllocationModes(), p.PodIPAllocationMode):
		add("podIpAllocationMode", string(p.PodIPAllocationMode), ErrPodSubnet, "want "+orList(PodIPAllocationModes()))
	case p.PodSubnet == "":
		add("podIpAllocationMode", string(p.PodIPAllocationMode), ErrPodSubnet, "needs a podSubnet")
	}
	return errs
}

// validateDualStack reports the first pool whose model does not allow the
// dual-stack families of a network that does (a node subnet pool of an
// Azure CNI cluster whose other pools use a static-block pod subnet).
func (c Cluster) validateDualStack(ps []planned) []error {
	if !c.Network.IsDualStack() || c.Network.Validate() != nil {
		return nil
	}
	for _, p := range ps {
		if p.spec.Model.IsValid() && !p.spec.DualStack {
			return []error{&Error{Pool: p.Name, Field: "ipFamilies", Value: familiesText(c.Network.IPFamilies), Err: ErrNetwork,
				Detail: dualStackNeeds() + "; the pool follows " + string(p.spec.Model)}}
		}
	}
	return nil
}

// validateSubnets checks how pools share subnets and the consumers.
func (c Cluster) validateSubnets(ps []planned) []error {
	var errs []error
	nodeSubnets := map[string]bool{}
	podModes := map[string]Model{}
	for _, p := range ps {
		nodeSubnets[p.nodeSubnet()] = true
	}
	for _, p := range ps {
		if p.PodSubnet == "" || !p.spec.Uses(PodSubnet) {
			continue
		}
		if nodeSubnets[p.PodSubnet] {
			errs = append(errs, &Error{Pool: p.Name, Field: "podSubnet", Value: p.PodSubnet, Err: ErrPodSubnet,
				Detail: "also used as a node subnet"})
		}
		if m, ok := podModes[p.PodSubnet]; ok && m != p.spec.Model {
			errs = append(errs, &Error{Pool: p.Name, Field: "podIpAllocationMode", Value: string(p.PodIPAllocationMode),
				Err: ErrPodSubnet, Detail: "another pool uses pod subnet " + p.PodSubnet + " in the other mode; one mode per subnet"})
		}
		podModes[p.PodSubnet] = p.spec.Model
	}
	for name, k := range c.Consumers {
		if _, ok := podModes[name]; !nodeSubnets[name] && !ok {
			errs = append(errs, &Error{Field: "consumers", Value: name, Err: ErrUnknownSubnet, Detail: "no pool uses this subnet"})
		}
		for _, f := range []struct {
			name string
			v    int
		}{{"ilbFrontEnds", k.ILBFrontEnds}, {"privateEndpoints", k.PrivateEndpoints}, {"apiServer", k.APIServer}} {
			if f.v < 0 {
				errs = append(errs, &Error{Field: "consumers." + name + "." + f.name, Value: strconv.Itoa(f.v), Err: ErrNegativeCount})
			}
		}
		if k.APIServer != 0 {
			errs = append(errs, &Error{Field: "consumers." + name + ".apiServer", Value: strconv.Itoa(k.APIServer),
				Err: ErrUnknownSubnet, Detail: "set Cluster.PrivateCluster instead"})
		}
		if k.ILBFrontEnds > maxConsumers || k.PrivateEndpoints > maxConsumers {
			errs = append(errs, &Error{Field: "consumers." + name, Value: fmt.Sprint(k), Err: ErrClusterTooLarge,
				Detail: "more than " + grouped(maxConsumers) + " addresses"})
		}
	}
	return errs
}

// maxConsumers bounds each consumer count: more than an IPv4 /8 (the
// largest cluster VNet) cannot be planned and would only risk overflow.
const maxConsumers = 1 << 24

// validateTotals checks the cluster-wide node limits (steady state:
// counted nodes plus scale-out).
func (c Cluster) validateTotals(ps []planned) []error {
	total := 0
	for _, p := range ps {
		if n := p.Nodes(); n > 0 && n <= MaxPoolNodes {
			total += n
		}
		if p.ScaleOut > 0 && p.ScaleOut <= MaxPoolNodes {
			total += p.ScaleOut
		}
	}
	limit, why := c.Network.NodeLimit(c.Defaults)
	if total > limit {
		return []error{&Error{Field: "nodes", Value: strconv.Itoa(total), Err: ErrClusterTooLarge,
			Detail: fmt.Sprintf("at most %s nodes %s", grouped(limit), why)}}
	}
	return nil
}
