// Package apicheck holds tests of the module's public API as a whole: no
// exported identifier of a public package names a type from an internal
// package, and a module outside cidrplan builds against the public API
// alone. It has no code of its own.
package apicheck
