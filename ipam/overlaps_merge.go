package ipam

import "strings"

// mergeOverlaps makes the reported overlaps of one range with several
// others, under one code and with one fix, a single finding whose message
// lists every range hit ("… overlaps subnet "a" (…) and subnet "b" (…)"),
// in first-seen order. Allowed overlaps and findings whose message does not
// read "<subject> overlaps <other>…" stay as they are.
func mergeOverlaps(os []Overlap) []Overlap {
	type key struct {
		code          Code
		sev           Severity
		field, fix    string
		subject, tail string
	}
	var out []Overlap
	first := map[key]int{}
	names := map[int][]string{}
	for _, o := range os {
		head := o.subjectDesc + " overlaps " + o.otherDesc
		if o.Allowed || o.subjectDesc == "" || !strings.HasPrefix(o.Message, head) {
			out = append(out, o)
			continue
		}
		k := key{o.Code, o.Severity, o.Field, o.Fix, o.subjectDesc, o.Message[len(head):]}
		i, seen := first[k]
		if !seen {
			first[k] = len(out)
			names[len(out)] = []string{o.otherDesc}
			out = append(out, o)
			continue
		}
		names[i] = append(names[i], o.otherDesc)
		out[i].Others = append(out[i].Others, o.Others...)
	}
	for i, ns := range names {
		if len(ns) > 1 {
			o := &out[i]
			o.Message = o.subjectDesc + " overlaps " + andList(ns) + o.Message[len(o.subjectDesc+" overlaps "+o.otherDesc):]
		}
	}
	return out
}
