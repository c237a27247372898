import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { createGraphQLError, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Actor, GraphQLContext } from '../graphql/context.js';
import type { Logger } from '../logger.js';

type Yoga = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

/** What a result processor makes of a result: the body and init yoga's Response would carry. */
class Answer {
  constructor(
    readonly body: unknown,
    readonly init: { status?: number; statusText?: string; headers?: Record<string, string> } = {},
  ) {}
}

/** The fetch API handed to yoga's result processors: their Response is kept as body and init. */
const ANSWER_API = { Response: Answer };

interface ResultProcessHook {
  (payload: {
    request: unknown;
    acceptableMediaTypes: string[];
    result: unknown;
    setResult(result: unknown): void;
    resultProcessor: unknown;
    setResultProcessor(processor: Processor, mediaType: string): void;
    serverContext: unknown;
  }): unknown;
}
type Processor = (result: unknown, fetchAPI: unknown, mediaType: string) => unknown;

/** yoga's result processors, in the order its useResultProcessors tries them for a request. */
const PROCESSORS = [
  { regular: false, mediaTypes: ['text/event-stream'] },
  { regular: false, mediaTypes: ['multipart/mixed'] },
  { regular: true, mediaTypes: ['application/graphql-response+json', 'application/json'] },
];

/**
 * Whether graphql-yoga answers a request with this Accept header with its regular JSON processor
 * (not server-sent events or multipart, not 406): its own negotiation, repeated from graphql-yoga
 * 5.24 (plugins/use-result-processor.js and result-processor/accept.js): media types in reverse
 * order, charsets other than utf-8 dropped, q ignored, the last match over processors winning.
 */
export function answersWithJson(accept: string | undefined): boolean {
  const requested: string[] = [];
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType = '', ...params] = entry.split(';');
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (charset === 'charset=utf-8') requested.push(mediaType);
  }
  requested.reverse();
  let regular: boolean | undefined;
  for (const processor of PROCESSORS) {
    for (const asked of requested) {
      const [pre, suf] = asked.split('/');
      for (const offered of processor.mediaTypes) {
        const [offeredPre, offeredSuf] = offered.split('/');
        if ((pre === '*' || pre === offeredPre) && (suf === '*' || suf === offeredSuf)) {
          regular = processor.regular;
        }
      }
    }
  }
  return regular === true;
}

/** Accept headers seen, and the answer: a client sends the same one with every request. */
const acceptCache = new Map<string, boolean>();

function acceptsJson(accept: string | undefined): boolean {
  const key = accept ?? '';
  let known = acceptCache.get(key);
  if (known === undefined) {
    known = answersWithJson(accept);
    if (acceptCache.size < 100) acceptCache.set(key, known);
  }
  return known;
}

/** The content types yoga reads as a JSON body (the charset is decoded as UTF-8 either way). */
function isJsonContentType(contentType: string | undefined): boolean {
  return (
    contentType === 'application/json' ||
    contentType === 'application/json; charset=utf-8' ||
    contentType === 'application/json;charset=utf-8' ||
    contentType === 'application/json; charset=UTF-8'
  );
}

/**
 * The plain GraphQL-over-HTTP body: an object with a string query, variables an object or null,
 * operationName a string or null, extensions null; nothing else. Anything else is yoga's to parse
 * and refuse in its own words.
 */
function isPlainParams(body: unknown): body is { query: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const params = body as Record<string, unknown>;
  for (const key in params) {
    const value = params[key];
    if (key === 'query') {
      if (typeof value !== 'string') return false;
    } else if (key === 'variables') {
      if (value !== null && (typeof value !== 'object' || Array.isArray(value))) return false;
    } else if (key === 'operationName') {
      if (value !== null && typeof value !== 'string') return false;
    } else if (key !== 'extensions' || value !== null) {
      return false;
    }
  }
  return typeof params['query'] === 'string';
}

/** Hop-by-hop and framing headers, which do not carry over to a body given as bytes. */
const FRAMING = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'expect',
]);

/**
 * The lean path for the common GraphQL request: a POST of a JSON body to exactly /graphql whose
 * answer yoga would send as JSON. It runs graphql-yoga's own request pipeline — every plugin's
 * onRequestParse, onParams, envelop (parse, validate, context, execute) and onResultProcess hooks,
 * its JSON parser, its result processor with status codes and error masking — but without
 * @whatwg-node/server's adapter: no Fetch Request (Headers, URL, AbortController, body stream)
 * built from the Node request and no Response written back through it. That adapter only runs
 * the plugins' onRequest and onResponse hooks, which do nothing for such a request here: the
 * health check and the unhandled route answer other paths, GraphiQL answers GET, and CORS is on
 * only with an allow-list (then a request with an Origin header goes to yoga).
 *
 * Returns false, having touched nothing, for a request it does not take; the caller hands that
 * to yoga. A body that is not plain JSON params, or a request yoga's parse hooks answer or refuse
 * (nothing has executed then), is given to yoga.fetch with the same headers and bytes.
 */
