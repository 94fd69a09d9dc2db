import { MinCostFlowNetwork } from './min-cost-flow';

describe('MinCostFlowNetwork', () => {
  it('routes maximum flow at minimum cost', () => {
    // Nodes: s=0, a=1, b=2, t=3. Paths: s-a-t costs 4, s-a-b-t 3, s-b-t 3. Capacities allow 3 units:
    // s-a-t (4) + s-a-b-t (3) + s-b-t (3) = 10.
    const network = new MinCostFlowNetwork(4);
    network.addArc(0, 1, 2, 1);
    network.addArc(0, 2, 1, 2);
    const at = network.addArc(1, 3, 1, 3);
    const ab = network.addArc(1, 2, 1, 1);
    network.addArc(2, 3, 2, 1);
    expect(network.solve(0, 3)).toEqual({ flow: 3, cost: 10 });
    expect(network.flowOn(at)).toBe(1);
    expect(network.flowOn(ab)).toBe(1);
  });

  it('handles negative costs and a flow limit', () => {
    // s→x→t costs −5 + 2 = −3, s→t costs 0. With limit 1 only the cheaper path is used.
    const build = (): MinCostFlowNetwork => {
      const network = new MinCostFlowNetwork(3);
      network.addArc(0, 1, 1, -5);
      network.addArc(1, 2, 1, 2);
      network.addArc(0, 2, 1, 0);
      return network;
    };
    expect(build().solve(0, 2, 1)).toEqual({ flow: 1, cost: -3 });
    expect(build().solve(0, 2)).toEqual({ flow: 2, cost: -3 });
  });

  it('re-routes earlier flow when a later path needs it (uses residual arcs)', () => {
    // s=0, u=1, v=2, t=3. Cheapest first path s-u-v-t (1+1+1=3) blocks s-u-t and s-v-t; the optimum for
    // 2 units is s-u-t + s-v-t = (1+5) + (5+1) = 12, reached by cancelling u→v.
    const network = new MinCostFlowNetwork(4);
    network.addArc(0, 1, 1, 1);
    network.addArc(0, 2, 1, 5);
    const uv = network.addArc(1, 2, 1, 1);
    network.addArc(1, 3, 1, 5);
    network.addArc(2, 3, 1, 1);
    expect(network.solve(0, 3)).toEqual({ flow: 2, cost: 12 });
    expect(network.flowOn(uv)).toBe(0);
  });
});
