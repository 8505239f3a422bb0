// Package raster draws shapes and text into images, in Go: polygons filled
// with x/image/vector's anti-aliasing rasterizer, lines and outlines as thin
// filled bands, and text in the embedded Liberation Sans, the print font.
// Nothing asks the system for a font or a library, so a picture is the same
// on Linux, Windows and macOS.
//
// It is the home of golang.org/x/image: the matrix chart's PNG (package
// chart) and the card and board images (package pdf) draw through it.
package raster
