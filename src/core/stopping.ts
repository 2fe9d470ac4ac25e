/**
 * Whether the stage is being stopped by SIGINT/SIGTERM. Between the signal and the exit the
 * stage's own code goes on running; from the moment this is set nothing new may start — no
 * child process, no HTTP request — so that "nothing more is done" holds and nothing writes
 * into the temp dirs the signal handler removes.
 */
let stoppingOn: NodeJS.Signals | undefined;

export function beginStopping(signal: NodeJS.Signals): void {
  stoppingOn ??= signal;
}

/** The signal the stage is stopping on, once `beginStopping` was called. */
export function stoppingSignal(): NodeJS.Signals | undefined {
  return stoppingOn;
}

/** The reason a command or request is refused while stopping, or undefined when it may start. */
export function refusedWhileStopping(): string | undefined {
  return stoppingOn ? `not started: the stage is stopping on ${stoppingOn}` : undefined;
}
