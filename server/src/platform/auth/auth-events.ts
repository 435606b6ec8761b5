/**
 * "Who may do what changed": users, roles, departments or sessions were written. Services call
 * `authChanged()` after their transaction commits; the principal cache listens and drops its
 * entries so the next request sees the change.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onAuthChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authChanged(): void {
  for (const l of listeners) l();
}
