package io.daos.dmg.command.storage;

import io.daos.dmg.command.CommandError;
import io.daos.proto.ctl.SetFaultyReq;
import io.daos.proto.ctl.SmdManageReq;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg storage set nvme-faulty}. */
@Command(name = "set", description = "Manually set the device state.", subcommands = StorageSetCommand.NvmeFaulty.class)
public final class StorageSetCommand {

  /** Marks an SSD FAULTY (evicted): its targets go DOWN in the pools using them and rebuild starts. */
  @Command(name = "nvme-faulty", description = "Manually set the device state of an NVMe SSD to FAULTY.")
  public static final class NvmeFaulty extends SmdManageCommand {
    @Option(names = {"-u", "--uuid"}, required = true, description = "Device UUID to set")
    String uuid;
    @Option(names = {"-f", "--force"}, description = "Do not require confirmation")
    boolean force;

    @Override
    SmdManageReq request() {
      SmdQueryCommand.checkUuid(uuid);
      if (!force && !context().json()) {
        System.err.println("This command will permanently mark the device as unusable!");
        if (!consent()) {
          throw new CommandError("consent not given", "answer 'yes', or pass --force to skip the question");
        }
      }
      return SmdManageReq.newBuilder().setFaulty(SetFaultyReq.newBuilder().setUuid(uuid)).build();
    }

    private static boolean consent() {
      System.err.print("Are you sure you want to proceed? (yes/no)\n");
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line != null && line.trim().equalsIgnoreCase("yes");
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    String op() {
      return "set-faulty";
    }

    @Override
    boolean singleHost() {
      return true;
    }
  }
}
