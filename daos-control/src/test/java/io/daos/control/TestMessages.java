package io.daos.control;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;

/** Runtime-built protobuf messages shaped like DAOS's (sys / status / data_version), for client tests. */
public final class TestMessages {
  public static final Descriptor REQ;
  public static final Descriptor RESP;
  public static final Descriptor PLAIN;

  static {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("jdaos_test.proto").setPackage("mgmt")
        .setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("TestReq")
            .addField(field("sys", 1, FieldDescriptorProto.Type.TYPE_STRING))
            .addField(field("value", 2, FieldDescriptorProto.Type.TYPE_STRING)))
        .addMessageType(DescriptorProto.newBuilder().setName("TestResp")
            .addField(field("status", 1, FieldDescriptorProto.Type.TYPE_INT32))
            .addField(field("data_version", 2, FieldDescriptorProto.Type.TYPE_UINT64))
            .addField(field("value", 3, FieldDescriptorProto.Type.TYPE_STRING)))
        .addMessageType(DescriptorProto.newBuilder().setName("PlainReq")
            .addField(field("value", 1, FieldDescriptorProto.Type.TYPE_STRING)))
        .build();
    try {
      FileDescriptor fd = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
      REQ = fd.findMessageTypeByName("TestReq");
      RESP = fd.findMessageTypeByName("TestResp");
      PLAIN = fd.findMessageTypeByName("PlainReq");
    } catch (DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static final MethodDescriptor<DynamicMessage, DynamicMessage> QUERY = method("mgmt.MgmtSvc/SystemQuery");
  public static final MethodDescriptor<DynamicMessage, DynamicMessage> PLAIN_CALL =
      MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("mgmt.MgmtSvc/Plain")
          .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(PLAIN)))
          .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(RESP))).build();

  private TestMessages() {
  }

  private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
  }

  public static MethodDescriptor<DynamicMessage, DynamicMessage> method(String fullName) {
    return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullName)
        .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(REQ)))
        .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(RESP))).build();
  }

  public static DynamicMessage req(String sys, String value) {
    return DynamicMessage.newBuilder(REQ).setField(REQ.findFieldByName("sys"), sys)
        .setField(REQ.findFieldByName("value"), value).build();
  }

  public static DynamicMessage plain(String value) {
    return DynamicMessage.newBuilder(PLAIN).setField(PLAIN.findFieldByName("value"), value).build();
  }

  public static DynamicMessage resp(int status, long dataVersion, String value) {
    return DynamicMessage.newBuilder(RESP).setField(RESP.findFieldByName("status"), status)
        .setField(RESP.findFieldByName("data_version"), dataVersion)
        .setField(RESP.findFieldByName("value"), value).build();
  }

  public static String value(DynamicMessage m) {
    return (String) m.getField(m.getDescriptorForType().findFieldByName("value"));
  }

  public static String sys(DynamicMessage m) {
    return (String) m.getField(m.getDescriptorForType().findFieldByName("sys"));
  }
}
