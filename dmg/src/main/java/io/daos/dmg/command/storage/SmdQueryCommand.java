package io.daos.dmg.command.storage;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.storage.SmdPrinter;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.SmdQueryReq;
import io.daos.proto.ctl.SmdQueryResp;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg storage query list-devices|list-pools} (DAOS's smdQueryCmd): SmdQuery to every host. */
public abstract class SmdQueryCommand extends BaseCommand {
  /** DAOS's NilRank: no rank given. */
  static final int NIL_RANK = -1;

  @Option(names = {"-r", "--rank"}, description = "Constrain operation to the specified server rank")
  Long rank;

  abstract SmdQueryReq request();

  abstract SmdPrinter.Options printOptions();

  boolean evictedOnly() {
    return false;
  }

  int rank() {
    return rank == null ? NIL_RANK : rank.intValue();
  }

  static void checkUuid(String uuid) {
    if (uuid != null && !uuid.isEmpty()) {
      try {
        UUID.fromString(uuid);
      } catch (IllegalArgumentException e) {
        throw new CommandError("invalid UUID: invalid UUID length: " + uuid.length());
      }
    }
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    SmdQueryReq req = request();
    SmdResp resp = new SmdResp();
    for (HostResult<SmdQueryResp> r : client.invokeHosts(CtlSvcGrpc.getSmdQueryMethod(), req,
        context().hostList())) {
      if (r.error() != null) {
        resp.errors.add(r.addr(), r.error());
      } else {
        resp.addQuery(r.addr(), r.response(), evictedOnly());
      }
    }
    return Outcome.of(resp.toJson(), resp.error(), (out, err) -> {
      resp.errors.print(err);
      SmdPrinter.printSmdInfo(out, resp.hsm, printOptions());
    });
  }

  /** {@code list-devices}. */
  @Command(name = "list-devices", description = "List storage devices on the server")
  public static final class ListDevices extends SmdQueryCommand {
    @Option(names = {"-b", "--health"}, description = "Include device health in results")
    boolean health;
    @Option(names = {"-u", "--uuid"}, description = "Device UUID (all devices if blank)")
    String uuid = "";
    @Option(names = {"-e", "--show-evicted"}, description = "Show only evicted faulty devices")
    boolean evicted;

    @Override
    SmdQueryReq request() {
      checkUuid(uuid);
      return SmdQueryReq.newBuilder().setOmitPools(true).setIncludeBioHealth(health).setRank(rank()).setUuid(uuid)
          .build();
    }

    @Override
    boolean evictedOnly() {
      return evicted;
    }

    @Override
    SmdPrinter.Options printOptions() {
      return new SmdPrinter.Options(false, true, false, false);
    }
  }

  /** {@code list-pools}. */
  @Command(name = "list-pools", description = "List pools with NVMe on the server")
  public static final class ListPools extends SmdQueryCommand {
    @Option(names = {"-u", "--uuid"}, description = "Pool UUID (all pools if blank)")
    String uuid = "";
    @Option(names = {"-v", "--verbose"}, description = "Show more detail about pools")
    boolean verbose;

    @Override
    SmdQueryReq request() {
      checkUuid(uuid);
      return SmdQueryReq.newBuilder().setOmitDevices(true).setRank(rank()).setUuid(uuid).build();
    }

    @Override
    SmdPrinter.Options printOptions() {
      return new SmdPrinter.Options(true, false, false, verbose);
    }
  }
}
