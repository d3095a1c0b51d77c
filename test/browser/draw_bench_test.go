package browser

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// BenchmarkExplorerDraw measures the explorer drawing a network of 200 and
// of 1,000 nodes: the time from the API's answer to the first frame drawn
// with the layout done (draw-ms, the page's own performance measure), and
// the frames per second while the view is dragged (pan-fps). It needs a
// large graph already in the test database, such as `make bench-explorer`
// loads (the 100k-node bench graph); it reads and never clears it.
func BenchmarkExplorerDraw(b *testing.B) {
	srv := apitest.Serve(b, neo4jtest.Shared(b))
	ctx := newBrowser(b)
	for _, size := range []int{200, 1000} {
		centre := centreOf(srv, size)
		b.Run(fmt.Sprintf("nodes=%d", size), func(b *testing.B) {
			p := openPage(b, ctx, srv.URL)
			link := fmt.Sprintf("%s/explore?x=%s~2&size=%d", srv.URL, url.QueryEscape(centre), size)
			var draw, fps float64
			for b.Loop() {
				p.do(chromedp.Navigate(link))
				p.settle()
				p.do(chromedp.Poll[chromedp.Void](`performance.getEntriesByName('network-draw').length > 0`, chromedp.WithPollingTimeout(30*time.Second)))
				var ms []float64
				p.eval(`performance.getEntriesByName('network-draw').map((m) => m.duration)`, &ms)
				if len(ms) != 1 {
					b.Fatalf("draw measures: %v", ms)
				}
				draw += ms[0]
				fps += p.panFPS()
			}
			var drawn struct{ Nodes, Edges string }
			p.eval(`({ nodes: document.getElementById('counts').dataset.nodes, edges: document.getElementById('counts').dataset.edges })`, &drawn)
			b.ReportMetric(draw/float64(b.N), "draw-ms")
			b.ReportMetric(fps/float64(b.N), "pan-fps")
			b.Logf("%s: %s nodes and %s relationships drawn", centre, drawn.Nodes, drawn.Edges)
			p.checkClean()
		})
	}
}

// centreOf finds a node whose two-hop neighbourhood fills a network of size
// nodes, among the most connected enterprises.
func centreOf(a *apitest.API, size int) string {
	var hubs struct {
		Hubs struct {
			Edges []struct {
				Node struct{ Node struct{ ID string } }
			}
		}
	}
	a.OK("", `{ hubs(kind: ENTERPRISE, first: 50) { edges { node { node { id } } } } }`, nil, &hubs)
	edges := hubs.Hubs.Edges
	for i := len(edges) - 1; i >= 0; i-- { // the least connected of those that fill it
		id := edges[i].Node.Node.ID
		var net struct {
			Network struct{ Nodes []struct{ Distance int } }
		}
		a.OK("", `query($id: ID!, $n: Int) { network(id: $id, depth: 2, maxNodes: $n, maxEdges: 1000) { nodes { distance } } }`,
			map[string]any{"id": id, "n": size}, &net)
		if len(net.Network.Nodes) == size {
			return id
		}
	}
	a.T.Skipf("no enterprise among the 50 most connected has %d nodes within two hops: load a larger graph (make bench-explorer)", size)
	return ""
}

// panFPS drags the view for about two seconds and returns the frames the
// page drew per second meanwhile.
func (p *page) panFPS() float64 {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](`window.benchFrames = 0; window.benchStart = performance.now();
	  (function count() { window.benchFrames++; if (!window.benchStop) requestAnimationFrame(count); })()`))
	box, err := chromedp.Run(p.ctx, chromedp.Dimensions(chromedp.ID("cy")))
	if err != nil {
		p.t.Fatal(err)
	}
	x, y := box.Content[0]+200, box.Content[1]+200
	p.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft))
	for i, end := 0, time.Now().Add(2*time.Second); time.Now().Before(end); i++ {
		dx := float64(i%100) * 2
		p.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+dx, y+dx/2, chromedp.ButtonLeft))
	}
	p.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft))
	var fps float64
	p.eval(`window.benchStop = true; window.benchFrames / ((performance.now() - window.benchStart) / 1000)`, &fps)
	return fps
}
