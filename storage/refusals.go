package storage

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"
)

// The sentences Open and Restore refuse a file with. Each names the file,
// says what is wrong with it in words a person knows and what to do, and
// quotes what SQLite said only as a short excerpt: its reports run to
// dozens of lines and may hold bytes of the damaged file itself.

func damaged(path string, err error) error {
	if diskFull(err) {
		return noSpace(path)
	}
	return openError(path, ErrCorrupt, "%s is damaged and cannot be read safely (%v); Deckhand left it unchanged, so restore it from a backup", path, excerpt(err))
}

// noSpace is a full disk: nothing is wrong with the file, so restoring a
// backup over it would only lose what was saved since.
func noSpace(path string) error {
	return openError(path, ErrDiskFull, "the disk that holds %s is full; free some space on it and try again (Deckhand left the file unchanged)", path)
}

// diskFull reports whether err is SQLite's or the system's "no space left".
func diskFull(err error) bool {
	if sqliteFull(err) {
		return true // SQLITE_FULL
	}
	if errno, ok := sqliteSystemErrno(err); ok && (errno == syscall.ENOSPC || errno == syscall.EDQUOT) {
		return true // "disk I/O error" with the system's errno
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || windowsFull(err)
}

func foreignLog(path string) error {
	return openError(path, ErrCorrupt, "the write-ahead log %s-wal does not match %s (it may come from another database); Deckhand left both unchanged, so move the log out of that folder and open the file again", path, path)
}

func unreadable(path string, err error) error {
	return openError(path, err, "cannot read %s: %v", path, excerpt(unwrapPathError(err)))
}

func notRegular(path string) error {
	return openError(path, ErrNotDatabase, "%s is not a regular file (it is a device, a pipe or a socket), so it cannot be a Deckhand database; choose a database file", path)
}

func danglingLink(path, target string) error {
	return openError(path, ErrNotDatabase, "%s is a link to %s, which does not exist; fix the link or choose another file", path, target)
}

// maxExcerpt is how many characters of an error a sentence quotes.
const maxExcerpt = 120

// excerpt is the first line of what err says, cut to maxExcerpt characters,
// with every byte that is not a printable character written as an escape:
// an error may quote a damaged schema, and its bytes must not reach a
// terminal (an escape sequence) or a label as they are.
func excerpt(err error) string {
	text := strings.TrimPrefix(err.Error(), "*** in database main ***\n")
	cut := false
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text, cut = text[:i], true
	}
	var b strings.Builder
	n := 0
	for len(text) > 0 {
		if n == maxExcerpt {
			cut = true
			break
		}
		r, size := utf8.DecodeRuneInString(text)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, text[0])
		case !unicode.IsPrint(r) && r != ' ':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		text = text[size:]
		n++
	}
	if cut {
		b.WriteString(" …")
	}
	return b.String()
}
