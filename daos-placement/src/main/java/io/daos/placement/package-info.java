/** Object classes, object ids and jump-map placement: DAOS's src/placement and src/object/obj_class.c. */
package io.daos.placement;
