package sizing

import "fmt"

// ExplicitZero returns the error an explicit 0 given for field is, nil when
// 0 is a value of the field. In Pool and Defaults a zero means "unset" for
// maxPods (the model's default), maxCount (no autoscaler) and
// overlayMaxNodes (the disputed default), so a plan file or a flag that
// states 0 asks for a value out of range, never for the default. Fields
// are named as in Validate's errors: "maxPods", "maxCount",
// "defaults.overlayMaxNodes". The error is an *Error wrapping ErrMaxPods
// or ErrNodeCount.
func ExplicitZero(field string) error {
	bad := func(sentinel error, detail string) error {
		return &Error{Field: field, Value: "0", Err: sentinel, Detail: detail}
	}
	switch field {
	case "maxPods":
		return bad(ErrMaxPods, fmt.Sprintf("want %d–%d (leave maxPods out for the model's default)", MinMaxPods, MaxMaxPods))
	case "maxCount":
		return bad(ErrNodeCount, fmt.Sprintf("the autoscaler's maxCount is 1–%s (leave it out without the autoscaler)", grouped(MaxPoolNodes)))
	case "defaults.overlayMaxNodes":
		return bad(ErrNodeCount, fmt.Sprintf("a node limit is at least 1 (leave it out for %s)", grouped(DefaultOverlayMaxNodes)))
	}
	return nil
}
