package azure

import "strings"

// resourceID is an Azure resource ID split into what matching needs:
// /subscriptions/S/resourceGroups/G/providers/P/T/N[/T2/N2...].
type resourceID struct {
	subscription, resourceGroup string
	// types and names of the resource and its parents, outermost first:
	// [virtualNetworks subnets] and [hub aks].
	types, names []string
}

// parseResourceID splits an ID; ok is false when s is not a resource ID.
// Matching is case-insensitive, as in ARM: compare with key.
func parseResourceID(s string) (id resourceID, ok bool) {
	parts := strings.Split(strings.Trim(s, "/"), "/")
	if len(parts) < 8 || !strings.EqualFold(parts[0], "subscriptions") ||
		!strings.EqualFold(parts[2], "resourceGroups") || !strings.EqualFold(parts[4], "providers") {
		return resourceID{}, false
	}
	id.subscription, id.resourceGroup = parts[1], parts[3]
	rest := parts[6:] // after the provider namespace
	if len(rest)%2 != 0 {
		return resourceID{}, false
	}
	for i := 0; i < len(rest); i += 2 {
		if rest[i] == "" || rest[i+1] == "" {
			return resourceID{}, false
		}
		id.types = append(id.types, rest[i])
		id.names = append(id.names, rest[i+1])
	}
	return id, true
}

// name returns the name of the resource of type t (a parent's or its own),
// "" if the ID has none.
func (id resourceID) name(t string) string {
	for i, ty := range id.types {
		if strings.EqualFold(ty, t) {
			return id.names[i]
		}
	}
	return ""
}

// idKey is the form under which IDs are compared: lower case, no trailing
// slash. Azure resource IDs are case-insensitive (resourceGroups and
// resourcegroups name the same thing).
func idKey(s string) string { return strings.ToLower(strings.Trim(s, "/")) }

// parentID is s with its last type/name pair removed, in s's own case: a
// subnet's VNet, a pool's cluster. "" when s has no parent resource.
func parentID(s string) string {
	id, ok := parseResourceID(s)
	if !ok || len(id.types) < 2 {
		return ""
	}
	t := strings.Trim(s, "/")
	i := strings.LastIndex(t, "/")
	i = strings.LastIndex(t[:i], "/")
	return "/" + t[:i]
}
