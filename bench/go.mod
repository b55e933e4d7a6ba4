module github.com/cidrplan/cidrplan/bench

go 1.25

require github.com/google/go-cmp v0.7.0

require (
	github.com/gaissmai/bart v0.30.0 // indirect
	github.com/yl2chen/cidranger v1.0.2 // indirect
	go4.org/netipx v0.0.0-20260823151212-3075585bcbeb // indirect
)

replace github.com/cidrplan/cidrplan => ../
