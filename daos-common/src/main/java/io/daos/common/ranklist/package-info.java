/** Engine ranks and ranged rank sets ({@code [0-3,7]}): DAOS's src/control/lib/ranklist. */
package io.daos.common.ranklist;
