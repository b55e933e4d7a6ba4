package input

import "bytes"

// Layout is how a text file stores its lines beyond their characters:
// a UTF-8 byte order mark and CRLF line ends. It is what a program that
// writes a file back (cidrplan complete) keeps of the file it read.
//
// UTF-16 is read ([Text]) but written back as UTF-8 without a byte order
// mark: UTF-16 plan files come from Windows PowerShell 5.1 redirecting
// output, and the same redirection decodes what cidrplan prints as text
// and encodes it as UTF-16 again, so UTF-16 bytes printed would be encoded
// twice. Its line ends are kept.
type Layout struct {
	BOM  bool // a UTF-8 byte order mark
	CRLF bool // line ends are CR LF (as the first line's is)
}

// LayoutOf returns the layout of data as read, before [Text]: the BOM of
// UTF-8 data, and whether its first line ends in CR LF. Data that does not
// transcode is taken as having LF line ends.
func LayoutOf(data []byte) Layout {
	l := Layout{BOM: bytes.HasPrefix(data, bomUTF8)}
	text, err := Text(data)
	if err != nil {
		return l
	}
	if i := bytes.IndexByte(text, '\n'); i > 0 && text[i-1] == '\r' {
		l.CRLF = true
	}
	return l
}

// Apply returns text, UTF-8 with LF line ends, in layout l: with the
// byte order mark and CR LF line ends l has. A CR LF already in text
// stays one line end.
func (l Layout) Apply(text []byte) []byte {
	if !l.BOM && !l.CRLF {
		return text
	}
	out := make([]byte, 0, len(text)+len(bomUTF8)+len(text)/16)
	if l.BOM {
		out = append(out, bomUTF8...)
	}
	if !l.CRLF {
		return append(out, text...)
	}
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			return append(out, text...)
		}
		line := text[:i]
		out = append(out, bytes.TrimSuffix(line, []byte("\r"))...)
		out = append(out, '\r', '\n')
		text = text[i+1:]
	}
	return out
}
