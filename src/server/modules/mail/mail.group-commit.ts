/**
 * Gathers work that arrives close together into groups, each handed to `commit` whole, and
 * answers each piece with its own outcome once its group is done (decision 45). A piece that
 * arrives while no group is being committed waits `waitMs` for others; one that arrives while
 * `maxGroups` groups are being committed waits for one of them to end, and goes with the pieces
 * that gathered meanwhile: the busier the database, the larger the groups, and nobody waits when
 * the line is quiet but for `waitMs`. Pieces keep the order they arrived in.
 */
export function createGroupCommit<Piece, Result>(options: {
  maxPieces: number;
  waitMs: number;
  maxGroups: number;
  /** One outcome a piece, in the pieces' order; must not reject (a failure is a piece's). */
  commit: (pieces: Piece[]) => Promise<Array<PromiseSettledResult<Result>>>;
}) {
  const { maxPieces, waitMs, maxGroups, commit } = options;
  const waiting: Array<{
    piece: Piece;
    resolve(result: Result): void;
    reject(error: unknown): void;
  }> = [];
  let running = 0;
  let timer: NodeJS.Timeout | null = null;

  function start(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    while (running < maxGroups && waiting.length > 0) {
      const group = waiting.splice(0, maxPieces);
      running += 1;
      void commit(group.map((entry) => entry.piece))
        .then(
          (outcomes) =>
            group.forEach((entry, index) => {
              const outcome = outcomes[index];
              if (outcome?.status === 'fulfilled') entry.resolve(outcome.value);
              else entry.reject(outcome ? outcome.reason : new Error('A piece got no outcome.'));
            }),
          (error: unknown) => group.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          running -= 1;
          // What gathered while this group was committed goes at once: it has waited already.
          start();
        });
    }
  }

  return {
    add(piece: Piece): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ piece, resolve, reject });
        if (running >= maxGroups) return;
        if (waiting.length >= maxPieces) start();
        else timer ??= setTimeout(start, waitMs);
      });
    },
  };
}
