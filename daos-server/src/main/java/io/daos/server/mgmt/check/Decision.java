package io.daos.server.mgmt.check;

import io.daos.proto.chk.CheckInconsistAction;
import java.util.List;

/**
 * What the check leader does about one inconsistency: the action it takes, or CIA_INTERACT with the options offered
 * to the admin (the first one suggested) and a sentence for each; {@code msg} and {@code label} go into the report.
 */
record Decision(CheckInconsistAction action, List<CheckInconsistAction> options, List<String> details, String msg,
    String label) {

  Decision {
    options = List.copyOf(options);
    details = List.copyOf(details);
  }

  boolean interactive() {
    return action == CheckInconsistAction.CIA_INTERACT;
  }
}
