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

/**
 * How look-ups gather: up to 64 keys, a key that finds the database idle waiting a millisecond
 * for others, two statements at a time.
 */
export const LOOKUP_BATCHES = { maxKeys: 64, waitMs: 1, maxBatches: 2 } as const;

/**
 * Look-ups of many letters that arrive close together, made with one statement for them all
 * instead of one each (decision 45): `load` gets the keys in order and answers one value a key.
 * Gathered as `createGroupCommit` gathers letters; a failed statement fails each of its keys.
 */
export function createBatchedLookup<Key, Value>(options: {
  maxKeys: number;
  waitMs: number;
  maxBatches: number;
  load: (keys: Key[]) => Promise<Value[]>;
}): (key: Key) => Promise<Value> {
  const { load, maxKeys, waitMs, maxBatches } = options;
  const batches = createGroupCommit<Key, Value>({
    maxPieces: maxKeys,
    waitMs,
    maxGroups: maxBatches,
    commit: async (keys) => {
      try {
        const values = await load(keys);
        return values.map((value) => ({ status: 'fulfilled', value }) as const);
      } catch (reason) {
        return keys.map(() => ({ status: 'rejected', reason }) as const);
      }
    },
  });
  return (key) => batches.add(key);
}
