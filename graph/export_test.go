package graph

// Saturation is saturation for the external tests (package graph_test),
// which use the test harness (apitest) and so cannot be in package graph.
const Saturation = saturation

// WriteManifest is writeManifest for the external tests.
var WriteManifest = writeManifest
