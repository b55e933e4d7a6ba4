// Package input reads the files cidrplan is given — plan files and the
// az, ARM and Terraform exports — the one way every reader shares.
//
// [Read] opens a path, or standard input for "-", and reads at most a
// limit of bytes ([DefaultLimit] unless the caller says otherwise) through
// an io.LimitReader, so an oversized file or an endless stream (/dev/zero)
// fails with an *cidr.InputTooLargeError within the limit's memory instead of
// growing until it is killed. [Text] turns what was read into UTF-8: a
// UTF-8 byte order mark is dropped, UTF-16 (little or big endian, with its
// byte order mark, as Windows PowerShell 5.1 writes redirected output) is
// transcoded. CRLF line ends are left alone: the YAML and JSON readers take
// them as line ends and white space.
// [Layout] is the way back, for a file that is written back:
// [LayoutOf] notes its byte order mark and line ends, [Layout.Apply]
// puts them on the text written.
//
// The functions keep no state and may run concurrently; reading standard
// input twice is the caller's to prevent.
package input
