package addrmap

// Role says what a drawn range is; it picks its colour, its letter in the
// text chart and its legend entry.
type Role int8

// Roles, in legend order.
const (
	RoleNodeSubnet Role = iota
	RolePodSubnet
	RoleOtherSubnet
	RolePodCIDR
	RoleServiceCIDR
	RoleDockerBridge
	RolePeering
	RoleOnPremises
	RoleAvoid
	RoleReserved
	roleCount
)

type roleStyle struct {
	name   string
	colour string // SVG fill
	letter byte   // text chart
}

func (r Role) style() roleStyle {
	switch r {
	case RoleNodeSubnet:
		return roleStyle{"node subnet", "#4e79a7", 'N'}
	case RolePodSubnet:
		return roleStyle{"pod subnet", "#59a14f", 'P'}
	case RoleOtherSubnet:
		return roleStyle{"other subnet", "#9c755f", 'S'}
	case RolePodCIDR:
		return roleStyle{"pod CIDR", "#f28e2b", 'p'}
	case RoleServiceCIDR:
		return roleStyle{"service CIDR", "#b07aa1", 's'}
	case RoleDockerBridge:
		return roleStyle{"docker bridge", "#edc948", 'd'}
	case RolePeering:
		return roleStyle{"peered VNet", "#76b7b2", 'v'}
	case RoleOnPremises:
		return roleStyle{"on-premises", "#bab0ac", 'o'}
	case RoleAvoid:
		return roleStyle{"avoided range", "#8c8c8c", 'a'}
	case RoleReserved:
		return roleStyle{"reserved by AKS or Azure", "#ff9da7", 'R'}
	}
	return roleStyle{"range", "#999999", '?'}
}

// String returns the role's legend name.
func (r Role) String() string { return r.style().name }
