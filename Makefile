# Deckhand's two promises: `make run` and `make test` work on a fresh Debian or
# Ubuntu machine. Each installs the system packages it needs when they are
# missing (with apt-get, as root or through sudo), then builds.

GO        ?= go
TAGS      := migrated_fynedo
BINARY    := deckhand
BUILD_PKGS := gcc libgl1-mesa-dev xorg-dev
TEST_PKGS  := xvfb xdotool imagemagick poppler-utils sqlite3
# LibreOffice Calc opens the results workbook in one test (workbook/); about
# 300 MB installed, so only make test installs it, not the targets that
# share TEST_PKGS.
OFFICE_PKGS := libreoffice-calc-nogui
# Real Syncthing instances carry the team folder between three Deckhand
# processes in one test (team-sync), on loopback only.
SYNC_PKGS := syncthing
PACKAGE_PKGS := xz-utils desktop-file-utils
WINDOWS_PKGS := gcc-mingw-w64-x86-64 zip
WINE_PKGS := wine wine64 xvfb xdotool imagemagick poppler-utils tesseract-ocr
STARTUP_PKGS := xvfb x11-utils xdotool
STARTUP_RUNS ?= 9
DAY_RUNS ?= fi:1366x768 sv:1024x700 sv:1366x768 fi:1024x700
# Fuzz budgets are counts of inputs, not durations: Go 1.26's fuzzing
# coordinator can fail a target with "context deadline exceeded" when a
# duration ends while a worker is mid-input (Go issue 75804, fixed in
# 1.27), which a count has no deadline to race. Each is about 10 s here.
FUZZ_CSV      ?= 200000x
FUZZ_JSON     ?= 40000x
FUZZ_WORKSHOP ?= 40000x
FUZZ_SHARED   ?= 40000x
FUZZ_MINIMIZE ?= 2000x

# Fyne reads the locale when it starts and logs an error for "C" (also
# C.UTF-8); tests and the app run under a named UTF-8 locale.
export LANG := $(if $(filter C C.% POSIX,$(LANG)),en_US.UTF-8,$(or $(LANG),en_US.UTF-8))

.PHONY: run build test lint deps test-deps office-deps unit race fuzz smoke e2e darwin-check screenshots tour package package-check package-windows windows-check team-sync startup clean

run: deps build
	./$(BINARY)

build:
	$(GO) build -tags $(TAGS) -o $(BINARY) .

test: deps test-deps office-deps lint unit race fuzz smoke e2e team-sync darwin-check windows-check

unit:
	$(GO) test -tags $(TAGS) -count=1 ./...

# The race detector over the code that prints: two PDFs written at once, and
# the Print screen's background print while preflight renders. The two
# geometry tests that print every size, paper and layout run on one
# goroutine and take minutes under the detector; unit runs them.
RACE_SKIP = TestBacksStandBehindTheirFrontsTheSameWayUp|TestMarksAndNoteKeepClearOfTheEdgeAndEachOther
race:
	$(GO) test -tags $(TAGS) -race -count=1 -skip '$(RACE_SKIP)' ./pdf/ ./cards/
	$(GO) test -tags $(TAGS) -race -count=1 -run 'TestBackgroundPrintWhilePreflightRenders|TestPrint' ./ui/print/

# The readers of files people bring (deck CSV and JSON, shared decks, workshop files) are fuzzed
# briefly on every test run.
fuzz:
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz FuzzReadCSV -fuzztime $(FUZZ_CSV) -fuzzminimizetime $(FUZZ_MINIMIZE) ./cards
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz FuzzReadJSON -fuzztime $(FUZZ_JSON) -fuzzminimizetime $(FUZZ_MINIMIZE) ./cards
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz FuzzReadShared -fuzztime $(FUZZ_SHARED) -fuzzminimizetime $(FUZZ_MINIMIZE) ./cards
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz FuzzReadWorkshopFile -fuzztime $(FUZZ_WORKSHOP) -fuzzminimizetime $(FUZZ_MINIMIZE) ./game

# The real binary under a virtual display, with a screenshot of its window.
smoke:
	DECKHAND_SMOKE=1 $(GO) test -tags $(TAGS) -count=1 -run TestSmoke -v .

# The real binary driven by keyboard under a virtual display (xdotool): a new
# workshop, a card placed and rated, checked with the command line. The
# screenshots of each step stay in build/e2e/.
e2e:
	DECKHAND_E2E=1 $(GO) test -tags $(TAGS) -count=1 -run TestEndToEnd -v .

# The README's screenshots, taken from the real binary by keyboard under a
# virtual display; `make tour` takes the same tour in English, Swedish and
# Finnish into build/tour/ to go through.
screenshots: deps test-deps
	DECKHAND_TOUR=docs/screenshots DECKHAND_TOUR_LANGS="en fi" $(GO) test -tags $(TAGS) -count=1 -run TestTourScreenshots -v .

