package io.daos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.server.ctl.ControlService;
import io.daos.server.mgmt.MgmtService;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.StreamObserver;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Walks the CtlSvc and MgmtSvc descriptors (DAOS's ctl.proto and mgmt.proto): every method is served by daos_server's
 * own code, none falls through to grpc-java's generated default that answers UNIMPLEMENTED.
 */
class ServicesImplementedTest {
  @Test
  void everyCtlSvcMethodIsImplemented() throws Exception {
    assertEquals(List.of(), unimplemented(CtlSvcGrpc.getServiceDescriptor(), ControlService.class));
  }

  @Test
  void everyMgmtSvcMethodIsImplemented() throws Exception {
    assertEquals(List.of(), unimplemented(MgmtSvcGrpc.getServiceDescriptor(), MgmtService.class));
  }

  private static List<String> unimplemented(ServiceDescriptor sd, Class<?> impl) throws Exception {
    List<String> missing = new ArrayList<>();
    for (MethodDescriptor<?, ?> md : sd.getMethods()) {
      String bare = md.getBareMethodName();
      String javaName = Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
      Method m = find(impl, javaName);
      if (m == null || !m.getDeclaringClass().equals(impl)) {
        missing.add(bare);
      }
    }
    return missing;
  }

  private static Method find(Class<?> impl, String name) {
    for (Method m : impl.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 2
          && m.getParameterTypes()[1].equals(StreamObserver.class)) {
        return m;
      }
    }
    return null;
  }
}
