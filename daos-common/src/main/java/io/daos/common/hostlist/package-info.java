/**
 * Host lists and ranged host sets ({@code node[1-4]}), host:port lists: DAOS's src/control/lib/hostlist.
 */
package io.daos.common.hostlist;
