#!/bin/sh
# Makes a certificate chain for tests and the demo: a national CA and a server certificate
# for localhost/127.0.0.1 signed by it; and, to be refused: a stranger CA, a certificate of
# our CA for another host name, an expired one, and a self-signed one for localhost.
#   make-certs.sh DIR
set -eu
dir="$1"
mkdir -p "$dir"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1; }
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Aul test national CA" \
  -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
quiet openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
quiet openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 825 -extfile server.ext -out server.pem
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Someone else" -keyout stranger.key -out stranger.pem
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" -keyout selfsigned.key -out selfsigned.pem \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"
quiet openssl req -newkey rsa:2048 -nodes -subj "/CN=other.example" -keyout wronghost.key -out wronghost.csr
printf 'subjectAltName=DNS:other.example\nextendedKeyUsage=serverAuth\n' > wronghost.ext
quiet openssl x509 -req -in wronghost.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 825 -extfile wronghost.ext -out wronghost.pem
# Expired: signed through `openssl ca`, which can set dates in the past.
mkdir -p ca-db && : > ca-db/index.txt && echo 1000 > ca-db/serial
cat > ca-db/ca.cnf <<CNF
[ca]
default_ca = test
[test]
database = ca-db/index.txt
serial = ca-db/serial
new_certs_dir = ca-db
certificate = ca.pem
private_key = ca.key
default_md = sha256
policy = any
copy_extensions = copy
[any]
commonName = supplied
CNF
quiet openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout expired.key -out expired.csr \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"
quiet openssl ca -batch -config ca-db/ca.cnf -in expired.csr -out expired.pem \
  -startdate 20200101000000Z -enddate 20210101000000Z
rm -rf server.csr server.ext wronghost.csr wronghost.ext expired.csr ca.srl ca-db
