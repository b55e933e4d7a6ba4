module github.com/cidrplan/cidrplan/bench

go 1.25.0

require github.com/google/go-cmp v0.7.0

require go.yaml.in/yaml/v3 v3.0.6 // indirect

require (
	github.com/cidrplan/cidrplan v0.0.0
	github.com/gaissmai/bart v0.30.0
	github.com/yl2chen/cidranger v1.0.2
	go4.org/netipx v0.0.0-20260823151212-3075585bcbeb
)

replace github.com/cidrplan/cidrplan => ../
