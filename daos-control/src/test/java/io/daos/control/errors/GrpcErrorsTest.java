package io.daos.control.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.ranklist.Rank;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.StatusRuntimeExceptionCheck;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wire form as DAOS's common/proto/error.go writes and reads it. */
class GrpcErrorsTest {
  private static ErrorInfo detail(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status st = StatusProto.fromThrowable(e);
    assertEquals(Status.Code.INTERNAL.value(), st.getCode());
    assertEquals(1, st.getDetailsCount());
    assertEquals("type.googleapis.com/google.rpc.ErrorInfo", st.getDetails(0).getTypeUrl());
    return st.getDetails(0).unpack(ErrorInfo.class);
  }

  private static RuntimeException overTheWire(Throwable t) {
    StatusRuntimeException sre = GrpcErrors.toStatusRuntimeException(t);
    // what a receiver sees: a fresh status (no cause) plus the trailers
    return GrpcErrors.fromStatus(Status.fromCode(sre.getStatus().getCode())
        .withDescription(sre.getStatus().getDescription()), sre.getTrailers());
  }

  @Test
  void faultMetadataKeys() throws Exception {
    Fault f = new Fault("server", FaultCode.SERVER_WRONG_SYSTEM, "wrong system", "a reason", "use the right one", null);
    StatusRuntimeException sre = GrpcErrors.toStatusRuntimeException(f);
    ErrorInfo info = detail(sre);
    assertEquals("proto.fault.Fault", info.getReason());
    assertEquals("server", info.getDomain());
    assertEquals(Map.of("Domain", "server", "Code", "603", "Description", "wrong system", "Reason", "a reason",
        "Resolution", "use the right one"), info.getMetadataMap());
    assertEquals(f.getMessage(), sre.getStatus().getDescription());
    Fault back = assertInstanceOf(Fault.class, overTheWire(f));
    assertEquals(FaultCode.SERVER_WRONG_SYSTEM, back.code());
    assertEquals("use the right one", back.resolution());
  }

  @Test
  void daosStatus() throws Exception {
    ErrorInfo info = detail(GrpcErrors.toStatusRuntimeException(new DaosException(DaosStatus.NONEXIST)));
    assertEquals("proto.daos.DaosStatus", info.getReason());
    assertEquals("DAOS", info.getDomain());
    assertEquals(Map.of("Status", "-1005"), info.getMetadataMap());
    assertEquals(DaosStatus.NONEXIST,
        assertInstanceOf(DaosException.class, overTheWire(new DaosException(DaosStatus.NONEXIST))).status());
  }

  @Test
  void notLeader() throws Exception {
    NotLeaderException e = new NotLeaderException("10.0.0.2:10001", List.of("10.0.0.1:10001", "10.0.0.2:10001"));
    ErrorInfo info = detail(GrpcErrors.toStatusRuntimeException(e));
    assertEquals("proto.system.ErrNotLeader", info.getReason());
    assertEquals(Map.of("LeaderHint", "10.0.0.2:10001", "Replicas", "[\"10.0.0.1:10001\",\"10.0.0.2:10001\"]"),
        info.getMetadataMap());
    NotLeaderException back = assertInstanceOf(NotLeaderException.class, overTheWire(e));
    assertEquals("10.0.0.2:10001", back.leaderHint());
    assertEquals(e.replicas(), back.replicas());
    assertEquals("not the DAOS Management Service leader (try 10.0.0.2:10001 or one of 10.0.0.1:10001,"
        + "10.0.0.2:10001)", back.getMessage());
  }

  @Test
  void notReplica() throws Exception {
    NotReplicaException e = new NotReplicaException(List.of("a:10001"));
    ErrorInfo info = detail(GrpcErrors.toStatusRuntimeException(e));
    assertEquals("proto.system.ErrNotReplica", info.getReason());
    assertEquals(Map.of("Replicas", "[\"a:10001\"]"), info.getMetadataMap());
    assertEquals(List.of("a:10001"), assertInstanceOf(NotReplicaException.class, overTheWire(e)).replicas());
  }

  @Test
  void poolNotFound() throws Exception {
    PoolNotFoundException e = PoolNotFoundException.byLabel("tank");
    ErrorInfo info = detail(GrpcErrors.toStatusRuntimeException(e));
    assertEquals("proto.system.ErrPoolNotFound", info.getReason());
    assertEquals("{\"Rank\":null,\"UUID\":null,\"Label\":\"tank\"}", info.getMetadataOrThrow("PoolInfo"));
    PoolNotFoundException back = assertInstanceOf(PoolNotFoundException.class, overTheWire(e));
    assertEquals("unable to find pool service with label \"tank\"", back.getMessage());
    assertEquals(Rank.of(3), assertInstanceOf(PoolNotFoundException.class,
        overTheWire(PoolNotFoundException.byRank(Rank.of(3)))).rank().orElseThrow());
  }

  @Test
  void decodesWhatGoSends() {
    // As Go's status.New(codes.Internal, msg).WithDetails(&errdetails.ErrorInfo{...}) encodes a nil replica list.
    ErrorInfo info = ErrorInfo.newBuilder().setReason("proto.system.ErrNotLeader").setDomain("DAOS")
        .putMetadata("LeaderHint", "").putMetadata("Replicas", "null").build();
    com.google.rpc.Status st = com.google.rpc.Status.newBuilder().setCode(13)
        .setMessage("not the DAOS Management Service leader (try  or one of )").addDetails(Any.pack(info)).build();
    StatusRuntimeException sre = StatusProto.toStatusRuntimeException(st);
    NotLeaderException back = assertInstanceOf(NotLeaderException.class,
        GrpcErrors.fromStatus(Status.INTERNAL.withDescription(st.getMessage()), sre.getTrailers()));
    assertEquals("", back.leaderHint());
    assertEquals(List.of(), back.replicas());
  }

  @Test
  void unknownExceptionBecomesUnknownFault() {
    Fault back = assertInstanceOf(Fault.class, overTheWire(new IllegalArgumentException("bad pool size")));
    assertEquals(FaultCode.UNKNOWN, back.code());
    assertEquals("bad pool size", back.description());
  }

  @Test
  void wrappedTypedErrorIsFound() {
    RuntimeException wrapped = new RuntimeException("context", new NotReplicaException(List.of("x:1")));
    assertInstanceOf(NotReplicaException.class, overTheWire(wrapped));
  }

  @Test
  void plainStatusPassesThrough() {
    StatusRuntimeException sre = Status.PERMISSION_DENIED.withDescription("no").asRuntimeException();
    assertSame(sre, GrpcErrors.toStatusRuntimeException(sre));
    RuntimeException back = GrpcErrors.fromStatus(sre.getStatus(), new Metadata());
    StatusRuntimeExceptionCheck.assertCode(Status.Code.PERMISSION_DENIED, back);
    assertEquals("rpc error: code = PermissionDenied desc = no", GrpcErrors.errorString(back));
  }
}
