#!/bin/sh
# Makes a certificate chain for tests and the demo: a national CA and a server certificate
# for localhost/127.0.0.1 signed by it, plus a stranger CA that signed nothing of ours.
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
rm -f server.csr server.ext ca.srl
