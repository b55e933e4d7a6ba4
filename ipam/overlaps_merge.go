package ipam

import "strings"

// mergeOverlaps makes the reported overlaps of one range with several
// others, under one code, a single finding whose message lists every range
// hit ("… overlaps subnet "a" (…) and subnet "b" (…)"; several prefixes of
// one named range once: `onPremises range "dc" (10.8.0.0/20, 10.8.64.0/20)`),
// in first-seen order, with one fix: a fix that names the range to keep
// clear of names them all ("move it clear of 10.8.0.0/20 and
// 10.8.64.0/20"). Allowed overlaps and findings whose message does not read
// "<subject> overlaps <other>…" stay as they are.
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
	clear := map[int][]string{}
	for _, o := range os {
		head := o.subjectDesc + " overlaps " + o.otherDesc
		if o.Allowed || o.subjectDesc == "" || !strings.HasPrefix(o.Message, head) {
			out = append(out, o)
			continue
		}
		fix := o.Fix
		if o.fixOther != "" {
			fix = strings.Replace(fix, o.fixOther, "\x00", 1)
		}
		k := key{o.Code, o.Severity, o.Field, fix, o.subjectDesc, o.Message[len(head):]}
		i, seen := first[k]
		if !seen {
			first[k] = len(out)
			names[len(out)] = []string{o.otherDesc}
			clear[len(out)] = []string{o.fixOther}
			out = append(out, o)
			continue
		}
		names[i] = append(names[i], o.otherDesc)
		clear[i] = append(clear[i], o.fixOther)
		out[i].Others = append(out[i].Others, o.Others...)
	}
	for i, ns := range names {
		if len(ns) > 1 {
			o := &out[i]
			o.Message = o.subjectDesc + " overlaps " + andList(groupNamed(ns)) + o.Message[len(o.subjectDesc+" overlaps "+o.otherDesc):]
			if o.fixOther != "" {
				o.Fix = strings.Replace(o.Fix, o.fixOther, andList(clear[i]), 1)
			}
		}
	}
	return out
}

// groupNamed words several prefixes of one named range once: `range "dc"
// (10.8.0.0/20)` and `range "dc" (10.8.64.0/20)` become `range "dc"
// (10.8.0.0/20, 10.8.64.0/20)`. Descriptions that do not end in a
// parenthesised prefix stay as they are.
func groupNamed(descs []string) []string {
	var out []string
	at := map[string]int{}
	for _, d := range descs {
		name, prefix, ok := strings.Cut(d, " (")
		if !ok || !strings.HasSuffix(prefix, ")") || strings.Contains(prefix, " (") {
			out = append(out, d)
			continue
		}
		if i, seen := at[name]; seen {
			out[i] = strings.TrimSuffix(out[i], ")") + ", " + prefix
			continue
		}
		at[name] = len(out)
		out = append(out, d)
	}
	return out
}
