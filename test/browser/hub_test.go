package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestExplorerHub expands a member of an alliance of 501 members: the API
// does not expand the alliance (over the default maxDegree of 500), and the
// page marks it "not expanded — 501 relationships".
func TestExplorerHub(t *testing.T) {
	srv := apitest.New(t)
	neo4jtest.LoadMembers(t, srv.DB, "all-big", "大联盟", "ent-m", 501, 100)
	p := openPage(t, newBrowser(t), srv.URL)
	p.do(chromedp.Navigate(srv.URL + "/explore?x=ent-m000~1"))
	p.settle()
	svg := string(p.export("svg"))
	if !strings.Contains(svg, "大联盟\n(未展开 — 501 条关系)") && !strings.Contains(svg, "大联盟&#10;(未展开 — 501 条关系)") {
		t.Errorf("the hub is not marked in the drawing: %s", svg)
	}
	p.checkClean()
}
