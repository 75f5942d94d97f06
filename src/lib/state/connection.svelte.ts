import { onConnectionStatus, type ConnectionStatus } from '../db';

/** The database connection as the reader needs to hear about it (other tabs, upgrades). */
class ConnectionState {
  #status = $state<ConnectionStatus>('connecting');

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Follows the shared connection; returns the unsubscribe, for an `$effect`. */
  start(): () => void {
    return onConnectionStatus((status) => {
      this.#status = status;
    });
  }

  reload(): void {
    location.reload();
  }
}

export const connection = new ConnectionState();
