/**
 * The document GraphiQL opens with at /graphql: one named operation per thing the API is for,
 * on the story graph. GraphiQL's run button offers each operation by name.
 */
export const graphiqlExamples = `# Dossier's GraphQL API. Pick an operation with the run button (▶).
# The typed story API (Person, Organization, … with their sources) and the generic graph API
# (any Neo4j graph: schema, search, neighbourhood, paths) are both documented in Docs.

# Where the two articles disagree, each side with its source quotes.
query Disagreements {
  disagreements {
    question
    claims {
      value
      claimedBy { other { name } }
      sources { title quote start end }
    }
  }
}

# Who fired whom, by which account, with the sentence that says so.
query WhoWasFired {
  organizations {
    name
    fired {
      other { name ... on Person { count countText } }
      disputed
      sources { articleId quote }
    }
  }
}

# One entity by its story id, with typed relationships both ways.
query RuboLiang {
  entity(id: "rubo-liang") {
    __typename
    name
    description
    sources { title quote }
    ... on Person {
      ceoOf { other { name } sources { quote } }
      sent { other { name ... on Event { dateText } } }
    }
  }
}

# Type-ahead search, ranked, with the matched snippet.
query Search {
  search(text: "forb", first: 5) {
    method
    hits {
      score
      node { id caption labels }
      snippet { property text highlights { start end } }
    }
  }
}

# The shape of the graph: labels, types, counts, the meta-graph.
query Schema {
  schema {
    nodeCount
    relationshipCount
    labels { name count captionKey }
    metaGraph { source type target count }
  }
}

# Expand a node (paste an id from Search): "showing shown of total" per node.
query Neighbourhood($ids: [ID!]! = []) {
  neighbourhood(ids: $ids, limit: 25) {
    nodes { id caption labels degree }
    edges { id type source target }
    expansions { id shown total }
  }
}

# An article's full text, to show a quote highlighted at its start and end.
query Article {
  article(id: "article-004") { title text }
}

# ---- Sourced writes: every fact cites a verbatim passage of a stored source. ----
# Each mutation is one transaction, recorded in the history. Send idempotencyKey (a fresh UUID)
# so a retry returns the first result instead of writing twice.

# Store a source document (the same text twice is refused with the stored source's id).
mutation AddSource {
  addSource(input: {
    title: "Note on the audit"
    text: "Note on the audit\\n\\nThe audit unit answered to ByteDance's head office in Beijing."
    publisher: "Example newsroom"
    published: "2022-12"
    language: "en"
  }) {
    source { id title sha256 published publishedPrecision addedBy addedAt }
    change { action author at }
  }
}

# A new entity, new label allowed. The quote may differ in whitespace only.
mutation AddEntity {
  addEntity(input: {
    label: "Document"
    name: "ByteDance code of conduct"
    properties: { kind: "policy" }
    citations: [{ source: "article-000", quote: "seriously violated the company’s code of conduct" }]
  }) {
    outcome
    element { uid elementId labels version citations { source quote start end } }
  }
}

# A relationship between two entities (story ids or element ids). Run it again with another
# passage: the relationship gets the citation (outcome CITED) instead of a duplicate.
mutation AddRelationship {
  addRelationship(input: {
    from: "financial-times", type: "INVESTIGATING", to: "journalist-surveillance"
    citations: [{ source: "article-004", quote: "a new investigation regarding the matter will begin" }]
  }) {
    outcome
    element { type version citations { source quote start end } }
    changes { action citations { source quote } }
  }
}

# Set a property; baseVersion is the version you read (0: never changed by Dossier). A stale
# one is refused with CONFLICT naming who changed it and when.
mutation SetProperty {
  setProperty(input: {
    element: "new-investigation", key: "status", value: "announced", baseVersion: 0
    citations: [{ source: "article-004", quote: "a new investigation regarding the matter will begin" }]
  }) {
    outcome
    element { version properties }
    changes { before after author }
  }
}

# Cite any existing node or relationship, here with the source AddSource stored (its id is
# article- and the start of its text's SHA-256, as AddSource returned it).
mutation AddCitations {
  addCitations(input: {
    element: "internal-audit-team"
    citations: [{ source: "article-dba071e380fa534b", quote: "The audit unit answered to ByteDance's head office in Beijing." }]
  }) {
    outcome
    element { version citations { source quote start end } }
  }
}

# A claim in the story's model: CLAIMED_BY its source, ABOUT what it is about, STATED by its author.
mutation AddClaim {
  addClaim(input: {
    name: "004: TikTok will not comment"
    statement: "TikTok refused to comment on the tracking."
    kind: "account"
    about: ["journalist-surveillance"]
    statedBy: "tiktok"
    citations: [{ source: "article-004", quote: "TikTok is staying hush on the matter" }]
  }) {
    outcome
    changes { action kind }
  }
}

# A disagreement between two claims, with the question they answer differently.
mutation AddDisagreement {
  addDisagreement(input: {
    name: "Did the company speak to the press?"
    question: "Did ByteDance or TikTok comment publicly on the tracking?"
    between: ["claim-000-company-commented", "claim-004-no-comment"]
    citations: [
      { source: "article-000", quote: "seriously violated the company’s code of conduct" }
      { source: "article-004", quote: "TikTok is staying hush on the matter" }
    ]
  }) {
    outcome
    element { labels citations { source } }
  }
}

# An element's changes, newest first (by story id, element id or dossierUid).
query History {
  history(id: "new-investigation") { action operation author at before after citations { source quote } }
}

# The investigation's recent changes.
query RecentChanges {
  changes(first: 20) { at author operation action kind targets }
}

# ---- Retract and merge: nothing is deleted, and each is undone exactly. ----

# Retract a fact: it leaves the default reads (neighbourhood, search, paths, the story API) but
# stays in the graph and the history; includeRetracted: true shows it.
mutation Retract {
  retract(id: "rubo-liang-ceo-of-bytedance", reason: "Checking whether 004 confirms it.") {
    retracted
    element { uid elementId kind version }
    change { action reason author at }
  }
}

# Bring it back exactly as it was.
mutation Restore {
  restore(id: "rubo-liang-ceo-of-bytedance", reason: "000 says so in as many words.") {
    retracted
    element { version }
  }
}

# Merge two nodes that are the same entity: the merged node's relationships and citations are
# kept on the survivor, and the merged node is retracted with a pointer to it.
mutation Merge {
  merge(
    survivor: "involved-employees"
    merged: "audit-workers"
    reason: "Both articles describe the audit-unit employees who tracked the journalists."
    citations: [{ source: "article-000", quote: "several employees of a team of ByteDance" }]
  ) {
    relationships
    citations
    survivor { version citations { source quote } }
    merged { version }
    change { id action targets }
  }
}

# Undo a merge exactly: by the merge's change id, or by survivor and merged as here.
mutation Unmerge {
  unmerge(survivor: "involved-employees", merged: "audit-workers", reason: "The articles count them differently.") {
    relationships
    citations
    change { action }
  }
}
`;
