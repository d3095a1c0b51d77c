package neo4jdb

import (
	"maps"
	"testing"
)

// TestRegionSpanProps: every span of the first three levels, nil where the
// path is shallower, regionDeep on deeper paths, every key nil for a
// removed region.
func TestRegionSpanProps(t *testing.T) {
	for _, tc := range []struct {
		region any
		want   map[string]any
	}{
		{"内蒙古自治区/阿拉善盟/阿拉善左旗", map[string]any{"region1": "内蒙古自治区", "region12": "内蒙古自治区/阿拉善盟",
			"region123": "内蒙古自治区/阿拉善盟/阿拉善左旗", "region2": "阿拉善盟", "region23": "阿拉善盟/阿拉善左旗", "region3": "阿拉善左旗"}},
		{"北京市/北京市", map[string]any{"region1": "北京市", "region12": "北京市/北京市", "region2": "北京市"}},
		{"安徽省", map[string]any{"region1": "安徽省"}},
		{"a/b/c/d", map[string]any{"region1": "a", "region12": "a/b", "region123": "a/b/c", "region2": "b", "region23": "b/c",
			"region3": "c", "regionDeep": true}},
		{nil, map[string]any{}},
	} {
		got := RegionSpanProps(tc.region)
		want := map[string]any{"region1": nil, "region12": nil, "region123": nil, "region2": nil, "region23": nil, "region3": nil, "regionDeep": nil}
		maps.Copy(want, tc.want)
		if !maps.Equal(got, want) {
			t.Errorf("%v: %v, want %v", tc.region, got, want)
		}
	}
}
