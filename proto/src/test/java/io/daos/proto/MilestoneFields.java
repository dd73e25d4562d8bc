package io.daos.proto;

import java.util.List;

/**
 * Expected layout of the messages the first milestone exchanges with real DAOS, written from
 * docs/reference/daos-control-plane.md §1-2 (not from our .proto files). One line per message:
 * {@code <full name>: <field>=<number>:<type>}; the type is a scalar keyword or the full name of a
 * message/enum, with a trailing {@code *} for repeated fields. Each line lists every field.
 */
final class MilestoneFields {
  static final List<String> MESSAGES = List.of(
      "drpc.Call: module=1:int32 method=2:int32 sequence=3:int64 body=4:bytes",
      "drpc.Response: sequence=1:int64 status=2:drpc.Status body=3:bytes",
      "srv.NotifyReadyReq: uri=1:string nctxs=2:uint32 drpcListenerSock=3:string instanceIdx=4:uint32"
          + " ntgts=5:uint32 incarnation=6:uint64 secondaryUris=7:string* secondaryNctxs=8:uint32*"
          + " check_mode=9:bool",
      "mgmt.JoinReq: sys=1:string uuid=2:string rank=3:uint32 uri=4:string nctxs=5:uint32 addr=6:string"
          + " srvFaultDomain=7:string idx=8:uint32 incarnation=9:uint64 secondary_uris=10:string*"
          + " secondary_nctxs=11:uint32* check_mode=12:bool replace=13:bool",
      "mgmt.JoinResp: status=1:int32 rank=2:uint32 state=3:mgmt.JoinResp.State faultDomain=4:string"
          + " localJoin=5:bool map_version=6:uint32 daos_version=7:uint32",
      "mgmt.SetRankReq: rank=1:uint32 map_version=2:uint32 daos_version=3:uint32",
      "mgmt.DaosResp: status=1:int32",
      "mgmt.LeaderQueryReq: sys=1:string hosts=2:string",
      "mgmt.LeaderQueryResp: current_leader=1:string replicas=2:string* DownReplicas=3:string*",
      "mgmt.GetAttachInfoReq: sys=1:string all_ranks=2:bool interface=3:string domain=4:string",
      "mgmt.GetAttachInfoResp: status=1:int32 rank_uris=2:mgmt.GetAttachInfoResp.RankUri* ms_ranks=3:uint32*"
          + " client_net_hint=4:mgmt.ClientNetHint data_version=5:uint64 sys=6:string"
          + " secondary_rank_uris=7:mgmt.GetAttachInfoResp.RankUri* secondary_client_net_hints=8:mgmt.ClientNetHint*"
          + " build_info=9:mgmt.BuildInfo numa_fabric_interfaces=10:mgmt.FabricInterfaces*",
      "mgmt.GetAttachInfoResp.RankUri: rank=1:uint32 uri=2:string provider_idx=3:uint32 num_ctxs=4:uint32",
      "mgmt.ClientNetHint: provider=1:string interface=2:string domain=3:string crt_timeout=5:uint32"
          + " net_dev_class=6:uint32 srv_srx_set=7:int32 env_vars=8:string* provider_idx=9:uint32",
      "mgmt.BuildInfo: major=1:uint32 minor=2:uint32 patch=3:uint32 tag=4:string",
      "mgmt.SystemMember: addr=1:string uuid=2:string rank=3:uint32 incarnation=4:uint64 state=5:string"
          + " fabric_uri=6:string fabric_contexts=7:uint32 info=8:string fault_domain=9:string"
          + " last_update=10:string secondary_fabric_uris=11:string*",
      "mgmt.SystemQueryReq: sys=1:string ranks=2:string hosts=3:string state_mask=4:uint32",
      "mgmt.SystemQueryResp: members=1:mgmt.SystemMember* absentranks=2:string absenthosts=3:string"
          + " data_version=4:uint64 providers=5:string* sys_self_heal_policy=6:string",
      "mgmt.SystemStopReq: sys=1:string prep=2:bool kill=3:bool force=4:bool ranks=5:string hosts=6:string"
          + " ignore_admin_excluded=7:bool",
      "mgmt.SystemStopResp: results=1:shared.RankResult* absentranks=2:string absenthosts=3:string",
      "mgmt.SystemStartReq: sys=1:string ranks=2:string hosts=3:string check_mode=4:bool"
          + " ignore_admin_excluded=5:bool",
      "mgmt.SystemStartResp: results=1:shared.RankResult* absentranks=2:string absenthosts=3:string",
      "shared.RankResult: rank=1:uint32 action=2:string errored=3:bool msg=4:string state=5:string addr=6:string",
      "shared.RASEvent: id=1:uint32 msg=2:string timestamp=3:string type=4:uint32 severity=5:uint32"
          + " hostname=6:string rank=7:uint32 incarnation=8:uint64 hw_id=9:string proc_id=10:uint64"
          + " thread_id=11:uint64 job_id=12:string pool_uuid=13:string cont_uuid=14:string obj_id=15:string"
          + " ctl_op=16:string str_info=17:string engine_state_info=18:shared.RASEvent.EngineStateEventInfo"
          + " pool_svc_info=19:shared.RASEvent.PoolSvcEventInfo",
      "shared.RASEvent.EngineStateEventInfo: instance=1:uint32 errored=2:bool error=3:string",
      "shared.RASEvent.PoolSvcEventInfo: svc_reps=1:uint32* version=2:uint64",
      "shared.ClusterEventReq: sequence=1:uint64 event=2:shared.RASEvent",
      "shared.ClusterEventResp: sequence=1:uint64 status=2:int32",
      "ctl.RanksReq: force=3:bool ranks=4:string check_mode=5:bool",
      "ctl.RanksResp: results=1:shared.RankResult*",
      "ctl.StorageScanReq: nvme=1:ctl.ScanNvmeReq scm=2:ctl.ScanScmReq",
      "ctl.ScanNvmeReq: Health=1:bool Meta=2:bool Basic=3:bool MetaSize=4:uint64 RdbSize=5:uint64"
          + " MemRatio=6:float LinkStats=7:bool",
      "ctl.ScanScmReq: usage=1:bool",
      "ctl.StorageScanResp: nvme=1:ctl.ScanNvmeResp scm=2:ctl.ScanScmResp sys_mem_info=3:ctl.SysMemInfo",
      "ctl.ScanNvmeResp: ctrlrs=1:ctl.NvmeController* state=2:ctl.ResponseState",
      "ctl.ScanScmResp: modules=1:ctl.ScmModule* namespaces=2:ctl.ScmNamespace* state=3:ctl.ResponseState",
      "ctl.NvmeController: model=1:string serial=2:string pci_addr=3:string fw_rev=4:string socket_id=5:int32"
          + " health_stats=6:ctl.BioHealthResp namespaces=7:ctl.NvmeController.Namespace*"
          + " smd_devices=8:ctl.SmdDevice* dev_state=9:ctl.NvmeDevState led_state=10:ctl.LedState"
          + " pci_dev_type=11:string vendor_id=12:string pci_cfg=13:string",
      "ctl.NvmeController.Namespace: id=1:uint32 size=2:uint64 ctrlr_pci_addr=3:string",
      "ctl.SmdDevice: uuid=1:string tgt_ids=2:int32* total_bytes=6:uint64 avail_bytes=7:uint64"
          + " cluster_size=8:uint64 rank=9:uint32 role_bits=10:uint32 meta_size=11:uint64 meta_wal_size=12:uint64"
          + " rdb_size=13:uint64 rdb_wal_size=14:uint64 usable_bytes=15:uint64 ctrlr=16:ctl.NvmeController"
          + " ctrlr_namespace_id=17:uint32",
      "ctl.ScmNamespace: uuid=1:string blockdev=2:string dev=3:string numa_node=4:uint32 size=5:uint64"
          + " mount=6:ctl.ScmNamespace.Mount",
      "ctl.ScmNamespace.Mount: path=1:string total_bytes=2:uint64 avail_bytes=3:uint64 device_list=4:string*"
          + " class=5:string rank=6:uint32 usable_bytes=7:uint64",
      "ctl.SysMemInfo: hugepages_total=1:uint64 hugepages_free=2:uint64 hugepages_reserved=3:uint64"
          + " hugepages_surplus=4:uint64 hugepage_size_kb=5:uint32 mem_total_kb=6:uint64 mem_free_kb=7:uint64"
          + " mem_available_kb=8:uint64 numa_nodes=9:ctl.MemInfo*",
      "ctl.ResponseState: status=1:ctl.ResponseStatus error=2:string info=3:string",
      "ctl.StorageFormatReq: nvme=1:ctl.FormatNvmeReq scm=2:ctl.FormatScmReq reformat=3:bool replace=4:bool",
      "ctl.StorageFormatResp: crets=1:ctl.NvmeControllerResult* mrets=2:ctl.ScmMountResult*",
      "ctl.NvmeControllerResult: pci_addr=1:string state=2:ctl.ResponseState role_bits=3:uint32",
      "ctl.ScmMountResult: mntpoint=1:string state=2:ctl.ResponseState instanceidx=3:uint32",
      "ctl.NetworkScanReq: provider=1:string excludeinterfaces=2:string",
      "ctl.NetworkScanResp: interfaces=1:ctl.FabricInterface* numacount=2:int32 corespernuma=3:int32",
      "ctl.FabricInterface: provider=1:string device=2:string numanode=3:uint32 priority=4:uint32"
          + " netdevclass=5:uint32");

