import type { FormalMatchAssignment, FormalMatchingOptions } from './formal-matching';
import type { MatchWeights } from './match-weights';
import {
  hardConstraintViolations,
  scoreMatch,
  type MenteeMatchProfile,
  type MentorMatchProfile,
} from './match-score';

export interface ReferenceMatchingResult {
  readonly assignments: readonly FormalMatchAssignment[];
  readonly totalScore: number;
  readonly matchedCount: number;
}

interface Edge {
  readonly to: number;
  capacity: number;
  readonly cost: number;
  readonly reverse: number;
}

/**
 * Verification only: the same objective as `runFormalMatching`, solved with nothing clever so that agreement
 * between the two means something. It scores pairs with the readable `scoreMatch`/`hardConstraintViolations`
 * (not the compiled matrix) and runs textbook min-cost flow, successive shortest paths with Bellman-Ford (SPFA)
 * on the explicit graph source -> mentee -> mentor (capacity = free places) -> sink, stopping once the cheapest
 * path no longer lowers the cost. Cubic-ish; meant for a few hundred mentees.
 */
export function runReferenceMatching(
  mentees: readonly MenteeMatchProfile[],
  mentors: readonly MentorMatchProfile[],
  weights: MatchWeights,
  options: Pick<FormalMatchingOptions, 'minScore' | 'existingRelationships'> = {},
): ReferenceMatchingResult {
  const minScore = options.minScore ?? 0;
  const n = mentees.length;
  const m = mentors.length;
  const source = 0;
  const sink = n + m + 1;
  const graph: Edge[][] = Array.from({ length: n + m + 2 }, () => []);
  const addEdge = (from: number, to: number, capacity: number, cost: number): void => {
    graph[from].push({ to, capacity, cost, reverse: graph[to].length });
    graph[to].push({ to: from, capacity: 0, cost: -cost, reverse: graph[from].length - 1 });
  };

  const tieBreakScale = n + 1;
  const scoreOf = new Map<string, number>();
  mentees.forEach((mentee, i) => {
    addEdge(source, 1 + i, 1, 0);
    const existingMentorIds = (options.existingRelationships ?? [])
      .filter((relationship) => relationship.menteeId === mentee.memberId)
      .map((relationship) => relationship.mentorId);
    mentors.forEach((mentor, j) => {
      if (hardConstraintViolations(mentee, mentor, { existingMentorIds }).length > 0) return;
      const { score } = scoreMatch(mentee, mentor, weights);
      if (score < minScore) return;
      scoreOf.set(`${i}:${j}`, score);
      addEdge(1 + i, 1 + n + j, 1, -(score * tieBreakScale + 1));
    });
  });
  mentors.forEach((mentor, j) => {
    const places = mentor.paused ? 0 : Math.max(0, mentor.capacity - mentor.activeMentees);
    if (places > 0) addEdge(1 + n + j, sink, places, 0);
  });

  const nodeCount = n + m + 2;
  for (;;) {
    const dist = new Array<number>(nodeCount).fill(Infinity);
    const inQueue = new Array<boolean>(nodeCount).fill(false);
    const viaNode = new Array<number>(nodeCount).fill(-1);
    const viaEdge = new Array<number>(nodeCount).fill(-1);
    dist[source] = 0;
    const queue = [source];
    inQueue[source] = true;
    while (queue.length > 0) {
      const node = queue.shift() as number;
      inQueue[node] = false;
      graph[node].forEach((edge, index) => {
        if (edge.capacity <= 0) return;
        const candidate = dist[node] + edge.cost;
        if (candidate < dist[edge.to]) {
          dist[edge.to] = candidate;
          viaNode[edge.to] = node;
          viaEdge[edge.to] = index;
          if (!inQueue[edge.to]) {
            inQueue[edge.to] = true;
            queue.push(edge.to);
          }
        }
      });
    }
    if (dist[sink] >= 0) break;
    for (let node = sink; node !== source; node = viaNode[node]) {
      const edge = graph[viaNode[node]][viaEdge[node]];
      edge.capacity -= 1;
      graph[node][edge.reverse].capacity += 1;
    }
  }

  const assignments: FormalMatchAssignment[] = [];
  let totalScore = 0;
  mentees.forEach((mentee, i) => {
    for (const edge of graph[1 + i]) {
      const j = edge.to - 1 - n;
      if (j >= 0 && j < m && edge.cost < 0 && edge.capacity === 0) {
        const score = scoreOf.get(`${i}:${j}`) as number;
        assignments.push({ menteeId: mentee.memberId, mentorId: mentors[j].memberId, score });
        totalScore += score;
      }
    }
  });
  return { assignments, totalScore, matchedCount: assignments.length };
}
