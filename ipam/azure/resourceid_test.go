package azure

import "testing"

func TestParseResourceID(t *testing.T) {
	tests := []struct {
		name, in           string
		ok                 bool
		group, vnet, subnt string
		parent             string
	}{
		{"subnet", "/subscriptions/s/resourceGroups/G/providers/Microsoft.Network/virtualNetworks/V/subnets/S", true, "G", "V", "S",
			"/subscriptions/s/resourceGroups/G/providers/Microsoft.Network/virtualNetworks/V"},
		{"lower case and trailing slash", "/subscriptions/s/resourcegroups/g/providers/microsoft.network/virtualnetworks/v/subnets/s/", true, "g", "v", "s",
			"/subscriptions/s/resourcegroups/g/providers/microsoft.network/virtualnetworks/v"},
		{"vnet", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v", true, "g", "v", "", ""},
		{"odd segments", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets", false, "", "", "", ""},
		{"no providers", "/subscriptions/s/resourceGroups/g/virtualNetworks/v/subnets/s/x", false, "", "", "", ""},
		{"empty name", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks//subnets/s", false, "", "", "", ""},
		{"not an ID", "snet-aks", false, "", "", "", ""},
		{"empty", "", false, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, ok := parseResourceID(tt.in)
			if ok != tt.ok || id.resourceGroup != tt.group || id.name("virtualnetworks") != tt.vnet || id.name("subnets") != tt.subnt {
				t.Errorf("parseResourceID(%q) = %+v, %v", tt.in, id, ok)
			}
			if got := parentID(tt.in); got != tt.parent {
				t.Errorf("parentID(%q) = %q, want %q", tt.in, got, tt.parent)
			}
		})
	}
}