  /** {@code <full enum name>: NAME=number ...}, every value listed. */
  static final List<String> ENUMS = List.of(
      "drpc.Status: SUCCESS=0 SUBMITTED=1 FAILURE=2 UNKNOWN_MODULE=3 UNKNOWN_METHOD=4 FAILED_UNMARSHAL_CALL=5"
          + " FAILED_UNMARSHAL_PAYLOAD=6 FAILED_MARSHAL=7",
      "mgmt.JoinResp.State: IN=0 OUT=1 CHECK=2",
      "ctl.ResponseStatus: CTL_SUCCESS=0 CTL_IN_PROGRESS=1 CTL_WAITING=2 CTL_ERR_CONF=-1 CTL_ERR_NVME=-2"
          + " CTL_ERR_SCM=-3 CTL_ERR_APP=-4 CTL_ERR_UNKNOWN=-5 CTL_NO_IMPL=-6",
      "ctl.NvmeDevState: UNKNOWN=0 NORMAL=1 NEW=2 EVICTED=3 UNPLUGGED=4",
      "mgmt.PoolServiceState: Creating=0 Ready=1 Destroying=2 TargetsExcluded=3 Unknown=4",
      "mgmt.PoolRebuildStatus.State: BUSY=0 IDLE=1 DONE=2 STOPPING=3 STOPPED=4 FAILING=5 FAILED=6",
      "auth.Flavor: AUTH_NONE=0 AUTH_SYS=1");

  private MilestoneFields() {
  }
}
