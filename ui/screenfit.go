package ui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// A window size remembered on a large screen must not open the window
// past the edges of a smaller one (the laptop without its external
// monitor): the code box at the bottom of the Workshop screen would be out
// of reach. Fyne says nothing of screens, so the work area (the screen
// less the taskbar or dock) comes from GLFW, the library Fyne's desktop
// driver runs on, on every platform.

// fitToScreen shrinks the window to the primary monitor's work area when
// it is larger. It runs on the UI goroutine of the running app, which is
// the thread GLFW answers on; without a monitor to ask (GLFW not started,
// as in tests) it leaves the window as it is.
func fitToScreen(w fyne.Window) {
	work, ok := workArea(w.Canvas().Scale())
	if !ok {
		return
	}
	if size := clampToArea(w.Canvas().Size(), work); size != w.Canvas().Size() {
		w.Resize(size)
	}
}

// workArea is the primary monitor's work area in Fyne's units: GLFW gives
// screen coordinates, Fyne's units are those divided by the canvas scale.
func workArea(scale float32) (area fyne.Size, ok bool) {
	defer func() {
		if recover() != nil { // go-gl panics with GLFW's errors
			ok = false
		}
	}()
	monitor := glfw.GetPrimaryMonitor()
	if monitor == nil || scale <= 0 {
		return fyne.Size{}, false
	}
	_, _, w, h := monitor.GetWorkarea()
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale), true
}

// windowFrame is what a window's title bar and borders take of the work
// area besides its content.
const windowFrame = 40

// clampToArea is size made to fit the work area with room for the
// window's frame.
func clampToArea(size, work fyne.Size) fyne.Size {
	return fyne.NewSize(min(size.Width, work.Width), min(size.Height, max(work.Height-windowFrame, 0)))
}
