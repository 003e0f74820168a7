// Teammates working on the same articles at once through several app instances: creating annotations, reviewing
// each other's (agreeing, disagreeing, changing their minds), changing the tags of their own and deleting some, every client sending its requests
// round-robin to the instances as a load balancer would. Records what was acknowledged, per instance, for the checks
// in consistency.ts.
import { Prng } from "../bench/prng";
import {
  acknowledged,
  createAnnotation,
  deleteAnnotation,
  retagAnnotation,
  reviewAnnotation,
  TAGS,
  type TArticleRef,
  type TSession,
} from "./api";
import { emptyAcknowledged, verdictKey, type TAcknowledged } from "./consistency";

export type TWorker = { email: string; admin: boolean; cookie: string };

type TOp = "create" | "review" | "retag" | "delete";
/**
 * Answers that are part of the game: a duplicate create answers the existing annotation, an admin may delete an
 * annotation first, and its author may already have the span with the new tag.
 */
const EXPECTED: Record<TOp, readonly number[]> = { create: [200, 201], review: [200, 201, 404], retag: [200, 404, 409], delete: [204, 404] };

export type TInstanceTally = { acknowledged: Record<TOp, number>; statuses: Map<string, number> };
export type TWorkloadResult = {
  ack: TAcknowledged;
  tallies: Map<string, TInstanceTally>;
  /** Answers outside EXPECTED: a write the server failed or refused for no reason the test gave it. */
  unexpected: string[];
};

type TLive = { author: string; order: number };

/** Reviews pick among this many of the newest annotations, so several teammates review the same ones at once. */
const HOT_ANNOTATIONS = 30;
/** Spans start near this many places in each article, so annotations overlap and consensus spans merge and split. */
const ANCHORS = 24;

export async function runSharedWorkload(options: {
  instances: readonly { name: string; baseURL: string }[];
  workers: readonly TWorker[];
  articles: readonly TArticleRef[];
  opsPerWorker: number;
  seed: string;
}): Promise<TWorkloadResult> {
  const { instances, workers, articles } = options;
  const ack = emptyAcknowledged();
  const live = new Map<string, TLive>();
  let created = 0;
  // A reviewer's verdicts on one annotation are sent one at a time, so the last acknowledged one is known.
  const inFlight = new Set<string>();
  const uncertain = new Set<string>();
  const tallies = new Map(instances.map((i) => [i.name, { acknowledged: { create: 0, review: 0, retag: 0, delete: 0 }, statuses: new Map<string, number>() }]));
  const unexpected: string[] = [];

  const record = (instance: string, op: TOp, status: number, what: string) => {
    const tally = tallies.get(instance)!;
    const key = `${op} ${status}`;
    tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);
    if (acknowledged(status)) tally.acknowledged[op]++;
    if (!EXPECTED[op].includes(status)) unexpected.push(`${instance}: ${op} ${what} answered ${status}`);
  };

  const anchorsOf = (a: TArticleRef) => {
    const room = Math.max(1, Math.min(a.bodyLength - 60, 3000));
    return Array.from({ length: ANCHORS }, (_, i) => Math.floor((room * i) / ANCHORS));
  };
  const anchors = new Map(articles.map((a) => [a.id, anchorsOf(a)]));

  async function create(rng: Prng, worker: TWorker, session: TSession, instance: string) {
    const article = rng.pick(articles);
    const start = rng.pick(anchors.get(article.id)!) + rng.int(0, 4);
    const span = { start, end: Math.min(article.bodyLength, start + rng.int(8, 30)), tag: rng.pick(TAGS) };
    const answer = await createAnnotation(session, article.id, span);
    record(instance, "create", answer.status, `on ${article.id}`);
    if (answer.value) {
      ack.created.add(answer.value.id);
      if (!ack.deleted.has(answer.value.id) && !live.has(answer.value.id)) {
        live.set(answer.value.id, { author: worker.email, order: created++ });
      }
    }
  }

  async function review(rng: Prng, worker: TWorker, session: TSession, instance: string): Promise<boolean> {
    const hot = [...live].filter(([, a]) => a.author !== worker.email).sort((x, y) => y[1].order - x[1].order).slice(0, HOT_ANNOTATIONS);
    const free = hot.filter(([id]) => !inFlight.has(verdictKey(id, worker.email)));
    if (!free.length) return false;
    const [id] = rng.pick(free);
    const key = verdictKey(id, worker.email);
    const verdict = rng.chance(0.5) ? "agree" : "disagree";
    inFlight.add(key);
    try {
      const answer = await reviewAnnotation(session, id, verdict);
      record(instance, "review", answer.status, `of ${id}`);
      if (acknowledged(answer.status)) {
        ack.verdicts.set(key, verdict);
        uncertain.delete(key);
      } else if (answer.status !== 404) uncertain.add(key);
    } finally {
      inFlight.delete(key);
    }
    return true;
  }

  async function retag(rng: Prng, worker: TWorker, session: TSession, instance: string): Promise<boolean> {
    const mine = [...live].filter(([, a]) => a.author === worker.email);
    if (!mine.length) return false;
    const [id] = rng.pick(mine);
    record(instance, "retag", await retagAnnotation(session, id, rng.pick(TAGS)), `of ${id}`);
    return true;
  }

  async function remove(rng: Prng, worker: TWorker, session: TSession, instance: string): Promise<boolean> {
    const mine = [...live].filter(([, a]) => worker.admin || a.author === worker.email);
    if (!mine.length) return false;
    const [id] = rng.pick(mine);
    const status = await deleteAnnotation(session, id);
    record(instance, "delete", status, `of ${id}`);
    if (acknowledged(status)) ack.deleted.add(id);
    if (acknowledged(status) || status === 404) live.delete(id);
    return true;
  }

  await Promise.all(
    workers.map(async (worker, w) => {
      const rng = new Prng(`${options.seed}:${w}`);
      for (let k = 0; k < options.opsPerWorker; k++) {
        const instance = instances[(w + k) % instances.length]!;
        const session = { baseURL: instance.baseURL, cookie: worker.cookie };
        const roll = rng.next();
        const done =
          (roll >= 0.4 && roll < 0.75 && (await review(rng, worker, session, instance.name))) ||
          (roll >= 0.75 && roll < 0.85 && (await retag(rng, worker, session, instance.name))) ||
          (roll >= 0.85 && (await remove(rng, worker, session, instance.name)));
        if (!done) await create(rng, worker, session, instance.name);
      }
    }),
  );
  // A pair whose last request failed for another reason may or may not hold that verdict: it is not checked.
  for (const key of uncertain) ack.verdicts.delete(key);
  return { ack, tallies, unexpected };
}
