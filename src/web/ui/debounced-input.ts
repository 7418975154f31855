import { useEffect, useEffectEvent, useState } from 'react';

/**
 * What is typed into a search box, handed on after a pause in typing (so a search does not run
 * on every key), or at once with `flush` (Enter). Follows the value when it changes elsewhere,
 * e.g. the address after the back button.
 */
export function useDebouncedInput(value: string, onCommit: (text: string) => void, delay = 300) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== committed) {
      setText(value);
      setCommitted(value);
    }
  }
  const commit = useEffectEvent((next: string) => {
    setCommitted(next);
    onCommit(next);
  });
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => commit(text), delay);
    return () => clearTimeout(timer);
  }, [text, value, delay]);
  const flush = () => {
    if (text !== value) {
      setCommitted(text);
      onCommit(text);
    }
  };
  return { text, setText, flush };
}
