package avnm

import (
	"errors"
	"strings"
)

// ErrPoolID matches a pool resource ID that is not one of an IPAM pool.
var ErrPoolID = errors.New("avnm: not the resource ID of an IPAM pool")

// PoolIDError reports a malformed pool ID. It matches [ErrPoolID].
type PoolIDError struct {
	ID string
}

func (e *PoolIDError) Error() string {
	return "avnm: pool " + strconvQuote(e.ID) + ": want /subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/networkManagers/NM/ipamPools/POOL"
}

func (e *PoolIDError) Unwrap() error { return ErrPoolID }

// Pool is an IPAM pool, named by the parts of its resource ID.
type Pool struct {
	ID             string
	Subscription   string
	ResourceGroup  string
	NetworkManager string
	Name           string
}

// ParsePoolID splits the resource ID of an IPAM pool into its parts. Key
// words match case-insensitively, as Azure matches them.
func ParsePoolID(id string) (Pool, error) {
	parts := strings.Split(strings.TrimPrefix(id, "/"), "/")
	keys := []string{"subscriptions", "resourceGroups", "providers", "networkManagers", "ipamPools"}
	if len(parts) != 2*len(keys) || !strings.HasPrefix(id, "/") {
		return Pool{}, &PoolIDError{ID: id}
	}
	for i, k := range keys {
		if !strings.EqualFold(parts[2*i], k) || parts[2*i+1] == "" {
			return Pool{}, &PoolIDError{ID: id}
		}
	}
	if !strings.EqualFold(parts[5], "Microsoft.Network") {
		return Pool{}, &PoolIDError{ID: id}
	}
	return Pool{ID: id, Subscription: parts[1], ResourceGroup: parts[3], NetworkManager: parts[7], Name: parts[9]}, nil
}
