package browser

import (
	"encoding/xml"
	"math"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/graph/model"
)

// shownChain is a chain as the page lists it.
type shownChain struct {
	IDs      string   `json:"ids"`
	Names    []string `json:"names"`
	Arrows   []string `json:"arrows"`
	Evidence []string `json:"evidence"`
}

const readChains = `[...document.querySelectorAll('#chains li.chain')].map((li) => ({
  ids: li.dataset.ids,
  names: [...li.querySelectorAll('.sentence .node')].map((s) => s.textContent),
  arrows: [...li.querySelectorAll('.sentence .arrow')].map((s) => s.textContent),
  evidence: [...li.querySelectorAll('.evidence-list > li')].map((s) => s.textContent),
}))`

// apiChains is what `chain` answers, with each step's evidence.
type apiChains struct {
	Chain struct {
		Exhausted bool
		Chains    []struct {
			Start struct{ ID, Name string }
			Steps []struct {
				Direction    string
				Node         struct{ ID, Name string }
				Relationship struct {
					Source    *string
					Synthetic bool
				}
			}
		}
	}
}

const chainQuery = `query($from: ID!, $to: ID!, $rels: [RelationKind!], $hops: Int) {
  chain(from: $from, to: $to, maxHops: $hops, relationships: $rels, first: 5) {
    exhausted
    chains { start { id name } steps { direction node { id name } relationship {
      ... on Membership { source synthetic } ... on Location { source synthetic } ... on Development { source synthetic }
      ... on Transfer { source synthetic } ... on Collaboration { source synthetic } ... on Affiliation { source synthetic }
      ... on Service { source synthetic } ... on Participation { source synthetic } ... on Output { source synthetic }
      ... on Posting { source synthetic } ... on Match { source synthetic } ... on Brokerage { source synthetic } } } }
  }
}`

var (
	forward  = regexp.MustCompile(`^ —[^—←→]+→ $`)
	backward = regexp.MustCompile(`^ ←[^—←→]+— $`)
)

// sameChains checks that the page lists the API's chains, in its order, as
// sentences: the names along each chain, an arrow per step pointing the way
// the relationship is stored, and each step's evidence.
func sameChains(t *testing.T, shown []shownChain, want apiChains) {
	t.Helper()
	if len(shown) != len(want.Chain.Chains) {
		t.Fatalf("page lists %d chains, the API %d: %+v", len(shown), len(want.Chain.Chains), shown)
	}
	for i, c := range want.Chain.Chains {
		s := shown[i]
		ids, names := []string{c.Start.ID}, []string{c.Start.Name}
		for _, st := range c.Steps {
			ids = append(ids, st.Node.ID)
			names = append(names, st.Node.Name)
		}
		if s.IDs != strings.Join(ids, " ") || !reflect.DeepEqual(s.Names, names) {
			t.Errorf("chain %d: page %v %v, API %v %v", i, s.IDs, s.Names, ids, names)
			continue
		}
		if len(s.Arrows) != len(c.Steps) || len(s.Evidence) != len(c.Steps) {
			t.Errorf("chain %d: %d arrows and %d evidence lines for %d steps", i, len(s.Arrows), len(s.Evidence), len(c.Steps))
			continue
		}
		for j, st := range c.Steps {
			arrow := forward
			if st.Direction == "BACKWARD" {
				arrow = backward
			}
			if !arrow.MatchString(s.Arrows[j]) {
				t.Errorf("chain %d step %d (%s): arrow %q", i, j, st.Direction, s.Arrows[j])
			}
			if src := st.Relationship.Source; src != nil && !strings.Contains(s.Evidence[j], *src) {
				t.Errorf("chain %d step %d: evidence %q lacks the source %q", i, j, s.Evidence[j], *src)
			}
		}
	}
}

// chainsAsAPI reads the chains the page lists, checks them against what
// chain answers for vars (sameChains) and returns them.
func chainsAsAPI(t *testing.T, p *page, srv *apitest.API, vars map[string]any) []shownChain {
	t.Helper()
	var shown []shownChain
	p.eval(readChains, &shown)
	var want apiChains
	srv.OK("", chainQuery, vars, &want)
	sameChains(t, shown, want)
	return shown
}

