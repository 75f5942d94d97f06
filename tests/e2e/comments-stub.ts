// A stand-in for WordPress's comments endpoint, for the builds that post comments to it: it
// records each comment and answers with `reply`, with CORS for the app's origin, as the README
// asks of a site.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  body: unknown;
}

export const CREATED: Reply = { status: 201, body: { id: 1 } };

export interface CommentsStub {
  /** The comments' JSON bodies, in arrival order. */
  received: unknown[];
  /** What the next comments get. */
  reply: Reply;
  /** Listens (again) on its port. */
  listen(): Promise<void>;
  /** Stops listening: the site cannot be reached. */
  close(): Promise<void>;
}

export function commentsEndpoint(port: number): string {
  return `http://127.0.0.1:${port}/wp-json/wp/v2/comments`;
}

export async function startCommentsStub(port: number): Promise<CommentsStub> {
  const stub: CommentsStub = {
    received: [],
    reply: CREATED,
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      stub.received.push(JSON.parse(text) as unknown);
      res.writeHead(stub.reply.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(stub.reply.body));
    });
  };
  const server = createServer(answer);
  await stub.listen();
  return stub;
}
