package storage

import (
	"encoding/binary"
	"errors"
	"io"
	"os"

	"deckhand/message"
)

// The structural checks Open runs before SQLite reads the file, in Go and
// on the raw bytes: they cost a few reads of the file's header and of its
// write-ahead log, and they catch what SQLite's checks cannot see because
// SQLite itself hides it.
//
//   - A file cut short or added to by a few bytes (a copy that stopped, a
//     sync tool's partial upload) still opens: SQLite reads the whole pages
//     it finds and treats the rest as if it were never there, so a note
//     loses its end without a word. A database is always a whole number of
//     pages.
//   - A file missing whole pages at its end opens too while its header's
//     page count is trusted only by SQLite's later reads: when the log holds
//     nothing, the file must be as long as its header says.
//   - A write-ahead log with a changed byte in one frame is replayed by
//     SQLite only up to that frame: every transaction committed after it is
//     dropped without an error. The log's frames carry salts and cumulative
//     checksums (https://www.sqlite.org/walformat.html), so a commit frame
//     after the break that is sound itself shows committed data would be
//     lost.

// walHeaderSize and walFrameHeaderSize are fixed by the WAL format.
const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagicLE         = 0x377f0682 // checksums over little-endian words
	walMagicBE         = 0x377f0683 // checksums over big-endian words
)

// structureProblem is the refusal of a file whose structure is wrong, or nil.
// header is the file's first 100 bytes (already known to be SQLite's and
// sane), size its length.
func structureProblem(header []byte, size int64, path string) error {
	pageSize := headerPageSize(header)
	if size%int64(pageSize) != 0 {
		return openError(path, ErrCorrupt, "%s is damaged: its size, %d bytes, is not a whole number of its %d-byte pages, so it was cut short or added to; Deckhand left it unchanged, so restore it from a backup", path, size, pageSize)
	}
	log, err := readWAL(path+"-wal", pageSize)
	if err != nil {
		return unreadable(path, err)
	}
	switch {
	case log.badHeader:
		return openError(path, ErrCorrupt, "the write-ahead log %s-wal has a damaged header, so the changes saved in it would be lost; Deckhand left it and %s unchanged, so restore a backup", path, path)
	case log.dropped > 0:
		return &OpenError{Path: path, Kind: ErrCorrupt, text: message.Count(log.dropped,
			"the write-ahead log %s-wal is damaged at frame %d, so %d saved change after it would be lost; Deckhand left it and %s unchanged, so restore a backup",
			"the write-ahead log %s-wal is damaged at frame %d, so %d saved changes after it would be lost; Deckhand left it and %s unchanged, so restore a backup", path, log.broken, log.dropped, path)}
	}
	// The header's page count is valid only when it was written with the
	// change counter it sits beside (SQLite 3.7.0 and later); with commits in
	// the log, the file's own size lags behind them.
	count := int64(binary.BigEndian.Uint32(header[28:32]))
	valid := count > 0 && string(header[24:28]) == string(header[92:96])
	if valid && log.commits == 0 && size < count*int64(pageSize) {
		return openError(path, ErrCorrupt, "%s is damaged: it is %d bytes long but its header says %d pages of %d bytes, so its end is missing; Deckhand left it unchanged, so restore it from a backup", path, size, count, pageSize)
	}
	return nil
}

// headerPageSize is the page size a (sane) SQLite header gives.
func headerPageSize(h []byte) int {
	size := int(binary.BigEndian.Uint16(h[16:18]))
	if size == 1 {
		size = 65536
	}
	return size
}

// walScan is what readWAL found in a log: how many commit frames SQLite
// would replay, and, when a frame is broken, the frame (counted from 1)
// and how many sound commit frames of the same log follow it.
type walScan struct {
	commits   int
	broken    int
	dropped   int
	badHeader bool // frames follow a header that is not one
}

// readWAL reads the write-ahead log at path as SQLite's recovery does: the
// header, then frame after frame while the salts match the header's and the
// cumulative checksum holds. Past the first frame that fails, it looks for
// commit frames that are sound in themselves (the header's salts, and a
// checksum that continues from the stored checksum of the frame before):
// those are committed transactions SQLite would drop. A log that is absent
// or too short for one frame holds nothing; a log whose header is not one
// (another program's file, a header overwritten) while frames follow is
// damaged, since SQLite would ignore every frame in it.
func readWAL(path string, pageSize int) (walScan, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return walScan{}, nil
	}
	if err != nil {
		return walScan{}, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return walScan{}, err
	}
	frameSize := walFrameHeaderSize + pageSize
	if len(b) < walHeaderSize+frameSize {
		return walScan{}, nil
	}
	magic := binary.BigEndian.Uint32(b[0:4])
	var order binary.ByteOrder = binary.LittleEndian
	if magic == walMagicBE {
		order = binary.BigEndian
	}
	s0, s1 := walChecksum(order, b[:24], 0, 0)
	if (magic != walMagicLE && magic != walMagicBE) ||
		s0 != binary.BigEndian.Uint32(b[24:28]) || s1 != binary.BigEndian.Uint32(b[28:32]) {
		return walScan{badHeader: true}, nil
	}
	if int(binary.BigEndian.Uint32(b[8:12])) != pageSize {
		return walScan{}, nil // another database's log: the probe names it
	}
	salts := b[16:24]
	var scan walScan
	prev0, prev1 := s0, s1 // the stored checksum of the frame before
	good := true           // every frame so far passed
	for i, off := 0, walHeaderSize; off+frameSize <= len(b); i, off = i+1, off+frameSize {
		fh := b[off : off+walFrameHeaderSize]
		c0, c1 := walChecksum(order, fh[:8], prev0, prev1)
		c0, c1 = walChecksum(order, b[off+walFrameHeaderSize:off+frameSize], c0, c1)
		sound := string(fh[8:16]) == string(salts) &&
			c0 == binary.BigEndian.Uint32(fh[16:20]) && c1 == binary.BigEndian.Uint32(fh[20:24])
		commit := binary.BigEndian.Uint32(fh[4:8]) != 0
		switch {
		case good && sound:
			if commit {
				scan.commits++
			}
		case good:
			good = false
			scan.broken = i + 1
		case sound && commit:
			scan.dropped++
		}
		prev0, prev1 = binary.BigEndian.Uint32(fh[16:20]), binary.BigEndian.Uint32(fh[20:24])
	}
	return scan, nil
}

// walChecksum continues the WAL's checksum over b (a multiple of 8 bytes),
// read as 32-bit words in order.
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}
