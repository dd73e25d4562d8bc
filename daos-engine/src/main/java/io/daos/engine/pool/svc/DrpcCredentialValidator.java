package io.daos.engine.pool.svc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.Flavor;
import io.daos.proto.auth.Sys;
import io.daos.proto.auth.Token;
import io.daos.proto.auth.ValidateCredReq;
import io.daos.proto.auth.ValidateCredResp;
import java.io.IOException;
import java.util.function.Supplier;

/** Validates credentials through daos_server's SEC module (dRPC 401), as DAOS's {@code ds_sec_validate_credentials}. */
public final class DrpcCredentialValidator implements CredentialValidator {
  private final Supplier<DrpcClient> server;

  public DrpcCredentialValidator(Supplier<DrpcClient> server) {
    this.server = server;
  }

  @Override
  public Identity validate(byte[] credential) {
    Credential cred;
    try {
      cred = Credential.parseFrom(credential);
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "malformed credential: " + e.getMessage());
    }
    DrpcClient c = server.get();
    if (c == null) {
      throw new DaosException(DaosStatus.UNINIT, "no dRPC connection to daos_server to validate credentials");
    }
    ValidateCredResp resp;
    try {
      byte[] body = c.call(DrpcMethod.SEC_VALIDATE_CREDS, ValidateCredReq.newBuilder().setCred(cred).build()
          .toByteArray());
      resp = ValidateCredResp.parseFrom(body);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "validating the credential with daos_server: " + e.getMessage(), e);
    }
    if (resp.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(resp.getStatus()), "daos_server refused the credential");
    }
    return identity(resp.getToken());
  }

  /** The AUTH_SYS payload of a validated token. */
  static Identity identity(Token token) {
    if (token.getFlavor() != Flavor.AUTH_SYS) {
      throw new DaosException(DaosStatus.PROTO, "credential flavor " + token.getFlavor() + " is not supported");
    }
    try {
      Sys sys = Sys.parseFrom(token.getData());
      return new Identity(sys.getUser(), sys.getGroup(), sys.getGroupsList(), sys.getMachinename());
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "invalid AUTH_SYS payload: " + e.getMessage());
    }
  }
}
