import { connect, type Socket } from 'node:net';
import { TestApi } from '../support/api';

/** Resolves with what the server sent when it closes the socket, or with `null` after `ms`. */
function closedWithin(socket: Socket, ms: number): Promise<string | null> {
  let received = '';
  socket.on('data', (chunk) => (received += String(chunk)));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once('close', () => (clearTimeout(timer), resolve(received)));
  });
}

/**
 * Issue 12: half-sent requests kept their sockets open (Node's defaults: a minute for headers, checked
 * every 30 s; five minutes for a request). With HTTP_HEADERS_TIMEOUT_MS and HTTP_REQUEST_TIMEOUT_MS
 * such a client gets 408 and is disconnected.
 */
describe('server timeouts for half-sent requests', () => {
  let api: TestApi;
  let port: number;
  const open: Socket[] = [];
  const socket = () => {
    const s = connect(port, '127.0.0.1');
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    api = await TestApi.start({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000' });
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of open) s.destroy();
    await api.stop();
  });

  it('disconnects a client that never finishes its headers', async () => {
    const s = socket();
    s.write('GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(await closedWithin(s, 5_000)).toMatch(/^HTTP\/1\.1 408/);
  });

  it('disconnects a client that never finishes its body', async () => {
    const s = socket();
    s.write('POST /cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"purpose":');
    expect(await closedWithin(s, 5_000)).toMatch(/^HTTP\/1\.1 408/);
  });

  it('disconnects a client that connects and sends nothing', async () => {
    expect(await closedWithin(socket(), 5_000)).not.toBeNull();
  });
});
