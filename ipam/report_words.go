package ipam

import (
	"slices"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// PeakWords names the upgrade model behind r's Peak, in
// sizing.UpgradeModel.PeakWords: "the peak of a sequential upgrade (one
// pool at a time)" when every cluster using r upgrades alike, else each
// cluster's, as on a subnet shared by clusters that upgrade differently:
// "cluster a: the peak of a sequential upgrade (one pool at a time);
// cluster b: every pool surging at once (simultaneous upgrade)". It is ""
// for a range that names no model.
func (r ReportRange) PeakWords() string {
	return modelWords(r.Clusters, r.UpgradeModels, "cluster ", sizing.UpgradeModel.PeakWords)
}

// UpgradeWords is PeakWords in short, for a table cell, in
// sizing.UpgradeModel.Words: "one pool at a time"; "a: one pool at a
// time; b: every pool surging at once".
func (r ReportRange) UpgradeWords() string {
	return modelWords(r.Clusters, r.UpgradeModels, "", sizing.UpgradeModel.Words)
}

// PeakWords says which upgrade model produced the Peak of every range, for
// the line under a report's table: the ranges' own PeakWords when they all
// agree, as when every cluster upgrades alike ("the peak of a sequential
// upgrade (one pool at a time)"). It is "" when the ranges peak under
// different models, and a front end then labels each range with its own
// ReportRange.PeakWords or UpgradeWords; "" too for a report without
// ranges.
func (r Report) PeakWords() string {
	if len(r.Ranges) == 0 {
		return ""
	}
	w := r.Ranges[0].PeakWords()
	for _, rr := range r.Ranges[1:] {
		if rr.PeakWords() != w {
			return ""
		}
	}
	return w
}

// modelWords words the models of clusters names (by position) with words:
// once when the words agree (the empty model is the default's), else
// "PREFIXname: words" for each, joined with "; ". "" when there is no
// model.
func modelWords(names []string, models []sizing.UpgradeModel, prefix string, words func(sizing.UpgradeModel) string) string {
	ws := make([]string, len(models))
	for i, m := range models {
		ws[i] = words(m)
	}
	switch {
	case len(ws) == 0:
		return ""
	case !slices.ContainsFunc(ws[1:], func(w string) bool { return w != ws[0] }):
		return ws[0]
	}
	for i := range ws {
		name := "?" // a range built with fewer names than models
		if i < len(names) {
			name = names[i]
		}
		ws[i] = prefix + name + ": " + ws[i]
	}
	return strings.Join(ws, "; ")
}
