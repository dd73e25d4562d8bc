/**
 * The erasure code of DAOS's EC object classes: a Reed-Solomon code over GF(2^8) with ISA-L's polynomial (0x11d)
 * and the encode matrix DAOS generates ({@code gf_gen_cauchy1_matrix} in src/object/obj_class.c
 * {@code obj_ec_codec_init}), parity updates from one changed cell ({@code ec_encode_data_update},
 * srv_ec_aggregate.c) and the recovery of lost cells from the first k surviving ones (cli_ec.c
 * {@code obj_ec_recov_codec_init}). {@link io.daos.placement.ec.EcCodecs} hands out ISA-L's codec where libisal is
 * loaded and a pure-Java one with byte-identical results elsewhere.
 */
package io.daos.placement.ec;
