// Package assets embeds the files Deckhand ships inside its binary: the
// default deck, the font used for printing (with its licence), the colour
// profile, the hyphenation patterns, the app icon and the user-interface
// translations. It only holds bytes; the packages that use them parse them.
package assets

import "embed"

// DefaultDeckJSON is the example deck a new database starts with, in the
// deck JSON format (sv, fi, en), based on the method published by Sitra and
// Aalto University (2021).
//
//go:embed decks/default.json
var DefaultDeckJSON []byte

// FontRegular and FontBold are Liberation Sans, embedded in every PDF.
// Licence: fonts/LICENSE-LiberationSans.txt (SIL Open Font License 1.1).
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/LICENSE-LiberationSans.txt
	FontLicence string
)

// SRGBProfile is the International Color Consortium's sRGB profile
// (IEC 61966-2-1, sRGB2014.icc), the output intent of every PDF: it tells a
// print shop's RIP that the colours are sRGB. Licence:
// icc/LICENSE-sRGB2014.txt (copied, embedded and used without restriction).
var (
	//go:embed icc/sRGB2014.icc
	SRGBProfile []byte
)

// Hyphenation holds the hyph-utf8 hyphenation patterns package hyphen
// reads: hyphenation/hyph-fi.tex (Kauko Saarinen; may be freely
// distributed), hyph-sv.tex (Jan Michael Rynning; LaTeX Project Public
// Licence, hyphenation/LICENSE-LPPL.tex) and hyph-en-us.tex (Gerard
// Kuiken, after Liang and Knuth; copied and distributed freely with its
// notice). Each file is kept unmodified, its licence in its header.
// hyphenation/fixes.txt is Deckhand's own corrections to them.
//
//go:embed hyphenation/*.tex hyphenation/fixes.txt
var Hyphenation embed.FS

// ExampleWorkshop is a recorded example workshop in the workshop file
// format, offered on first run (a copy is docs/example-workshop.json).
//
//go:embed examples/workshop.json
var ExampleWorkshop []byte

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// Translations holds the catalogue of every word Deckhand shows or prints,
// one JSON file per language (translations/en.json, sv.json, fi.json), in
// go-i18n's form, which Fyne's lang package reads for the screens and the
// package words for everything else.
//
//go:embed translations/*.json
var Translations embed.FS
