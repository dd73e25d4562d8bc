/** Credential token signing and verification: DAOS's src/control/security. */
package io.daos.security;
