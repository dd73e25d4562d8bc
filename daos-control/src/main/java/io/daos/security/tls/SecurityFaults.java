package io.daos.security.tls;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;

/** DAOS's security-domain faults (codes 900-903, security/faults.go), each naming the file and the fix. */
public final class SecurityFaults {
  public static final String DOMAIN = "security";
  /** DAOS's resolution for a certificate that does not verify. */
  public static final String INVALID_CERT_RESOLUTION = "verify the certificates in the DAOS server, agent, and "
      + "control configurations are valid, are from the same CA, and are not expired (regenerate them with "
      + "bin/gen_certificates.sh if needed)";
  private static final String SEE_GUIDE = "see \"Secure set-up\" in docs/admin-guide.md: generate certificates "
      + "with bin/gen_certificates.sh and point transport_config's ca_cert, cert and key at them, or set "
      + "allow_insecure: true (or pass -i/--insecure to dmg, daos_server or daos_agent) to run without certificates";

  private SecurityFaults() {
  }

  public static Fault missingCertFile(String path) {
    return new Fault(DOMAIN, FaultCode.SECURITY_MISSING_CERT_FILE,
        "certificates are enabled, but " + path + " was not found", SEE_GUIDE);
  }

  public static Fault unreadableCertFile(String path) {
    return new Fault(DOMAIN, FaultCode.SECURITY_UNREADABLE_CERT_FILE,
        "certificates are enabled, " + path + " was found, but its permissions are incorrect",
        "make " + path + " readable by the user this daemon runs as; " + SEE_GUIDE);
  }

  /** A key or certificate that others may read or write (DAOS pem.go's badPermsError). */
  public static Fault insecurePermissions(String path, int mode, int max) {
    return new Fault(DOMAIN, FaultCode.SECURITY_UNREADABLE_CERT_FILE,
        String.format("%s has insecure permissions 0%o (suggested: 0%o)", path, mode, max),
        String.format("run 'chmod 0%o %s'", max, path));
  }

  public static Fault invalidCertFile(String path, String reason) {
    return new Fault(DOMAIN, FaultCode.SECURITY_INVALID_CERT, "certificate at path \"" + path + "\" is invalid",
        reason, INVALID_CERT_RESOLUTION, null);
  }

  /** A certificate presented in a TLS handshake that did not verify. */
  public static Fault invalidCert(String reason) {
    return new Fault(DOMAIN, FaultCode.SECURITY_INVALID_CERT, "an invalid x509 certificate was detected", reason,
        INVALID_CERT_RESOLUTION, null);
  }

  /** A file that is there and readable but holds no usable PEM data. */
  public static Fault badPem(String path, String what) {
    return new Fault(DOMAIN, FaultCode.SECURITY_INVALID_CERT, path + ": " + what,
        "point transport_config at the PEM files bin/gen_certificates.sh wrote (ca_cert: daosCA.crt, cert: "
            + "<role>.crt, key: <role>.key)");
  }
}
