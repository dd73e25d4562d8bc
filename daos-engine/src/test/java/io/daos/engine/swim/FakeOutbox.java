package io.daos.engine.swim;

import java.util.ArrayList;
import java.util.List;

/** Records what the state machine sends. */
final class FakeOutbox implements Swim.Outbox {
  /** One sent message: {@code target} is the pinged rank for an IREQ, {@code to} for a ping. */
  record Sent(int to, int target, boolean indirect, List<MemberUpdate> upds) {
  }

  final List<Sent> sent = new ArrayList<>();

  @Override
  public void ping(int to, List<MemberUpdate> upds) {
    sent.add(new Sent(to, to, false, List.copyOf(upds)));
  }

  @Override
  public void indirectPing(int via, int target, List<MemberUpdate> upds) {
    sent.add(new Sent(via, target, true, List.copyOf(upds)));
  }

  List<Sent> pings() {
    return sent.stream().filter(s -> !s.indirect()).toList();
  }

  List<Sent> ireqs() {
    return sent.stream().filter(Sent::indirect).toList();
  }

  Sent last() {
    return sent.get(sent.size() - 1);
  }
}
