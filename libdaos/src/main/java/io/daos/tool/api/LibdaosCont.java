package io.daos.tool.api;

import io.daos.client.DaosContainer;
import io.daos.client.cont.ContainerAcl;
import io.daos.client.cont.ContainerInfo;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.Snapshot;
import io.daos.tool.output.Labels;
import io.daos.tool.output.cont.ContQueryInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ContApi} over a libdaos container handle. */
final class LibdaosCont implements ContApi {
  private static final Logger LOG = LoggerFactory.getLogger(LibdaosCont.class);

  private final UUID poolUuid;
  private final DaosContainer cont;
  private final String givenId;

  LibdaosCont(UUID poolUuid, DaosContainer cont, String givenId) {
    this.poolUuid = poolUuid;
    this.cont = cont;
    this.givenId = givenId;
  }

  @Override
  public String id() {
    return Labels.isUuid(givenId) ? cont.uuid().toString() : givenId;
  }

  @Override
  public ContQueryInfo query() {
    ContainerInfo ci = cont.query();
    return new ContQueryInfo(poolUuid, ci.uuid(), ci.label(), ci.latestSnapshot(), ci.openHandles(),
        ci.snapshots(), 0, 0, ci.props());
  }

  @Override
  public io.daos.client.dfs.DfsAttr posixAttrs() {
    return cont.props().layoutType() == io.daos.client.cont.PropType.LAYOUT_POSIX
        ? io.daos.client.dfs.Dfs.query(cont) : null;
  }

  @Override
  public void setProps(ContainerProps props) {
    cont.setProps(props);
  }

  @Override
  public long createSnapshot(String name) {
    return cont.createSnapshot(name);
  }

  @Override
  public List<Snapshot> listSnapshots() {
    return cont.listSnapshots();
  }

  @Override
  public void destroySnapshot(long epoch) {
    cont.destroySnapshot(epoch);
  }

  @Override
  public List<String> listAttributes() {
    return cont.listAttributes();
  }

  @Override
  public Map<String, byte[]> getAttributes(List<String> names) {
    List<String> want = names.isEmpty() ? cont.listAttributes() : names;
    return LibdaosPool.checked(want, want.isEmpty() ? Map.of() : cont.getAttributes(want));
  }

  @Override
  public void setAttributes(Map<String, byte[]> attrs) {
    cont.setAttributes(attrs);
  }

  @Override
  public void deleteAttributes(List<String> names) {
    cont.deleteAttributes(names);
  }

  @Override
  public ContainerAcl getAcl() {
    return cont.getAcl();
  }

  @Override
  public void overwriteAcl(List<String> aces) {
    cont.overwriteAcl(aces);
  }

  @Override
  public void updateAcl(List<String> aces) {
    cont.updateAcl(aces);
  }

  @Override
  public void deleteAcl(String principal) {
    cont.deleteAcl(principal);
  }

  @Override
  public void setOwner(String user, String group) {
    cont.setOwner(user, group);
  }

  @Override
  public int layoutType() {
    return cont.props().layoutType();
  }

  @Override
  public void close() {
    try {
      cont.close();
    } catch (RuntimeException e) {
      LOG.warn("container close failed: {}", e.toString());
    }
  }
}
