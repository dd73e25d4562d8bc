package io.daos.dmg.command.storage;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.storage.SmdPrinter;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.SmdManageReq;
import io.daos.proto.ctl.SmdManageResp;
import java.util.List;

/** DAOS's smdManageCmd: SmdManage to the hosts, results as an SmdResp. */
abstract class SmdManageCommand extends BaseCommand {
  abstract SmdManageReq request();

  /** The DAOS opcode name (set-faulty, dev-replace, led-check, led-blink, led-reset). */
  abstract String op();

  /** Set-faulty and replace act on one host only. */
  boolean singleHost() {
    return false;
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    SmdManageReq req = request();
    List<String> hosts = context().hostList();
    if (singleHost() && hosts.size() > 1) {
      throw new CommandError("cannot perform " + op() + " operation on > 1 host");
    }
    SmdResp resp = new SmdResp();
    for (HostResult<SmdManageResp> r : client.invokeHosts(CtlSvcGrpc.getSmdManageMethod(), req, hosts)) {
      if (r.error() != null) {
        resp.errors.add(r.addr(), r.error());
      } else {
        resp.addManage(r.addr(), r.response());
      }
    }
    return Outcome.of(resp.toJson(), resp.error(), (out, err) -> print(resp, out, err));
  }

  /** DAOS's PrintSmdManageResp. */
  void print(SmdResp resp, StringBuilder out, StringBuilder err) {
    if (singleHost()) {
      if (!resp.errors.isEmpty()) {
        resp.errors.forEach((msg, hosts) -> err.append(op()).append(" operation failed on ").append(hosts)
            .append(": ").append(msg).append('\n'));
        return;
      }
      SmdPrinter.printManageSuccess(out, op(), resp.hsm);
      return;
    }
    resp.errors.print(err);
    SmdPrinter.printSmdInfo(out, resp.hsm, new SmdPrinter.Options(false, true, true, false));
  }
}
