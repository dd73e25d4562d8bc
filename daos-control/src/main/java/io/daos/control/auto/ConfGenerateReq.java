package io.daos.control.auto;

import java.util.List;

/**
 * What {@code config generate} was asked for (DAOS ConfGenerateReq).
 *
 * @param nrEngines engines to generate; 0 = one per NUMA node of the scanned hosts
 * @param netClass the ARPHRD class of the fabric interfaces to use ({@link #ETHER}, {@link #INFINIBAND}, or the
 *     jdaos extension {@link #LOOPBACK})
 * @param netProvider the fabric provider to use; empty = the best available
 * @param scmOnly generate engines without bdevs
 * @param msReplicas the MS replica addresses
 * @param fabricPorts one fabric port per engine; empty = 31416, 32416, ...
 * @param useTmpfsScm a ram (tmpfs) SCM tier per engine instead of PMem or a jdaos dir
 * @param extMetadataPath control metadata path; with useTmpfsScm makes an MD-on-SSD config
 */
public record ConfGenerateReq(int nrEngines, int netClass, String netProvider, boolean scmOnly,
    List<String> msReplicas, List<Integer> fabricPorts, boolean useTmpfsScm, String extMetadataPath) {
  /** ARPHRD_ETHER. */
  public static final int ETHER = 1;
  /** ARPHRD_INFINIBAND. */
  public static final int INFINIBAND = 32;
  /** ARPHRD_LOOPBACK (jdaos: single-host configs on the loopback interface). */
  public static final int LOOPBACK = 772;

  public ConfGenerateReq {
    netProvider = netProvider == null ? "" : netProvider;
    extMetadataPath = extMetadataPath == null ? "" : extMetadataPath;
    msReplicas = List.copyOf(msReplicas);
    fabricPorts = List.copyOf(fabricPorts);
  }

  /** The --net-class value as its ARPHRD number; a clear error for anything else. */
  public static int netClass(String name) {
    return switch (name) {
      case "ethernet" -> ETHER;
      case "infiniband" -> INFINIBAND;
      case "loopback" -> LOOPBACK;
      default -> throw new IllegalArgumentException("unrecognized net-class value " + name
          + " (want ethernet, infiniband or loopback)");
    };
  }

  static String netClassName(int cls) {
    return switch (cls) {
      case ETHER -> "ether";
      case INFINIBAND -> "infiniband";
      case LOOPBACK -> "loopback";
      default -> "class " + cls;
    };
  }
}
