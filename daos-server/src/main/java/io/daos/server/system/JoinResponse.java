package io.daos.server.system;

/** The result of a join: the member as stored, whether it was created, its previous state, the map version. */
public record JoinResponse(Member member, boolean created, MemberState prevState, int mapVersion) {
}
