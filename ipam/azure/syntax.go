package azure

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// syntaxPath returns the JSON path of the value being read where data
// stops being valid JSON (or ends): "properties.agentPoolProfiles[1]" for a
// file cut inside the second pool. It reads data again token by token, so
// it costs one more pass, and only on the error path.
func syntaxPath(data []byte) string {
	type frame struct {
		object bool
		key    string // object: the current member's key
		index  int    // array: the current element's index, -1 before the first
		keyed  bool   // object: the next string token is a key
	}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	startValue := func() {
		if len(stack) == 0 {
			return
		}
		top := &stack[len(stack)-1]
		if top.object {
			top.keyed = true
		} else {
			top.index++
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				startValue()
				stack = append(stack, frame{object: d == '{', keyed: true, index: -1})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].keyed {
			stack[n-1].key, _ = tok.(string)
			stack[n-1].keyed = false
			continue
		}
		startValue()
	}
	path := ""
	for _, f := range stack {
		switch {
		case f.object && f.key != "":
			if path != "" {
				path += "."
			}
			path += f.key
		case !f.object && f.index >= 0:
			path += "[" + strconv.Itoa(f.index) + "]"
		}
	}
	return path
}
