#!/usr/bin/env bash
# Certificates for a secure jdaos/DAOS deployment, laid out as DAOS's utils/certs/gen_certificates.sh lays them:
#
#   DIR/daosCA/private/daosCA.key        CA key (0400; keep it off the servers)
#   DIR/daosCA/certs/daosCA.crt          CA certificate (0644), every component's ca_cert
#   DIR/daosCA/certs/server.{crt,key}    CN=server, serverAuth+clientAuth (daos_server's cert/key)
#   DIR/daosCA/certs/agent.{crt,key}     CN=agent,  clientAuth (daos_agent's cert/key)
#   DIR/daosCA/certs/admin.{crt,key}     CN=admin,  clientAuth (dmg's cert/key)
#   DIR/daosCA/certs/clients/{agent,admin}.crt   the servers' client_cert_dir
#
# RSA 3072 keys, SHA-512 signatures, 1095 days, O=DAOS, as DAOS's script. Keys are 0400, certificates 0644.
# Run as root, files are given to daos_server/daos_agent where those users exist (as DAOS does).
set -euo pipefail

usage() {
  cat >&2 <<EOF
Usage: gen_certificates.sh [DIR]
Generate certificates for a DAOS deployment in DIR/daosCA (DIR defaults to the current directory).
EOF
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
if [ $# -gt 1 ]; then
  usage
  exit 1
fi
if ! command -v openssl >/dev/null 2>&1; then
  echo "gen_certificates.sh: openssl is not installed (Debian/Ubuntu: apt-get install openssl; EL: dnf install openssl)" >&2
  exit 1
fi

DAYS=1095
BITS=3072
CA_HOME="${1:-.}/daosCA"
PRIVATE="$CA_HOME/private"
CERTS="$CA_HOME/certs"
CLIENTS="$CERTS/clients"

if [ -e "$CA_HOME" ]; then
  echo "$CA_HOME already exists, exiting." >&2
  exit 1
fi

umask 077
mkdir -p "$PRIVATE" "$CERTS"
chmod 700 "$CA_HOME" "$PRIVATE"
chmod 755 "$CERTS"
WORK="$(mktemp -d "$CA_HOME/.work.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

give() { # give FILE USER: chown to USER when root and USER exists
  if [ "$(id -u)" = 0 ] && id "$2" >/dev/null 2>&1; then
    chown "$2:$2" "$1" 2>/dev/null || true
  fi
}

cat >"$WORK/ca.cnf" <<EOF
[ req ]
prompt             = no
distinguished_name = ca_dn
x509_extensions    = ca_ext
[ ca_dn ]
organizationName = DAOS
commonName       = DAOS CA
[ ca_ext ]
keyUsage         = critical,digitalSignature,nonRepudiation,keyEncipherment,keyCertSign
basicConstraints = critical,CA:true,pathlen:1
subjectKeyIdentifier = hash
[ ext_server ]
keyUsage         = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
[ ext_agent ]
keyUsage         = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
[ ext_admin ]
keyUsage         = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
EOF

echo "Generating Private CA Root Certificate"
openssl genrsa -out "$PRIVATE/daosCA.key" "$BITS" 2>/dev/null
chmod 0400 "$PRIVATE/daosCA.key"
openssl req -new -x509 -config "$WORK/ca.cnf" -days "$DAYS" -sha512 -key "$PRIVATE/daosCA.key" \
  -out "$CERTS/daosCA.crt" -batch
chmod 0644 "$CERTS/daosCA.crt"
echo "Private CA Root Certificate created in $CA_HOME"

serial=1
leaf() { # leaf ROLE OWNER
  local role=$1 owner=$2
  echo "Generating ${role^} Certificate"
  openssl genrsa -out "$CERTS/$role.key" "$BITS" 2>/dev/null
  chmod 0400 "$CERTS/$role.key"
  openssl req -new -key "$CERTS/$role.key" -subj "/O=DAOS/CN=$role" -out "$WORK/$role.csr" -batch
  openssl x509 -req -in "$WORK/$role.csr" -CA "$CERTS/daosCA.crt" -CAkey "$PRIVATE/daosCA.key" \
    -set_serial "$serial" -days "$DAYS" -sha512 -extfile "$WORK/ca.cnf" -extensions "ext_$role" \
    -out "$CERTS/$role.crt" 2>/dev/null
  serial=$((serial + 1))
  chmod 0644 "$CERTS/$role.crt"
  give "$CERTS/$role.key" "$owner"
  give "$CERTS/$role.crt" "$owner"
  echo "Required ${role^} Certificate Files:
    $CERTS/daosCA.crt
    $CERTS/$role.key
    $CERTS/$role.crt"
}

leaf server daos_server
leaf agent daos_agent
leaf admin "$(id -un)"

mkdir -p "$CLIENTS"
chmod 755 "$CLIENTS"
for c in admin agent; do
  cp "$CERTS/$c.crt" "$CLIENTS/$c.crt"
  chmod 644 "$CLIENTS/$c.crt"
  give "$CLIENTS/$c.crt" daos_server
done
give "$CLIENTS" daos_server
echo "Authorized Clients Certificate Files on DAOS Servers:
    $CLIENTS/agent.crt
    $CLIENTS/admin.crt"
