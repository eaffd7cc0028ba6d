#!/usr/bin/env bash
# Installs the AfterSales gateway on a Raspberry Pi OS or plain Debian board, as root:
#   sudo hardware/install.sh BUILD_DIR GATEWAY_JSON [CLOUD_KEY_PEM]
# BUILD_DIR is the board build (dotnet publish src/Gateway -p:PublishProfile=board -o BUILD_DIR), GATEWAY_JSON the
# site's configuration, CLOUD_KEY_PEM the cloud's public config-signing key (curl https://CLOUD/api/v1/config-signing-key),
# installed as /etc/aftersales/cloud-config-key.pem, the path gateway.json's cloudConfigKey names (docs/security.md). Safe to run again (an update: new build, new config, same user and groups).
# ROOT=/some/dir installs into that tree instead of / (used by the tests; nothing is started then).
set -euo pipefail

build=${1:?usage: install.sh BUILD_DIR GATEWAY_JSON}
config=${2:?usage: install.sh BUILD_DIR GATEWAY_JSON [CLOUD_KEY_PEM]}
cloud_key=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
root=${ROOT:-}
user=aftersales

[ -x "$build/AfterSales.Gateway" ] || { echo "install.sh: $build/AfterSales.Gateway not found: give the board build's folder" >&2; exit 2; }
[ -r "$config" ] || { echo "install.sh: $config not readable" >&2; exit 2; }
[ -z "$cloud_key" ] || grep -q "BEGIN PUBLIC KEY" "$cloud_key" || { echo "install.sh: $cloud_key is not the cloud's public key (PEM)" >&2; exit 2; }

# The device groups. Raspberry Pi OS has gpio, i2c and spi; plain Debian has only dialout, so the missing ones are
# created here, and the udev rules below give the devices to them. useradd --groups fails on a group that is missing.
opts=(); [ -n "$root" ] && opts=(--root "$root")
for group in gpio i2c spi dialout; do
  getent_group=$(grep -c "^$group:" "$root/etc/group" || true)
  [ "$getent_group" -gt 0 ] || groupadd "${opts[@]}" --system "$group"
done
getent_group=$(grep -c "^$user:" "$root/etc/group" || true)
[ "$getent_group" -gt 0 ] || groupadd "${opts[@]}" --system "$user"
if ! grep -q "^$user:" "$root/etc/passwd"; then
  useradd "${opts[@]}" --system --gid "$user" --groups gpio,i2c,spi,dialout --home-dir /var/lib/aftersales --no-create-home --shell /usr/sbin/nologin "$user"
else
  usermod "${opts[@]}" --append --groups gpio,i2c,spi,dialout "$user"
fi

# The build, the unit and the device rules.
install -d -m 0755 "$root/opt/aftersales/gateway" "$root/etc/systemd/system" "$root/etc/udev/rules.d"
cp -a "$build/." "$root/opt/aftersales/gateway/"
install -m 0644 "$here/systemd/aftersales-gateway.service" "$root/etc/systemd/system/"
install -m 0644 "$here/udev/99-aftersales.rules" "$root/etc/udev/rules.d/"

# The configuration holds the broker password: readable by root and the service's group only. Without the group
# the service could not read its own file (it would exit 2 naming it).
install -d -m 0750 -o root -g "$(grep "^$user:" "$root/etc/group" | cut -d: -f3)" "$root/etc/aftersales"
install -m 0640 -o root -g "$(grep "^$user:" "$root/etc/group" | cut -d: -f3)" "$config" "$root/etc/aftersales/gateway.json"
# A public key: world-readable is fine; only root may replace it, since it decides which site configs are trusted.
[ -z "$cloud_key" ] || install -m 0644 -o root -g root "$cloud_key" "$root/etc/aftersales/cloud-config-key.pem"

if [ -z "$root" ]; then
  udevadm control --reload && udevadm trigger
  systemctl daemon-reload
  systemctl enable aftersales-gateway
  echo "Installed. Check the site first: systemctl stop aftersales-gateway; /opt/aftersales/gateway/AfterSales.Gateway selftest"
  echo "then: systemctl start aftersales-gateway; journalctl -u aftersales-gateway -f"
fi
