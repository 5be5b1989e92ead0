/** The program the first page opens with: reachability over a graph, in pipe syntax. */
export const SAMPLE_PROGRAM = `-- Reachability: which nodes can be reached from the roots?
let edges = input 0 | key($0[0] ; $0[1]);
let roots = input 1 | key($0[0] ;);
reach: {
    let next = reach | join(edges, ($2 ;));
    var reach = roots + next | distinct;
}
export "reach" = reach::reach | inspect(reached);
`;
