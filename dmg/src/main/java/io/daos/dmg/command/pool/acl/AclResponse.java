package io.daos.dmg.command.pool.acl;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.common.acl.AclText;
import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.AccessControlList;
import io.grpc.MethodDescriptor;

/**
 * The answer of the four pool ACL RPCs: sends the request to the MS, turns a failure or a non-zero status into
 * "{@code <what> command failed: <cause>}", and gives DAOS's JSON ({@code {"ACL":{"entries":..,"owner_user":..,
 * "owner_group":..}}}) and text.
 */
record AclResponse(AccessControlList acl) {
  static <Q> AclResponse call(ControlInvoker client, MethodDescriptor<Q, ACLResp> method, Q req, String what) {
    ACLResp resp;
    try {
      resp = client.invokeMs(method, req);
    } catch (RuntimeException e) {
      throw new CommandError(what + " command failed", e);
    }
    if (resp.getStatus() != 0) {
      throw new CommandError(what + " command failed", new DaosException(DaosStatus.fromCode(resp.getStatus())));
    }
    return new AclResponse(resp.getAcl());
  }

  JsonObject toJson() {
    JsonObject acl = new JsonObject();
    if (this.acl.getEntriesCount() == 0) {
      acl.add("entries", JsonNull.INSTANCE);
    } else {
      JsonArray entries = new JsonArray();
      this.acl.getEntriesList().forEach(entries::add);
      acl.add("entries", entries);
    }
    acl.addProperty("owner_user", this.acl.getOwnerUser());
    acl.addProperty("owner_group", this.acl.getOwnerGroup());
    JsonObject resp = new JsonObject();
    resp.add("ACL", acl);
    return resp;
  }

  String text(boolean verbose) {
    return AclText.format(acl.getEntriesList(), acl.getOwnerUser(), acl.getOwnerGroup(), verbose);
  }

  static String poolId(String pool) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("the required argument `<pool label or UUID>` was not provided");
    }
    return pool;
  }
}
