// InnoGraph schema: applied at every start; each statement is idempotent.
// Ids are unique across all node types: every node also carries :Node.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_credit_code IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.creditCode IS UNIQUE;

// Range indexes behind list filters and index-backed ORDER BY name. The
// composite indexes (property, name, id) that give a filtered page in name
// order are made in Go from their tables: neo4jdb/equality.go, regions.go.
CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
CREATE INDEX enterprise_region IF NOT EXISTS FOR (n:Enterprise) ON (n.region);
CREATE INDEX enterprise_industry IF NOT EXISTS FOR (n:Enterprise) ON (n.industry);
CREATE INDEX university_name IF NOT EXISTS FOR (n:University) ON (n.name);
CREATE INDEX university_region IF NOT EXISTS FOR (n:University) ON (n.region);
CREATE INDEX alliance_name IF NOT EXISTS FOR (n:Alliance) ON (n.name);
CREATE INDEX alliance_region IF NOT EXISTS FOR (n:Alliance) ON (n.region);
CREATE INDEX park_name IF NOT EXISTS FOR (n:Park) ON (n.name);
CREATE INDEX park_region IF NOT EXISTS FOR (n:Park) ON (n.region);
CREATE INDEX park_kind IF NOT EXISTS FOR (n:Park) ON (n.kind);
CREATE INDEX result_name IF NOT EXISTS FOR (n:Result) ON (n.name);
CREATE INDEX result_field IF NOT EXISTS FOR (n:Result) ON (n.field);
CREATE INDEX result_year IF NOT EXISTS FOR (n:Result) ON (n.year);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX person_region IF NOT EXISTS FOR (n:Person) ON (n.region);
CREATE INDEX person_field IF NOT EXISTS FOR (n:Person) ON (n.field);
CREATE INDEX intermediary_name IF NOT EXISTS FOR (n:Intermediary) ON (n.name);
CREATE INDEX intermediary_region IF NOT EXISTS FOR (n:Intermediary) ON (n.region);
CREATE INDEX intermediary_kind IF NOT EXISTS FOR (n:Intermediary) ON (n.kind);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX project_region IF NOT EXISTS FOR (n:Project) ON (n.region);
CREATE INDEX project_year IF NOT EXISTS FOR (n:Project) ON (n.year);
CREATE INDEX demand_name IF NOT EXISTS FOR (n:Demand) ON (n.name);
CREATE INDEX demand_region IF NOT EXISTS FOR (n:Demand) ON (n.region);
CREATE INDEX demand_field IF NOT EXISTS FOR (n:Demand) ON (n.field);
CREATE INDEX demand_status IF NOT EXISTS FOR (n:Demand) ON (n.status);
CREATE INDEX demand_year IF NOT EXISTS FOR (n:Demand) ON (n.year);
CREATE INDEX result_region IF NOT EXISTS FOR (n:Result) ON (n.region);
// A deleted enterprise takes the brokerages of its transfers along (brokers.go).
CREATE INDEX brokerage_enterprise IF NOT EXISTS FOR ()-[k:BROKERAGE]-() ON (k.enterpriseId);

// A region filter matches whole segments at any level of the path: an
// equality on one of the path's spans (region1, region12, …), each with a
// composite index (span, name, id) per label, which neo4jdb/regions.go
// creates from its table of spans with these statements. Paths deeper than
// the spans (regionDeep) are matched on their text: region = $r and STARTS
// WITH $r/ can use the range indexes above, ENDS WITH /$r and CONTAINS /$r/
// these text indexes. Every type with a region needs both.
CREATE TEXT INDEX enterprise_region_text IF NOT EXISTS FOR (n:Enterprise) ON (n.region);
CREATE TEXT INDEX university_region_text IF NOT EXISTS FOR (n:University) ON (n.region);
CREATE TEXT INDEX alliance_region_text IF NOT EXISTS FOR (n:Alliance) ON (n.region);
CREATE TEXT INDEX park_region_text IF NOT EXISTS FOR (n:Park) ON (n.region);
CREATE TEXT INDEX result_region_text IF NOT EXISTS FOR (n:Result) ON (n.region);
CREATE TEXT INDEX person_region_text IF NOT EXISTS FOR (n:Person) ON (n.region);
CREATE TEXT INDEX intermediary_region_text IF NOT EXISTS FOR (n:Intermediary) ON (n.region);
CREATE TEXT INDEX project_region_text IF NOT EXISTS FOR (n:Project) ON (n.region);
CREATE TEXT INDEX demand_region_text IF NOT EXISTS FOR (n:Demand) ON (n.region);

// Full-text search over names of every type. The CJK analyzer indexes Chinese
// text as overlapping bigrams, so 科河种业 is found by 科河 or 种业; it also
// lower-cases Latin text. Not eventually consistent: a created node is
// searchable as soon as its transaction commits. An index made before a
// node type was added is dropped first (EnsureSchema) and made again here.
CREATE FULLTEXT INDEX node_search IF NOT EXISTS
FOR (n:Enterprise|University|Alliance|Park|Result|Person|Intermediary|Project|Demand) ON EACH [n.name, n.nameEn, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};

// Full-text index over what the candidates of a demand are about (matchDemand):
// names, aliases, fields and industries, so a demand's field and words find
// results, organisations and people working on them. Same analyzer and
// consistency as node_search; fields stay out of node_search so that a
// search for a name does not return everything in its field.
CREATE FULLTEXT INDEX match_topics IF NOT EXISTS
FOR (n:Result|Enterprise|University|Person) ON EACH [n.name, n.aliases, n.field, n.industry]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