tour: deps test-deps
	DECKHAND_TOUR=build/tour DECKHAND_TOUR_LANGS="en sv fi" $(GO) test -tags $(TAGS) -count=1 -run TestTourScreenshots -v .

# A workshop day by keyboard (three tables, four participants each, blind
# rounds, the room view), in Finnish on a 1366×768 screen and in Swedish on
# a 1024×700 one, screenshots in build/day/ (day_test.go); minutes long,
# so not in make test.
day: deps test-deps
	DECKHAND_DAY=build/day DECKHAND_DAY_RUNS="$(DAY_RUNS)" $(GO) test -tags $(TAGS) -count=1 -run TestWorkshopDayByKeyboard -v -timeout 30m .

# The Linux desktop package, dist/Deckhand.tar.xz: binary, icon, desktop
# entry and an installing Makefile, made by the pinned `fyne package`
# (scripts/package.sh says how and why).
package: deps
	@sh scripts/ensure-packages.sh $(PACKAGE_PKGS)
	GO=$(GO) sh scripts/package.sh

# Packages, then checks the tarball: its files, the binary's build tag, the
# desktop entry with desktop-file-validate, a user install. Not part of
# `make test`: packaging compiles the app again with fyne's hardened C flags
# (several minutes on a fresh machine; about 40 s with a warm build cache,
# most of it xz).
package-check: package
	GO=$(GO) sh scripts/package-check.sh

# The Windows package, dist/Deckhand-windows-amd64.zip: Deckhand.exe (the
# desktop app, with icon and version, by the pinned `fyne package`),
# deckhand-cli.exe (the console command line), the fonts' licence and a
# READ-ME in Swedish, Finnish and English, cross-built with mingw-w64
# (scripts/package-windows.sh).
package-windows: deps
	@sh scripts/ensure-packages.sh $(WINDOWS_PKGS)
	GO=$(GO) sh scripts/package-windows.sh

# The Windows package's programs run under Wine, in a Wine prefix of the
# test's own: the main commands on a fresh database in %AppData%, and the
# desktop app under Xvfb in English and then Finnish (wine_test.go; the
# screenshots stay in build/windows/).
windows-check: package-windows
	@sh scripts/ensure-packages.sh $(WINE_PKGS)
	DECKHAND_WINE=1 $(GO) test -tags $(TAGS) -count=1 -run TestWindowsPackageUnderWine -v -timeout 30m .

# Every package without Fyne builds for macOS. No macOS SDK is here, so
# without cgo: go-sqlite3 then builds as its stub, and the one file that
# needs its cgo types (storage/sqlite_cgo.go) has a twin for that build,
# sqlite_nocgo.go; the cgo one is checked in the Linux build (docs/macos.md).
darwin-check:
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) build -tags $(TAGS) ./message ./cards ./game ./storage ./pdf ./chart ./cli ./cmd/deckhand-cli ./assets
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) vet -tags $(TAGS) ./message ./cards ./game ./storage ./pdf ./chart ./cli ./cmd/deckhand-cli ./assets

# Time from launch until the window maps, until the Decks screen's card
# list is drawn and until a click on it is answered, the app's against a
# bare Fyne window's showing the same list, under Xvfb (startup_test.go).
# It reports and never fails on time; docs/performance.md keeps the
# figures.
startup: deps
	@sh scripts/ensure-packages.sh $(STARTUP_PKGS)
	DECKHAND_STARTUP=1 DECKHAND_STARTUP_RUNS=$(STARTUP_RUNS) $(GO) test -tags $(TAGS) -count=1 -run TestStartupTime -v -timeout 30m .

lint:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(GO) tool staticcheck -tags $(TAGS) ./...

deps:
	@command -v $(GO) >/dev/null 2>&1 || { echo "Go 1.26 is needed to build Deckhand: install it and put go on your PATH." >&2; exit 1; }
	@sh scripts/ensure-packages.sh $(BUILD_PKGS)

test-deps:
	@sh scripts/ensure-packages.sh $(TEST_PKGS)

# The team folder carried by real Syncthing: three instances started by the
# test on 127.0.0.1, each with its own home and ports, and three deckhand
# sync processes on three databases. Where Syncthing cannot be installed,
# it says so and the rest of make test goes on.
team-sync:
	@if sh scripts/ensure-packages.sh $(SYNC_PKGS); then \
		DECKHAND_SYNCTHING=1 $(GO) test -tags $(TAGS) -count=1 -run 'TestSyncthingHarness|TestTeamFolderOverSyncthing' -v -timeout 15m . ; \
	else \
		echo "Syncthing could not be installed: the team folder was NOT tested over a real sync engine." >&2; \
	fi

office-deps:
	@sh scripts/ensure-packages.sh $(OFFICE_PKGS)

clean:
	rm -f $(BINARY)
	rm -rf dist
