// Package browser drives the explorer (/explore) in a real headless
// Chromium over the sample graph: what a user does, checked against what the
// API answers for the same arguments.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/innograph/innograph/apitest"
)

// sampleServer serves the whole stack (apitest) over the sample graph in
// the test Neo4j; without one the test is skipped, as every database test is.
func sampleServer(t *testing.T) *apitest.API {
	t.Helper()
	a := apitest.New(t)
	a.LoadSample()
	return a
}

// chromium finds the browser: INNOGRAPH_TEST_CHROMIUM or chromium on the
// PATH. Without one the test is skipped, unless the database tests are
// required (make test, CI), where a missing browser fails it.
func chromium(t testing.TB) string {
	t.Helper()
	for _, c := range []string{os.Getenv("INNOGRAPH_TEST_CHROMIUM"), "chromium", "chromium-browser"} {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	if os.Getenv("INNOGRAPH_TEST_REQUIRE_DB") == "1" {
		t.Fatal("no chromium on the PATH (INNOGRAPH_TEST_CHROMIUM unset); .ci/run installs Debian's chromium")
	}
	t.Skip("no chromium on the PATH; set INNOGRAPH_TEST_CHROMIUM")
	return ""
}

// newBrowser starts headless Chromium at 1280×800 preferring Chinese, and
// returns its context; each page is a tab of it.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox, // CI runs as root in a container
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.Flag("accept-lang", "zh-CN,zh"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// page is one tab on the server's origin. It records what must not happen:
// console errors, uncaught exceptions and requests to any other origin.
type page struct {
	t         testing.TB
	ctx       context.Context
	origin    string
	downloads string
	mu        sync.Mutex
	problems  []string
}

func openPage(t testing.TB, browserCtx context.Context, origin string) *page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	p := &page{t: t, ctx: ctx, origin: origin, downloads: t.TempDir()}
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok && !p.sameOrigin(ev.Request.URL) {
			p.problem("request leaves the origin: %s", ev.Request.URL)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				p.problem("console: %s (%s:%d)", m, m.URL, m.Line+1)
			}
		}
	}()
	p.do(chromedp.EmulateViewport(1280, 800), chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: p.downloads, EventsEnabled: new(true),
		})
		return err
	}))
	t.Cleanup(func() {
		if t.Failed() {
			p.keepScreenshot()
		}
		cancel()
	})
	return p
}

// sameOrigin allows the server's own URLs and the page's blob: and data:
// URLs (downloads of exports, images drawn in the page).
func (p *page) sameOrigin(raw string) bool {
	if strings.HasPrefix(raw, "data:") {
		return true
	}
	u, err := url.Parse(strings.TrimPrefix(raw, "blob:"))
	return err == nil && u.Scheme+"://"+u.Host == p.origin
}

func (p *page) problem(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

// checkClean fails the test for anything recorded.
func (p *page) checkClean() {
	p.t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range p.problems {
		p.t.Error(m)
	}
}

// keepScreenshot saves what the tab shows under .data/screenshots (git-ignored).
func (p *page) keepScreenshot() {
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Logf("no screenshot: %v", err)
		return
	}
	dir := filepath.Join("..", "..", ".data", "screenshots")
	name := filepath.Join(dir, strings.ReplaceAll(p.t.Name(), "/", "_")+".png")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		if err := os.WriteFile(name, png, 0o644); err == nil {
			p.t.Logf("screenshot of the failed page: %s", name)
		}
	}
}

func (p *page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatal(err)
	}
}

// eval runs JavaScript in the page and decodes its JSON value into v.
func (p *page) eval(js string, v any) {
	p.t.Helper()
	raw, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]byte](js))
	if err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		p.t.Fatalf("%s: %v", raw, err)
	}
}

// says fails the test for each of wants missing from the text that js
// evaluates to (what names that text in the message).
func (p *page) says(what, js string, wants ...string) {
	p.t.Helper()
	var text string
	p.eval(js, &text)
	for _, w := range wants {
		if !strings.Contains(text, w) {
			p.t.Errorf("%s lacks %q: %s", what, w, text)
		}
	}
}

// settle waits until the explorer has drawn all it was asked to.
func (p *page) settle() {
	p.t.Helper()
	p.do(chromedp.Poll[chromedp.Void](`document.body.dataset.state === 'ready'`, chromedp.WithPollingTimeout(30*time.Second)))
}

// download runs the actions that start a download and returns the file.
func (p *page) download(trigger ...chromedp.Action[chromedp.Void]) []byte {
	p.t.Helper()
	progress := chromedp.Events(p.ctx, browser.DownloadProgress)
	p.do(trigger...)
	for ev, err := range progress {
		if err != nil {
			p.t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			p.t.Fatal("download canceled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			b, err := os.ReadFile(filepath.Join(p.downloads, ev.GUID))
			if err != nil {
				p.t.Fatal(err)
			}
			return b
		}
	}
	p.t.Fatal("no download")
	return nil
}
