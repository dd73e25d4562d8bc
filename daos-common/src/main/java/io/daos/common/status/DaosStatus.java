package io.daos.common.status;

import java.util.HashMap;
import java.util.Map;

/**
 * DAOS status codes, numbered exactly as {@code daos_errno.h}: GURT errors count down from -1001,
 * DAOS errors from -2001. These numbers travel on the wire (dRPC bodies, gRPC ErrorInfo, dmg JSON).
 */
public enum DaosStatus {
  SUCCESS(0, "DER_SUCCESS", "Success"),
  NO_PERM(-1001, "DER_NO_PERM", "Operation not permitted"),
  NO_HDL(-1002, "DER_NO_HDL", "Invalid handle"),
  INVAL(-1003, "DER_INVAL", "Invalid parameters"),
  EXIST(-1004, "DER_EXIST", "Entity already exists"),
  NONEXIST(-1005, "DER_NONEXIST", "The specified entity does not exist"),
  UNREACH(-1006, "DER_UNREACH", "Unreachable node"),
  NOSPACE(-1007, "DER_NOSPACE", "No space on storage target"),
  ALREADY(-1008, "DER_ALREADY", "Operation already performed"),
  NOMEM(-1009, "DER_NOMEM", "Out of memory"),
  NOSYS(-1010, "DER_NOSYS", "Function not implemented"),
  TIMEDOUT(-1011, "DER_TIMEDOUT", "Time out"),
  BUSY(-1012, "DER_BUSY", "Device or resource busy"),
  AGAIN(-1013, "DER_AGAIN", "Try again"),
  PROTO(-1014, "DER_PROTO", "Incompatible protocol"),
  UNINIT(-1015, "DER_UNINIT", "Device or resource not initialized"),
  TRUNC(-1016, "DER_TRUNC", "Buffer too short"),
  OVERFLOW(-1017, "DER_OVERFLOW", "Data too long for defined data type or buffer size"),
  CANCELED(-1018, "DER_CANCELED", "Operation canceled"),
  OOG(-1019, "DER_OOG", "Out of group or member list"),
  HG(-1020, "DER_HG", "Transport layer mercury error"),
  UNREG(-1021, "DER_UNREG", "RPC or protocol version not registered"),
  ADDRSTR_GEN(-1022, "DER_ADDRSTR_GEN", "Failed to generate an address string"),
  PMIX(-1023, "DER_PMIX", "PMIx layer error"),
  IVCB_FORWARD(-1024, "DER_IVCB_FORWARD", "Incast variable unavailable locally. Must forward"),
  MISC(-1025, "DER_MISC", "Miscellaneous error"),
  BADPATH(-1026, "DER_BADPATH", "Bad path name"),
  NOTDIR(-1027, "DER_NOTDIR", "Not a directory"),
  CORPC_INCOMPLETE(-1028, "DER_CORPC_INCOMPLETE", "Collective RPC failed"),
  NO_RAS_RANK(-1029, "DER_NO_RAS_RANK", "No rank is subscribed to RAS"),
  NOTATTACH(-1030, "DER_NOTATTACH", "Service group not attached"),
  MISMATCH(-1031, "DER_MISMATCH", "Version mismatch"),
  EXCLUDED(-1032, "DER_EXCLUDED", "Rank has been excluded"),
  NOREPLY(-1033, "DER_NOREPLY", "User provided RPC handler did not send reply back"),
  DOS(-1034, "DER_DOS", "Denial of service"),
  BAD_TARGET(-1035, "DER_BAD_TARGET", "Incorrect target for the RPC"),
  GRPVER(-1036, "DER_GRPVER", "Group versioning mismatch"),
  HLC_SYNC(-1037, "DER_HLC_SYNC", "HLC synchronization error"),
  NO_SHMEM(-1038, "DER_NO_SHMEM", "Not enough shared memory free"),
  ADD_METRIC_FAILED(-1039, "DER_ADD_METRIC_FAILED", "Failed to add the specified metric"),
  DURATION_MISMATCH(-1040, "DER_DURATION_MISMATCH", "Duration end not paired with duration start"),
  OP_NOT_PERMITTED(-1041, "DER_OP_NOT_PERMITTED", "Operation not permitted for metric type provided"),
  EXCEEDS_PATH_LEN(-1042, "DER_EXCEEDS_PATH_LEN", "Path name exceeds permitted length"),
  METRIC_NOT_FOUND(-1043, "DER_METRIC_NOT_FOUND", "Read failed because metric not found"),
  SHMEM_PERMS(-1044, "DER_SHMEM_PERMS", "Unable to access shared memory segment due to incompatible user or group permissions"),
  HG_FATAL(-1045, "DER_HG_FATAL", "Fatal transport layer mercury error"),
  QUOTA_LIMIT(-1046, "DER_QUOTA_LIMIT", "Quota limit reached"),
  IO(-2001, "DER_IO", "I / O error"),
  FREE_MEM(-2002, "DER_FREE_MEM", "Memory free error"),
  ENOENT(-2003, "DER_ENOENT", "Entity not found"),
  NOTYPE(-2004, "DER_NOTYPE", "Unknown object type"),
  NOSCHEMA(-2005, "DER_NOSCHEMA", "Unknown object schema"),
  NOLOCAL(-2006, "DER_NOLOCAL", "Object is not local"),
  STALE(-2007, "DER_STALE", "Stale pool map version"),
  NOTLEADER(-2008, "DER_NOTLEADER", "Not service leader"),
  TGT_CREATE(-2009, "DER_TGT_CREATE", "Target create error"),
  EP_RO(-2010, "DER_EP_RO", "Epoch is read only"),
  EP_OLD(-2011, "DER_EP_OLD", "Epoch is too old. All data have been recycled"),
  KEY2BIG(-2012, "DER_KEY2BIG", "Key is too large"),
  REC2BIG(-2013, "DER_REC2BIG", "Record is too large"),
  IO_INVAL(-2014, "DER_IO_INVAL", "I / O buffers do not match object extents"),
  EQ_BUSY(-2015, "DER_EQ_BUSY", "Event queue is busy"),
  DOMAIN(-2016, "DER_DOMAIN", "Domain of cluster component do not match"),
  SHUTDOWN(-2017, "DER_SHUTDOWN", "Service should shut down"),
  INPROGRESS(-2018, "DER_INPROGRESS", "Operation now in progress"),
  NOTAPPLICABLE(-2019, "DER_NOTAPPLICABLE", "Not applicable"),
  NOTREPLICA(-2020, "DER_NOTREPLICA", "Not a service replica"),
  CSUM(-2021, "DER_CSUM", "Checksum error"),
  DF_INVAL(-2022, "DER_DF_INVAL", "Unsupported durable format"),
  DF_INCOMPT(-2023, "DER_DF_INCOMPT", "Incompatible durable format version"),
  REC_SIZE(-2024, "DER_REC_SIZE", "Record size error"),
  TX_RESTART(-2025, "DER_TX_RESTART", "Transaction should restart"),
  DATA_LOSS(-2026, "DER_DATA_LOSS", "Data lost or not recoverable"),
  OP_CANCELED(-2027, "DER_OP_CANCELED", "Operation canceled"),
  TX_BUSY(-2028, "DER_TX_BUSY", "TX is not committed"),
  AGENT_INCOMPAT(-2029, "DER_AGENT_INCOMPAT", "Agent is incompatible with libdaos"),
  NEED_TX(-2030, "DER_NEED_TX", "To be handled via distributed transaction"),
  RF(-2031, "DER_RF", "Failures exceed RF"),
  FETCH_AGAIN(-2032, "DER_FETCH_AGAIN", "Fetch again"),
  TX_UNCERTAIN(-2033, "DER_TX_UNCERTAIN", "TX status is uncertain"),
  AGENT_COMM(-2034, "DER_AGENT_COMM", "Agent communication error"),
  ID_MISMATCH(-2035, "DER_ID_MISMATCH", "ID mismatch"),
  TGT_RETRY(-2036, "DER_TGT_RETRY", "Retry with other target"),
  NOTSUPPORTED(-2037, "DER_NOTSUPPORTED", "Operation not supported"),
  CONTROL_INCOMPAT(-2038, "DER_CONTROL_INCOMPAT", "One or more control plane components are incompatible"),
  NO_SERVICE(-2039, "DER_NO_SERVICE", "No service available"),
  TX_ID_REUSED(-2040, "DER_TX_ID_REUSED", "TX ID may be reused"),
  UPDATE_AGAIN(-2041, "DER_UPDATE_AGAIN", "update again"),
  NVME_IO(-2042, "DER_NVME_IO", "NVMe I / O error"),
  NO_CERT(-2043, "DER_NO_CERT", "Unable to access one or more certificates"),
  BAD_CERT(-2044, "DER_BAD_CERT", "Invalid x509 certificate"),
  VOS_PARTIAL_UPDATE(-2045, "DER_VOS_PARTIAL_UPDATE", "Same epoch partial overwrite of VOS array value disallowed"),
  CHKPT_BUSY(-2046, "DER_CHKPT_BUSY", "Page is temporarily read only due to checkpointing"),
  DIV_BY_ZERO(-2047, "DER_DIV_BY_ZERO", "Division by zero"),
  OVERLOAD_RETRY(-2048, "DER_OVERLOAD_RETRY", "retry later because of overloaded service"),
  NOT_RESUME(-2049, "DER_NOT_RESUME", "Cannot resume former DAOS check instance"),
  CONT_NONEXIST(-2050, "DER_CONT_NONEXIST", "The specified container does not exist"),
  CONT_DESTROYING(-2051, "DER_CONT_DESTROYING", "The specified container is being destroyed"),
  IGNORE(-2052, "DER_IGNORE", "current item for iteration or something else should be ignored"),
  UNKNOWN(-501000, "DER_UNKNOWN", "Unknown error");

  private static final Map<Integer, DaosStatus> BY_CODE = new HashMap<>();

  static {
    for (DaosStatus s : values()) {
      BY_CODE.put(s.code, s);
    }
  }

  private final int code;
  private final String symbol;
  private final String description;

  DaosStatus(int code, String symbol, String description) {
    this.code = code;
    this.symbol = symbol;
    this.description = description;
  }

  /** The negative wire value (0 for success). */
  public int code() {
    return code;
  }

  /** The C symbol, e.g. {@code DER_NONEXIST}. */
  public String symbol() {
    return symbol;
  }

  public String description() {
    return description;
  }

  /** The status for a wire value; unknown values map to {@link #UNKNOWN}. */
  public static DaosStatus fromCode(int code) {
    return BY_CODE.getOrDefault(code, UNKNOWN);
  }

  /** As DAOS prints a status: {@code "DER_NONEXIST(-1005): The specified entity does not exist"}. */
  @Override
  public String toString() {
    return symbol + "(" + code + "): " + description;
  }
}
