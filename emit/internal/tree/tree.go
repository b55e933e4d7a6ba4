// Package tree holds the resource bodies the Bicep and ARM forms share —
// objects with ordered keys, arrays, strings, numbers and expressions — and
// prints them as Bicep or as ARM template JSON.
package tree

// Value is one of Object, Array, String, Int, Bool or Expr.
type Value interface{ isValue() }

// Object is an object whose keys keep their order.
type Object []Member

// Member is one key of an Object.
type Member struct {
	Key   string
	Value Value
}

// Array is a list of values.
type Array []Value

// String is a literal string, escaped by the printer.
type String string

// Int is an integer.
type Int int

// Bool is true or false.
type Bool bool

// Expr is an expression written as it is, in the syntax of the form being
// printed: location or vnet::subnet.id in Bicep,
// [parameters('location')] in ARM.
type Expr string

func (Object) isValue() {}
func (Array) isValue()  {}
func (String) isValue() {}
func (Int) isValue()    {}
func (Bool) isValue()   {}
func (Expr) isValue()   {}

// Set appends key with v unless v is nil.
func (o *Object) Set(key string, v Value) {
	if v != nil {
		*o = append(*o, Member{key, v})
	}
}

// Strings returns the values as an Array of String.
func Strings[T ~string](vs []T) Array {
	out := make(Array, len(vs))
	for i, v := range vs {
		out[i] = String(v)
	}
	return out
}