type graphML struct {
	Graph struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"edge"`
	} `xml:"graph"`
}

// TestExplorer walks the explorer as a user: search 科河, open 科河种业,
// expand it, export GraphML, connect it to the CAAS grassland institute,
// narrow the relationship kinds and the hops, reload the shared link.
func TestExplorer(t *testing.T) {
	srv := sampleServer(t)
	ctx := newBrowser(t)
	p := openPage(t, ctx, srv.URL)
	const from, to = "ent-kehe-seed", "uni-caas-grassland"

	p.do(chromedp.Navigate(srv.URL+"/explore"), chromedp.WaitVisible(chromedp.ID("q")))
	p.settle()
	var lang string
	p.eval(`document.documentElement.lang`, &lang)
	if lang != "zh-CN" {
		t.Errorf("a browser preferring Chinese gets lang %q", lang)
	}

	// Search from the keyboard ("/" focuses the box, Enter searches and
	// focuses the first hit), then open the card.
	var focused string
	p.do(chromedp.KeyEvent("/"))
	p.eval(`document.activeElement.id`, &focused)
	if focused != "q" {
		t.Errorf("/ should focus the search box, not %q", focused)
	}
	// (CDP sends the "/" on to the box it focused, which a keyboard does not.)
	p.do(clearSearch, chromedp.KeyEvent("科河\r"), chromedp.WaitVisible(chromedp.CSS(`button.hit[data-id="`+from+`"]`)))
	p.settle()
	p.eval(`document.activeElement.className`, &focused)
	if focused != "hit" {
		t.Errorf("after a search from the keyboard the focus is on %q, not the first hit", focused)
	}
	p.do(chromedp.Click(chromedp.CSS(`button.hit[data-id="`+from+`"]`)), chromedp.WaitVisible(chromedp.CSS(`.card[data-id="`+from+`"]`)))
	p.settle()
	p.says("card", `document.querySelector('.card').textContent`, "科河种业", "004_23b71afcdb993a23.txt", "事实", "所属联盟 (1)")

	// Expand one hop, then two: the nodes drawn first keep their places.
	p.do(chromedp.SetValue(chromedp.ID("depth"), "1"), chromedp.Click(chromedp.ID("expand")))
	p.settle()
	near := p.exportJSON()
	p.do(chromedp.SetValue(chromedp.ID("depth"), "2"), chromedp.Click(chromedp.ID("expand")))
	p.settle()
	far := p.exportJSON()
	if len(far.Nodes) <= len(near.Nodes) {
		t.Errorf("two hops drew %d nodes, one hop %d", len(far.Nodes), len(near.Nodes))
	}
	at := map[string][2]float64{}
	for _, n := range far.Nodes {
		at[n.ID] = [2]float64{n.X, n.Y}
	}
	for _, n := range near.Nodes {
		if got := at[n.ID]; math.Abs(got[0]-n.X) > 1 || math.Abs(got[1]-n.Y) > 1 {
			t.Errorf("%s moved from (%v, %v) to %v as the view grew", n.ID, n.X, n.Y, got)
		}
	}

	// Export the view: the GraphML has the API's network, and so has every
	// other format.
	var net struct {
		Network struct {
			Nodes []struct{ Distance int }
			Edges []struct{ FromID string }
		}
	}
	srv.OK("", `query($id: ID!) { network(id: $id, depth: 2, maxNodes: 200, maxEdges: 1000) { nodes { distance } edges { fromId } } }`,
		map[string]any{"id": from}, &net)
	file := p.download(chromedp.SetValue(chromedp.ID("export-kind"), "graphml"), chromedp.Click(chromedp.ID("export")))
	var g graphML
	if err := xml.Unmarshal(file, &g); err != nil {
		t.Fatalf("exported GraphML does not parse: %v\n%s", err, file)
	}
	if len(g.Graph.Nodes) != len(net.Network.Nodes) || len(g.Graph.Edges) != len(net.Network.Edges) {
		t.Errorf("GraphML has %d nodes and %d edges, the API's network %d and %d",
			len(g.Graph.Nodes), len(g.Graph.Edges), len(net.Network.Nodes), len(net.Network.Edges))
	}
	checkExports(t, p, len(net.Network.Nodes), len(net.Network.Edges))
	if len(net.Network.Nodes) < 3 {
		t.Errorf("the sample's depth-2 network of 科河种业 should not be trivial: %+v", net)
	}

	// Connect to the CAAS grassland institute.
	p.do(chromedp.Click(chromedp.ID("connect-from")))
	p.do(clearSearch, chromedp.SendKeys(chromedp.ID("q"), "草原\n"),
		chromedp.Click(chromedp.CSS(`button.hit[data-id="`+to+`"]`)), chromedp.WaitVisible(chromedp.CSS(`.card[data-id="`+to+`"]`)))
	p.settle()
	p.do(chromedp.Click(chromedp.ID("connect-to")), chromedp.WaitVisible(chromedp.CSS(`#chains`)))
	p.settle()
	all := chainsAsAPI(t, p, srv, map[string]any{"from": from, "to": to, "hops": 4})
	if len(all) != 2 {
		t.Errorf("the sample has two chains within 4 hops (README): %+v", all)
	}
	if shot := os.Getenv("INNOGRAPH_SCREENSHOT"); shot != "" {
		saveScreenshot(t, p, shot)
	}

	// A filter changes the answer: without developments, only the alliance.
	p.do(chromedp.Click(chromedp.CSS(`#rel-kinds input[value="DEVELOPMENT"]`)))
	p.settle()
	var rels []string
	for _, k := range model.AllRelationKind {
		if k != model.RelationKindDevelopment {
			rels = append(rels, string(k))
		}
	}
	narrowed := chainsAsAPI(t, p, srv, map[string]any{"from": from, "to": to, "hops": 4, "rels": rels})
	if reflect.DeepEqual(narrowed, all) {
		t.Error("leaving out developments did not change the chains")
	}

	// One hop: no chain, said in words.
	p.do(chromedp.SetValue(chromedp.ID("hops"), "1"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('hops').dispatchEvent(new Event('change', { bubbles: true }))`))
	p.settle()
	var none string
	p.eval(`document.querySelector('#chains .summary.none')?.textContent ?? ''`, &none)
	if none != "1 步以内没有关系链。" {
		t.Errorf("one hop: the page says %q", none)
	}

	// The shared link reproduces the view in a new tab.
	p.do(chromedp.SetValue(chromedp.ID("hops"), "4"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('hops').dispatchEvent(new Event('change', { bubbles: true }))`))
	p.settle()
	link, err := chromedp.Run(p.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	var before, after viewSummary
	p.eval(readView, &before)
	q := openPage(t, ctx, srv.URL)
	q.do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS(`#chains`)))
	q.settle()
	q.eval(readView, &after)
	if !reflect.DeepEqual(before, after) || len(after.Chains) == 0 {
		t.Errorf("the link %s shows\n%+v\nnot\n%+v", link, after, before)
	}
	p.checkClean()
	q.checkClean()
}

var clearSearch = chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = ''`)

// viewSummary is what a shared link must reproduce.
type viewSummary struct {
	Nodes, Edges string
	Card         string
	Chains       []shownChain
	Unchecked    []string
}

const readView = `({
  nodes: document.getElementById('counts').dataset.nodes,
  edges: document.getElementById('counts').dataset.edges,
  card: document.querySelector('.card')?.dataset.id ?? '',
  chains: ` + readChains + `,
  unchecked: [...document.querySelectorAll('#rel-kinds input:not(:checked)')].map((c) => c.value),
})`

// saveScreenshot writes the page as the README shows it (make screenshot).
func saveScreenshot(t *testing.T, p *page, path string) {
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
