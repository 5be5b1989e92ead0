import { shardOf } from '/work/main/src/engine/cluster.js';
import { homeSlot } from '/work/main/src/engine/key-table.js';
import { hashValue } from '/work/main/src/lang/value-order.js';
for (const [bits, n] of [[12, 40000], [17, 200000], [20, 1000000]] as const) {
  const homes = new Set<number>();
  let owned = 0;
  for (let i = 0; i < n; i++) { const h = hashValue([i]); if (shardOf(h, 2) === 1) { owned++; homes.add(homeSlot(h, 32 - bits)); } }
  console.log(`table 2^${bits}: worker 1 owns ${owned}, distinct homes ${homes.size} of ${1 << bits} (${(homes.size / Math.min(owned, 1 << bits) * 100).toFixed(1)}% of possible)`);
}
