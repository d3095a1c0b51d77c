package browser

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/chromedp/chromedp"
)

// exported is the explorer's JSON export.
type exported struct {
	Nodes []struct {
		ID   string  `json:"id"`
		Type string  `json:"type"`
		X    float64 `json:"x"`
		Y    float64 `json:"y"`
	} `json:"nodes"`
	Edges []struct {
		From string `json:"from"`
		To   string `json:"to"`
	} `json:"edges"`
}

func (p *page) export(format string) []byte {
	p.t.Helper()
	return p.download(chromedp.SetValue(chromedp.ID("export-kind"), format), chromedp.Click(chromedp.ID("export")))
}

func (p *page) exportJSON() exported {
	p.t.Helper()
	var e exported
	if b := p.export("json"); json.Unmarshal(b, &e) != nil {
		p.t.Fatalf("the JSON export does not parse: %s", b)
	}
	return e
}

// checkExports downloads the view in every format and checks that each
// parses and holds the view's nodes and edges.
func checkExports(t *testing.T, p *page, nodes, edges int) {
	t.Helper()
	if e := p.exportJSON(); len(e.Nodes) != nodes || len(e.Edges) != edges {
		t.Errorf("JSON: %d nodes and %d edges, want %d and %d", len(e.Nodes), len(e.Edges), nodes, edges)
	}
	for format, want := range map[string]int{"nodes.csv": nodes, "edges.csv": edges} {
		rows, err := csv.NewReader(bytes.NewReader(p.export(format))).ReadAll()
		if err != nil || len(rows)-1 != want {
			t.Errorf("%s: %d rows after the header (%v), want %d", format, len(rows)-1, err, want)
		}
	}
	var gexf struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>nodes>node"`
		Edges []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>edges>edge"`
	}
	if err := xml.Unmarshal(p.export("gexf"), &gexf); err != nil || len(gexf.Nodes) != nodes || len(gexf.Edges) != edges {
		t.Errorf("GEXF: %d nodes and %d edges (%v), want %d and %d", len(gexf.Nodes), len(gexf.Edges), err, nodes, edges)
	}
	var svg struct {
		XMLName xml.Name
		Texts   []string `xml:"text"`
	}
	if err := xml.Unmarshal(p.export("svg"), &svg); err != nil || svg.XMLName.Local != "svg" || len(svg.Texts) != nodes+edges {
		t.Errorf("SVG: <%s> with %d labels (%v), want one per node and edge (%d)", svg.XMLName.Local, len(svg.Texts), err, nodes+edges)
	}
	if png := p.export("png"); !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 1000 {
		t.Errorf("PNG: %d bytes starting %q", len(png), png[:min(8, len(png))])
	}
}
