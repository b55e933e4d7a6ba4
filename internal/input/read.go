package input

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/cidrplan/cidrplan/cidr"
)

// DefaultLimit is the input size limit unless the user sets another.
const DefaultLimit = cidr.DefaultMaxInputSize

// Stdin is the name that reads standard input.
const Stdin = "-"

// Label names the input name in messages: "stdin" for [Stdin], else name.
func Label(name string) string {
	if name == Stdin {
		return "stdin"
	}
	return name
}

// Read returns the bytes of the file name, or of stdin when name is
// [Stdin], reading at most limit bytes (limit ≤ 0 means [DefaultLimit]).
// A regular file larger than limit is refused before it is read; any other
// input is read up to limit+1 bytes. Errors: an *cidr.InputTooLargeError naming
// Label(name) and the limit, matching cidr.ErrInputTooLarge; the file system's
// errors (*fs.PathError) as they are.
func Read(name string, stdin io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if name == Stdin {
		return ReadFrom(stdin, Label(name), limit, 0)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if st.Size() > limit {
			return nil, &cidr.InputTooLargeError{Name: name, Limit: limit}
		}
		size = st.Size()
	}
	return ReadFrom(f, name, limit, size)
}

// ReadFrom reads r to its end, at most limit bytes (limit ≤ 0 means
// [DefaultLimit]); sizeHint, when positive, is the expected size. More than
// limit bytes is an *cidr.InputTooLargeError naming name; a read error is
// returned wrapped with the name.
func ReadFrom(r io.Reader, name string, limit, sizeHint int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if sizeHint > 0 {
		return readSized(r, name, limit, min(sizeHint, limit))
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if n > limit {
		return nil, &cidr.InputTooLargeError{Name: name, Limit: limit}
	}
	return buf.Bytes(), nil
}

// readSized is ReadFrom for an input expected to hold size bytes: they are
// read into one buffer of that size plus a byte to see the end by, which
// the runtime hands out unwritten (a bytes.Buffer clears what it grows,
// touching every page of a large file once more). An input that turns out
// longer grows the buffer as append does.
func readSized(r io.Reader, name string, limit, size int64) ([]byte, error) {
	buf := make([]byte, 0, size+1)
	r = io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if int64(len(buf)) > limit {
		return nil, &cidr.InputTooLargeError{Name: name, Limit: limit}
	}
	return buf, nil
}
