#!/bin/sh
# Restore a backup archive into a NEW PostgreSQL database, as docs/deploy.md says.
#
#   ops/restore.sh postgres://portal:PASSWORD@10.0.0.20/portal_restore /srv/portal/backups/portal-2025-11-20.tar.gz
#
# 1. creates the database (UTF-8, ctype C.UTF-8: pg_trgm then makes trigrams from Persian);
# 2. runs the start checks and `migrate` on it;
# 3. runs `restore`, which checks the archive's signature (DJANGO_BACKUP_KEY_FILE or
#    --key-file), decrypts it if it is encrypted (the operator's GnuPG key), says what it will
#    replace and asks for the word "restore".
# Extra arguments go to `restore` (e.g. --key-file /etc/portal/backup.key).
# PORTAL_MANAGE is how to run manage.py (default: portal-manage, the wrapper in docs/deploy.md).
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 DATABASE_URL ARCHIVE [restore options]" >&2
    exit 2
fi
url=$1
archive=$2
shift 2
manage=${PORTAL_MANAGE:-portal-manage}
name=${url##*/}
name=${name%%\?*}
server=${url%/*}

createdb --maintenance-db="$server/postgres" --template=template0 --encoding=UTF8 \
    --lc-collate=C.UTF-8 --lc-ctype=C.UTF-8 "$name"
DATABASE_URL=$url $manage check --database default
DATABASE_URL=$url $manage migrate --noinput
DATABASE_URL=$url $manage restore "$archive" "$@"
echo "Restored into $name. Look at it, then switch DATABASE_URL in /etc/portal/env and restart."