export function createGraphQLFastPath(
  yoga: Yoga,
  options: { logger: Logger; corsEnabled: boolean },
): ((req: IncomingMessage, res: ServerResponse, actor: Actor) => boolean) | undefined {
  const hooks = (yoga as unknown as { onResultProcessHooks?: unknown }).onResultProcessHooks;
  // yoga's internals are not its API: without its result hooks, every request goes through yoga.
  if (!Array.isArray(hooks)) return undefined;
  const resultHooks = hooks as ResultProcessHook[];
  const { logger, corsEnabled } = options;
  const waitUntil = yoga.waitUntil;
  const parseRequest = yoga.parseRequest;
  const getResultForParams = yoga.getResultForParams;

  const write = (res: ServerResponse, answer: Answer, body: string | Buffer | null): void => {
    if (res.destroyed || res.writableEnded) return;
    const { status = 200, statusText } = answer.init;
    // As yoga's Response does: a known length, not chunked (writeHead sends the headers at once).
    const headers =
      body === null || answer.init.headers?.['content-length'] !== undefined
        ? answer.init.headers
        : { ...answer.init.headers, 'content-length': String(Buffer.byteLength(body)) };
    if (statusText) res.writeHead(status, statusText, headers);
    else res.writeHead(status, headers);
    res.end(body ?? undefined);
  };

  const fail = (res: ServerResponse, req: IncomingMessage, err: unknown): void => {
    logger.error({ err, url: req.url }, 'request failed');
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
    } else res.destroy();
  };

  /** Nothing has executed: yoga answers the request from its bytes, as yoga.handle would. */
  const toYoga = async (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    serverContext: object,
  ): Promise<void> => {
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || FRAMING.has(name)) continue;
      headers.push([name, Array.isArray(value) ? value.join(', ') : value]);
    }
    const response = await yoga.fetch(
      'http://localhost/graphql',
      { method: 'POST', headers, body },
      serverContext,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    write(
      res,
      new Answer(null, { status: response.status, statusText: response.statusText, headers: out }),
      bytes,
    );
  };

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    actor: Actor,
    raw: Buffer,
  ): Promise<void> => {
    const serverContext = { req, res, waitUntil, actor };
    let params: unknown;
    try {
      params = JSON.parse(raw.toString('utf8'));
    } catch {
      return toYoga(req, res, raw, serverContext);
    }
    if (!isPlainParams(params)) return toYoga(req, res, raw, serverContext);
    // Just enough of a Fetch Request for yoga's hooks: method, url, headers and the parsed body.
    const request = {
      method: 'POST',
      url: 'http://localhost/graphql',
      headers: {
        get: (name: string): string | null => {
          const value = req.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
        has: (name: string): boolean => req.headers[name.toLowerCase()] !== undefined,
      },
      json: () => params,
    } as unknown as Request;
    let parsed: Awaited<ReturnType<typeof parseRequest>>;
    try {
      parsed = await parseRequest(request, serverContext);
    } catch {
      return toYoga(req, res, raw, serverContext);
    }
    const single = parsed.requestParserResult;
    if (parsed.response || single === undefined || Array.isArray(single)) {
      return toYoga(req, res, raw, serverContext);
    }
    // From here the operation may run (a mutation!): no second attempt through yoga.
    let result: unknown;
    try {
      result = await getResultForParams({ params: single, request }, serverContext);
    } catch (err) {
      // What yoga.handle does with an error its hooks throw: masked, as one GraphQL error.
      const masked = maskError(err, 'Unexpected error.', false);
      if (masked !== err) logger.error({ err }, 'GraphQL request failed');
      result = {
        errors: [
          masked instanceof GraphQLError
            ? masked
            : createGraphQLError((masked as Error).message, { originalError: masked as Error }),
        ],
      } satisfies ExecutionResult;
    }
    let processor: Processor | undefined;
    let mediaType = '*/*';
    const acceptableMediaTypes: string[] = [];
    for (const hook of resultHooks) {
      const done = hook({
        request,
        acceptableMediaTypes,
        result,
        setResult(next) {
          result = next;
        },
        resultProcessor: processor,
        setResultProcessor(next, type) {
          processor = next;
          mediaType = type;
        },
        serverContext,
      });
      if (done instanceof Promise) await done;
    }
    if (processor === undefined) {
      write(
        res,
        new Answer(null, {
          status: 406,
          statusText: 'Not Acceptable',
          headers: { accept: acceptableMediaTypes.join('; charset=utf-8, ') },
        }),
        null,
      );
      return;
    }
    const out = (await processor(result, ANSWER_API, mediaType)) as Answer;
    if (!(out instanceof Answer) || (typeof out.body !== 'string' && out.body !== null)) {
      throw new Error('yoga answered this request with a stream; the lean path cannot send it');
    }
    write(res, out, out.body);
  };

  return (req, res, actor) => {
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      !isJsonContentType(req.headers['content-type']) ||
      // A compressed body is yoga's to decode (or refuse).
      req.headers['content-encoding'] !== undefined ||
      !acceptsJson(req.headers.accept) ||
      (corsEnabled && req.headers.origin !== undefined)
    ) {
      return false;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // The body limit (http/body-limit.ts) may have answered 413 already.
      if (res.headersSent) return;
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      answer(req, res, actor, raw).catch((err: unknown) => fail(res, req, err));
    });
    return true;
  };
}
