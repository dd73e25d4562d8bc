package io.daos.agent.security;

import io.daos.security.TokenSigner;
import io.daos.agent.config.CredentialConfig.MappedClientUser;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.Flavor;
import io.daos.proto.auth.Sys;
import io.daos.proto.auth.Token;
import io.daos.proto.auth.Validity;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds AUTH_SYS credentials as DAOS's auth.GetSignedCredential does: {@code Sys{stamp 0, short host name,
 * "user@", "group@", every group as "g@", secctx}} in a Token, with the verifier of {@link TokenSigner}
 * (digest when {@code key} is null, else an RSA-PSS signature) and origin "agent". jdaos adds the credential's
 * {@link Validity} (window and nonce) as Sys field 1000, inside the signed bytes, which DAOS peers skip.
 */
public final class CredentialFactory {
  /** Credential origin; daos_server validates against {@code <client_cert_dir>/agent.crt}. */
  public static final String ORIGIN = "agent";

  private final UserDb users;
  private final Supplier<String> hostname;

  public CredentialFactory(UserDb users, Supplier<String> hostname) {
    this.users = users;
    this.hostname = hostname;
  }

  /**
   * The credential of the peer {@code uid}/{@code gid}.
   *
   * @throws UnknownUserException when the host cannot name {@code uid} (the caller may retry with a mapping)
   */
  public Credential create(long uid, long gid, PrivateKey key, Validity validity) throws UnknownUserException,
      GeneralSecurityException {
    UserDb.PosixUser u = users.user(uid).orElseThrow(() -> new UnknownUserException(uid));
    String group = users.groupName(gid).orElse(Long.toString(gid));
    return sign(sys(u.name(), group, users.groupNames(u), validity), key);
  }

  /** The credential for {@code uid} named by a {@code client_user_map} entry instead of the host. */
  public Credential createMapped(MappedClientUser mu, PrivateKey key, Validity validity)
      throws GeneralSecurityException {
    return sign(sys(mu.user(), mu.group(), mu.groups(), validity), key);
  }

  private Sys sys(String user, String group, List<String> groups, Validity validity) {
    return Sys.newBuilder().setStamp(0).setMachinename(shortName(hostname.get())).setUser(user + "@")
        .setGroup(group + "@").addAllGroups(groups.stream().map(g -> g + "@").toList()).setSecctx("")
        .setJdaosValidity(validity).build();
  }

  private static Credential sign(Sys sys, PrivateKey key) throws GeneralSecurityException {
    Token token = Token.newBuilder().setFlavor(Flavor.AUTH_SYS).setData(sys.toByteString()).build();
    byte[] tokenBytes = token.toByteArray();
    byte[] verifier = key == null ? TokenSigner.hash(tokenBytes) : TokenSigner.sign(key, tokenBytes);
    return Credential.newBuilder().setToken(token)
        .setVerifier(Token.newBuilder().setFlavor(Flavor.AUTH_SYS)
            .setData(com.google.protobuf.ByteString.copyFrom(verifier)))
        .setOrigin(ORIGIN).build();
  }

  /** The host name up to its first dot. */
  static String shortName(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  /** The local host name as Go's os.Hostname gives it (the kernel's node name). */
  public static String localHostname() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (java.io.IOException e) {
      try {
        return java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e2) {
        return "localhost";
      }
    }
  }

  /** {@code user: unknown userid N} (Go's user.UnknownUserIdError). */
  public static final class UnknownUserException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownUserException(long uid) {
      super("user: unknown userid " + uid);
    }
  }
}
