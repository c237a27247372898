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
`;
