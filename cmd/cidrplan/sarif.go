package main

import (
	"io"
	"runtime/debug"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// SARIF 2.1.0, the subset code scanning reads: one run, the tool with one
// rule per code of ipam's registry, one result per finding.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	ShortDescription     sarifText        `json:"shortDescription"`
	Help                 sarifText        `json:"help"`
	DefaultConfiguration sarifRuleDefault `json:"defaultConfiguration"`
}

type sarifRuleDefault struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  int             `json:"ruleIndex"`
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations,omitempty"`
	Properties sarifProperties `json:"properties"`
}

type sarifProperties struct {
	Field     string         `json:"field,omitempty"`
	Fix       string         `json:"fix,omitempty"`
	FixValues ipam.FixValues `json:"fixValues,omitzero"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	projectURL   = "https://github.com/cidrplan/cidrplan"
)

// sarifLevel is a severity in SARIF's words.
func sarifLevel(s ipam.Severity) string {
	switch s {
	case ipam.SeverityError:
		return "error"
	case ipam.SeverityWarning:
		return "warning"
	}
	return "note"
}

// writeSARIF prints fs as a SARIF 2.1.0 log; where says where each
// finding's field is.
func writeSARIF(w io.Writer, fs ipam.Findings, where locator) error {
	driver := sarifDriver{Name: "cidrplan", Version: strings.Fields(version(debug.ReadBuildInfo))[0], InformationURI: projectURL}
	index := map[ipam.Code]int{}
	for i, ci := range ipam.Codes() {
		index[ci.Code] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   string(ci.Code),
			ShortDescription:     sarifText{strings.TrimSuffix(ci.Meaning, ".")},
			Help:                 sarifText{ruleHelp(ci)},
			DefaultConfiguration: sarifRuleDefault{sarifLevel(ci.Severity)},
		})
	}
	results := []sarifResult{}
	for _, f := range fs {
		r := sarifResult{RuleID: string(f.Code), RuleIndex: index[f.Code], Level: sarifLevel(f.Severity),
			Message: sarifText{f.Message}, Properties: sarifProperties{Field: f.Field, Fix: f.Fix, FixValues: f.FixValues}}
		if file, line, col := where(f.Field); file != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: file}}}
			if line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
			}
			r.Locations = []sarifLocation{loc}
		}
		results = append(results, r)
	}
	return writeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion,
		Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}}})
}

// ruleHelp is a rule's help text: its meaning and where the rule comes
// from.
func ruleHelp(ci ipam.CodeInfo) string {
	src := "a rule of cidrplan's own"
	if ci.Source != ipam.SourceCidrplan {
		src = ci.Source + " (Microsoft's public documentation)"
	}
	return ci.Meaning + " Source: " + src + "."
}
