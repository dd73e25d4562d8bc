package io.daos.common.acl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** File errors worded as Go's os package prints them ("open /x/y: no such file or directory"), as dmg shows. */
public final class GoFileErrors {
  private GoFileErrors() {
  }

  public static String text(String op, String path, IOException e) {
    String why;
    if (e instanceof NoSuchFileException) {
      why = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      why = "file exists";
    } else if (e instanceof NotDirectoryException) {
      why = "not a directory";
    } else {
      why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return op + " " + path + ": " + why;
  }
}
