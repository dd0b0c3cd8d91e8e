// Measures how long a vote takes to reach another member's screen through the rooms' live feed:
//   node bench/room_latency.mjs http://127.0.0.1:8080 [votes]
// Two members join a room; member B watches the SignalR feed (WebSockets) while member A votes; each sample is
// the time from sending A's POST to B receiving the "voted" event. Prints p50, p95, p99 and max in ms.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../ui/package.json', import.meta.url));
const signalR = require('@microsoft/signalr');

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const votes = Number(process.argv[3] ?? 200);

async function call(path, token, body) {
  const response = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const session = () => call('/sessions', null, {});
const [a, b] = [await session(), await session()];
const room = await call('/rooms', a.token, { display_name: 'A' });
await call(`/rooms/${room.code}/members`, b.token, { display_name: 'B' });

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${base}/rooms/live`, { accessTokenFactory: () => b.token, transport: signalR.HttpTransportType.WebSockets })
  .configureLogging(signalR.LogLevel.None)
  .build();
const waiting = new Map();
connection.on('changed', (event) => {
  if (event.kind === 'voted' && waiting.has(event.movie_id)) waiting.get(event.movie_id)(performance.now());
});
await connection.start();
await connection.invoke('Watch', room.code);

const samples = [];
while (samples.length < votes) {
  const deck = await call(`/rooms/${room.code}/deck?count=10`, a.token);
  if (deck.cards.length === 0) break;
  for (const card of deck.cards) {
    const id = card.movie.movie_id;
    const received = new Promise((resolve) => waiting.set(id, resolve));
    const sent = performance.now();
    await call(`/rooms/${room.code}/votes`, a.token, { movie_id: id, vote: 'dislike' });
    samples.push((await received) - sent);
    waiting.delete(id);
    if (samples.length >= votes) break;
  }
}
await connection.stop();
samples.sort((x, y) => x - y);
const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
console.log(`${samples.length} votes: vote → other member's screen p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${samples.at(-1).toFixed(1)} ms`);
