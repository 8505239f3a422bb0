package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
)

// fpdf names an embedded subset of a TrueType font "utf8" + its family
// key ("utf8liberationsans"), where the PDF standard (ISO 32000-1, 9.6.4)
// wants the font's PostScript name behind a tag of six capital letters
// that marks it as a subset ("KQWZRT+LiberationSans"), which print shops'
// preflight and screen readers look for. writeTagged renames them in
// the finished file, and moves the cross-reference table's offsets by what
// the new names add, so the file stays whole.

// subsetNames are fpdf's names of the fonts and their PostScript names,
// the bold first: its name holds the regular one's.
var subsetNames = []struct{ fpdf, postScript string }{
	{"/utf8liberationsansB", "LiberationSans-Bold"},
	{"/utf8liberationsans", "LiberationSans"},
}

// writeTagged writes the PDF to w with its fonts' names tagged. The file
// is read and the new table made before the first byte is written, so a
// file it cannot read writes nothing; the rest goes to w in the pieces
// between the names, without another copy of the whole file.
func writeTagged(w io.Writer, pdf []byte) error {
	xrefAt, err := startXref(pdf)
	if err != nil {
		return err
	}
	table, rest, err := xrefTable(pdf[xrefAt:])
	if err != nil {
		return err
	}
	// Every place a name is replaced, in the file's order, and what it adds.
	type edit struct {
		at, old int
		name    []byte
	}
	var edits []edit
	dicts := dictionaries(pdf, table, xrefAt)
	for _, n := range subsetNames {
		old := []byte(n.fpdf)
		name := []byte("/" + subsetTag(pdf, table, dicts, old, n.postScript) + "+" + n.postScript)
		for _, d := range dicts {
			for _, at := range nameAt(pdf[d[0]:d[1]], old) {
				edits = append(edits, edit{d[0] + at, len(old), name})
			}
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	shift := func(offset int) int {
		s := 0
		for _, e := range edits {
			if e.at < offset {
				s += len(e.name) - e.old
			}
		}
		return offset + s
	}
	// The table: "xref", "0 N", then N entries of 20 bytes, offset first;
	// the trailer; then startxref with the table's new place.
	var end bytes.Buffer
	for _, line := range table {
		if len(line) == 20 && line[17] == 'n' {
			offset, err := strconv.Atoi(string(line[:10]))
			if err != nil {
				return fmt.Errorf("the PDF's cross-reference entry %q: %w", line, err)
			}
			fmt.Fprintf(&end, "%010d", shift(offset))
			line = line[10:]
		}
		end.Write(line)
	}
	i := bytes.LastIndex(rest, []byte("startxref\n"))
	if i < 0 {
		return fmt.Errorf("the PDF has no startxref")
	}
	end.Write(rest[:i])
	fmt.Fprintf(&end, "startxref\n%d\n%%%%EOF\n", shift(xrefAt))

	last := 0
	for _, e := range edits {
		if _, err := w.Write(pdf[last:e.at]); err != nil {
			return err
		}
		if _, err := w.Write(e.name); err != nil {
			return err
		}
		last = e.at + e.old
	}
	if _, err := w.Write(pdf[last:xrefAt]); err != nil {
		return err
	}
	_, err = w.Write(end.Bytes())
	return err
}

// startXref is where the cross-reference table starts, as the file's end
// says.
func startXref(pdf []byte) (int, error) {
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	if i < 0 {
		return 0, fmt.Errorf("the PDF has no startxref")
	}
	rest := pdf[i+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return 0, fmt.Errorf("the PDF's startxref has no end")
	}
	at, err := strconv.Atoi(string(rest[:end]))
	if err != nil || at <= 0 || at >= len(pdf) || !bytes.HasPrefix(pdf[at:], []byte("xref\n")) {
		return 0, fmt.Errorf("the PDF's startxref does not point at its table")
	}
	return at, nil
}

// xrefTable splits a table that starts with "xref\n" into its lines (the
// two heading lines, then the 20-byte entries) and what follows.
func xrefTable(b []byte) ([][]byte, []byte, error) {
	var lines [][]byte
	for range 2 {
		end := bytes.IndexByte(b, '\n')
		if end < 0 {
			return nil, nil, fmt.Errorf("the PDF's cross-reference table is cut short")
		}
		lines, b = append(lines, b[:end+1]), b[end+1:]
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil {
		return nil, nil, fmt.Errorf("the PDF's cross-reference table: %w", err)
	}
	if len(b) < 20*count {
		return nil, nil, fmt.Errorf("the PDF's cross-reference table is cut short")
	}
	for range count {
		lines, b = append(lines, b[:20]), b[20:]
	}
	return lines, b, nil
}

// subsetTag is six capital letters made from the font's name and its
// embedded subset (the stream its descriptor's /FontFile2 names): the
// same characters always get the same tag, and two subsets differ. The
// rest of the file is left out, since the PDF library writes some of it in
// map order.
func subsetTag(pdf []byte, table [][]byte, dicts [][2]int, fpdfName []byte, postScript string) string {
	h := sha256.New()
	h.Write([]byte(postScript))
	h.Write(fontFile(pdf, table, dicts, fpdfName))
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// fontFile is the object of the font file a font descriptor names, or nil.
func fontFile(pdf []byte, table [][]byte, dicts [][2]int, fpdfName []byte) []byte {
	descriptor := append([]byte("/FontName "), fpdfName...)
	for _, d := range dicts {
		dict := pdf[d[0]:d[1]]
		if len(nameAt(dict, descriptor)) == 0 {
			continue
		}
		ref := fontFileRef.FindSubmatch(dict)
		if ref == nil {
			return nil
		}
		n, err := strconv.Atoi(string(ref[1]))
		if err != nil || n+2 >= len(table) {
			return nil
		}
		offset, err := strconv.Atoi(string(table[n+2][:10])) // after the two heading lines
		if err != nil || offset >= len(pdf) {
			return nil
		}
		obj := pdf[offset:]
		if end := bytes.Index(obj, []byte("endobj")); end >= 0 {
			obj = obj[:end]
		}
		return obj
	}
	return nil
}

// dictionaries are the spans of the file that hold its objects' own
// words: from each object's start to its stream, if it has one, or its
// end. A stream's bytes are left out: an embedded logo may hold anything,
// a font's name too.
func dictionaries(pdf []byte, table [][]byte, xrefAt int) [][2]int {
	var spans [][2]int
	for _, line := range table[2:] {
		if len(line) != 20 || line[17] != 'n' {
			continue
		}
		start, err := strconv.Atoi(string(line[:10]))
		if err != nil || start <= 0 || start >= xrefAt {
			continue
		}
		obj := pdf[start:xrefAt]
		end := len(obj)
		if i := bytes.Index(obj, []byte("endobj")); i >= 0 {
			end = i
		}
		if i := bytes.Index(obj[:end], []byte("stream")); i >= 0 {
			end = i
		}
		spans = append(spans, [2]int{start, start + end})
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	return spans
}

// nameAt is where a PDF name stands whole in b: followed by a delimiter,
// so the regular font's name is not found at the start of the bold's.
func nameAt(b, name []byte) []int {
	var at []int
	for from := 0; ; {
		i := bytes.Index(b[from:], name)
		if i < 0 {
			return at
		}
		end := from + i + len(name)
		if end == len(b) || delimiter(b[end]) {
			at = append(at, from+i)
		}
		from = end
	}
}

var fontFileRef = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)

// delimiter reports whether c ends a PDF name.
func delimiter(c byte) bool {
	return bytes.IndexByte([]byte(" \t\r\n\f\x00()<>[]{}/%"), c) >= 0
}
