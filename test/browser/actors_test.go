package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestExplorerActors shows the actors of issue 14 on the sample graph: the
// legend has the four new types, an intermediary's card its kind and the
// transfer it brokered, a chain from a result to its adopter passes the
// broker with the labels of the table, trails show brokers and projects,
// and the largest network size stays within the API's complexity limit
// with every relationship kind selected.
func TestExplorerActors(t *testing.T) {
	srv := sampleServer(t)
	p := openPage(t, newBrowser(t), srv.URL)
	const broker = "imd-alxa-conversion-center"
	p.do(chromedp.Navigate(srv.URL + "/explore?x=" + broker + "~2&size=1000&sel=" + broker))
	p.settle()
	p.checkClean()

	p.says("legend", `document.getElementById('legend').textContent`, "人员", "中介服务机构", "科技项目", "技术需求")
	p.says("the intermediary's card", `document.querySelector('.card')?.textContent ?? ''`,
		"阿拉善盟技术交易成果转化中心", "中介服务机构", "成果转化中心", "促成转移的成果 (1)", "服务对象 (1)", "技术经纪服务")
	drawn := p.exportJSON()
	types := map[string]bool{}
	for _, n := range drawn.Nodes {
		types[n.Type] = true
	}
	for _, want := range []string{"Intermediary", "Result", "Enterprise", "Demand"} {
		if !types[want] {
			t.Errorf("the broker's two-hop network draws no %s: %+v", want, drawn.Nodes)
		}
	}

	// The chains from the cistanche drink to 百吉纳奶酒: the licence, the
	// demand it answered, and the broker.
	const from, to = "res-cistanche-drink", "ent-baijina-liquor"
	p.do(chromedp.Navigate(srv.URL+"/explore?mode=connect&from="+from+"&to="+to), chromedp.WaitVisible(chromedp.CSS(`#chains`)))
	p.settle()
	shown := chainsAsAPI(t, p, srv, map[string]any{"from": from, "to": to, "hops": 4})
	var through []string
	for _, c := range shown {
		if strings.Contains(c.IDs, broker) {
			through = c.Arrows
		}
	}
	if strings.Join(through, "") != " ←促成转移—  —技术经纪服务→ " {
		t.Errorf("the chain through the broker reads %q in %+v", through, shown)
	}

	// The drink's trail names the broker of its licence, drawn between the
	// result and the adopter; the ultra-pure metal's, the project behind it.
	for _, tc := range []struct{ result, says, drawn string }{
		{from, "经纪方 阿拉善盟技术交易成果转化中心", broker},
		{"res-ultrapure-metal", "超纯金属绿色化制备关键技术攻关 产出成果", "prj-ultrapure-metal"},
	} {
		p.do(chromedp.Navigate(srv.URL + "/explore?mode=trail&focus=" + tc.result))
		p.settle()
		p.says("the trail of "+tc.result, `document.getElementById('trail-answer')?.textContent ?? ''`, tc.says)
		ids := map[string]bool{}
		for _, n := range p.exportJSON().Nodes {
			ids[n.ID] = true
		}
		if !ids[tc.drawn] {
			t.Errorf("the trail of %s does not draw %s", tc.result, tc.drawn)
		}
	}
	p.checkClean()
}
