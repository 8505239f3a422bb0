package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"text/template"
	"time"
)

// syncthingPeer is one real Syncthing instance started by a test: its own
// home (keys and config), its own loopback ports, and the shared folder
// it keeps in step with the other instances of the same cluster.
type syncthingPeer struct {
	name     string
	home     string
	folder   string
	deviceID string
	listen   string // sync protocol address, 127.0.0.1:port
	gui      string // REST address, 127.0.0.1:port
	apiKey   string
	cmd      *exec.Cmd
	log      *lockedBuffer
}

// syncthingFolderID is the folder id every instance of a cluster shares.
const syncthingFolderID = "deckhand-team"

// startSyncthingCluster starts n Syncthing instances on 127.0.0.1 only,
// each sharing one folder with all the others, with global discovery,
// relays, NAT traversal, usage reports, upgrades and crash reports off, so
// nothing leaves the machine. It waits until every instance is connected
// to every other and stops them all when the test ends. The folder is
// rescanned every 2 s and watched with a 1 s delay, as close to the
// engine's defaults (60 s rescan, 10 s watch delay) as a test can afford
// to be while staying a real engine; docs/team-folder.md says what the
// defaults give.
func startSyncthingCluster(t *testing.T, n int) []*syncthingPeer {
	t.Helper()
	bin, err := exec.LookPath("syncthing")
	if err != nil {
		t.Skip("syncthing is not installed (make team-sync installs Debian's syncthing); the team folder was not tested over a real engine")
	}
	root := t.TempDir()
	peers := make([]*syncthingPeer, n)
	for i := range peers {
		p := &syncthingPeer{name: fmt.Sprintf("laptop%d", i+1)}
		p.home = filepath.Join(root, p.name, "home")
		p.folder = filepath.Join(root, p.name, "team")
		if err := os.MkdirAll(p.folder, 0o755); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "generate", "--home", p.home, "--no-default-folder").CombinedOutput()
		if err != nil {
			t.Fatalf("syncthing generate: %v\n%s", err, out)
		}
		p.deviceID = generatedDeviceID(t, out)
		p.listen = freeLoopbackAddr(t)
		p.gui = freeLoopbackAddr(t)
		p.apiKey = fmt.Sprintf("deckhand-test-key-%d-%d", i, time.Now().UnixNano())
		peers[i] = p
	}
	for _, p := range peers {
		writeSyncthingConfig(t, p, peers)
	}
	for _, p := range peers {
		p.start(t, bin)
	}
	deadline := time.Now().Add(60 * time.Second)
	for _, p := range peers {
		for !p.connectedToAll(peers) {
			if time.Now().After(deadline) {
				t.Fatalf("syncthing %s did not connect to the others within 60 s; its log:\n%s", p.name, p.log.String())
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	return peers
}

var deviceIDPattern = regexp.MustCompile(`[A-Z0-9]{7}(-[A-Z0-9]{7}){7}`)

// generatedDeviceID reads the device id `syncthing generate` printed.
func generatedDeviceID(t *testing.T, out []byte) string {
	t.Helper()
	id := deviceIDPattern.Find(out)
	if id == nil {
		t.Fatalf("syncthing generate printed no device id:\n%s", out)
	}
	return string(id)
}

// freeLoopbackAddr is a loopback address with a port nobody listens on
// now. Syncthing binds it a moment later; another process taking it in
// between fails the start, which the test reports with the log.
func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

var syncthingConfig = template.Must(template.New("config").Parse(`<configuration version="35">
    <folder id="{{.FolderID}}" label="Deckhand team" path="{{.Self.Folder}}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
{{- range .All}}
        <device id="{{.DeviceID}}" introducedBy=""></device>
{{- end}}
        <minDiskFree unit="%">0</minDiskFree>
        <markerName>.stfolder</markerName>
    </folder>
{{- range .All}}
    <device id="{{.DeviceID}}" name="{{.Name}}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://{{.Listen}}</address>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
{{- end}}
    <gui enabled="true" tls="false" debugging="false">
        <address>{{.Self.GUI}}</address>
        <apikey>{{.Self.APIKey}}</apikey>
        <theme>default</theme>
        <insecureSkipHostcheck>true</insecureSkipHostcheck>
    </gui>
    <options>
        <listenAddress>tcp://{{.Self.Listen}}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <stunServer></stunServer>
        <announceLANAddresses>false</announceLANAddresses>
        <setLowPriority>false</setLowPriority>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
`))

type configPeer struct{ DeviceID, Name, Listen string }

// writeSyncthingConfig replaces the generated config.xml of p by one that
// knows every peer by its loopback address and shares the folder with all.
func writeSyncthingConfig(t *testing.T, p *syncthingPeer, peers []*syncthingPeer) {
	t.Helper()
	var all []configPeer
	for _, q := range peers {
		all = append(all, configPeer{DeviceID: q.deviceID, Name: q.name, Listen: q.listen})
	}
	var buf bytes.Buffer
	err := syncthingConfig.Execute(&buf, map[string]any{
		"FolderID": syncthingFolderID,
		"Self":     map[string]string{"Folder": p.folder, "GUI": p.gui, "APIKey": p.apiKey, "Listen": p.listen},
		"All":      all,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p.home, "config.xml"), buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// start runs the instance and arranges for the test's end to stop it
// through its REST API (and to kill it if it does not stop).
func (p *syncthingPeer) start(t *testing.T, bin string) {
	t.Helper()
	p.log = &lockedBuffer{}
	p.cmd = exec.Command(bin, "serve", "--home", p.home, "--no-browser", "--no-restart", "--no-upgrade", "--logfile=-")
	p.cmd.Env = append(os.Environ(), "STNODEFAULTFOLDER=1", "STNOUPGRADE=1", "STMONITORED=1")
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start syncthing: %v", err)
	}
	done := make(chan struct{})
	go func() { p.cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		p.post("/rest/system/shutdown")
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			p.cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("syncthing %s log:\n%s", p.name, p.log.String())
		}
	})
}

// connectedToAll says whether the REST API reports a connection to every
// other peer.
func (p *syncthingPeer) connectedToAll(peers []*syncthingPeer) bool {
	var conns struct {
		Connections map[string]struct{ Connected bool } `json:"connections"`
	}
	if err := p.get("/rest/system/connections", &conns); err != nil {
		return false
	}
	for _, q := range peers {
		if q != p && !conns.Connections[q.deviceID].Connected {
			return false
		}
	}
	return true
}

func (p *syncthingPeer) request(method, path string) (*http.Response, error) {
	req, err := http.NewRequest(method, "http://"+p.gui+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-API-Key", p.apiKey)
	return (&http.Client{Timeout: 5 * time.Second}).Do(req)
}

func (p *syncthingPeer) get(path string, v any) error {
	resp, err := p.request(http.MethodGet, path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func (p *syncthingPeer) post(path string) {
	if resp, err := p.request(http.MethodPost, path); err == nil {
		resp.Body.Close()
	}
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Lines are the complete lines written so far.
func (b *lockedBuffer) Lines() []string {
	s := b.String()
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return strings.Split(s[:i], "\n")
	}
	return nil
}

// TestSyncthingHarnessCarriesAFile checks the harness itself: a file
// written into one instance's folder reaches the two others.
func TestSyncthingHarnessCarriesAFile(t *testing.T) {
	if os.Getenv("DECKHAND_SYNCTHING") == "" {
		t.Skip("set DECKHAND_SYNCTHING=1 (make team-sync) to start real Syncthing instances on loopback")
	}
	peers := startSyncthingCluster(t, 3)
	want := []byte("carried\n")
	if err := os.WriteFile(filepath.Join(peers[0].folder, "probe.txt"), want, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for _, p := range peers[1:] {
		for {
			got, err := os.ReadFile(filepath.Join(p.folder, "probe.txt"))
			if err == nil && bytes.Equal(got, want) {
				break
			}
			if time.Since(start) > 60*time.Second {
				t.Fatalf("the file did not reach %s within 60 s", p.name)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	t.Logf("a file written on %s reached both others in %v", peers[0].name, time.Since(start).Round(time.Millisecond))
}
