package dev.tandem.connectors;

/** A run was asked for while one of the same connector runs (on this or another instance). */
public class ConnectorBusyException extends RuntimeException {

  ConnectorBusyException(String message) {
    super(message);
  }
}
