package io.daos.dmg.command.system;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.system.LeaderQueryResponse;
import io.daos.proto.mgmt.LeaderQueryReq;
import io.daos.proto.mgmt.LeaderQueryResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dmg system leader-query}: asks the MS for its leader and replicas, then asks every replica, as DAOS
 * does, to list the ones that do not answer.
 */
@Command(name = "leader-query", description = "Query for current Management Service leader")
public final class LeaderQueryCommand extends BaseCommand {
  /**
   * How long each replica has to answer the down-replica check. DAOS gives it the whole request deadline, so one
   * hung replica holds the command for minutes; a replica this slow is reported down (a jdaos extension).
   */
  static final Duration DOWN_CHECK_TIMEOUT = Duration.ofSeconds(5);

  @Option(names = {"-N", "--down-replicas"}, description = "Show Down Replicas only")
  boolean downReplicasOnly;

  @Override
  protected Outcome execute(ControlInvoker client) {
    LeaderQueryResponse resp;
    try {
      LeaderQueryReq req = LeaderQueryReq.newBuilder().setSys(client.systemName()).build();
      LeaderQueryResp pb = client.invokeMs(MgmtSvcGrpc.getLeaderQueryMethod(), req);
      resp = new LeaderQueryResponse(pb.getCurrentLeader(), SystemConvert.nullIfEmpty(pb.getReplicasList()),
          down(client, req, pb.getReplicasList()));
    } catch (RuntimeException e) {
      throw new CommandError("leader query failed", e);
    }
    return Outcome.of(resp, null, (out, err) -> print(out, resp));
  }

  private static List<String> down(ControlInvoker client, LeaderQueryReq req, List<String> replicas) {
    if (replicas.isEmpty()) {
      return null;
    }
    List<String> down = new ArrayList<>();
    for (HostResult<LeaderQueryResp> r : client.invokeHosts(MgmtSvcGrpc.getLeaderQueryMethod(), req, replicas,
        DOWN_CHECK_TIMEOUT)) {
      if (r.error() != null) {
        down.add(r.addr());
      }
    }
    return down.isEmpty() ? null : down;
  }

  private void print(StringBuilder out, LeaderQueryResponse resp) {
    String downList = String.join(", ", resp.downReplicas() == null ? List.of() : resp.downReplicas());
    if (downReplicasOnly) {
      out.append("Unresponsive Replicas: ").append(downList).append('\n');
      return;
    }
    out.append("Current Leader: ").append(resp.currentLeader()).append('\n')
        .append("   Replica Set: ").append(String.join(", ", resp.replicas() == null ? List.of() : resp.replicas()))
        .append('\n').append("  Unresponsive Replicas: ").append(downList).append('\n');
  }
}
