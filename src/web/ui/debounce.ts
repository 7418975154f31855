import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs`: a picker asks the server after the typing
 * pauses, not at every key. (A search box kept in the address uses useDebouncedInput.)
 */
export function useDebounced<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
