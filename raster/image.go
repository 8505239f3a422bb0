package raster

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // stored logos and icons are PNG or JPEG
	"image/png"
	"math"

	xdraw "golang.org/x/image/draw"
)

// Decode reads a stored PNG or JPEG.
func Decode(data []byte) (image.Image, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	return img, err
}

// FitImage returns a PNG or JPEG ready to store and print: the very same
// bytes when it is at most side pixels a side and in a form every PDF
// reader takes, so a file read and written again is byte for byte the
// same; otherwise a PNG of it scaled to side pixels on its longer side
// (Catmull-Rom, as an image editor scales), or at its size when only its
// form was the trouble (a 16-bit or interlaced PNG, which the PDF
// library cannot embed). The caller has checked the header (cards.CheckImage)
// and passes the picture decoded, so that it is decoded once.
func FitImage(data []byte, img image.Image, side int) ([]byte, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	large := max(cfg.Width, cfg.Height) > side
	if !large && (format != "png" || plainPNG(data)) {
		return data, nil
	}
	out := img
	if large {
		scale := float64(side) / float64(max(cfg.Width, cfg.Height))
		w := max(1, int(math.Round(float64(cfg.Width)*scale)))
		h := max(1, int(math.Round(float64(cfg.Height)*scale)))
		dst := image.NewNRGBA(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), xdraw.Src, nil)
		out = dst
	} else {
		dst := image.NewNRGBA(img.Bounds())
		draw.Draw(dst, dst.Bounds(), img, img.Bounds().Min, draw.Src)
		out = dst
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("encode the scaled picture: %w", err)
	}
	return buf.Bytes(), nil
}

// plainPNG reports whether a PNG has 8 bits a sample (or fewer) and no
// interlacing, read from its header chunk.
func plainPNG(data []byte) bool {
	// The 8-byte signature, then IHDR: length, type, width, height, bit
	// depth, colour type, compression, filter, interlace.
	if len(data) < 29 || string(data[12:16]) != "IHDR" {
		return false
	}
	return data[24] <= 8 && data[28] == 0
}

// Image draws img into the box x, y, w × h (drawing units), scaled with
// Catmull-Rom and laid over what is there by its transparency.
func (c *Canvas) Image(img image.Image, x, y, w, h float64) {
	x0, y0 := c.px(Point{x, y})
	x1, y1 := c.px(Point{x + w, y + h})
	box := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
	if box.Empty() {
		return
	}
	xdraw.CatmullRom.Scale(c.Img, box, img, img.Bounds(), xdraw.Over, nil)
}
