package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/cards"
	"deckhand/raster"
)

// A deck's logo and its card types' icons are pictures the deck stores
// (cards.Image, checked and scaled when stored). Each is embedded in a PDF
// once, under a name made from its bytes, however many cards show it.

// imageName is the name a picture is embedded under.
func imageName(data cards.Image) string {
	sum := sha256.Sum256(data)
	return "img" + hex.EncodeToString(sum[:8])
}

// imageSize is a stored picture's size in pixels, 0 × 0 when unreadable.
func imageSize(data cards.Image) (w, h int, format string) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, ""
	}
	return cfg.Width, cfg.Height, format
}

// fitImage is the largest box of the picture's proportions inside the box
// x, y, w × h, centred in it; ok is false for a picture that cannot be read.
func fitImage(data cards.Image, x, y, w, h float64) (bx, by, bw, bh float64, ok bool) {
	pw, ph, _ := imageSize(data)
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
	_, _, format := imageSize(data)
	opts := fpdf.ImageOptions{ImageType: "PNG", ReadDpi: false}
	if format == "jpeg" {
		opts.ImageType = "JPG"
	}
	name := imageName(data)
	if doc.GetImageInfo(name) == nil {
		doc.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
	}
	doc.ImageOptions(name, x, y, w, h, false, opts, 0, "")
}

// decoded holds the pictures decoded for drawing into pictures, by
// name: a thousand backs decode their logo once.
var decoded sync.Map

// DecodedImage is a stored picture decoded, or nil when it cannot be read:
// for the card pictures and the app's preview, decoded once however many
// sides show it.
func DecodedImage(data cards.Image) image.Image {
	name := imageName(data)
	if img, ok := decoded.Load(name); ok {
		return img.(image.Image)
	}
	img, err := raster.Decode(data)
	if err != nil {
		return nil
	}
	decoded.Store(name, img)
	return img
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
