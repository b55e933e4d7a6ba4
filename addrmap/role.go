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
	colour string // SVG fill: light enough for colourInk (see palette.go)
	letter byte   // text chart
}

func (r Role) style() roleStyle {
	switch r {
	case RoleNodeSubnet:
		return roleStyle{"node subnet", "#7aa3d0", 'N'}
	case RolePodSubnet:
		return roleStyle{"pod subnet", "#79c06d", 'P'}
	case RoleOtherSubnet:
		return roleStyle{"other subnet", "#bf9479", 'S'}
	case RolePodCIDR:
		return roleStyle{"pod CIDR", "#f28e2b", 'p'}
	case RoleServiceCIDR:
		return roleStyle{"service CIDR", "#bd8fb2", 's'}
	case RoleDockerBridge:
		return roleStyle{"docker bridge", "#edc948", 'd'}
	case RolePeering:
		return roleStyle{"peered VNet", "#76b7b2", 'v'}
	case RoleOnPremises:
		return roleStyle{"on-premises", "#bab0ac", 'o'}
	case RoleAvoid:
		return roleStyle{"avoided range", "#a3a3a3", 'a'}
	case RoleReserved:
		return roleStyle{"reserved by AKS or Azure", "#ff9da7", 'R'}
	}
	return roleStyle{"range", "#999999", '?'}
}

// String returns the role's legend name.
func (r Role) String() string { return r.style().name }
