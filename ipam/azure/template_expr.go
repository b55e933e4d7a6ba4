package azure

import (
	"strconv"
	"strings"
)

// The part of the ARM template expression language address plans use:
//
//	expr   = call | string | number | "true" | "false"
//	call   = name "(" [expr {"," expr}] ")" {"." name | "[" expr "]"}
//	string = "'" {char | "''"} "'"
//
// Limits keep hostile input bounded: an expression nests at most
// maxExprDepth calls or indexes deep and is at most maxExprLen bytes long.
const (
	maxExprDepth = 32
	maxExprLen   = 64 << 10
)

// exprNode is a parsed expression.
type exprNode interface{ exprNode() }

type (
	litNode  struct{ v any } // string, int64 or bool
	callNode struct {
		name string
		args []exprNode
		pos  int
	}
	// propNode is x.name; indexNode x[i].
	propNode struct {
		x    exprNode
		name string
		pos  int
	}
	indexNode struct {
		x, i exprNode
		pos  int
	}
)

func (litNode) exprNode()   {}
func (callNode) exprNode()  {}
func (propNode) exprNode()  {}
func (indexNode) exprNode() {}

// exprError is a problem with one expression: where in it (a byte offset
// into the text between the brackets) and why.
type exprError struct {
	pos    int
	reason string
}

func (e *exprError) Error() string {
	return e.reason + " (at byte " + strconv.Itoa(e.pos) + ")"
}

// parseExpr parses the text of an expression: s without its brackets.
func parseExpr(s string) (exprNode, error) {
	if len(s) > maxExprLen {
		return nil, &exprError{0, "expression longer than " + strconv.Itoa(maxExprLen) + " bytes"}
	}
	p := &exprParser{s: s}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(s) {
		return nil, p.fail("unexpected " + strconv.Quote(s[p.i:p.i+1]))
	}
	return n, nil
}

type exprParser struct {
	s string
	i int
}

func (p *exprParser) fail(reason string) error { return &exprError{p.i, reason} }

func (p *exprParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *exprParser) peek(c byte) bool {
	p.space()
	return p.i < len(p.s) && p.s[p.i] == c
}

func (p *exprParser) expr(depth int) (exprNode, error) {
	if depth > maxExprDepth {
		return nil, p.fail("nested more than " + strconv.Itoa(maxExprDepth) + " deep")
	}
	p.space()
	if p.i >= len(p.s) {
		return nil, p.fail("expression ends too early")
	}
	switch c := p.s[p.i]; {
	case c == '\'':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case isIdentStart(c):
		return p.call(depth)
	}
	return nil, p.fail("unexpected " + strconv.Quote(p.s[p.i:p.i+1]))
}

func (p *exprParser) str() (exprNode, error) {
	start := p.i
	p.i++ // the opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		if c != '\'' {
			b.WriteByte(c)
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == '\'' { // '' is a quote
			b.WriteByte('\'')
			p.i++
			continue
		}
		return litNode{b.String()}, nil
	}
	return nil, &exprError{start, "string not closed"}
}

func (p *exprParser) number() (exprNode, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	n, err := strconv.ParseInt(p.s[start:p.i], 10, 64)
	if err != nil {
		return nil, &exprError{start, "bad number " + strconv.Quote(p.s[start:p.i])}
	}
	return litNode{n}, nil
}

func isIdentStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

func (p *exprParser) ident() string {
	start := p.i
	for p.i < len(p.s) && (isIdentStart(p.s[p.i]) || p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '$') {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *exprParser) call(depth int) (exprNode, error) {
	pos := p.i
	name := p.ident()
	var n exprNode
	switch lower := strings.ToLower(name); {
	case (lower == "true" || lower == "false") && !p.peek('('):
		n = litNode{lower == "true"}
	case !p.peek('('):
		return nil, &exprError{pos, "want ( after " + strconv.Quote(name)}
	default:
		p.i++ // (
		c := callNode{name: name, pos: pos}
		if !p.peek(')') {
			for {
				a, err := p.expr(depth + 1)
				if err != nil {
					return nil, err
				}
				c.args = append(c.args, a)
				if !p.peek(',') {
					break
				}
				p.i++
			}
		}
		if !p.peek(')') {
			return nil, p.fail("want , or ) in the arguments of " + name)
		}
		p.i++
		n = c
	}
	for steps := 0; ; steps++ {
		if steps > maxExprDepth {
			return nil, p.fail("more than " + strconv.Itoa(maxExprDepth) + " property accesses")
		}
		switch {
		case p.peek('.'):
			p.i++
			p.space()
			at := p.i
			name := p.ident()
			if name == "" {
				return nil, p.fail("want a property name after .")
			}
			n = propNode{x: n, name: name, pos: at}
		case p.peek('['):
			at := p.i
			p.i++
			i, err := p.expr(depth + 1)
			if err != nil {
				return nil, err
			}
			if !p.peek(']') {
				return nil, p.fail("want ]")
			}
			p.i++
			n = indexNode{x: n, i: i, pos: at}
		default:
			return n, nil
		}
	}
}
