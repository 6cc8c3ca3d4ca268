/**
 * The pool's `onConnect`: gives each new connection a listener for its `error` event. When the server drops a
 * connection (restart, failover, `pg_terminate_backend`, a dropped database), pg emits the error on the client, and
 * an `error` event nobody listens to ends the process. pg-pool listens only while the client is idle (the app logs
 * those through the pool's own `error` event, see payload.config.ts): a client checked out between two statements
 * of a transaction, or the one drizzle's schema push keeps, has no listener. Nothing more is needed here, as the
 * error reaches the client's user at its next statement ("Client has encountered a connection error").
 */
export function survivesDroppedConnection(client: { on: (event: 'error', listener: (error: Error) => void) => unknown }): void {
  client.on('error', () => {})
}
