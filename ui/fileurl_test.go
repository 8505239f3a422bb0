package ui

import (
	"net/url"
	"path/filepath"
	"testing"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
	"deckhand/ui/print"

	"fyne.io/fyne/v2"
)

// A file's address is what the desktop's program opens on each system:
// three slashes before a path from the root or a drive, a server's name
// after two, and every space, non-ASCII letter and sign a URL would read
// otherwise escaped.
func TestFileAddressesAreRightOnEverySystem(t *testing.T) {
	for _, c := range []struct {
		path    string
		windows bool
		want    string
	}{
		{"/home/anna/Deckhand/cards.pdf", false, "file:///home/anna/Deckhand/cards.pdf"},
		{"/home/anna/Mina kort/kort för Åsa.pdf", false, "file:///home/anna/Mina%20kort/kort%20f%C3%B6r%20%C3%85sa.pdf"},
		{"/Users/anna/Library/Mobile Documents/Työpaja #2?100%.pdf", false, "file:///Users/anna/Library/Mobile%20Documents/Ty%C3%B6paja%20%232%3F100%25.pdf"},
		{`/home/anna/a\b.pdf`, false, "file:///home/anna/a%5Cb.pdf"}, // a backslash is a letter of a name there
		{`C:\Users\anna\Deckhand\cards.pdf`, true, "file:///C:/Users/anna/Deckhand/cards.pdf"},
		{`C:\Users\Åsa Öberg\Deckhand\kort 1.pdf`, true, "file:///C:/Users/%C3%85sa%20%C3%96berg/Deckhand/kort%201.pdf"},
		{`D:\`, true, "file:///D:/"},
		{`C:/Users/anna/cards.pdf`, true, "file:///C:/Users/anna/cards.pdf"},
		{`\\fileserver\workshops\Kevät 2026\cards.pdf`, true, "file://fileserver/workshops/Kev%C3%A4t%202026/cards.pdf"},
		{`\\?\C:\Users\anna\cards.pdf`, true, "file:///C:/Users/anna/cards.pdf"},
		{`\\?\UNC\fileserver\workshops\cards.pdf`, true, "file://fileserver/workshops/cards.pdf"},
	} {
		if got := kit.FileURLOf(c.path, c.windows).String(); got != c.want {
			t.Errorf("the address of %q (Windows %v) is %s, want %s", c.path, c.windows, got, c.want)
		}
	}
}

// openedURLs is an app that keeps the addresses it is asked to open.
type openedURLs struct {
	fyne.App
	urls []string
}

func (a *openedURLs) OpenURL(u *url.URL) error {
	a.urls = append(a.urls, u.String())
	return nil
}

// Open PDF and Show in folder hand the desktop the file's and the folder's
// addresses.
func TestOpenPDFOpensTheFilesAddress(t *testing.T) {
	f := uitest.NewFixture(t)
	p := print.New(f.App, f.Win, f.Store)
	opened := &openedURLs{App: f.App}
	p.App = opened
	dir := filepath.Join(t.TempDir(), "Mina kort")
	p.ShowResult([]string{filepath.Join(dir, "kort för Åsa.pdf")}, nil)
	dialog := f.Win.Canvas().Overlays().Top()
	if dialog == nil {
		t.Fatal("a print shows no dialog")
	}
	uitest.TapButtonIn(t, dialog, "Open PDF")
	uitest.TapButtonIn(t, dialog, "Show in folder")
	want := []string{
		(&url.URL{Scheme: "file", Path: dir + "/kort för Åsa.pdf"}).String(),
		(&url.URL{Scheme: "file", Path: dir}).String(),
	}
	if len(opened.urls) != 2 || opened.urls[0] != want[0] || opened.urls[1] != want[1] {
		t.Errorf("opened %q, want %q", opened.urls, want)
	}
}
