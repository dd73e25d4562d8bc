package io.daos.dmg.fake;

import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted CtlSvc for storage and network fan-out. */
public final class FakeCtlSvc extends CtlSvcGrpc.CtlSvcImplBase {
  public final List<Object> requests = new CopyOnWriteArrayList<>();
  public volatile StorageScanResp storageScan = StorageScanResp.getDefaultInstance();
  public volatile StorageFormatResp storageFormat = StorageFormatResp.getDefaultInstance();
  public volatile NetworkScanResp networkScan = NetworkScanResp.getDefaultInstance();

  @Override
  public void storageScan(StorageScanReq req, StreamObserver<StorageScanResp> obs) {
    requests.add(req);
    obs.onNext(storageScan);
    obs.onCompleted();
  }

  @Override
  public void storageFormat(StorageFormatReq req, StreamObserver<StorageFormatResp> obs) {
    requests.add(req);
    obs.onNext(storageFormat);
    obs.onCompleted();
  }

  @Override
  public void networkScan(NetworkScanReq req, StreamObserver<NetworkScanResp> obs) {
    requests.add(req);
    obs.onNext(networkScan);
    obs.onCompleted();
  }
}
