package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"slices"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/cards"
	"deckhand/raster"
)

// A deck's logo and its card types' icons are pictures the deck stores
// (cards.Image, checked and scaled when stored). Each is embedded in a PDF
// once, under a name made from its bytes, however many cards show it.

// pictureInfo is what drawing a stored picture needs to know of it.
type pictureInfo struct {
	name          string // the name it is embedded under, made from its bytes
	width, height int    // pixels; 0 × 0 when it cannot be read
	format        string
	decode        sync.Once   // the first picture drawn decodes it, the others wait for it
	img           image.Image // decoded; nil when it cannot be
}

// pictures remembers the pictures drawn last, by the bytes they are stored
// in, the one used last at the end: a deck's thousand backs hash and read
// the header of their logo, and decode it, once. It holds a few, so a logo
// changed many times in a session does not stay in memory, and enough for
// a logo and a deck's type icons. A stored picture is never changed in
// place, and an entry holds its first byte, so that byte's address and the
// length name the picture while the entry lives.
var pictures struct {
	mu      sync.Mutex
	entries []*pictureEntry
}

type pictureEntry struct {
	first *byte
	n     int
	info  *pictureInfo
}

const picturesKept = 16

// pictureOf is the picture stored in data.
func pictureOf(data cards.Image) *pictureInfo {
	if len(data) == 0 {
		return &pictureInfo{}
	}
	pictures.mu.Lock()
	defer pictures.mu.Unlock()
	for i, e := range pictures.entries {
		if e.first == &data[0] && e.n == len(data) {
			pictures.entries = append(append(pictures.entries[:i:i], pictures.entries[i+1:]...), e) // used last
			return e.info
		}
	}
	sum := sha256.Sum256(data)
	e := &pictureEntry{first: &data[0], n: len(data), info: &pictureInfo{name: "img" + hex.EncodeToString(sum[:8])}}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		e.info.width, e.info.height, e.info.format = cfg.Width, cfg.Height, format
	}
	kept := pictures.entries
	if len(kept) >= picturesKept {
		kept = kept[len(kept)-picturesKept+1:]
	}
	// A new slice, so that the entries let go are not held by the old one.
	pictures.entries = append(slices.Clone(kept), e)
	return e.info
}

// fitImage is the largest box of the picture's proportions inside the box
// x, y, w × h, centred in it; ok is false for a picture that cannot be read.
func fitImage(data cards.Image, x, y, w, h float64) (bx, by, bw, bh float64, ok bool) {
	p := pictureOf(data)
	pw, ph := p.width, p.height
	if pw == 0 || ph == 0 || w <= 0 || h <= 0 {
		return 0, 0, 0, 0, false
	}
	scale := min(w/float64(pw), h/float64(ph))
	bw, bh = float64(pw)*scale, float64(ph)*scale
	return x + (w-bw)/2, y + (h-bh)/2, bw, bh, true
}

// placeImage draws a stored picture into the box x, y, w × h of the page,
// embedding it the first time the document shows it.
func placeImage(doc *fpdf.Fpdf, data cards.Image, x, y, w, h float64) {
	p := pictureOf(data)
	opts := fpdf.ImageOptions{ImageType: "PNG", ReadDpi: false}
	if p.format == "jpeg" {
		opts.ImageType = "JPG"
	}
	name := p.name
	if doc.GetImageInfo(name) == nil {
		doc.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
	}
	doc.ImageOptions(name, x, y, w, h, false, opts, 0, "")
}

// DecodedImage is a stored picture decoded, or nil when it cannot be read:
// for the card pictures and the app's preview, decoded once however many
// sides show it, and a picture that cannot be read is tried once.
func DecodedImage(data cards.Image) image.Image {
	p := pictureOf(data)
	if p.width == 0 {
		return nil
	}
	p.decode.Do(func() {
		if img, err := raster.Decode(data); err == nil {
			p.img = img
		}
	})
	return p.img
}

// logoShapes are a logo on a white plate, fitted into the box x, y, w × h:
// a logo is drawn for a white ground, so it reads on any back colour.
func logoShapes(logo cards.Image, x, y, w, h, pad float64) []Shape {
	bx, by, bw, bh, ok := fitImage(logo, x+pad, y+pad, w-2*pad, h-2*pad)
	if !ok {
		return nil
	}
	return []Shape{
		{Kind: ShapeRect, X: bx - pad, Y: by - pad, W: bw + 2*pad, H: bh + 2*pad, Colour: white},
		{Kind: ShapeImage, X: bx, Y: by, W: bw, H: bh, Image: logo},
	}
}
