import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { TLoginBody, TMe } from '../../contracts/auth.contracts';
import type { Permission } from '../../domain/roles';
import { api, ProblemError, setCsrfToken, whenSessionEnds } from '../api/client';

interface Session {
  me: TMe;
  can: (permission: Permission) => boolean;
  signOut: () => Promise<void>;
}

interface SessionState {
  me: TMe | null;
  loading: boolean;
  sessionEnded: boolean;
  signIn: (credentials: TLoginBody) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionStateContext = createContext<SessionState | null>(null);
const SessionContext = createContext<Session | null>(null);
const ME = ['me'] as const;

async function fetchMe(): Promise<TMe | null> {
  try {
    return await api.get('/auth/me');
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) return null;
    throw error;
  }
}

/**
 * What one person loaded must not be shown to the next one at the same desk. The "me" query
 * stays: the page is watching it, and it is replaced right after.
 */
function forgetOtherData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME[0] });
}

/** Knows who is signed in; the CSRF token travels with the person. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [sessionEnded, setSessionEnded] = useState(false);
  const query = useQuery({ queryKey: ME, queryFn: fetchMe, staleTime: Infinity, retry: false });
  const me = query.data ?? null;

  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);
  useEffect(() => {
    whenSessionEnds(() => {
      if (queryClient.getQueryData(ME)) setSessionEnded(true);
      queryClient.setQueryData(ME, null);
    });
  }, [queryClient]);

  const signIn = useCallback(
    async (credentials: TLoginBody) => {
      const signedIn = await api.post('/auth/login', credentials);
      setCsrfToken(signedIn.csrfToken);
      setSessionEnded(false);
      forgetOtherData(queryClient);
      queryClient.setQueryData(ME, signedIn);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // The session may have ended already; either way this desk is signed out below.
    }
    setCsrfToken(null);
    forgetOtherData(queryClient);
    queryClient.setQueryData(ME, null);
  }, [queryClient]);

  const state = useMemo(
    () => ({ me, loading: query.isPending, sessionEnded, signIn, signOut }),
    [me, query.isPending, sessionEnded, signIn, signOut],
  );
  const session = useMemo(
    () =>
      me
        ? { me, can: (permission: Permission) => me.permissions.includes(permission), signOut }
        : null,
    [me, signOut],
  );
  return (
    <SessionStateContext.Provider value={state}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </SessionStateContext.Provider>
  );
}

export function useSessionState(): SessionState {
  const state = useContext(SessionStateContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in person; only for pages behind sign-in. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession used before signing in');
  return session;
}
