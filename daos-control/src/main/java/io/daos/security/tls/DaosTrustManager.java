package io.daos.security.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's trust rules (grpc_cert_configs.go). A server accepts a client whose certificate chains to the CA and
 * allows client authentication; a client accepts a server whose certificate chains to the CA, allows server
 * authentication and has CN "server". Host names are not checked: DAOS certificates name a role, not a host.
 * A refusal says which certificate and why (expired, another CA, wrong role).
 */
public final class DaosTrustManager extends X509ExtendedTrustManager {
  private static final Logger LOG = LoggerFactory.getLogger(DaosTrustManager.class);
  /** DAOS ServerCommonName: the CN a client requires of the server it talks to. */
  public static final String SERVER_COMMON_NAME = "server";

  private final X509TrustManager pkix;
  private final String caPath;
  private final X509Certificate ca;
  private final boolean checkServers;

  private DaosTrustManager(TlsIdentity id, boolean checkServers) {
    this.caPath = id.caPath();
    this.ca = id.ca();
    this.checkServers = checkServers;
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("daosCA", id.ca());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(ks);
      X509TrustManager found = null;
      for (TrustManager t : tmf.getTrustManagers()) {
        if (t instanceof X509TrustManager x) {
          found = x;
        }
      }
      this.pkix = found;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust manager for " + caPath, e);
    }
  }

  /** What a client uses: the server's certificate must be from the CA and have CN "server". */
  public static DaosTrustManager checkingServers(TlsIdentity id) {
    return new DaosTrustManager(id, true);
  }

  /** What a server uses: the client's certificate must be from the CA and allow client authentication. */
  public static DaosTrustManager checkingClients(TlsIdentity id) {
    return new DaosTrustManager(id, false);
  }

  /** The CN of a certificate's subject, or "" when it has none. */
  public static String commonName(X509Certificate c) {
    try {
      for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return String.valueOf(rdn.getValue());
        }
      }
    } catch (InvalidNameException e) {
      return "";
    }
    return "";
  }

  private void check(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw refuse("the peer sent no certificate");
    }
    X509Certificate leaf = chain[0];
    String who = (checkServers ? "server" : "client") + " certificate " + leaf.getSubjectX500Principal().getName();
    try {
      leaf.checkValidity(new Date());
    } catch (CertificateExpiredException e) {
      throw refuse(who + " has expired (valid until " + leaf.getNotAfter() + ")");
    } catch (CertificateNotYetValidException e) {
      throw refuse(who + " is not yet valid (valid from " + leaf.getNotBefore() + ")");
    }
    try {
      if (checkServers) {
        pkix.checkServerTrusted(chain, authType);
      } else {
        pkix.checkClientTrusted(chain, authType);
      }
    } catch (CertificateException e) {
      String why = leaf.getIssuerX500Principal().equals(ca.getSubjectX500Principal()) ? e.getMessage()
          : "issued by " + leaf.getIssuerX500Principal().getName();
      throw refuse(who + " is not accepted by the CA in " + caPath + " (" + ca.getSubjectX500Principal().getName()
          + "): " + why);
    }
    if (checkServers && !SERVER_COMMON_NAME.equals(commonName(leaf))) {
      throw refuse("Server certificate does not identify as Server: " + who + " has CN \"" + commonName(leaf)
          + "\", expected \"" + SERVER_COMMON_NAME + "\"");
    }
  }

  private CertificateException refuse(String why) {
    LOG.warn("TLS handshake refused: {}", why);
    return new CertificateException(why);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    check(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    check(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {ca};
  }
}
