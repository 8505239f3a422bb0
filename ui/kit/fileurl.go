package kit

import (
	"net/url"
	"path/filepath"
	"strings"
)

// FileURL is the file:// address of a file or folder, which the desktop's
// program for it opens: file:///home/anna/Mina%20kort/kort.pdf on Linux and
// macOS, file:///C:/Users/anna/kort.pdf on Windows, where a path written
// into a URL as it is (C:\Users\…) is not an address at all.
func FileURL(path string) *url.URL {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return FileURLOf(path, filepath.Separator == '\\')
}

// FileURLOf is the address of a path of Windows (backslashes, a drive, a
// server's share) or, with windows false, of Linux and macOS, whatever
// system this is, so that each can be tested on any. The path is kept
// whole in Path: url.URL escapes spaces, non-ASCII letters and the signs
// that would end a path (?, #, %) when it writes the address.
func FileURLOf(path string, windows bool) *url.URL {
	if !windows {
		return &url.URL{Scheme: "file", Path: path}
	}
	p := strings.ReplaceAll(path, `\`, "/")
	// \\?\C:\… and \\?\UNC\server\share\… are the long forms of C:\… and
	// \\server\share\….
	if long, ok := strings.CutPrefix(p, "//?/"); ok {
		if share, ok := strings.CutPrefix(long, "UNC/"); ok {
			p = "//" + share
		} else {
			p = long
		}
	}
	if share, ok := strings.CutPrefix(p, "//"); ok {
		host, rest, _ := strings.Cut(share, "/")
		return &url.URL{Scheme: "file", Host: host, Path: "/" + rest}
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // file:///C:/…: the drive is the path's first part
	}
	return &url.URL{Scheme: "file", Path: p}
}
