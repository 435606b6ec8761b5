/**
 * The reactions between modules that keep derived state current: credit re-evaluates an entity
 * when a record joins its archive, when its registry facts change and after a bulk import, and the
 * lists open a penalty publication when a penalty is recorded (Order 45). They used to be
 * registered by the credit route plugins, so the CLI (which loads no routes) imported entities
 * that were never graded. Now the server (bootstrap and buildApp) and the CLI both call this.
 */
import { registerCreditListeners, registerCreditLists, type CalendarProvider } from './modules/credit/index.js';
import { createCalendarStore } from './modules/system/index.js';

export interface DomainDeps {
  /** The working-day calendar the list clocks use; the app passes its shared store. */
  calendar?: CalendarProvider;
}

/** Register every cross-module listener. Idempotent; the last calendar given is the one used. */
export function registerDomain(deps: DomainDeps = {}): void {
  registerCreditListeners();
  registerCreditLists({ calendar: deps.calendar ?? createCalendarStore() });
}
