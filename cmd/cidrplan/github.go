package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// writeGitHub prints fs as GitHub Actions workflow commands
// (::error file=plan.yaml,line=7,col=7,title=Code::message), which the
// runner turns into annotations on the plan's lines.
func writeGitHub(w io.Writer, fs ipam.Findings, where locator) error {
	for _, f := range fs {
		level := "notice"
		switch f.Severity {
		case ipam.SeverityError:
			level = "error"
		case ipam.SeverityWarning:
			level = "warning"
		}
		var props []string
		if file, line, col := where(f.Field); file != "" {
			props = append(props, "file="+githubProperty(file))
			if line > 0 {
				props = append(props, "line="+strconv.Itoa(line), "col="+strconv.Itoa(col))
			}
		}
		title := string(f.Code)
		if f.Field != "" {
			title += " " + f.Field
		}
		props = append(props, "title="+githubProperty(title))
		msg := f.Message
		if f.Fix != "" {
			msg += "\nfix: " + f.Fix
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), githubData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// githubData escapes a workflow command's message: %, CR and LF.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a workflow command's property value: as the
// message, and also ":" and ",".
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
