package wcag

import (
	"regexp"
	"strings"
)

var cssRule = regexp.MustCompile(`(?m)^([^{}\n@]+)\{([^}]*)\}`)

// StyleColours reads the rules of a page's style sheet, one rule a line
// as our pages write them: the body's background, and the text colour
// (color) each selector sets.
func StyleColours(page string) (background string, text map[string]string) {
	text = map[string]string{}
	for _, m := range cssRule.FindAllStringSubmatch(page, -1) {
		sel := strings.TrimSpace(m[1])
		for _, decl := range strings.Split(m[2], ";") {
			k, v, ok := strings.Cut(decl, ":")
			switch k, v = strings.TrimSpace(k), strings.TrimSpace(v); {
			case !ok:
			case k == "background" && sel == "body":
				background = v
			case k == "color":
				text[sel] = v
			}
		}
	}
	return background, text
}
