// Dossier story graph: constraints and indexes. Run before cypher/seed.cypher; every statement is
// idempotent (IF NOT EXISTS), so running it twice is harmless. See cypher/README.md.

// One uniqueness constraint on `id` per label (each also gives MERGE an index to use).
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (n:Outlet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT data_id IF NOT EXISTS FOR (n:Data) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT disagreement_id IF NOT EXISTS FOR (n:Disagreement) REQUIRE n.id IS UNIQUE;

// The text people search: captions, descriptions, what was said, the quotes behind every node
// (LIST<STRING> properties are indexed element by element) and the articles' full text.
CREATE FULLTEXT INDEX dossier_fulltext IF NOT EXISTS
FOR (n:Person|Organization|Team|Outlet|Article|Event|Data|Claim|Disagreement)
ON EACH [n.name, n.title, n.description, n.statement, n.value, n.question, n.topic, n.quotes, n.text];
