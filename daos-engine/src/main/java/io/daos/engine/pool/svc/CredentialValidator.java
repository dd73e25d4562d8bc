package io.daos.engine.pool.svc;

/**
 * Checks a client credential (auth.Credential bytes) and says who it names. The engine asks daos_server (dRPC
 * SEC_VALIDATE_CREDS 401, {@link DrpcCredentialValidator}); tests use a fake.
 */
@FunctionalInterface
public interface CredentialValidator {
  /** The identity, or a DaosException: DER_NO_PERM / DER_NO_CERT / DER_INVAL from the server, DER_PROTO if garbled. */
  Identity validate(byte[] credential);
}
