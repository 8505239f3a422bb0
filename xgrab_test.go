package main

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"strconv"
	"strings"
	"time"
)

// xGrabber reads pixels of a window straight from an X server with the
// core protocol's GetImage: a few milliseconds a look, where starting
// ImageMagick's import takes a quarter of a second, too coarse to time when
// a window's content first appears. It speaks just enough of the protocol
// for an Xvfb without access control, as startXvfb starts it.
type xGrabber struct {
	conn net.Conn
}

// dialX connects to display (":N") over its local socket.
func dialX(display string) (*xGrabber, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(display, ":"))
	if err != nil {
		return nil, fmt.Errorf("display %q: %w", display, err)
	}
	conn, err := net.Dial("unix", fmt.Sprintf("/tmp/.X11-unix/X%d", n))
	if err != nil {
		return nil, err
	}
	// Setup: little-endian, protocol 11.0, no authorisation.
	setup := []byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := conn.Write(setup); err != nil {
		conn.Close()
		return nil, err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(conn, head); err != nil {
		conn.Close()
		return nil, err
	}
	rest := int(binary.LittleEndian.Uint16(head[6:])) * 4
	if _, err := io.CopyN(io.Discard, conn, int64(rest)); err != nil {
		conn.Close()
		return nil, err
	}
	if head[0] != 1 {
		conn.Close()
		return nil, fmt.Errorf("the X server refused the connection (status %d)", head[0])
	}
	return &xGrabber{conn: conn}, nil
}

func (g *xGrabber) Close() error { return g.conn.Close() }

// reply reads the first 32 bytes of the reply to the request just sent.
// Events that come before it are skipped: the server sends MappingNotify
// to every client, selected or not, each time xdotool changes the keyboard
// mapping to type a character.
func (g *xGrabber) reply() ([]byte, error) {
	head := make([]byte, 32)
	for {
		if _, err := io.ReadFull(g.conn, head); err != nil {
			return nil, err
		}
		switch head[0] {
		case 0:
			return nil, fmt.Errorf("X error %d", head[1])
		case 1:
			return head, nil
		}
	}
}

// pixels reads the rectangle (x, y, w, h) of window, 32 bits a pixel.
func (g *xGrabber) pixels(window uint32, x, y, w, h int) ([]byte, error) {
	req := make([]byte, 20)
	req[0], req[1] = 73, 2 // GetImage, ZPixmap
	binary.LittleEndian.PutUint16(req[2:], 5)
	binary.LittleEndian.PutUint32(req[4:], window)
	binary.LittleEndian.PutUint16(req[8:], uint16(x))
	binary.LittleEndian.PutUint16(req[10:], uint16(y))
	binary.LittleEndian.PutUint16(req[12:], uint16(w))
	binary.LittleEndian.PutUint16(req[14:], uint16(h))
	binary.LittleEndian.PutUint32(req[16:], 0xFFFFFFFF)
	if _, err := g.conn.Write(req); err != nil {
		return nil, err
	}
	head, err := g.reply()
	if err != nil {
		return nil, fmt.Errorf("GetImage: %w", err)
	}
	data := make([]byte, int(binary.LittleEndian.Uint32(head[4:]))*4)
	if _, err := io.ReadFull(g.conn, data); err != nil {
		return nil, err
	}
	return data, nil
}

// colours counts the distinct colours in the rectangle (x, y, w, h) of
// window: one for a window that shows only its background, dozens once
// text and icons are drawn.
func (g *xGrabber) colours(window uint32, x, y, w, h int) (int, error) {
	data, err := g.pixels(window, x, y, w, h)
	if err != nil {
		return 0, err
	}
	// Depth 24 comes as 32 bits a pixel; the top byte is padding.
	seen := map[uint32]bool{}
	for i := 0; i+4 <= len(data); i += 4 {
		seen[binary.LittleEndian.Uint32(data[i:])&0xFFFFFF] = true
	}
	return len(seen), nil
}

// look is a fingerprint of what the rectangle (0, 0, w, h) of window
// shows.
func (g *xGrabber) look(window uint32, w, h int) (uint64, error) {
	return g.lookAt(window, rect{w: w, h: h})
}

