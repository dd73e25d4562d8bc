package io.daos.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gRPC paths are /ctl.CtlSvc/X and /mgmt.MgmtSvc/X with DAOS's method set and message types. */
class ServiceNamesTest {
  private static final Set<String> CTL_METHODS = Set.of(
      "StorageScan", "StorageFormat", "StorageNvmeRebind", "StorageNvmeAddDevice", "NetworkScan",
      "SmdQuery", "SmdManage", "SetEngineLogMasks", "PrepShutdownRanks", "StopRanks", "ResetFormatRanks",
      "StartRanks", "CollectLog", "CheckEngineRepair");

  private static final Set<String> MGMT_METHODS = Stream.of(
      "Join ClusterEvent LeaderQuery GetAttachInfo SystemQuery SystemStop SystemStart SystemExclude SystemDrain",
      "SystemRebuildManage SystemSelfHealEval SystemErase SystemCleanup SystemSetAttr SystemGetAttr",
      "SystemSetProp SystemGetProp",
      "PoolCreate PoolDestroy PoolEvict PoolExclude PoolDrain PoolExtend PoolReintegrate PoolQuery",
      "PoolQueryTarget PoolSetProp PoolGetProp PoolGetACL PoolOverwriteACL PoolUpdateACL PoolDeleteACL",
      "PoolUpgrade PoolRebuildStart PoolRebuildStop PoolSelfHealEval ListPools ListContainers ContSetOwner",
      "SystemCheckEnable SystemCheckDisable SystemCheckStart SystemCheckStop SystemCheckQuery",
      "SystemCheckSetPolicy SystemCheckGetPolicy SystemCheckRepair SystemCheckEngineReport",
      "FaultInjectReport FaultInjectPoolFault FaultInjectMgmtPoolFault")
      .flatMap(line -> Stream.of(line.split(" "))).collect(Collectors.toSet());

  @Test
  void ctlSvcPaths() {
    assertEquals(paths("ctl.CtlSvc", CTL_METHODS), paths(CtlSvcGrpc.getServiceDescriptor()));
  }

  @Test
  void mgmtSvcPaths() {
    assertEquals(paths("mgmt.MgmtSvc", MGMT_METHODS), paths(MgmtSvcGrpc.getServiceDescriptor()));
  }

  @Test
  void allMethodsAreUnary() {
    Stream.of(CtlSvcGrpc.getServiceDescriptor(), MgmtSvcGrpc.getServiceDescriptor())
        .flatMap(s -> s.getMethods().stream())
        .forEach(m -> assertEquals(MethodDescriptor.MethodType.UNARY, m.getType(), m.getFullMethodName()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ctl.CtlSvc, StorageScan, ctl.StorageScanReq, ctl.StorageScanResp",
      "ctl.CtlSvc, StorageFormat, ctl.StorageFormatReq, ctl.StorageFormatResp",
      "ctl.CtlSvc, NetworkScan, ctl.NetworkScanReq, ctl.NetworkScanResp",
      "ctl.CtlSvc, StopRanks, ctl.RanksReq, ctl.RanksResp",
      "ctl.CtlSvc, StartRanks, ctl.RanksReq, ctl.RanksResp",
      "ctl.CtlSvc, SetEngineLogMasks, ctl.SetLogMasksReq, ctl.SetLogMasksResp",
      "mgmt.MgmtSvc, Join, mgmt.JoinReq, mgmt.JoinResp",
      "mgmt.MgmtSvc, ClusterEvent, shared.ClusterEventReq, shared.ClusterEventResp",
      "mgmt.MgmtSvc, LeaderQuery, mgmt.LeaderQueryReq, mgmt.LeaderQueryResp",
      "mgmt.MgmtSvc, GetAttachInfo, mgmt.GetAttachInfoReq, mgmt.GetAttachInfoResp",
      "mgmt.MgmtSvc, SystemQuery, mgmt.SystemQueryReq, mgmt.SystemQueryResp",
      "mgmt.MgmtSvc, SystemStop, mgmt.SystemStopReq, mgmt.SystemStopResp",
      "mgmt.MgmtSvc, SystemStart, mgmt.SystemStartReq, mgmt.SystemStartResp",
      "mgmt.MgmtSvc, PoolUpgrade, mgmt.PoolUpgradeReq, mgmt.DaosResp",
  })
  void methodMessageTypes(String service, String method, String request, String response) {
    var descriptor = DescriptorLayoutTest.INDEX.service(service).orElseThrow().findMethodByName(method);
    assertEquals(request, descriptor.getInputType().getFullName());
    assertEquals(response, descriptor.getOutputType().getFullName());
  }

  private static Set<String> paths(String service, Set<String> methods) {
    return methods.stream().map(m -> "/" + service + "/" + m).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> paths(ServiceDescriptor service) {
    return service.getMethods().stream().map(m -> "/" + m.getFullMethodName())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
