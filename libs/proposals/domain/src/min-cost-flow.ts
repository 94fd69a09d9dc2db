/**
 * Textbook min-cost flow (successive shortest paths, Bellman–Ford for the first potentials, then Dijkstra on
 * reduced costs, bottleneck augmentation). Deliberately generic and separate from the assignment solver so it
 * can serve as an independent reference: the two share no flow code.
 */
export class MinCostFlowNetwork {
  private readonly head: number[];
  private readonly next: number[] = [];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  private readonly potentials: number[];

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
    this.potentials = new Array<number>(nodeCount).fill(0);
  }

  /** Adds an arc and its residual twin; returns the arc id for `flowOn`. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.capacity.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  flowOn(arc: number): number {
    return this.capacity[arc ^ 1];
  }

  potential(node: number): number {
    return this.potentials[node];
  }

  /** Sends as much flow as possible (up to `limit`) from source to sink at minimum cost. */
  solve(source: number, sink: number, limit = Number.POSITIVE_INFINITY): { flow: number; cost: number } {
    const n = this.nodeCount;
    const pi = this.potentials;
    // Costs may be negative, so the first potentials come from Bellman–Ford as if a virtual source reached
    // every node at cost 0: that makes them valid on every arc, reachable from `source` or not.
    pi.fill(0);
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        for (let a = this.head[u]; a !== -1; a = this.next[a]) {
          if (this.capacity[a] > 0 && pi[u] + this.cost[a] < pi[this.to[a]]) {
            pi[this.to[a]] = pi[u] + this.cost[a];
            changed = true;
          }
        }
      }
      if (!changed) {
        break;
      }
    }

    let flow = 0;
    let totalCost = 0;
    const dist = new Array<number>(n);
    const predArc = new Array<number>(n);
    while (flow < limit) {
      dist.fill(Number.POSITIVE_INFINITY);
      predArc.fill(-1);
      dist[source] = 0;
      const heap: [number, number][] = [[0, source]];
      while (heap.length > 0) {
        const [d, u] = popMin(heap);
        if (d > dist[u]) {
          continue;
        }
        for (let a = this.head[u]; a !== -1; a = this.next[a]) {
          if (this.capacity[a] <= 0) {
            continue;
          }
          const v = this.to[a];
          const nd = d + this.cost[a] + pi[u] - pi[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            predArc[v] = a;
            pushHeap(heap, [nd, v]);
          }
        }
      }
      if (dist[sink] === Number.POSITIVE_INFINITY) {
        break;
      }
      const sinkDistance = dist[sink];
      // Capping at the sink distance keeps potentials valid for nodes the search could not reach.
      for (let u = 0; u < n; u++) {
        pi[u] += Math.min(dist[u], sinkDistance);
      }
      let push = limit - flow;
      for (let v = sink; v !== source; v = this.to[predArc[v] ^ 1]) {
        push = Math.min(push, this.capacity[predArc[v]]);
      }
      for (let v = sink; v !== source; v = this.to[predArc[v] ^ 1]) {
        const a = predArc[v];
        this.capacity[a] -= push;
        this.capacity[a ^ 1] += push;
        totalCost += push * this.cost[a];
      }
      flow += push;
    }
    return { flow, cost: totalCost };
  }
}

function pushHeap(heap: [number, number][], item: [number, number]): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent][0] <= heap[i][0]) {
      break;
    }
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function popMin(heap: [number, number][]): [number, number] {
  const top = heap[0];
  const last = heap.pop() as [number, number];
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && heap[left][0] < heap[smallest][0]) {
        smallest = left;
      }
      if (right < heap.length && heap[right][0] < heap[smallest][0]) {
        smallest = right;
      }
      if (smallest === i) {
        break;
      }
      [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
      i = smallest;
    }
  }
  return top;
}