// lookAt is a fingerprint of what the rectangle r of window shows.
func (g *xGrabber) lookAt(window uint32, r rect) (uint64, error) {
	data, err := g.pixels(window, r.x, r.y, r.w, r.h)
	if err != nil {
		return 0, err
	}
	f := fnv.New64a()
	f.Write(data)
	return f.Sum64(), nil
}

// waitSettled waits, after a key was sent to window, until what it shows
// differs from before and then stays the same for quiet: the app has
// answered the key and drawn the answer. A key that changes nothing on
// screen is given changeBy to show its effect before the wait gives up on
// a change. It polls the pixels rather than sleeping a guess.
func (g *xGrabber) waitSettled(window uint32, w, h int, before uint64, changeBy, quiet, timeout time.Duration) error {
	start := time.Now()
	last, err := g.look(window, w, h)
	if err != nil {
		return err
	}
	changed, since := last != before, time.Now()
	for end := start.Add(timeout); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		now, err := g.look(window, w, h)
		if err != nil {
			return err
		}
		if now != last {
			changed, last, since = changed || now != before, now, time.Now()
			continue
		}
		if (changed || time.Since(start) >= changeBy) && time.Since(since) >= quiet {
			return nil
		}
	}
	return fmt.Errorf("window %#x kept changing for %s after a key", window, timeout)
}

// waitForText polls window until text is drawn in its top-left strip (the
// menu bar and the tabs, for Deckhand), and returns when it saw it. The app
// maps its window before its screens are built (ui.showMainWindow), so a
// mapped window is not yet a drawn one.
func waitForText(display string, window uint32, timeout time.Duration) (time.Time, error) {
	return waitForTextIn(display, window, 600, 80, timeout)
}

// waitForTextIn is waitForText for a strip w × h at the window's top left,
// which must lie inside the window (a smaller window than the main one).
func waitForTextIn(display string, window uint32, w, h int, timeout time.Duration) (time.Time, error) {
	return waitForTextAt(display, window, rect{w: w, h: h}, timeout)
}

// rect is a rectangle of a window, in its pixels: x, y from its top left.
type rect struct{ x, y, w, h int }

// waitForTextAt is waitForText for the rectangle r of window.
func waitForTextAt(display string, window uint32, r rect, timeout time.Duration) (time.Time, error) {
	x, err := dialX(display)
	if err != nil {
		return time.Time{}, err
	}
	defer x.Close()
	for end := time.Now().Add(timeout); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		// An empty window has one colour; antialiased text and icons
		// bring dozens.
		if n, err := x.colours(window, r.x, r.y, r.w, r.h); err == nil && n >= 20 {
			return time.Now(), nil
		}
	}
	return time.Time{}, fmt.Errorf("window %#x drew no text within %s", window, timeout)
}

// settleWindow waits up to changeBy for the whole of window to change,
// then until it is still: the lists of a screen just drawn have filled.
func settleWindow(display string, window uint32, changeBy time.Duration) error {
	x, err := dialX(display)
	if err != nil {
		return err
	}
	defer x.Close()
	w, h, err := x.size(window)
	if err != nil {
		return err
	}
	before, err := x.look(window, w, h)
	if err != nil {
		return err
	}
	return x.waitSettled(window, w, h, before, changeBy, 300*time.Millisecond, 30*time.Second)
}

// size is window's width and height (GetGeometry).
func (g *xGrabber) size(window uint32) (int, int, error) {
	req := make([]byte, 8)
	req[0] = 14 // GetGeometry
	binary.LittleEndian.PutUint16(req[2:], 2)
	binary.LittleEndian.PutUint32(req[4:], window)
	if _, err := g.conn.Write(req); err != nil {
		return 0, 0, err
	}
	reply, err := g.reply()
	if err != nil {
		return 0, 0, fmt.Errorf("GetGeometry: %w", err)
	}
	return int(binary.LittleEndian.Uint16(reply[16:])), int(binary.LittleEndian.Uint16(reply[18:])), nil
}
